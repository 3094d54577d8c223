import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BadUserInputError } from '../common/errors/domain-errors';
import { NeedSourceReports } from '../needs/need-source-reports';
import { NationalReport } from './entities/national-report.entity';

/** Serves the needs feature's check of a need's source report from this feature's tables. */
@Injectable()
export class NationalReportLinks implements NeedSourceReports {
  async requireReportOfCountry(manager: EntityManager, reportId: string, countryIso3: string, field: string): Promise<void> {
    const belongs = await manager.existsBy(NationalReport, { id: reportId, countryIso3 });
    // One message for a missing report and another country's, so the answer reveals nothing about the latter.
    if (!belongs)
      throw BadUserInputError.forField(field, `There is no national report ${reportId} of ${countryIso3}; import the report first.`);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BadUserInputError } from '../common/errors/domain-errors';
import { NeedSourceReports } from '../needs/need-source-reports';
import { NationalReport } from './entities/national-report.entity';

/** Serves the needs feature's check of a need's source report from this feature's tables. */
@Injectable()
export class NationalReportLinks implements NeedSourceReports {
  async requireReportOfCountry(manager: EntityManager, reportId: string, countryIso3: string, field: string): Promise<number> {
    const report = await manager.findOne(NationalReport, { where: { id: reportId, countryIso3 }, select: { id: true, year: true } });
    // One message for a missing report and another country's, so the answer reveals nothing about the latter.
    if (!report)
      throw BadUserInputError.forField(field, `There is no national report ${reportId} of ${countryIso3}; import the report first.`);
    return report.year;
  }
}

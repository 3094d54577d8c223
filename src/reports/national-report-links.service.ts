import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BadUserInputError } from '../common/errors/domain-errors';
import { NationalReport } from './entities/national-report.entity';

/**
 * Lets the needs feature check a need's link to a national report without reaching into this
 * feature's tables: a need may only cite a report of its own country.
 */
@Injectable()
export class NationalReportLinks {
  /** Throws BAD_USER_INPUT on `field` unless the report exists and belongs to `countryIso3`. */
  async requireReportOfCountry(manager: EntityManager, reportId: string, countryIso3: string, field: string): Promise<void> {
    const belongs = await manager.existsBy(NationalReport, { id: reportId, countryIso3 });
    // One message for a missing report and another country's, so the answer reveals nothing about the latter.
    if (!belongs) throw BadUserInputError.forField(field, `There is no national report ${reportId} of ${countryIso3}; import the report first.`);
  }
}

import { EntityManager } from 'typeorm';

/**
 * Checks a need's link to the national report it was drawn from: a need may only cite a report of
 * its own country. The needs feature owns this contract; the reports feature, which sits above
 * needs, serves it, so neither imports the other both ways.
 */
export abstract class NeedSourceReports {
  /** The report's year; throws BAD_USER_INPUT on `field` unless the report exists and belongs to `countryIso3`. */
  abstract requireReportOfCountry(manager: EntityManager, reportId: string, countryIso3: string, field: string): Promise<number>;
}

import { loaderToken } from '../common/graphql/request-loaders';
import { Need } from '../needs/entities/need.entity';
import { NationalReport } from './entities/national-report.entity';

/** Per-request DataLoaders this feature serves (registered by ReportsModule). */
export const NATIONAL_REPORT_BY_ID = loaderToken<string, NationalReport>('nationalReportById');
export const NEEDS_BY_NATIONAL_REPORT = loaderToken<string, Need[]>('needsByNationalReportId');

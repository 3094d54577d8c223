/** Names of the per-request DataLoaders this feature registers (see ReportsModule). */
export const NATIONAL_REPORT_BY_ID = 'nationalReportById';
export const NEEDS_BY_NATIONAL_REPORT = 'needsByNationalReportId';

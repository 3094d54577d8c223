import { Global, Module } from '@nestjs/common';
import { NeedSourceReports } from '../needs/need-source-reports';
import { NationalReportLinks } from './national-report-links.service';

/**
 * Provides the needs feature's `NeedSourceReports` contract. Global, because the needs module may not
 * import the reports feature (which depends on needs); the application and the worker import it once.
 */
@Global()
@Module({
  providers: [{ provide: NeedSourceReports, useClass: NationalReportLinks }],
  exports: [NeedSourceReports],
})
export class NationalReportLinksModule {}

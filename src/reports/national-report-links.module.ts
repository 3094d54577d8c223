import { Module } from '@nestjs/common';
import { NationalReportLinks } from './national-report-links.service';

/** The one piece of the reports feature the needs feature depends on; kept apart so it brings nothing else along. */
@Module({
  providers: [NationalReportLinks],
  exports: [NationalReportLinks],
})
export class NationalReportLinksModule {}

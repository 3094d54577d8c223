import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { NeedNationalReportResolver } from './need-national-report.resolver';
import { NATIONAL_REPORT_BY_ID, NEEDS_BY_NATIONAL_REPORT } from './report-loaders';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** National reports as the source of needs: import, draft needs, theme suggestions. */
@Module({
  providers: [ReportsService, ReportsResolver, NeedNationalReportResolver],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly reports: ReportsService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(NATIONAL_REPORT_BY_ID, this.reports.reportsByIds);
    this.loaders.register(NEEDS_BY_NATIONAL_REPORT, this.reports.needsByReportIds);
  }
}

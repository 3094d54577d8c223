import { Module } from '@nestjs/common';
import { NationalReportLinksModule } from '../reports/national-report-links.module';
import { NeedsResolver } from './needs.resolver';
import { NeedsService } from './needs.service';

@Module({
  imports: [NationalReportLinksModule],
  providers: [NeedsService, NeedsResolver],
  exports: [NeedsService],
})
export class NeedsModule {}

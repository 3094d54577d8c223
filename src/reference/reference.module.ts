import { Global, Module } from '@nestjs/common';
import { CountryResolver, ReportingCycleResolver, ThemeResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';

/** Global: almost every feature validates or displays countries and themes. */
@Global()
@Module({
  providers: [ReferenceService, CountryResolver, ThemeResolver, ReportingCycleResolver],
  exports: [ReferenceService],
})
export class ReferenceModule {}

import { Module } from '@nestjs/common';
import { NeedChanges } from './need-changes';
import { NeedsResolver } from './needs.resolver';
import { NeedsService } from './needs.service';

@Module({
  providers: [NeedsService, NeedsResolver, NeedChanges],
  exports: [NeedsService, NeedChanges],
})
export class NeedsModule {}

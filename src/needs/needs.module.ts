import { Module, OnModuleInit } from '@nestjs/common';
import { LoadersModule } from '../common/graphql/loaders.module';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { NeedChanges } from './need-changes';
import { NEED_BY_ID, NEED_WITH_THEMES, OTHER_FUNDING_OF_NEED } from './need-loaders';
import { NeedsResolver } from './needs.resolver';
import { NeedsService } from './needs.service';

@Module({
  imports: [LoadersModule],
  providers: [NeedsService, NeedsResolver, NeedChanges],
  exports: [NeedsService, NeedChanges],
})
export class NeedsModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly needs: NeedsService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(NEED_BY_ID, this.needs.needRowsByIds);
    this.loaders.register(NEED_WITH_THEMES, this.needs.needsByIds);
    this.loaders.register(OTHER_FUNDING_OF_NEED, this.needs.otherFundingOfNeeds);
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { MatchesResolver } from './matches.resolver';
import { MatchesService } from './matches.service';
import { MatchingCoreModule } from './matching-core.module';
import { MatchingRunResolver } from './matching.resolver';
import { MatchingService } from './matching.service';
import { NeedMatchesResolver } from './need-matches.resolver';

/** The matching feature in the API: full runs, matches and `need.matches` over GraphQL. */
@Module({
  imports: [MatchingCoreModule],
  providers: [MatchingService, MatchingRunResolver, MatchesResolver, NeedMatchesResolver],
  exports: [MatchingCoreModule, MatchingService],
})
export class MatchingModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly matches: MatchesService,
  ) {}

  onModuleInit(): void {
    this.loaders.register('needById', this.matches.needsByIds);
    this.loaders.register('offerById', this.matches.offersByIds);
    this.loaders.register('matchesOfNeed', this.matches.matchesByNeedKeys);
  }
}

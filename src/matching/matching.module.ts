import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { MatchesResolver } from './api/matches.resolver';
import { MatchesService } from './api/matches.service';
import { MATCH_BY_ID, MATCH_REASONS, MATCHES_OF_NEED } from './api/match-loaders';
import { MatchReasonsService } from './api/match-reasons.service';
import { MatchingCoreModule } from './matching-core.module';
import { FullRunsResolver } from './api/full-runs.resolver';
import { FullRunsService } from './api/full-runs.service';
import { NeedMatchesResolver } from './api/need-matches.resolver';

/** The matching feature in the API: full runs, matches and `need.matches` over GraphQL. */
@Module({
  imports: [MatchingCoreModule],
  providers: [FullRunsService, FullRunsResolver, MatchesResolver, MatchReasonsService, NeedMatchesResolver],
  exports: [MatchingCoreModule, FullRunsService],
})
export class MatchingModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly matches: MatchesService,
    private readonly reasons: MatchReasonsService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(MATCH_BY_ID, this.matches.matchesByIds);
    this.loaders.register(MATCHES_OF_NEED, this.matches.matchesByNeedKeys);
    this.loaders.register(MATCH_REASONS, this.reasons.reasonsByPairKeys);
  }
}

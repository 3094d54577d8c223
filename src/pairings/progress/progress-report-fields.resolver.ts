import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderToken } from '../../common/graphql/request-loaders';
import { Match } from '../../matching/entities/match.entity';
import { ProgressReport } from './progress-report.entity';
import { MATCH_BY_ID } from '../../matching/api/match-loaders';

/** A pairing's progress reports, batched per request (registered by PairingsModule). */
export const PROGRESS_REPORTS_BY_MATCH = loaderToken<string, ProgressReport[]>('progressReportsByMatch');

/** `Match.progressReports`, batched per request. */
@Resolver(() => Match)
export class MatchProgressReportsResolver {
  @ResolveField(() => [ProgressReport], { description: 'Progress reports filed on this pairing, in the order of the periods they cover.' })
  async progressReports(match: Match, _args: unknown, context: GraphQLRequestContext): Promise<ProgressReport[]> {
    return (await context.loaders.load(PROGRESS_REPORTS_BY_MATCH, match.id)) ?? [];
  }
}

/** `ProgressReport.match`, batched per request. */
@Resolver(() => ProgressReport)
export class ProgressReportFieldsResolver {
  @ResolveField(() => Match, { description: 'The pairing reported on.' })
  async match(report: ProgressReport, _args: unknown, context: GraphQLRequestContext): Promise<Match> {
    return (await context.loaders.load(MATCH_BY_ID, report.matchId))!;
  }
}

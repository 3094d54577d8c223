import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { GraphQLRequestContext, LoaderRegistry } from '../../common/graphql/request-loaders';
import { Match } from '../../matching/entities/match.entity';
import { ProgressReport } from './progress-report.entity';
import { ProgressReportsService } from './progress-reports.service';

const REPORTS_BY_MATCH = 'pairings.progressReportsByMatch';
/** Matches by id, batched per request; other resolvers of the module load through it too. */
export const MATCH_BY_ID = 'pairings.matchById';

/** `Match.progressReports`, batched per request. */
@Resolver(() => Match)
export class MatchProgressReportsResolver {
  constructor(loaders: LoaderRegistry, progressReports: ProgressReportsService) {
    loaders.register<string, ProgressReport[]>(REPORTS_BY_MATCH, (matchIds) => progressReports.byMatch(matchIds));
  }

  @ResolveField(() => [ProgressReport], { description: 'Progress reports filed on this pairing, in the order of the periods they cover.' })
  async progressReports(@Parent() match: Match, @Context() context: GraphQLRequestContext): Promise<ProgressReport[]> {
    return (await context.loaders.load<string, ProgressReport[]>(REPORTS_BY_MATCH, match.id)) ?? [];
  }
}

/** `ProgressReport.match`, batched per request. */
@Resolver(() => ProgressReport)
export class ProgressReportFieldsResolver {
  constructor(loaders: LoaderRegistry, dataSource: DataSource) {
    loaders.register<string, Match>(MATCH_BY_ID, async (ids) => {
      const matches = await dataSource.getRepository(Match).findBy({ id: In([...ids]) });
      return new Map(matches.map((match) => [match.id, match]));
    });
  }

  @ResolveField(() => Match, { description: 'The pairing reported on.' })
  async match(@Parent() report: ProgressReport, @Context() context: GraphQLRequestContext): Promise<Match> {
    return (await context.loaders.load<string, Match>(MATCH_BY_ID, report.matchId))!;
  }
}

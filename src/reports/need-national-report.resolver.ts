import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { Need } from '../needs/entities/need.entity';
import { NationalReport } from './entities/national-report.entity';
import { NATIONAL_REPORT_BY_ID } from './report-loaders';

/** Adds `Need.nationalReport`: where a need was drawn from is part of the need, so whoever sees the need sees it. */
@Resolver(() => Need)
export class NeedNationalReportResolver {
  @ResolveField(() => NationalReport, {
    nullable: true,
    description: 'The national report the need was drawn from; its text and other needs only for the reporting state and the Secretariat.',
  })
  nationalReport(need: Need, _args: unknown, context: GraphQLRequestContext): Promise<NationalReport | null> | null {
    return need.nationalReportId ? context.loaders.load(NATIONAL_REPORT_BY_ID, need.nationalReportId) : null;
  }
}

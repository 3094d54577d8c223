import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { rolesGranted } from '../access/policy';
import { mayReadReport, REPORT_RULES } from './report-policy';
import { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/access.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../common/pagination/connection';
import { Need } from '../needs/entities/need.entity';
import { NeedStatus } from '../domain/statuses';
import { Country } from '../reference/entities/country.entity';
import { ReferenceService } from '../reference/reference.service';
import { ImportNationalReportInput } from './dto/import-national-report.input';
import { NationalReportFilter } from './dto/national-report-filter.input';
import { SuggestThemesArgs, ThemeSuggestion } from './dto/theme-suggestion';
import { NationalReport } from './entities/national-report.entity';
import { NEEDS_BY_NATIONAL_REPORT } from './report-loaders';
import { ReportsService } from './reports.service';

@ObjectType({ description: 'A page of national reports.' })
export class NationalReportConnection extends ConnectionType(NationalReport, 'NationalReport') {}

@Resolver(() => NationalReport)
export class ReportsResolver {
  constructor(
    private readonly reportsService: ReportsService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(...rolesGranted(REPORT_RULES, 'import'))
  @Mutation(() => NationalReport, {
    description:
      'Imports a national report (text, PDF or Word) and drafts a need from every passage that asks for assistance. ' +
      'Nothing is published; the same document sent again returns the stored report.',
  })
  importNationalReport(@CurrentActor() actor: Actor, @Args('input') input: ImportNationalReportInput): Promise<NationalReport> {
    return this.reportsService.importReport(actor, input);
  }

  @Query(() => NationalReport, { description: 'One national report: a state sees its own, the Secretariat all.' })
  nationalReport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<NationalReport> {
    return this.reportsService.findVisible(actor, id);
  }

  @Query(() => NationalReportConnection, {
    description: 'National reports you may see, newest first: a state its own, the Secretariat all.',
  })
  nationalReports(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter: NationalReportFilter,
    @Args() page: PageArgs,
  ): Promise<NationalReportConnection> {
    return this.reportsService.list(actor, filter ?? {}, page);
  }

  @Query(() => [ThemeSuggestion], {
    description: 'Themes a text appears to concern, best first, with the words that point to each; for filling in a need by hand.',
  })
  suggestThemes(@Args() { text, language }: SuggestThemesArgs): ThemeSuggestion[] {
    return this.reportsService.suggestThemes(text, language);
  }

  @ResolveField(() => Country, { description: 'The reporting state.' })
  country(report: NationalReport): Country | undefined {
    return this.reference.findCountry(report.countryIso3);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The extracted text; only for the reporting state and the Secretariat (null for others).',
  })
  text(@Parent() report: NationalReport, @CurrentActor() actor: Actor | null): string | null {
    return mayReadReport(actor, report) ? report.text : null;
  }

  @ResolveField(() => [Need], {
    description: 'Every need drawn from the report, in the order of its passages; only for the reporting state and the Secretariat.',
  })
  needs(@Parent() report: NationalReport, @CurrentActor() actor: Actor | null, @Context() context: GraphQLRequestContext): Promise<Need[]> {
    return this.needsOf(report, actor, context);
  }

  @ResolveField(() => [Need], {
    description:
      "The needs drawn from the report that are still DRAFT, awaiting the state's review; only for the reporting state and the Secretariat.",
  })
  async draftNeeds(
    @Parent() report: NationalReport,
    @CurrentActor() actor: Actor | null,
    @Context() context: GraphQLRequestContext,
  ): Promise<Need[]> {
    return (await this.needsOf(report, actor, context)).filter((need) => need.status === NeedStatus.DRAFT);
  }

  private async needsOf(report: NationalReport, actor: Actor | null, context: GraphQLRequestContext): Promise<Need[]> {
    if (!mayReadReport(actor, report)) return [];
    return (await context.loaders.load(NEEDS_BY_NATIONAL_REPORT, report.id)) ?? [];
  }
}

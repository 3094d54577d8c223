import { Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../access/actor';
import { CurrentActor } from '../../access/access.decorators';
import { FinancialSummaryService } from './financial-summary.service';
import { FinancialSummary } from './financial-summary.types';

@Resolver(() => FinancialSummary)
export class FinancialSummaryResolver {
  constructor(private readonly summaries: FinancialSummaryService) {}

  @Query(() => FinancialSummary, {
    description:
      'Approved, disbursed and last reported money per donor, per state, per year and per reporting cycle (Need.cycle), over the pairings you are party to: the Secretariat all, a donor those of its offers, a state those on its needs.',
  })
  financialSummary(@CurrentActor() actor: Actor): Promise<FinancialSummary> {
    return this.summaries.summary(actor);
  }
}

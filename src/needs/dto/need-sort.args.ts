import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';

export enum NeedSort {
  NEWEST = 'NEWEST',
  BUDGET_HIGH_FIRST = 'BUDGET_HIGH_FIRST',
  BUDGET_LOW_FIRST = 'BUDGET_LOW_FIRST',
  LEAST_FUNDED_FIRST = 'LEAST_FUNDED_FIRST',
}
registerEnumType(NeedSort, {
  name: 'NeedSort',
  description: 'The order of a list of needs. Ties are broken newest first, so every order is stable across pages.',
  valuesMap: {
    NEWEST: { description: 'Most recently filed first (the default).' },
    BUDGET_HIGH_FIRST: { description: 'Largest estimated budget first.' },
    BUDGET_LOW_FIRST: { description: 'Smallest estimated budget first.' },
    LEAST_FUNDED_FIRST: { description: 'Smallest funded share of the budget first (a need without a budget counts as unfunded).' },
  },
});

@ArgsType()
export class NeedSortArgs {
  @Field(() => NeedSort, { nullable: true, description: 'How to order the list (default NEWEST).' })
  @IsOptional()
  @IsEnum(NeedSort)
  sort?: NeedSort;
}

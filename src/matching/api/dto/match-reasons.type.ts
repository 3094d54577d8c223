import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Region } from '../../../reference/entities/region.entity';
import { EligibilityBasis, PAIR_FACTS, PairFact } from '../../engine/scoring';

const ELIGIBILITY_BASES = {
  COUNTRY: 'COUNTRY',
  INTERMEDIATE_REGION: 'INTERMEDIATE_REGION',
  SUB_REGION: 'SUB_REGION',
  REGION: 'REGION',
  GLOBAL: 'GLOBAL',
} as const satisfies { [basis in EligibilityBasis]: basis };

registerEnumType(ELIGIBILITY_BASES, {
  name: 'EligibilityBasis',
  description: 'How a need’s country qualifies for an offer, most targeted first.',
  valuesMap: {
    COUNTRY: { description: 'The offer names the country.' },
    INTERMEDIATE_REGION: { description: 'The offer names the country’s M49 intermediate region.' },
    SUB_REGION: { description: 'The offer names the country’s M49 sub-region.' },
    REGION: { description: 'The offer names the country’s M49 region.' },
    GLOBAL: { description: 'The offer is open worldwide.' },
  },
});

/** The engine's facts as a GraphQL enum, each value named as itself. */
const MATCH_FACTS = Object.fromEntries(PAIR_FACTS.map((fact) => [fact, fact])) as { [fact in PairFact]: fact };

registerEnumType(MATCH_FACTS, {
  name: 'MatchFact',
  description: 'A fact about the need that raised the pair’s score.',
  valuesMap: {
    NATIONAL_REPORT: { description: 'Drawn from a national report.' },
    NATIONAL_ACTION_PLAN: { description: 'Part of a national action plan.' },
    GENDER_COMPONENT: { description: 'Has a gender component, which the offer asks about.' },
    REQUIRED_GENDER_COMPONENT: { description: 'Has the gender component the offer requires.' },
    BASELINE_ASSESSMENT: { description: 'A baseline assessment has been done.' },
    MULTI_YEAR: { description: 'A multi-year project.' },
    CONFLICT_AFFECTED: { description: 'A conflict-affected context.' },
  },
});

@ObjectType({ description: 'Themes of the need that an offer covers by naming their group.' })
export class ThemesThroughGroup {
  @Field({ description: 'The group the offer names.' })
  groupCode: string;

  @Field(() => [String], { description: 'The need’s themes in that group.' })
  themeCodes: string[];
}

@ObjectType({
  description:
    'Why a pair fits, as codes and figures for a client to word in its reader’s language; `explanation` says the same in English.',
})
export class MatchReasons {
  @Field(() => Int, { description: 'How many themes the need has.' })
  themeCount: number;

  @Field(() => [String], { description: 'The need’s themes the offer names itself.' })
  themesNamed: string[];

  @Field(() => [ThemesThroughGroup], { description: 'The need’s themes the offer covers only through a group it names.' })
  themesThroughGroups: ThemesThroughGroup[];

  @Field(() => ELIGIBILITY_BASES, { description: 'How the need’s country qualifies for the offer.' })
  eligibleAs: EligibilityBasis;

  @Field(() => Region, { nullable: true, description: 'The M49 area the offer names, for the regional bases; null otherwise.' })
  eligibleArea: Region | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the need’s unfunded remainder one grant from the offer can carry, in [0, 1]; null when the need or the offer is no longer open to funding (withdrawn, closed, stale, exhausted) or the pair no longer passes the matching filters (nothing left to fund, no capacity left, time windows or kinds of assistance apart).',
  })
  capacityShare: number | null;

  @Field(() => Float, { description: 'US dollars of the need still unfunded.' })
  unfundedUsd: number;

  @Field(() => [MATCH_FACTS], { description: 'Facts about the need that raised the score.' })
  facts: PairFact[];
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Donor } from '../../accounts/entities/donor.entity';
import { Country } from '../../reference/entities/country.entity';
import { ReportingCycleType } from '../../reference/reporting-cycle.type';

/** Sums are Float for the reason CoverageFigures gives: across all pairings they can pass 2^31. */
@ObjectType({ description: 'Money on pairings that hold it (approved, confirmed, active, completed).' })
export class FinancialFigures {
  @Field(() => Int, { description: 'Pairings counted.' })
  pairings: number;

  @Field(() => Float, { description: 'US dollars allocated by those pairings.' })
  approvedUsd: number;

  @Field(() => Float, { description: 'US dollars reported as disbursed on them, from their progress reports.' })
  disbursedUsd: number;

  @Field(() => Int, { description: 'Pairings on which no progress report was ever filed.' })
  pairingsNeverReported: number;

  @Field(() => Date, { nullable: true, description: 'When the latest progress report among them was filed; null when none was.' })
  lastReportAt: Date | null;
}

@ObjectType({ description: 'Money of one donor’s pairings.' })
export class DonorFinances extends FinancialFigures {
  @Field(() => Donor, { description: 'The donor.' })
  donor: Donor;
}

@ObjectType({ description: 'Money of the pairings on one state’s needs.' })
export class StateFinances extends FinancialFigures {
  @Field(() => Country, { description: 'The requesting state.' })
  country: Country;
}

@ObjectType({ description: 'Money of the pairings on the needs of one reporting year.' })
export class YearFinances extends FinancialFigures {
  @Field(() => Int, {
    description: 'The year of the national report a need was drawn from, or for a need filed by hand the year it was filed (UTC).',
  })
  year: number;
}

@ObjectType({ description: 'Money of the pairings on the needs of one reporting cycle.' })
export class CycleFinances extends FinancialFigures {
  @Field(() => ReportingCycleType, { description: 'The reporting cycle the needs were filed in (Need.cycle).' })
  cycle: ReportingCycleType;
}

@ObjectType({
  description: 'Follow-up on money (para 95): approved, disbursed and last reported, per donor, per state, per year and per reporting cycle.',
})
export class FinancialSummary {
  @Field(() => FinancialFigures, { description: 'All the pairings you may see together.' })
  totals: FinancialFigures;

  @Field(() => [DonorFinances], { description: 'One entry per donor, by name.' })
  byDonor: DonorFinances[];

  @Field(() => [StateFinances], { description: 'One entry per requesting state, by ISO code.' })
  byState: StateFinances[];

  @Field(() => [YearFinances], { description: 'One entry per year, oldest first.' })
  byYear: YearFinances[];

  @Field(() => [CycleFinances], { description: 'One entry per reporting cycle of the needs (Need.cycle), oldest first.' })
  byCycle: CycleFinances[];
}

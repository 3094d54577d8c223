import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CalendarDate } from '../common/graphql/calendar-date.scalar';
import { BadUserInputError } from '../common/errors/domain-errors';
import { cycleAfter, cycleOfDate, cyclesBetween, MeetingKind, ReportingCycle } from '../domain/reporting-cycles';

@ObjectType('ReportingCycle', {
  description:
    'A reporting cycle of the Programme of Action: the years leading to one meeting of states (a Biennial Meeting of States or a Review Conference), for which states file their national reports.',
})
export class ReportingCycleType implements ReportingCycle {
  @Field({ description: 'The meeting’s short name, e.g. "BMS8" or "RevCon4".' })
  code: string;

  @Field(() => MeetingKind, { description: 'Biennial Meeting of States or Review Conference.' })
  kind: MeetingKind;

  @Field(() => Int, { description: 'The meeting’s number among those of its kind.' })
  number: number;

  @Field(() => Int, { description: 'The year the meeting is held.' })
  year: number;

  @Field(() => CalendarDate, { description: 'The day national reports for the meeting are asked for by (31 March of its year).' })
  reportingDeadline: string;

  @Field(() => CalendarDate, { description: 'The first day of the cycle: 1 January of the year after the previous meeting.' })
  startsOn: string;

  @Field(() => CalendarDate, { description: 'The last day of the cycle: 31 December of the meeting’s year.' })
  endsOn: string;
}

/** The Programme of Action was adopted in 2001; its first meeting of states was in 2003. */
const FIRST_CYCLE_YEAR = 2001;
/** A range of years no wider than this: the cycles beyond the known ones are made by a rule, without end. */
const MAX_CYCLE_YEARS = 100;

@ArgsType()
export class ReportingCyclesArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The earliest meeting year to list; from the first (${FIRST_CYCLE_YEAR}) when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(FIRST_CYCLE_YEAR)
  @Max(9999)
  fromYear?: number;

  @Field(() => Int, {
    nullable: true,
    description: `The latest meeting year to list; when omitted, through the cycle after the current one. At most ${MAX_CYCLE_YEARS} years after fromYear.`,
  })
  @IsOptional()
  @IsInt()
  @Min(FIRST_CYCLE_YEAR)
  @Max(9999)
  toYear?: number;
}

/** The cycles these arguments ask for; BAD_USER_INPUT naming toYear when the range is reversed or too wide. */
export function cyclesAskedFor({ fromYear = FIRST_CYCLE_YEAR, toYear }: ReportingCyclesArgs, now: Date = new Date()): ReportingCycle[] {
  const lastYear = toYear ?? cycleAfter(cycleOfDate(now)).year;
  if (lastYear < fromYear) throw BadUserInputError.forField('toYear', 'toYear must not be before fromYear.');
  if (lastYear - fromYear > MAX_CYCLE_YEARS)
    throw BadUserInputError.forField('toYear', `Ask for at most ${MAX_CYCLE_YEARS} years at once.`);
  return cyclesBetween(fromYear, lastYear);
}

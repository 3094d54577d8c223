import { registerEnumType } from '@nestjs/graphql';
import { ValidateBy } from 'class-validator';

/*
 * The PoA meeting cycle. States report before each meeting of states on the Programme of Action, so
 * a reporting cycle is named by the meeting it leads to. Needs (their cycle and how long they stay
 * valid), the financial summary and the migrations that fill in existing needs all read these rules,
 * so they live here, beneath every feature.
 */

export enum MeetingKind {
  BIENNIAL_MEETING = 'BIENNIAL_MEETING',
  REVIEW_CONFERENCE = 'REVIEW_CONFERENCE',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'BIENNIAL_MEETING: a Biennial Meeting of States (BMS); REVIEW_CONFERENCE: a Review Conference (RevCon).',
});

export interface ReportingCycle {
  /** The meeting's short name, e.g. "BMS8" or "RevCon4". */
  code: string;
  kind: MeetingKind;
  /** The meeting's number among those of its kind. */
  number: number;
  /** The year the meeting is held. */
  year: number;
  /** ISO date national reports for the meeting are asked for by. */
  reportingDeadline: string;
  /** ISO date the cycle begins: 1 January of the year after the previous meeting. */
  startsOn: string;
  /** ISO date the cycle ends: 31 December of the meeting's year. */
  endsOn: string;
}

const BMS = MeetingKind.BIENNIAL_MEETING;
const REVCON = MeetingKind.REVIEW_CONFERENCE;

/**
 * The meetings held or convened so far, as the reports of the meetings record them (seed 000 paras
 * 2–4, 6 and 96): the seventh Biennial Meeting, due in 2020, was held in 2021 because of COVID-19.
 */
const KNOWN_MEETINGS: readonly { kind: MeetingKind; year: number }[] = [
  { kind: BMS, year: 2003 },
  { kind: BMS, year: 2005 },
  { kind: REVCON, year: 2006 },
  { kind: BMS, year: 2008 },
  { kind: BMS, year: 2010 },
  { kind: REVCON, year: 2012 },
  { kind: BMS, year: 2014 },
  { kind: BMS, year: 2016 },
  { kind: REVCON, year: 2018 },
  { kind: BMS, year: 2021 },
  { kind: BMS, year: 2022 },
  { kind: REVCON, year: 2024 },
  { kind: BMS, year: 2026 },
];

/**
 * The rule for the meetings after the known ones: one meeting every even year, a Review Conference
 * every sixth year counted from the fourth (2030, 2036, …) and a Biennial Meeting of States in the
 * even years between, so each six-year cycle holds two Biennial Meetings and ends with a Review
 * Conference, as it has since 2006.
 */
const REVIEW_CONFERENCE_EVERY_YEARS = 6;
const LAST_KNOWN_REVIEW_CONFERENCE_YEAR = 2024;

function kindOfFutureMeeting(year: number): MeetingKind {
  return (year - LAST_KNOWN_REVIEW_CONFERENCE_YEAR) % REVIEW_CONFERENCE_EVERY_YEARS === 0 ? REVCON : BMS;
}

/** National reports are asked for by 31 March of the meeting's year, in time to be compiled for a mid-year meeting. */
const REPORTING_DEADLINE = '03-31';

/** The Programme of Action was adopted in 2001: its first cycle began then. */
const FIRST_CYCLE_START_YEAR = 2001;

const CODE_PREFIX: Record<MeetingKind, string> = { [BMS]: 'BMS', [REVCON]: 'RevCon' };

const cycles: ReportingCycle[] = [];

/** The cycles up to and including the one of `year`, built on first need: the known ones, then by the rule. */
function cyclesThrough(year: number): readonly ReportingCycle[] {
  while (!cycles.length || cycles[cycles.length - 1].year < year) {
    const previous = cycles[cycles.length - 1];
    const known = KNOWN_MEETINGS[cycles.length];
    const meetingYear = known?.year ?? previous.year + (previous.year % 2 === 0 ? 2 : 1);
    const kind = known?.kind ?? kindOfFutureMeeting(meetingYear);
    const number = cycles.filter((cycle) => cycle.kind === kind).length + 1;
    cycles.push({
      code: `${CODE_PREFIX[kind]}${number}`,
      kind,
      number,
      year: meetingYear,
      reportingDeadline: `${meetingYear}-${REPORTING_DEADLINE}`,
      startsOn: `${previous ? previous.year + 1 : FIRST_CYCLE_START_YEAR}-01-01`,
      endsOn: `${meetingYear}-12-31`,
    });
  }
  return cycles;
}

/** The cycle a year belongs to: that of the first meeting held in that year or later (years before 2001 count as the first). */
export function cycleOfYear(year: number): ReportingCycle {
  return cyclesThrough(year).find((cycle) => cycle.year >= year)!;
}

/** The cycle a moment belongs to, by its year in UTC. */
export function cycleOfDate(at: Date): ReportingCycle {
  return cycleOfYear(at.getUTCFullYear());
}

/** The cycle that follows this one. */
export function cycleAfter(cycle: ReportingCycle): ReportingCycle {
  return cycleOfYear(cycle.year + 1);
}

/** The cycles whose meeting falls between these years, both included. */
export function cyclesBetween(fromYear: number, toYear: number): ReportingCycle[] {
  return cyclesThrough(toYear).filter((cycle) => cycle.year >= fromYear && cycle.year <= toYear);
}

/**
 * How long a need filed or reconfirmed at `at` stays valid: to the end of the cycle after the one
 * `at` falls in, so it is asked for in the coming meeting's reports and the next one's.
 */
export function defaultValidUntil(at: Date): string {
  return cycleAfter(cycleOfDate(at)).endsOn;
}

/**
 * The latest validUntil a state may choose when filing or editing a need at `at`: the end of the
 * cycle after next, so a need is asked for at most in the next two meetings' reports before its
 * state must say again that it stands.
 */
export function latestValidUntil(at: Date): string {
  return cycleAfter(cycleAfter(cycleOfDate(at))).endsOn;
}

/**
 * Why a chosen validUntil is refused, or null when it is a day after today and no later than
 * latestValidUntil. The field's Date scalar has already refused anything but a real YYYY-MM-DD day,
 * so days compare as text.
 */
export function validUntilProblem(value: unknown, at: Date = new Date()): string | null {
  const latest = latestValidUntil(at);
  const chosen = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (chosen && value > at.toISOString().slice(0, 10) && value <= latest) return null;
  return `validUntil must be a date after today and no later than ${latest}, the end of the reporting cycle after next.`;
}

/** The rule of validUntilProblem on an input field; leaving the field out is up to the field's other rules. */
export function IsChoosableValidUntil(): PropertyDecorator {
  return ValidateBy({
    name: 'choosableValidUntil',
    validator: {
      validate: (value: unknown) => validUntilProblem(value) === null,
      defaultMessage: (args) => validUntilProblem(args?.value) ?? '',
    },
  });
}

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import {
  ACTIVITY_STATUS_OF,
  ActivityDateType,
  BUDGET_COMMITTED,
  BUDGET_ORIGINAL,
  GENDER_POLICY_MARKER,
  IATI_VERSION,
  NATIONAL_SCOPE,
  ORGANISATION_TYPE_GOVERNMENT,
  OrganisationRole,
  PolicySignificance,
  ReportedPairingStatus,
  SALW_SECTOR,
  TransactionType,
} from './iati-codes';

const CURRENCY = 'USD';

/** The organisation that reports and funds. */
export interface IatiReportingOrganisation {
  ref: string;
  type: string;
  name: string;
}

/** One confirmed pairing, as the export needs it; dates are calendar dates (YYYY-MM-DD). */
export interface IatiActivityInput {
  pairingId: string;
  status: ReportedPairingStatus;
  lastUpdated: Date;
  allocatedUsd: number;
  /** The language of the need's title and description (ISO 639-1). */
  language: string;
  title: string;
  description: string;
  countryIso2: string;
  countryName: string;
  gender: PolicySignificance;
  plannedStart: string;
  plannedEnd: string;
  approvedOn: string;
  confirmedOn: string;
  completedOn: string | null;
  disbursements: { on: string; usd: number }[];
}

/**
 * IATI 2.03 activities of one donor: one activity per confirmed pairing, funded by the donor (role 1)
 * and carried out by the recipient state's government (role 4), with the allocation as a committed
 * budget and transactions (the commitment when the Secretariat approved, a disbursement per progress
 * report that reported money spent). Identifiers are the donor's IATI reference and the pairing's id.
 */
export function iatiActivitiesXml(organisation: IatiReportingOrganisation, activities: IatiActivityInput[], generatedAt: Date): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: IATI_VERSION,
    'generated-datetime': isoDateTime(generatedAt),
  });
  for (const activity of activities) appendActivity(root, organisation, activity);
  return root.end({ prettyPrint: true });
}

export function iatiIdentifier(organisationRef: string, pairingId: string): string {
  return `${organisationRef}-${pairingId}`;
}

function appendActivity(root: XMLBuilder, organisation: IatiReportingOrganisation, activity: IatiActivityInput): void {
  const element = root.ele('iati-activity', {
    'last-updated-datetime': isoDateTime(activity.lastUpdated),
    'xml:lang': activity.language,
    'default-currency': CURRENCY,
  });
  element.ele('iati-identifier').txt(iatiIdentifier(organisation.ref, activity.pairingId));
  narrated(element.ele('reporting-org', { ref: organisation.ref, type: organisation.type }), organisation.name);
  narrated(element.ele('title'), activity.title, activity.language);
  narrated(element.ele('description', { type: '1' }), activity.description, activity.language);
  narrated(
    element.ele('participating-org', { ref: organisation.ref, role: OrganisationRole.FUNDING, type: organisation.type }),
    organisation.name,
  );
  narrated(
    element.ele('participating-org', { role: OrganisationRole.IMPLEMENTING, type: ORGANISATION_TYPE_GOVERNMENT }),
    `Government of ${activity.countryName}`,
  );
  element.ele('activity-status', { code: ACTIVITY_STATUS_OF[activity.status] });
  for (const [type, date] of activityDates(activity)) element.ele('activity-date', { type, 'iso-date': date });
  element.ele('activity-scope', { code: NATIONAL_SCOPE });
  element.ele('recipient-country', { code: activity.countryIso2, percentage: '100' });
  element.ele('sector', { vocabulary: SALW_SECTOR.vocabulary, code: SALW_SECTOR.code, percentage: '100' });
  element.ele('policy-marker', {
    vocabulary: GENDER_POLICY_MARKER.vocabulary,
    code: GENDER_POLICY_MARKER.code,
    significance: activity.gender,
  });
  for (const period of budgetPeriods(activity.plannedStart, activity.plannedEnd, activity.allocatedUsd)) {
    const budget = element.ele('budget', { type: BUDGET_ORIGINAL, status: BUDGET_COMMITTED });
    budget.ele('period-start', { 'iso-date': period.start });
    budget.ele('period-end', { 'iso-date': period.end });
    budget.ele('value', { currency: CURRENCY, 'value-date': period.start }).txt(String(period.usd));
  }
  transaction(element, TransactionType.OUTGOING_COMMITMENT, activity.approvedOn, activity.allocatedUsd, organisation, activity);
  for (const { on, usd } of activity.disbursements) transaction(element, TransactionType.DISBURSEMENT, on, usd, organisation, activity);
}

function transaction(
  activityElement: XMLBuilder,
  type: TransactionType,
  on: string,
  usd: number,
  organisation: IatiReportingOrganisation,
  activity: IatiActivityInput,
): void {
  const element = activityElement.ele('transaction');
  element.ele('transaction-type', { code: type });
  element.ele('transaction-date', { 'iso-date': on });
  element.ele('value', { currency: CURRENCY, 'value-date': on }).txt(String(usd));
  narrated(element.ele('provider-org', { ref: organisation.ref, type: organisation.type }), organisation.name);
  narrated(element.ele('receiver-org', { type: ORGANISATION_TYPE_GOVERNMENT }), `Government of ${activity.countryName}`);
}

function narrated(element: XMLBuilder, text: string, language?: string): void {
  element.ele('narrative', language ? { 'xml:lang': language } : {}).txt(text);
}

/** Planned start and end always; the actual start once the state confirmed, the actual end once completed. */
function activityDates(activity: IatiActivityInput): [ActivityDateType, string][] {
  const dates: [ActivityDateType, string][] = [
    [ActivityDateType.PLANNED_START, activity.plannedStart],
    [ActivityDateType.ACTUAL_START, activity.confirmedOn],
    [ActivityDateType.PLANNED_END, activity.plannedEnd],
  ];
  if (activity.completedOn) dates.push([ActivityDateType.ACTUAL_END, activity.completedOn]);
  return dates;
}

export interface BudgetPeriod {
  start: string;
  end: string;
  usd: number;
}

/**
 * IATI budgets cover at most a year each, so a multi-year allocation is cut into yearly periods from
 * the planned start, the money shared by days (whole dollars, the rounding left in the last period).
 */
export function budgetPeriods(start: string, end: string, usd: number): BudgetPeriod[] {
  const periods: Omit<BudgetPeriod, 'usd'>[] = [];
  for (let from = start; from <= end;) {
    const yearLater = addDays(addYears(from, 1), -1);
    const to = yearLater < end ? yearLater : end;
    periods.push({ start: from, end: to });
    from = addDays(to, 1);
  }
  const totalDays = daysBetween(start, end) + 1;
  let left = usd;
  return periods.map((period, index) => {
    const share = index === periods.length - 1 ? left : Math.round((usd * (daysBetween(period.start, period.end) + 1)) / totalDays);
    left -= share;
    return { ...period, usd: share };
  });
}

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

export function addYears(date: string, years: number): string {
  const day = new Date(toTime(date));
  day.setUTCFullYear(day.getUTCFullYear() + years);
  return fromTime(day.getTime());
}

function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** xsd:dateTime to the second, in UTC. */
function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

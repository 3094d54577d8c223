import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';

/** The official IATI 2.03 activity schema, kept beside the project (`../shared/iati/`). */
const SCHEMA = join(__dirname, '..', '..', '..', 'shared', 'iati', '2.03', 'iati-activities-schema.xsd');

/** xmllint's verdict on the document against the official schema: '' when valid, its complaints otherwise. */
export function schemaErrors(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iati-')), 'activities.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

type Element = {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<Element>;
  textContent: string | null;
  parentNode: unknown;
};

const all = (parent: Element, name: string): Element[] => Array.from(parent.getElementsByTagName(name));
const first = (parent: Element, name: string): Element | undefined => all(parent, name)[0];
const attribute = (element: Element | undefined, name: string) => element?.getAttribute(name) ?? null;

/** One activity as the tests read it. */
export interface ActivityView {
  identifier: string;
  status: string;
  titleLanguage: string | null;
  title: string;
  recipientCountry: string | null;
  genderSignificance: string | null;
  dates: Record<string, string>;
  budgets: { start: string; end: string; usd: number }[];
  transactions: { type: string; date: string; usd: number; currency: string | null; valueDate: string | null }[];
  participating: { role: string | null; ref: string | null; name: string }[];
}

export function readActivities(xml: string): { reportingRefs: string[]; activities: ActivityView[] } {
  const document = create(xml).node as unknown as Element;
  const activities = all(document, 'iati-activity');
  return {
    reportingRefs: activities.map((activity) => attribute(first(activity, 'reporting-org'), 'ref') ?? ''),
    activities: activities.map((activity) => {
      const title = first(first(activity, 'title')!, 'narrative');
      return {
        identifier: first(activity, 'iati-identifier')?.textContent ?? '',
        status: attribute(first(activity, 'activity-status'), 'code') ?? '',
        titleLanguage: attribute(title, 'xml:lang'),
        title: title?.textContent ?? '',
        recipientCountry: attribute(first(activity, 'recipient-country'), 'code'),
        genderSignificance: attribute(first(activity, 'policy-marker'), 'significance'),
        dates: Object.fromEntries(
          all(activity, 'activity-date').map((date) => [date.getAttribute('type')!, date.getAttribute('iso-date')!]),
        ),
        budgets: all(activity, 'budget').map((budget) => ({
          start: attribute(first(budget, 'period-start'), 'iso-date')!,
          end: attribute(first(budget, 'period-end'), 'iso-date')!,
          usd: Number(first(budget, 'value')?.textContent),
        })),
        transactions: all(activity, 'transaction').map((transaction) => {
          const value = first(transaction, 'value');
          return {
            type: attribute(first(transaction, 'transaction-type'), 'code')!,
            date: attribute(first(transaction, 'transaction-date'), 'iso-date')!,
            usd: Number(value?.textContent),
            currency: attribute(value, 'currency') ?? attribute(activity, 'default-currency'),
            valueDate: attribute(value, 'value-date'),
          };
        }),
        participating: all(activity, 'participating-org').map((organisation) => ({
          role: organisation.getAttribute('role'),
          ref: organisation.getAttribute('ref'),
          name: first(organisation, 'narrative')?.textContent ?? '',
        })),
      };
    }),
  };
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/**
 * The IATI rules that live outside the schema (IATI's rulesets and code lists), as problems found;
 * an empty list when the document keeps them all.
 */
export function iatiRuleViolations(xml: string, today = new Date().toISOString().slice(0, 10)): string[] {
  const problems: string[] = [];
  const document = create(xml).node as unknown as Element;
  for (const activity of all(document, 'iati-activity')) {
    const identifier = first(activity, 'iati-identifier')?.textContent ?? '';
    const fail = (message: string) => problems.push(`${identifier}: ${message}`);
    const reportingRef = attribute(first(activity, 'reporting-org'), 'ref') ?? '';
    if (!identifier.startsWith(`${reportingRef}-`))
      fail(`identifier does not start with the reporting organisation's reference ${reportingRef}`);
    if (!/^[1-6]$/.test(attribute(first(activity, 'activity-status'), 'code') ?? '')) fail('activity status outside 1–6');
    const dates: Record<string, string> = {};
    for (const date of all(activity, 'activity-date')) {
      const type = date.getAttribute('type') ?? '';
      if (!/^[1-4]$/.test(type)) fail(`activity date type ${type} outside 1–4`);
      dates[type] = date.getAttribute('iso-date') ?? '';
    }
    if (!dates['1'] && !dates['2']) fail('no start date');
    if (dates['1'] && dates['3'] && dates['1'] > dates['3']) fail('planned end before planned start');
    if (dates['2'] && dates['4'] && dates['2'] > dates['4']) fail('actual end before actual start');
    for (const type of ['2', '4']) if (dates[type] && dates[type] > today) fail(`actual date ${dates[type]} in the future`);
    const sectors = all(activity, 'sector').filter((sector) => sector.parentNode === activity);
    if (sectors.reduce((sum, sector) => sum + Number(sector.getAttribute('percentage') ?? 100), 0) !== 100)
      fail('sector percentages do not add up to 100');
    if (!sectors.some((sector) => sector.getAttribute('vocabulary') === '1' && sector.getAttribute('code') === '15240'))
      fail('no sector vocabulary 1 code 15240');
    const countries = all(activity, 'recipient-country').filter((country) => country.parentNode === activity);
    if (countries.reduce((sum, country) => sum + Number(country.getAttribute('percentage') ?? 100), 0) !== 100)
      fail('country percentages do not add up to 100');
    if (countries.some((country) => !/^[A-Z]{2}$/.test(country.getAttribute('code') ?? '')))
      fail('a recipient country is not ISO 3166-1 alpha-2');
    for (const marker of all(activity, 'policy-marker')) {
      if (
        marker.getAttribute('vocabulary') === '1' &&
        marker.getAttribute('code') === '1' &&
        !/^[0-2]$/.test(marker.getAttribute('significance') ?? '')
      ) {
        fail('gender marker significance outside 0–2');
      }
    }
    const defaultCurrency = activity.getAttribute('default-currency');
    for (const value of all(activity, 'value')) {
      if (!value.getAttribute('currency') && !defaultCurrency) fail('a value without a currency');
      if (!value.getAttribute('value-date')) fail('a value without a value date');
    }
    let budgeted = 0;
    for (const budget of all(activity, 'budget')) {
      const start = attribute(first(budget, 'period-start'), 'iso-date') ?? '';
      const end = attribute(first(budget, 'period-end'), 'iso-date') ?? '';
      if (start > end) fail(`budget period ${start}–${end} ends before it starts`);
      if (days(start, end) > 365) fail(`budget period ${start}–${end} is longer than a year`);
      budgeted += Number(first(budget, 'value')?.textContent);
    }
    let committed = 0;
    let disbursed = 0;
    for (const transaction of all(activity, 'transaction')) {
      const type = attribute(first(transaction, 'transaction-type'), 'code');
      const date = attribute(first(transaction, 'transaction-date'), 'iso-date') ?? '';
      const usd = Number(first(transaction, 'value')?.textContent);
      if (type === '2') committed += usd;
      else if (type === '3') disbursed += usd;
      else fail(`transaction type ${type} is neither 2 nor 3`);
      if (date > today) fail(`transaction dated ${date}, in the future`);
    }
    if (budgeted !== committed) fail(`budgets add up to ${budgeted}, the commitment is ${committed}`);
    if (disbursed > committed) fail(`disbursed ${disbursed} is more than the commitment ${committed}`);
  }
  return problems;
}

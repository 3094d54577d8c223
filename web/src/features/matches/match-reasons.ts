import { graphql } from '../../gql';
import type { MatchFact } from '../../gql/enums';
import type { MatchReasonsFieldsFragment } from '../../gql/graphql';
import type { Translate } from '../../i18n/I18nProvider';
import { formatList, formatPercent, formatUsd, regionName } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import type { AreaName } from '../../ui/areas';

/** What `WhyItFits` words: spread `...MatchReasonsFields` into a match's `reasons` beside its `explanation`. */
export const MATCH_REASONS_FIELDS = graphql(`
  fragment MatchReasonsFields on MatchReasons {
    themeCount
    themesNamed
    themesThroughGroups {
      groupCode
      themeCodes
    }
    eligibleAs
    eligibleArea {
      code
      name
    }
    capacityShare
    unfundedUsd
    facts
  }
`);

const FACT_LABELS: Record<MatchFact, MessageId> = {
  NATIONAL_REPORT: 'matches.fact.NATIONAL_REPORT',
  NATIONAL_ACTION_PLAN: 'matches.fact.NATIONAL_ACTION_PLAN',
  GENDER_COMPONENT: 'matches.fact.GENDER_COMPONENT',
  REQUIRED_GENDER_COMPONENT: 'matches.fact.REQUIRED_GENDER_COMPONENT',
  BASELINE_ASSESSMENT: 'matches.fact.BASELINE_ASSESSMENT',
  MULTI_YEAR: 'matches.fact.MULTI_YEAR',
  CONFLICT_AFFECTED: 'matches.fact.CONFLICT_AFFECTED',
};

export interface ReasonWords {
  t: Translate;
  locale: Locale;
  /** A theme's or group's label in the reader's language. */
  themeLabel: (code: string) => string;
  areaName: AreaName;
}

/**
 * Why a pair fits, one line per reason, in the reader's language: the themes covered, how the
 * country qualifies, how much of the gap one grant carries, and the facts that raised the score.
 * The percentage is rounded down, as in the engine's English line, so "100%" only when it is all.
 */
export function reasonLines(words: ReasonWords, reasons: MatchReasonsFieldsFragment, country: { iso2: string; name: string }): string[] {
  const { t, locale, themeLabel } = words;
  const covered = reasons.themesNamed.length + reasons.themesThroughGroups.reduce((sum, group) => sum + group.themeCodes.length, 0);
  // Theme labels hold commas and "and" themselves ("Laws, regulations and administrative procedures"),
  // so the themes are set apart as a list of clauses is, with the language's semicolon.
  const themes = [
    ...reasons.themesNamed.map(themeLabel),
    ...reasons.themesThroughGroups.map(({ groupCode, themeCodes }) =>
      t('matches.reasons.throughGroup', { themes: formatList(locale, themeCodes.map(themeLabel)), group: themeLabel(groupCode) }),
    ),
  ].join(t('matches.reasons.themeSeparator'));
  const lines = [t('matches.reasons.themes', { covered, total: reasons.themeCount, themes }), eligibilityLine(words, reasons, country)];
  const capacity = capacityLine(words, reasons);
  if (capacity) lines.push(capacity);
  if (reasons.facts.length > 0) {
    lines.push(
      t('matches.reasons.facts', {
        facts: formatList(
          locale,
          reasons.facts.map((fact) => t(FACT_LABELS[fact])),
        ),
      }),
    );
  }
  return lines;
}

/** How much of the gap one grant carries; nothing for a pair that no longer passes the filters (a need funded since). */
function capacityLine({ t, locale }: ReasonWords, { capacityShare, unfundedUsd }: MatchReasonsFieldsFragment): string | null {
  if (capacityShare === null || capacityShare === undefined) return null;
  const amount = formatUsd(locale, Math.round(unfundedUsd));
  const percent = Math.floor(capacityShare * 100);
  if (capacityShare >= 1) return t('matches.reasons.capacityAll', { amount });
  if (percent === 0) return t('matches.reasons.capacityUnder', { percent: formatPercent(locale, 0.01), amount });
  return t('matches.reasons.capacityShare', { percent: formatPercent(locale, percent / 100), amount });
}

function eligibilityLine(
  { t, locale, areaName }: ReasonWords,
  { eligibleAs, eligibleArea }: MatchReasonsFieldsFragment,
  country: { iso2: string; name: string },
): string {
  if (eligibleAs === 'GLOBAL') return t('matches.reasons.eligibleWorldwide');
  if (eligibleAs === 'COUNTRY' || !eligibleArea) {
    return t('matches.reasons.eligibleCountry', { place: regionName(locale, country.iso2, country.name) });
  }
  return t('matches.reasons.eligibleArea', { place: areaName(eligibleArea) });
}

import type { MatchReasonsFieldsFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useAreaName } from '../../ui/areas';
import { useTaxonomy } from '../../ui/taxonomy';
import { reasonLines } from './match-reasons';

/**
 * A match's "why it fits", as the `<dd>` of a summary list: its reasons in the reader's language, one
 * per line; where the API has none (the offer no longer reaches the need's country), the engine's
 * English line as it was written when the pair was proposed. While the theme labels load (the first
 * page of a session that does not ask for them itself), the line stays empty rather than English.
 */
export function WhyItFits({
  explanation,
  reasons,
  country,
}: {
  explanation: string;
  reasons?: MatchReasonsFieldsFragment | null;
  country: { iso2: string; name: string };
}) {
  const t = useT();
  const { locale } = useLocale();
  const taxonomy = useTaxonomy();
  const areaName = useAreaName();
  if (!reasons) {
    return (
      <dd lang="en" dir="ltr">
        {explanation}
      </dd>
    );
  }
  if (!taxonomy) return <dd aria-busy="true" />;
  return (
    <dd>
      <ul className="reason-list">
        {reasonLines({ t, locale, themeLabel: taxonomy.labelOf, areaName }, reasons, country).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </dd>
  );
}

import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { DonorKind, Role } from '../../gql/enums';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import type { CombinedError } from 'urql';
import type { RuleProblem } from './admin-rules';

export const ROLE_LABELS: Record<Role, MessageId> = {
  STATE: 'common.role.STATE',
  DONOR: 'common.role.DONOR',
  SECRETARIAT: 'common.role.SECRETARIAT',
  ADMIN: 'common.role.ADMIN',
};

export const DONOR_KIND_LABELS: Record<DonorKind, MessageId> = {
  STATE: 'admin.donorKind.STATE',
  INTERNATIONAL_ORGANIZATION: 'admin.donorKind.INTERNATIONAL_ORGANIZATION',
  REGIONAL_ORGANIZATION: 'admin.donorKind.REGIONAL_ORGANIZATION',
  UN_ENTITY: 'admin.donorKind.UN_ENTITY',
  CIVIL_SOCIETY: 'admin.donorKind.CIVIL_SOCIETY',
  PRIVATE_SECTOR: 'admin.donorKind.PRIVATE_SECTOR',
};

const AdminCountriesQuery = graphql(`
  query AdminCountries {
    countries {
      iso3
      iso2
      name
    }
  }
`);

/** Countries named in the reader's language and sorted in its order, for the country pickers. */
export function useCountryChoices(): { iso3: string; name: string }[] {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: AdminCountriesQuery, requestPolicy: 'cache-first' });
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return (data?.countries ?? [])
      .map((country) => ({ iso3: country.iso3, name: regionName(locale, country.iso2, country.name) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [data, locale]);
}

/**
 * What stands in the way of a create, in the reader's words: the rules found before sending, or the
 * API's refusal, with a name already taken (CONFLICT) said next to the field that must change.
 */
export function useCreateProblems(): (
  rules: RuleProblem[],
  error: CombinedError | undefined,
  conflict: { field: string; message: MessageId },
) => FormProblem[] {
  const t = useT();
  return (rules, error, conflict) => {
    if (rules.length) return rules.map((problem) => ({ field: problem.field, message: t(problem.message) }));
    if (!error) return [];
    if (error.graphQLErrors[0]?.extensions?.code === 'CONFLICT') return [{ field: conflict.field, message: t(conflict.message) }];
    return problemsOf(error, t);
  };
}

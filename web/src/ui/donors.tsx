import { useMemo, type SelectHTMLAttributes } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useLocale } from '../i18n/I18nProvider';
import { SelectField } from './fields';

const DonorOptionsQuery = graphql(`
  query DonorOptions {
    donors {
      id
      name
    }
  }
`);

export interface DonorOption {
  id: string;
  name: string;
}

/** Donor organisations for the Secretariat to act for, sorted in the reader's order; null while they load or when not `wanted`. */
export function useDonorOptions(wanted: boolean): DonorOption[] | null {
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: DonorOptionsQuery, pause: !wanted, requestPolicy: 'cache-first' });
  return useMemo(() => {
    if (!data) return null;
    const collator = new Intl.Collator(locale);
    return [...data.donors].sort((a, b) => collator.compare(a.name, b.name));
  }, [data, locale]);
}

/**
 * The Secretariat's choice of the donor whose work a page shows. It applies as soon as it is chosen
 * (the page's address changes, so the choice can be bookmarked and shared); the empty option is the
 * page's to word ("All donors", "Choose a donor").
 */
export function DonorSelect({
  id,
  label,
  empty,
  ...select
}: { id: string; label: string; empty: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  const donors = useDonorOptions(true);
  return (
    <SelectField id={id} label={label} {...select}>
      <option value="">{empty}</option>
      {(donors ?? []).map((donor) => (
        <option key={donor.id} value={donor.id} dir="auto">
          {donor.name}
        </option>
      ))}
    </SelectField>
  );
}

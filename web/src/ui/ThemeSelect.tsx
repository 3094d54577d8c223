import type { SelectHTMLAttributes } from 'react';
import { SelectField } from './fields';
import { useTaxonomy } from './taxonomy';
import { ThemeOptions } from './ThemeOptions';

/**
 * A filter by theme: "any theme" first, then the taxonomy grouped by its groups, each group's own
 * option standing for all its themes. The taxonomy is the session's, loaded here; the feature words
 * the label, the "any" option and the group's own option.
 */
export function ThemeSelect({
  id,
  label,
  anyTheme,
  wholeGroup,
  ...select
}: {
  id: string;
  label: string;
  anyTheme: string;
  wholeGroup: (groupLabel: string) => string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>) {
  const taxonomy = useTaxonomy();
  return (
    <SelectField id={id} label={label} {...select}>
      <option value="">{anyTheme}</option>
      <ThemeOptions groups={taxonomy?.groups ?? []} wholeGroup={wholeGroup} />
    </SelectField>
  );
}

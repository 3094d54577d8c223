import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { AssistanceType, Modality } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { messageFor, type FormProblem } from '../../ui/api-errors';
import { ASSISTANCE_TYPE_LABELS } from '../../ui/enum-labels';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../ui/fields';
import { coveringArea, matchesCountry, toggleArea, toggleGroup, type RegionNode } from './eligibility-rules';
import { MODALITY_LABELS } from './offer-display';
import { OFFER_FIELD_IDS as IDS, OFFER_LIMITS, type OfferFormValues } from './offer-form-rules';
import type { Taxonomy } from '../../ui/taxonomy';
import type { EligibleAreas } from './offers-data';

const ASSISTANCE_TYPES: AssistanceType[] = ['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER'];
const MODALITIES: Modality[] = ['NORTH_SOUTH', 'SOUTH_SOUTH', 'TRIANGULAR'];

/** The offer's terms, for posting and for editing; the page around it says what the buttons do. */
export function OfferForm({
  values,
  onChange,
  problems,
  taxonomy,
  areas,
  donors,
  onSubmit,
  children,
}: {
  values: OfferFormValues;
  onChange: (values: OfferFormValues) => void;
  problems: FormProblem[];
  taxonomy: Taxonomy;
  areas: EligibleAreas;
  /** Given when the Secretariat posts for a donor and must choose which. */
  donors?: { id: string; name: string }[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const set = <K extends keyof OfferFormValues>(field: K, value: OfferFormValues[K]) => onChange({ ...values, [field]: value });
  const error = (field: keyof OfferFormValues) => messageFor(problems, `input.${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="form offer-form" onSubmit={submit} noValidate>
      {donors ? (
        <SelectField
          id={IDS['input.donorId']}
          label={t('offers.form.donor')}
          value={values.donorId}
          onChange={(event) => set('donorId', event.target.value)}
          error={error('donorId')}
        >
          <option value="">{t('offers.form.chooseDonor')}</option>
          {donors.map((donor) => (
            <option key={donor.id} value={donor.id} dir="auto">
              {donor.name}
            </option>
          ))}
        </SelectField>
      ) : null}

      <h2>{t('offers.form.whatHeading')}</h2>
      <TextField
        id={IDS['input.title']}
        label={t('offers.form.title')}
        hint={t('offers.form.titleHint', { min: OFFER_LIMITS.titleMin, max: OFFER_LIMITS.titleMax })}
        dir="auto"
        value={values.title}
        maxLength={OFFER_LIMITS.titleMax}
        onChange={(event) => set('title', event.target.value)}
        error={error('title')}
      />
      <TextArea
        id={IDS['input.description']}
        label={t('offers.form.description')}
        hint={t('offers.form.descriptionHint', { min: OFFER_LIMITS.descriptionMin })}
        rows={6}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        error={error('description')}
      />
      <ThemePicker
        taxonomy={taxonomy}
        selected={values.themeCodes}
        onChange={(codes) => set('themeCodes', codes)}
        error={error('themeCodes')}
      />
      <CheckboxGroup
        id={IDS['input.assistanceTypes']}
        legend={t('offers.form.assistanceTypes')}
        hint={t('offers.form.assistanceTypesHint')}
        options={ASSISTANCE_TYPES.map((type) => ({ value: type, label: t(ASSISTANCE_TYPE_LABELS[type]) }))}
        selected={values.assistanceTypes}
        onChange={(selected) => set('assistanceTypes', selected as AssistanceType[])}
        error={error('assistanceTypes')}
      />

      <h2>{t('offers.form.whoHeading')}</h2>
      <div className={`field${error('global') ? ' field--error' : ''}`}>
        {error('global') ? (
          <p id={`${IDS['input.global']}-error`} className="field__error">
            {error('global')}
          </p>
        ) : null}
        <Checkbox
          id={IDS['input.global']}
          label={t('offers.form.global')}
          hint={t('offers.form.globalHint')}
          checked={values.global}
          onChange={(event) => set('global', event.target.checked)}
        />
      </div>
      {values.global ? null : (
        <>
          <RegionTree
            areas={areas}
            selected={values.eligibleRegionCodes}
            onChange={(codes) => set('eligibleRegionCodes', codes)}
            error={error('eligibleRegionCodes')}
          />
          <CountryPicker
            areas={areas}
            selected={values.eligibleCountryIso3s}
            onChange={(codes) => set('eligibleCountryIso3s', codes)}
            error={error('eligibleCountryIso3s')}
          />
        </>
      )}

      <h2>{t('offers.form.termsHeading')}</h2>
      <WholeField
        field="capacityUsd"
        label={t('offers.form.capacity')}
        hint={t('offers.form.capacityHint')}
        values={values}
        set={set}
        error={error('capacityUsd')}
      />
      <div className="offer-form__pair">
        <WholeField
          field="minGrantUsd"
          label={t('offers.form.minGrant')}
          hint={t('offers.form.optionalUsd')}
          values={values}
          set={set}
          error={error('minGrantUsd')}
        />
        <WholeField
          field="maxGrantUsd"
          label={t('offers.form.maxGrant')}
          hint={t('offers.form.maxGrantHint')}
          values={values}
          set={set}
          error={error('maxGrantUsd')}
        />
      </div>
      <div className="offer-form__pair">
        <TextField
          id={IDS['input.startDate']}
          label={t('offers.form.startDate')}
          hint={t('offers.form.optional')}
          type="date"
          className="input input--short"
          value={values.startDate}
          onChange={(event) => set('startDate', event.target.value)}
          error={error('startDate')}
        />
        <TextField
          id={IDS['input.endDate']}
          label={t('offers.form.endDate')}
          hint={t('offers.form.endDateHint')}
          type="date"
          className="input input--short"
          value={values.endDate}
          onChange={(event) => set('endDate', event.target.value)}
          error={error('endDate')}
        />
      </div>
      <div className="offer-form__pair">
        <WholeField
          field="inKindQuantity"
          label={t('offers.form.inKindQuantity')}
          hint={t('offers.form.inKindQuantityHint')}
          values={values}
          set={set}
          error={error('inKindQuantity')}
        />
        <TextField
          id={IDS['input.inKindUnit']}
          label={t('offers.form.inKindUnit')}
          hint={t('offers.form.inKindUnitHint')}
          maxLength={OFFER_LIMITS.unitMax}
          dir="auto"
          value={values.inKindUnit}
          onChange={(event) => set('inKindUnit', event.target.value)}
          error={error('inKindUnit')}
        />
      </div>
      <SelectField
        id={IDS['input.modality']}
        label={t('offers.form.modality')}
        value={values.modality}
        onChange={(event) => set('modality', event.target.value as Modality | '')}
        error={error('modality')}
      >
        <option value="">{t('offers.form.anyModality')}</option>
        {MODALITIES.map((modality) => (
          <option key={modality} value={modality}>
            {t(MODALITY_LABELS[modality])}
          </option>
        ))}
      </SelectField>
      <Checkbox
        id={IDS['input.requiresGenderComponent']}
        label={t('offers.form.gender')}
        hint={t('offers.form.genderHint')}
        checked={values.requiresGenderComponent}
        onChange={(event) => set('requiresGenderComponent', event.target.checked)}
      />
      <TextArea
        id={IDS['input.conditions']}
        label={t('offers.form.conditions')}
        hint={t('offers.form.conditionsHint')}
        rows={4}
        value={values.conditions}
        onChange={(event) => set('conditions', event.target.value)}
        error={error('conditions')}
      />
      {children}
    </form>
  );
}

type WholeNumberField = 'capacityUsd' | 'minGrantUsd' | 'maxGrantUsd' | 'inKindQuantity';

/** A whole number typed as text, so a half-typed value stays until the reader fixes it. */
function WholeField({
  field,
  label,
  hint,
  values,
  set,
  error,
}: {
  field: WholeNumberField;
  label: string;
  hint: string;
  values: OfferFormValues;
  set: (field: WholeNumberField, value: string) => void;
  error?: string;
}) {
  return (
    <TextField
      id={IDS[`input.${field}`]}
      label={label}
      hint={hint}
      inputMode="numeric"
      className="input input--short"
      value={values[field]}
      onChange={(event) => set(field, event.target.value)}
      error={error}
    />
  );
}

/** A question answered with many checkboxes: the legend, its hint and the error, the error summary's link target. */
function PickerFieldset({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      className={`fieldset${error ? ' field--error' : ''}`}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      tabIndex={-1}
    >
      <legend className="fieldset__legend">{legend}</legend>
      <div id={`${id}-hint`} className="field__hint">
        {hint}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** Themes grouped as in the taxonomy; "all of" a group sends the group's code, which covers every theme in it. */
function ThemePicker({
  taxonomy,
  selected,
  onChange,
  error,
}: {
  taxonomy: Taxonomy;
  selected: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const id = IDS['input.themeCodes'];
  return (
    <PickerFieldset id={id} legend={t('offers.form.themes')} hint={t('offers.form.themesHint')} error={error}>
      {taxonomy.groups.map((group) => {
        const whole = selected.includes(group.code);
        const codes = group.themes.map((theme) => theme.code);
        return (
          <fieldset key={group.code} className="fieldset offer-form__group">
            <legend className="offer-form__group-legend">{group.label}</legend>
            <Checkbox
              id={`${id}-all-${group.code}`}
              label={t('offers.form.wholeGroup', { group: group.label })}
              checked={whole}
              onChange={(event) => onChange(toggleGroup(group.code, codes, event.target.checked, selected))}
            />
            <div className="offer-form__nested">
              {group.themes.map((theme) => (
                <Checkbox
                  key={theme.code}
                  id={`${id}-${theme.code}`}
                  label={theme.label}
                  checked={whole || selected.includes(theme.code)}
                  disabled={whole}
                  onChange={(event) =>
                    onChange(event.target.checked ? [...selected, theme.code] : selected.filter((code) => code !== theme.code))
                  }
                />
              ))}
            </div>
          </fieldset>
        );
      })}
    </PickerFieldset>
  );
}

/** UN M49 regions, sub-regions and intermediate regions as nested lists; a chosen area covers those under it. */
function RegionTree({
  areas,
  selected,
  onChange,
  error,
}: {
  areas: EligibleAreas;
  selected: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const id = IDS['input.eligibleRegionCodes'];
  const branch = (nodes: RegionNode[]): ReactNode => (
    <ul className="region-tree">
      {nodes.map((node) => {
        const cover = coveringArea(node.code, selected, areas.parents);
        return (
          <li key={node.code}>
            <Checkbox
              id={`${id}-${node.code}`}
              label={node.name}
              hint={cover ? t('offers.form.coveredBy', { area: areas.regionLabel(cover) }) : undefined}
              checked={Boolean(cover) || selected.includes(node.code)}
              disabled={Boolean(cover)}
              onChange={(event) => onChange(toggleArea(node.code, event.target.checked, selected, areas.parents))}
            />
            {node.children.length ? branch(node.children) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <PickerFieldset id={id} legend={t('offers.form.regions')} hint={t('offers.form.regionsHint')} error={error}>
      {branch(areas.tree)}
    </PickerFieldset>
  );
}

/** Countries by name in the reader's language: chosen ones as removable tags, the rest found by typing part of a name. */
function CountryPicker({
  areas,
  selected,
  onChange,
  error,
}: {
  areas: EligibleAreas;
  selected: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const matching = useMemo(() => areas.countries.filter((country) => matchesCountry(filter, country)), [areas.countries, filter]);
  const toggle = (iso3: string, checked: boolean) => onChange(checked ? [...selected, iso3] : selected.filter((code) => code !== iso3));
  const chosen = areas.countries.filter((country) => selected.includes(country.iso3));
  return (
    <fieldset id="offer-countries" className={`fieldset${error ? ' field--error' : ''}`} aria-describedby="offer-countries-hint">
      <legend className="fieldset__legend">{t('offers.form.countries')}</legend>
      <div id="offer-countries-hint" className="field__hint">
        {t('offers.form.countriesHint')}
      </div>
      {chosen.length ? (
        <ul className="chosen-tags" aria-label={t('offers.form.chosenCountries', { count: chosen.length })}>
          {chosen.map((country) => (
            <li key={country.iso3}>
              <button
                type="button"
                className="chosen-tags__tag"
                onClick={() => toggle(country.iso3, false)}
                aria-label={t('offers.form.removeCountry', { country: country.name })}
              >
                {country.name}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">{t('offers.form.noCountries')}</p>
      )}
      <TextField
        id={IDS['input.eligibleCountryIso3s']}
        type="search"
        label={t('offers.form.filterCountries')}
        autoComplete="off"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        error={error}
      />
      <p className="visually-hidden" role="status">
        {t('offers.form.countriesMatching', { count: matching.length })}
      </p>
      <div className="country-list" role="group" aria-label={t('offers.form.matchingCountries')}>
        {matching.map((country) => (
          <Checkbox
            key={country.iso3}
            id={`offer-country-${country.iso3}`}
            label={country.name}
            checked={selected.includes(country.iso3)}
            onChange={(event) => toggle(country.iso3, event.target.checked)}
          />
        ))}
        {matching.length ? null : <p>{t('offers.form.noCountryMatches')}</p>}
      </div>
    </fieldset>
  );
}

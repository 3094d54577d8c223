import { useState, type FormEvent, type ReactNode } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { AssistanceType, Visibility } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/message-ids';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ASSISTANCE_TYPE_LABELS, VISIBILITY_LABELS } from '../../ui/enum-labels';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../ui/fields';
import { NEED_FIELD_IDS, NEED_FLAGS, NEED_LIMITS, type NeedFlag, type NeedFormValues } from './need-form-rules';
import type { Taxonomy } from '../../ui/taxonomy';
import type { CountryOption } from './needs-data';

const SuggestThemesQuery = graphql(`
  query SuggestNeedThemes($text: String!) {
    suggestThemes(text: $text) {
      score
      evidence
      theme {
        code
      }
    }
  }
`);

export const ASSISTANCE_TYPES: AssistanceType[] = ['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER'];
const VISIBILITIES: Visibility[] = ['PUBLIC', 'DONORS', 'SECRETARIAT'];
const PRIORITIES = [1, 2, 3, 4, 5];

export const FLAG_LABELS: Record<NeedFlag, MessageId> = {
  nationalActionPlan: 'needs.form.nationalActionPlan',
  baselineAssessment: 'needs.form.baselineAssessment',
  genderComponent: 'needs.form.genderComponent',
  multiYear: 'needs.form.multiYear',
  conflictAffected: 'needs.form.conflictAffected',
};

const FLAG_HINTS: Record<NeedFlag, MessageId> = {
  nationalActionPlan: 'needs.form.nationalActionPlanHint',
  baselineAssessment: 'needs.form.baselineAssessmentHint',
  genderComponent: 'needs.form.genderComponentHint',
  multiYear: 'needs.form.multiYearHint',
  conflictAffected: 'needs.form.conflictAffectedHint',
};

export function priorityLabel(priority: number, t: ReturnType<typeof useT>): string {
  if (priority === NEED_LIMITS.priorityMin) return t('needs.form.priorityHighest', { priority });
  if (priority === NEED_LIMITS.priorityMax) return t('needs.form.priorityLowest', { priority });
  return String(priority);
}

/**
 * The one form for a need, filed by hand or reviewed after import: the same fields, hints and
 * errors either way. The page around it owns the values, the checks and what the buttons do.
 */
export function NeedForm({
  values,
  onChange,
  problems,
  taxonomy,
  countries,
  onSubmit,
  children,
}: {
  values: NeedFormValues;
  onChange: (values: NeedFormValues) => void;
  problems: FormProblem[];
  taxonomy: Taxonomy;
  /** Given when the Secretariat files for a state: the country is asked first. */
  countries?: CountryOption[] | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const set = <K extends keyof NeedFormValues>(field: K, value: NeedFormValues[K]) => onChange({ ...values, [field]: value });
  const error = (field: string) => messageFor(problems, `input.${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate className="form need-form">
      {countries !== undefined ? (
        <SelectField
          id={NEED_FIELD_IDS['input.countryIso3']}
          label={t('common.country')}
          hint={t('needs.form.countryHint')}
          value={values.countryIso3}
          onChange={(event) => set('countryIso3', event.target.value)}
          error={error('countryIso3')}
        >
          <option value="">{t('common.chooseCountry')}</option>
          {(countries ?? []).map((country) => (
            <option key={country.iso3} value={country.iso3}>
              {country.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        id={NEED_FIELD_IDS['input.title']}
        label={t('needs.form.title')}
        hint={t('needs.form.titleHint', { min: NEED_LIMITS.titleMin, max: NEED_LIMITS.titleMax })}
        dir="auto"
        value={values.title}
        maxLength={NEED_LIMITS.titleMax}
        onChange={(event) => set('title', event.target.value)}
        error={error('title')}
      />
      <TextArea
        id={NEED_FIELD_IDS['input.description']}
        label={t('needs.form.description')}
        hint={t('needs.form.descriptionHint')}
        value={values.description}
        rows={8}
        onChange={(event) => set('description', event.target.value)}
        error={error('description')}
      />
      <fieldset
        id={NEED_FIELD_IDS['input.themeCodes']}
        tabIndex={-1}
        className={`fieldset${error('themeCodes') ? ' field--error' : ''}`}
        aria-describedby="need-themes-hint"
      >
        <legend className="fieldset__legend need-form__legend">{t('needs.form.themes')}</legend>
        <div id="need-themes-hint" className="field__hint">
          {t('needs.form.themesHint')}
        </div>
        {error('themeCodes') ? <p className="field__error">{error('themeCodes')}</p> : null}
        <ThemeSuggestions values={values} taxonomy={taxonomy} onAdd={(code) => set('themeCodes', [...values.themeCodes, code])} />
        {taxonomy.groups.map((group) => (
          <CheckboxGroup
            key={group.code}
            id={`need-themes-${group.code}`}
            legend={group.label}
            options={group.themes.map((theme) => ({ value: theme.code, label: theme.label }))}
            selected={values.themeCodes}
            onChange={(selected) => set('themeCodes', selected)}
          />
        ))}
      </fieldset>
      <CheckboxGroup
        id={NEED_FIELD_IDS['input.assistanceTypes']}
        legend={t('needs.form.assistanceTypes')}
        hint={t('needs.form.assistanceTypesHint')}
        error={error('assistanceTypes')}
        options={ASSISTANCE_TYPES.map((type) => ({ value: type, label: t(ASSISTANCE_TYPE_LABELS[type]) }))}
        selected={values.assistanceTypes}
        onChange={(selected) => set('assistanceTypes', selected as AssistanceType[])}
      />
      <TextField
        id={NEED_FIELD_IDS['input.estimatedBudgetUsd']}
        label={t('needs.form.budget')}
        hint={t('needs.form.budgetHint')}
        inputMode="numeric"
        className="input input--short"
        value={values.estimatedBudgetUsd}
        onChange={(event) => set('estimatedBudgetUsd', event.target.value)}
        error={error('estimatedBudgetUsd')}
      />
      <div className="need-form__dates">
        <TextField
          id={NEED_FIELD_IDS['input.startDate']}
          label={t('needs.form.startDate')}
          hint={t('needs.form.dateHint')}
          type="date"
          className="input input--short"
          value={values.startDate}
          onChange={(event) => set('startDate', event.target.value)}
          error={error('startDate')}
        />
        <TextField
          id={NEED_FIELD_IDS['input.endDate']}
          label={t('needs.form.endDate')}
          hint={t('needs.form.endDateHint')}
          type="date"
          className="input input--short"
          value={values.endDate}
          onChange={(event) => set('endDate', event.target.value)}
          error={error('endDate')}
        />
      </div>
      <TextField
        id={NEED_FIELD_IDS['input.validUntil']}
        label={t('needs.form.validUntil')}
        hint={t('needs.form.validUntilHint')}
        type="date"
        className="input input--short"
        value={values.validUntil}
        onChange={(event) => set('validUntil', event.target.value)}
        error={error('validUntil')}
      />
      <SelectField
        id={NEED_FIELD_IDS['input.priority']}
        label={t('needs.form.priority')}
        hint={t('needs.form.priorityHint')}
        className="select select--compact"
        value={values.priority}
        onChange={(event) => set('priority', event.target.value)}
        error={error('priority')}
      >
        {PRIORITIES.map((priority) => (
          <option key={priority} value={String(priority)}>
            {priorityLabel(priority, t)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={NEED_FIELD_IDS['input.visibility']}
        label={t('needs.form.visibility')}
        hint={t('needs.form.visibilityHint')}
        className="select select--compact"
        value={values.visibility}
        onChange={(event) => set('visibility', event.target.value as Visibility)}
        error={error('visibility')}
      >
        {VISIBILITIES.map((visibility) => (
          <option key={visibility} value={visibility}>
            {t(VISIBILITY_LABELS[visibility])}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend className="fieldset__legend need-form__legend">{t('needs.form.flags')}</legend>
        <div className="field__hint">{t('needs.form.flagsHint')}</div>
        {NEED_FLAGS.map((flag) => (
          <Checkbox
            key={flag}
            id={NEED_FIELD_IDS[`input.${flag}`]}
            label={t(FLAG_LABELS[flag])}
            hint={t(FLAG_HINTS[flag])}
            checked={values[flag]}
            onChange={(event) => set(flag, event.target.checked)}
          />
        ))}
      </fieldset>
      {children}
    </form>
  );
}

type Suggestions = { code: string; evidence: string[] }[];

/** Themes the API reads in the title and description, each with a button to add it; never added without the reader's choice. */
function ThemeSuggestions({ values, taxonomy, onAdd }: { values: NeedFormValues; taxonomy: Taxonomy; onAdd: (code: string) => void }) {
  const t = useT();
  const client = useClient();
  const [state, setState] = useState<
    | { status: 'idle' | 'loading' | 'empty' | 'noText' }
    | { status: 'error'; message: string }
    | { status: 'done'; suggestions: Suggestions }
  >({
    status: 'idle',
  });

  async function suggest() {
    const text = `${values.title.trim()}\n\n${values.description.trim()}`.trim();
    if (!text) {
      setState({ status: 'noText' });
      return;
    }
    setState({ status: 'loading' });
    // The text's own language is detected by the API: an imported need may be in another language than the reader's.
    const result = await client
      .query(SuggestThemesQuery, { text: text.slice(0, NEED_LIMITS.descriptionMax) }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) {
      setState({ status: 'error', message: problemsOf(result.error, t)[0]?.message ?? t('common.error.internal') });
      return;
    }
    const suggestions = result.data.suggestThemes.map((suggestion) => ({ code: suggestion.theme.code, evidence: suggestion.evidence }));
    setState(suggestions.length ? { status: 'done', suggestions } : { status: 'empty' });
  }

  return (
    <div className="theme-suggestions">
      <button type="button" className="button button--secondary" onClick={() => void suggest()} disabled={state.status === 'loading'}>
        {state.status === 'loading' ? t('needs.suggest.loading') : t('needs.suggest.button')}
      </button>
      <div role="status" className="theme-suggestions__result">
        {state.status === 'noText' ? <p>{t('needs.suggest.noText')}</p> : null}
        {state.status === 'empty' ? <p>{t('needs.suggest.none')}</p> : null}
        {state.status === 'error' ? <p className="field__error">{state.message}</p> : null}
        {state.status === 'done' ? (
          <>
            <p>{t('needs.suggest.intro')}</p>
            <ul className="theme-suggestions__list">
              {state.suggestions.map((suggestion) => {
                const label = taxonomy.labelOf(suggestion.code);
                const added = values.themeCodes.includes(suggestion.code);
                return (
                  <li key={suggestion.code}>
                    <span className="theme-suggestions__theme">{label}</span>
                    {suggestion.evidence.length ? (
                      <span className="theme-suggestions__evidence">
                        {' '}
                        {t('needs.suggest.evidence', { words: suggestion.evidence.join(', ') })}
                      </span>
                    ) : null}{' '}
                    {added ? (
                      <span className="tag">{t('needs.suggest.added')}</span>
                    ) : (
                      <button type="button" className="button button--secondary button--compact" onClick={() => onAdd(suggestion.code)}>
                        {t('needs.suggest.add', { theme: label })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

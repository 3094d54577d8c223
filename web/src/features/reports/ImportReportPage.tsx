import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import type { Instrument } from '../../gql/enums';
import { useLocale, useT, type Translate } from '../../i18n/I18nProvider';
import { regionName } from '../../i18n/format';
import { apiFieldProblems, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { INSTRUMENT_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { RadioGroup, SelectField, TextArea, TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import {
  ACCEPTED_EXTENSIONS,
  base64OfDataUrl,
  FIRST_REPORT_YEAR,
  IMPORT_FIELDS,
  importProblems,
  latestReportYear,
  refusalMessageId,
  wasImportedBefore,
  type ReportSource,
} from './import-rules';
import type { ImportOutcome } from './ReportPage';

const ImportNationalReportMutation = graphql(`
  mutation ImportNationalReport($input: ImportNationalReportInput!) {
    importNationalReport(input: $input) {
      id
      createdAt
    }
  }
`);

const ImportCountriesQuery = graphql(`
  query ImportReportCountries {
    countries {
      iso3
      iso2
      name
    }
  }
`);

const FIELD_IDS: Record<string, string> = {
  [IMPORT_FIELDS.country]: 'report-country',
  [IMPORT_FIELDS.source]: 'report-source-FILE',
  [IMPORT_FIELDS.file]: 'report-file',
  [IMPORT_FIELDS.text]: 'report-text',
  [IMPORT_FIELDS.year]: 'report-year',
  [IMPORT_FIELDS.instrument]: 'report-instrument-POA',
};

const INSTRUMENTS: Instrument[] = ['POA', 'ITI'];

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(reader.result as string));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The API's refusals, with the console's own words for those it recognises (an empty document, a scanned PDF…). */
function refusalsOf(error: CombinedError, t: Translate): FormProblem[] {
  const named = apiFieldProblems(error);
  return problemsOf(error, t).map((problem, index) => {
    const id = named[index] ? refusalMessageId(named[index].field, named[index].message) : null;
    return id ? { field: problem.field, message: t(id) } : problem;
  });
}

export default function ImportReportPage() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSignedIn();
  const [, navigate] = useLocation();
  const needsCountry = actsForOthers(session.user.role);
  const [countryIso3, setCountryIso3] = useState('');
  const [source, setSource] = useState<ReportSource | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [encoding, setEncoding] = useState(false);
  const [{ fetching }, importReport] = useMutation(ImportNationalReportMutation);
  const [countries] = useQuery({ query: ImportCountriesQuery, pause: !needsCountry });
  const busy = encoding || fetching;
  const latest = latestReportYear(new Date());

  const countryOptions = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return (countries.data?.countries ?? [])
      .map((country) => ({ iso3: country.iso3, name: regionName(locale, country.iso2, country.name) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [countries.data, locale]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const local = importProblems(
      {
        needsCountry,
        countryIso3,
        source,
        file: file ? { name: file.name, size: file.size } : null,
        text,
        year,
        instrument: instrument ?? '',
      },
      t,
      new Date(),
    );
    setProblems(local);
    if (local.length) return;
    const base = { year: Number(year.trim()), instrument: instrument!, ...(needsCountry ? { countryIso3 } : {}) };
    let content: { fileBase64: string; fileName: string } | { text: string };
    if (source === 'FILE') {
      setEncoding(true);
      try {
        content = { fileBase64: await readAsBase64(file!), fileName: file!.name };
      } catch {
        setProblems([{ field: IMPORT_FIELDS.file, message: t('reports.import.fileUnreadable') }]);
        return;
      } finally {
        setEncoding(false);
      }
    } else {
      content = { text };
    }
    const sentAt = Date.now();
    const result = await importReport({ input: { ...base, ...content } });
    if (result.error || !result.data) {
      setProblems(result.error ? refusalsOf(result.error, t) : [{ field: null, message: t('common.error.internal') }]);
      return;
    }
    const report = result.data.importNationalReport;
    const outcome: ImportOutcome = wasImportedBefore(report.createdAt, sentAt) ? 'existing' : 'new';
    navigate(`/reports/${report.id}`, { state: { importOutcome: outcome } });
  }

  return (
    <Page title={t('reports.import.title')}>
      <p>{t('reports.import.intro')}</p>
      <ErrorSummary problems={problems} fieldIds={FIELD_IDS} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form" aria-busy={busy}>
        {needsCountry ? (
          <SelectField
            id={FIELD_IDS[IMPORT_FIELDS.country]}
            label={t('common.country')}
            hint={t('reports.import.countryHint')}
            value={countryIso3}
            onChange={(event) => setCountryIso3(event.target.value)}
            error={messageFor(problems, IMPORT_FIELDS.country)}
          >
            <option value="">{t('common.chooseCountry')}</option>
            {countryOptions.map((country) => (
              <option key={country.iso3} value={country.iso3}>
                {country.name}
              </option>
            ))}
          </SelectField>
        ) : session.user.country ? (
          <dl className="summary-list">
            <dt>{t('common.country')}</dt>
            <dd>{regionName(locale, session.user.country.iso2, session.user.country.name)}</dd>
          </dl>
        ) : null}

        <RadioGroup<ReportSource>
          id="report-source"
          legend={t('reports.import.sourceLegend')}
          error={messageFor(problems, IMPORT_FIELDS.source)}
          value={source}
          onChange={setSource}
          options={[
            { value: 'FILE', label: t('reports.import.sourceFile'), hint: t('reports.import.sourceFileHint') },
            { value: 'TEXT', label: t('reports.import.sourceText'), hint: t('reports.import.sourceTextHint') },
          ]}
        />

        {source === 'FILE' ? (
          <TextField
            id={FIELD_IDS[IMPORT_FIELDS.file]}
            label={t('reports.import.file')}
            hint={t('reports.import.fileHint')}
            type="file"
            className="input input--file"
            accept={ACCEPTED_EXTENSIONS.join(',')}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            error={messageFor(problems, IMPORT_FIELDS.file)}
          />
        ) : null}
        {source === 'TEXT' ? (
          <TextArea
            id={FIELD_IDS[IMPORT_FIELDS.text]}
            label={t('reports.import.text')}
            hint={t('reports.import.textHint')}
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={messageFor(problems, IMPORT_FIELDS.text)}
          />
        ) : null}

        <TextField
          id={FIELD_IDS[IMPORT_FIELDS.year]}
          label={t('reports.import.year')}
          hint={t('reports.import.yearHint', { first: FIRST_REPORT_YEAR, latest })}
          className="input input--short"
          inputMode="numeric"
          autoComplete="off"
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={messageFor(problems, IMPORT_FIELDS.year)}
        />

        <RadioGroup<Instrument>
          id="report-instrument"
          legend={t('reports.import.instrumentLegend')}
          error={messageFor(problems, IMPORT_FIELDS.instrument)}
          value={instrument}
          onChange={setInstrument}
          options={INSTRUMENTS.map((value) => ({ value, label: t(INSTRUMENT_LABELS[value]) }))}
        />

        {/* Present from the start so screen readers announce the text when it appears. */}
        <div role="status" className="import-progress">
          {busy ? (
            <>
              <p id="import-progress-text" className="import-progress__text">
                {t('reports.import.reading')}
              </p>
              <progress className="import-progress__bar" aria-labelledby="import-progress-text" />
            </>
          ) : null}
        </div>

        <button type="submit" className="button" disabled={busy}>
          {busy ? t('reports.import.submitting') : t('reports.import.submit')}
        </button>
      </form>
    </Page>
  );
}

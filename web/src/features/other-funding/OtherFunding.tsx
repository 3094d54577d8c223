import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { NeedStatus } from '../../gql/enums';
import type { NeedOtherFundingFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDate, formatUsd } from '../../i18n/format';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea, TextField } from '../../ui/fields';
import {
  EMPTY_OTHER_FUNDING,
  fundedElsewhereLine,
  FUNDER_NAME_MAX,
  NOTE_MAX,
  OTHER_FUNDING_FIELDS,
  otherFundingInput,
  otherFundingProblems,
  takesOtherFunding,
  type OtherFundingForm,
} from './other-funding-rules';

/** A need's money from other sources, as every page that shows a need's money reads it. */
export const NEED_OTHER_FUNDING = graphql(`
  fragment NeedOtherFunding on Need {
    id
    fundedElsewhereUsd
    fundingGapUsd
    otherFunding {
      id
      funderName
      amountUsd
      fundedOn
      note
      recordedAt
    }
  }
`);

const RecordOtherFundingMutation = graphql(`
  mutation RecordOtherFunding($input: RecordOtherFundingInput!) {
    recordOtherFunding(input: $input) {
      ...NeedOtherFunding
      version
      status
      fundedUsd
    }
  }
`);

const FIELD_IDS: Record<keyof OtherFundingForm, string> = {
  funderName: 'other-funding-funder',
  amountUsd: 'other-funding-amount',
  fundedOn: 'other-funding-date',
  note: 'other-funding-note',
};
const SUMMARY_FIELD_IDS = Object.fromEntries(
  (Object.keys(FIELD_IDS) as (keyof OtherFundingForm)[]).map((key) => [OTHER_FUNDING_FIELDS[key], FIELD_IDS[key]]),
);

/** The rows of a need's summary list on money from elsewhere and what is still lacking. */
export function FundedElsewhereRows({ need }: { need: { fundedElsewhereUsd: number; fundingGapUsd: number } }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <dt>{t('other-funding.fundedElsewhere')}</dt>
      <dd>{formatUsd(locale, need.fundedElsewhereUsd)}</dd>
      <dt>{t('other-funding.gap')}</dt>
      <dd>{formatUsd(locale, need.fundingGapUsd)}</dd>
    </>
  );
}

/** Beside a list's funded bar: money from other sources and what is still lacking, when some came from elsewhere. */
export function FundedElsewhereLine({ need }: { need: { fundedElsewhereUsd: number; fundingGapUsd: number } }) {
  const t = useT();
  const { locale } = useLocale();
  const line = fundedElsewhereLine(need, locale, t);
  return line ? <span className="funded-elsewhere">{line}</span> : null;
}

/**
 * A need's funding from other sources: the records, and for those who may change the need (the
 * requesting state, the Secretariat) while it still seeks money, a form to record more.
 */
export function OtherFundingSection({
  need,
  status,
  mayRecord,
  onRecorded,
}: {
  need: NeedOtherFundingFragment;
  status: NeedStatus;
  mayRecord: boolean;
  /** The need's new version: recording changes the need, so a form resting on the old one must move on. */
  onRecorded?: (version: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canRecord = mayRecord && takesOtherFunding(status);

  return (
    <section className="other-funding" aria-labelledby="other-funding-heading">
      <h2 id="other-funding-heading">{t('other-funding.heading')}</h2>
      {done ? (
        <div className="notice notice--success" role="status">
          {done}
        </div>
      ) : null}
      {need.otherFunding.length ? (
        <div className="table-scroll">
          <table className="table other-funding-table">
            <caption>{t('other-funding.records.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('other-funding.records.funder')}</th>
                <th scope="col" className="num">
                  {t('other-funding.records.amount')}
                </th>
                <th scope="col">{t('other-funding.records.fundedOn')}</th>
                <th scope="col">{t('other-funding.records.note')}</th>
                <th scope="col">{t('other-funding.records.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {need.otherFunding.map((record) => (
                <tr key={record.id}>
                  <td>
                    <bdi>{record.funderName}</bdi>
                  </td>
                  <td className="num">{formatUsd(locale, record.amountUsd)}</td>
                  <td>{formatDate(locale, record.fundedOn)}</td>
                  <td>{record.note ? <bdi>{record.note}</bdi> : null}</td>
                  <td>{formatDate(locale, record.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('other-funding.records.none')}</p>
      )}
      {canRecord && !open ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
          >
            {t('other-funding.form.open')}
          </button>
        </p>
      ) : null}
      {canRecord && open ? (
        <RecordOtherFundingForm
          need={need}
          onCancel={() => setOpen(false)}
          onRecorded={(version, message) => {
            setOpen(false);
            setDone(message);
            onRecorded?.(version);
          }}
        />
      ) : null}
    </section>
  );
}

function RecordOtherFundingForm({
  need,
  onCancel,
  onRecorded,
}: {
  need: NeedOtherFundingFragment;
  onCancel: () => void;
  onRecorded: (version: number, message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [form, setForm] = useState<OtherFundingForm>(EMPTY_OTHER_FUNDING);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, record] = useMutation(RecordOtherFundingMutation);
  const set = (key: keyof OtherFundingForm) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  useEffect(() => {
    document.getElementById(FIELD_IDS.funderName)?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = otherFundingProblems(form, need.fundingGapUsd, locale, t);
    setProblems(local);
    if (local.length) return;
    const input = otherFundingInput(need.id, form, locale);
    const result = await record({ input });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error, t));
      return;
    }
    const recorded = result.data.recordOtherFunding;
    onRecorded(
      recorded.version,
      t('other-funding.form.done', {
        amount: formatUsd(locale, input.amountUsd),
        funder: input.funderName,
        gap: formatUsd(locale, recorded.fundingGapUsd),
      }),
    );
  }

  return (
    <form
      className="form other-funding__form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="other-funding-form-heading"
    >
      <h3 id="other-funding-form-heading">{t('other-funding.form.heading')}</h3>
      <p>{t('other-funding.form.intro')}</p>
      <ErrorSummary problems={problems} fieldIds={SUMMARY_FIELD_IDS} />
      <TextField
        id={FIELD_IDS.funderName}
        label={t('other-funding.form.funder')}
        hint={t('other-funding.form.funderHint', { max: FUNDER_NAME_MAX })}
        dir="auto"
        autoComplete="organization"
        value={form.funderName}
        onChange={set('funderName')}
        error={messageFor(problems, OTHER_FUNDING_FIELDS.funderName)}
      />
      <TextField
        id={FIELD_IDS.amountUsd}
        label={t('other-funding.form.amount')}
        hint={t('other-funding.form.amountHint', { gap: formatUsd(locale, need.fundingGapUsd) })}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="input input--short"
        value={form.amountUsd}
        onChange={set('amountUsd')}
        error={messageFor(problems, OTHER_FUNDING_FIELDS.amountUsd)}
      />
      <TextField
        id={FIELD_IDS.fundedOn}
        type="date"
        label={t('other-funding.form.fundedOn')}
        className="input input--short"
        value={form.fundedOn}
        onChange={set('fundedOn')}
        error={messageFor(problems, OTHER_FUNDING_FIELDS.fundedOn)}
      />
      <TextArea
        id={FIELD_IDS.note}
        label={t('other-funding.form.note')}
        hint={t('other-funding.form.noteHint', { max: NOTE_MAX })}
        rows={3}
        maxLength={NOTE_MAX}
        value={form.note}
        onChange={set('note')}
        error={messageFor(problems, OTHER_FUNDING_FIELDS.note)}
      />
      <div className="button-group">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('other-funding.form.submitting') : t('other-funding.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

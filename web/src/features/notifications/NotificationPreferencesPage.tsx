import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { NotificationKind } from '../../gql/enums';
import { useT } from '../../i18n/I18nProvider';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales';
import { messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { RadioGroup, SelectField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { DELIVERY_LABELS, deliveryChoices, deliveryOf, KIND_LABELS, kindDelivery, type Delivery } from './notification-rules';

/** The preferences as the page reads them and as the API answers a change, so what was saved is shown as read back. */
export const NOTIFICATION_PREFERENCES_FIELDS = graphql(`
  fragment NotificationPreferencesFields on NotificationPreferences {
    emailEnabled
    language
    kinds {
      kind
      email
      digest
      alwaysDigest
    }
  }
`);

const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      ...NotificationPreferencesFields
    }
  }
`);

const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ...NotificationPreferencesFields
    }
  }
`);

type Preferences = ResultOf<typeof NOTIFICATION_PREFERENCES_FIELDS>;
interface Form {
  language: Locale;
  deliveries: Partial<Record<NotificationKind, Delivery>>;
}

const LANGUAGE_FIELD = 'notification-language';
const kindFieldId = (kind: NotificationKind) => `notification-kind-${kind}`;

function formOf(preferences: Preferences): Form {
  return {
    language: isLocale(preferences.language) ? preferences.language : 'en',
    deliveries: Object.fromEntries(preferences.kinds.map((kind) => [kind.kind, deliveryOf(kind)])),
  };
}

/** How each kind of notification reaches the reader, and the language of their e-mails. */
export default function NotificationPreferencesPage() {
  const t = useT();
  const [{ data, error, fetching }] = useQuery({ query: NotificationPreferencesQuery, requestPolicy: 'network-only' });
  const [saved, setSaved] = useState<Preferences | null>(null);
  const preferences = saved ?? data?.notificationPreferences;
  return (
    <Page title={t('notifications.preferences.title')}>
      <p>{t('notifications.preferences.intro')}</p>
      {!preferences && fetching ? <Loading /> : null}
      {!preferences && error ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {preferences ? (
        <PreferencesForm key={JSON.stringify(preferences)} preferences={preferences} saved={!!saved} onSaved={setSaved} />
      ) : null}
    </Page>
  );
}

function PreferencesForm({
  preferences,
  saved,
  onSaved,
}: {
  preferences: Preferences;
  saved: boolean;
  onSaved: (next: Preferences) => void;
}) {
  const t = useT();
  const [form, setForm] = useState<Form>(() => formOf(preferences));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [{ fetching }, update] = useMutation(UpdateNotificationPreferencesMutation);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The API names a kind by its place in the input, which follows the order the kinds were read in.
  const fieldIds: Record<string, string> = {
    'input.language': LANGUAGE_FIELD,
    ...Object.fromEntries(preferences.kinds.map((kind, index) => [`input.kinds.${index}`, kindFieldId(kind.kind)])),
  };

  useEffect(() => {
    if (saved) noticeRef.current?.focus();
  }, [saved]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    const kinds = preferences.kinds.map((kind) => ({
      kind: kind.kind,
      ...kindDelivery(form.deliveries[kind.kind] ?? deliveryOf(kind), kind),
    }));
    const result = await update({ input: { language: form.language, kinds } });
    if (result.error || !result.data) {
      setProblems(problemsOf(result.error, t));
      return;
    }
    onSaved(result.data.updateNotificationPreferences);
  }

  return (
    <>
      {saved ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {t('notifications.preferences.saved')}
        </div>
      ) : null}
      {preferences.emailEnabled ? null : <div className="notice">{t('notifications.preferences.emailDisabled')}</div>}
      <ErrorSummary problems={problems} fieldIds={fieldIds} />
      <form onSubmit={(event) => void submit(event)} noValidate className="form form--narrow">
        <h2>{t('notifications.preferences.kindsHeading')}</h2>
        {preferences.kinds.map((kind, index) => (
          <RadioGroup
            key={kind.kind}
            id={kindFieldId(kind.kind)}
            legend={t(KIND_LABELS[kind.kind])}
            hint={kind.alwaysDigest ? t('notifications.preferences.alwaysDigest') : undefined}
            error={messageFor(problems, `input.kinds.${index}`)}
            options={deliveryChoices(kind.alwaysDigest).map((value) => ({ value, label: t(DELIVERY_LABELS[value]) }))}
            value={form.deliveries[kind.kind] ?? null}
            onChange={(value) => setForm({ ...form, deliveries: { ...form.deliveries, [kind.kind]: value } })}
          />
        ))}
        <SelectField
          id={LANGUAGE_FIELD}
          label={t('notifications.preferences.language')}
          hint={t('notifications.preferences.languageHint')}
          error={messageFor(problems, 'input.language')}
          value={form.language}
          onChange={(event) => setForm({ ...form, language: event.target.value as Locale })}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('notifications.preferences.submitting') : t('notifications.preferences.submit')}
        </button>
      </form>
    </>
  );
}

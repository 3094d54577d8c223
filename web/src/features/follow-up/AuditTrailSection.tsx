import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { problemsOf, type FormProblem } from '../../ui/api-errors';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/page';
import { detailEntries, recordPath } from './follow-up-rules';

const AuditEventsQuery = graphql(`
  query FollowUpAuditEvents($entityId: ID!) {
    auditEvents(entityId: $entityId) {
      id
      at
      action
      entityType
      entityId
      detail
      actor {
        email
      }
    }
  }
`);

const RECORD_ID = 'follow-up-record-id';

export function AuditTrailSection() {
  const t = useT();
  const { locale } = useLocale();
  const [input, setInput] = useState('');
  const [entityId, setEntityId] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [result] = useQuery({ query: AuditEventsQuery, variables: { entityId }, pause: !entityId, requestPolicy: 'network-only' });

  function show(event: FormEvent) {
    event.preventDefault();
    const id = input.trim();
    if (!id) {
      setProblems([{ field: 'entityId', message: t('follow-up.audit.recordIdRequired') }]);
      return;
    }
    setProblems([]);
    setEntityId(id);
  }

  const events = entityId ? result.data?.auditEvents : undefined;
  const first = events?.[0];
  const path = first ? recordPath(first.entityType, first.entityId) : null;
  return (
    <section className="follow-up-section" aria-labelledby="follow-up-audit-heading">
      <h2 id="follow-up-audit-heading">{t('follow-up.audit.heading')}</h2>
      <p>{t('follow-up.audit.intro')}</p>
      <form className="follow-up-form" onSubmit={show} noValidate>
        <ErrorSummary problems={problems} fieldIds={{ entityId: RECORD_ID }} />
        <TextField
          id={RECORD_ID}
          label={t('follow-up.audit.recordId')}
          hint={t('follow-up.audit.recordIdHint')}
          className="input follow-up-form__id"
          spellCheck={false}
          autoComplete="off"
          dir="ltr"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          error={problems[0]?.message}
        />
        <button type="submit" className="button">
          {t('follow-up.audit.show')}
        </button>
      </form>
      {entityId && result.error ? <ErrorSummary problems={problemsOf(result.error, t)} /> : null}
      {!entityId ? null : !events ? (
        result.fetching ? (
          <Loading />
        ) : null
      ) : events.length === 0 ? (
        <p role="status">{t('follow-up.audit.none', { id: entityId })}</p>
      ) : (
        <>
          {path ? (
            <p>
              <Link href={path}>{t(first?.entityType === 'Need' ? 'follow-up.audit.openNeed' : 'follow-up.audit.openOffer')}</Link>
            </p>
          ) : null}
          <div className="follow-up-table-scroll">
            <table className="table">
              <caption>{t('follow-up.audit.caption', { type: first?.entityType ?? '', id: entityId })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('follow-up.audit.col.when')}</th>
                  <th scope="col">{t('follow-up.audit.col.who')}</th>
                  <th scope="col">{t('follow-up.audit.col.action')}</th>
                  <th scope="col">{t('follow-up.audit.col.details')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => {
                  const entries = detailEntries(event.detail);
                  return (
                    <tr key={event.id}>
                      <th scope="row" className="follow-up-when">
                        {formatDateTime(locale, event.at)}
                      </th>
                      <td>{event.actor?.email ?? t('follow-up.audit.system')}</td>
                      <td>
                        <code>{event.action}</code>
                      </td>
                      <td>
                        {entries.length ? (
                          <dl className="follow-up-detail">
                            {entries.map(([key, value]) => (
                              <div key={key} className="follow-up-detail__row">
                                <dt>{key || t('follow-up.audit.detailValue')}</dt>
                                <dd dir="auto">{value}</dd>
                              </div>
                            ))}
                          </dl>
                        ) : (
                          t('follow-up.audit.noDetail')
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

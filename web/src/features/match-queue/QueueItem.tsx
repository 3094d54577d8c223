import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { MatchCardFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime, formatUsd } from '../../i18n/format';
import type { MessageId } from '../../i18n/message-ids';
import { errorCodeOf, messageFor, problemsOf, type FormProblem } from '../../ui/api-errors';
import { MATCH_STATUS_LABELS } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea, TextField } from '../../ui/fields';
import {
  APPROVAL_FIELDS,
  approvalBounds,
  approvalProblems,
  canApprove,
  canReject,
  REJECT_FIELDS,
  rejectProblems,
  suggestedAmount,
  type ApprovalFacts,
  type Blocker,
} from './approval-rules';
import { MatchSummary } from './MatchSummary';
import { parseWholeUsd } from '../pairings/progress-rules';

const ApproveMutation = graphql(`
  mutation ApproveQueuedMatch($id: ID!, $allocatedUsd: Int!, $expectedVersion: Int!, $note: String) {
    approveMatch(id: $id, allocatedUsd: $allocatedUsd, expectedVersion: $expectedVersion, note: $note) {
      ...MatchCard
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectQueuedMatch($id: ID!, $expectedVersion: Int!, $reason: String!) {
    rejectMatch(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      ...MatchCard
    }
  }
`);

// A pair (need, offer) is one match, so this finds the match as it stands now; its audit trail says who moved it last.
const CurrentMatchQuery = graphql(`
  query CurrentQueuedMatch($id: ID!, $needId: ID!, $offerId: ID!) {
    matches(filter: { needId: $needId, offerId: $offerId }, first: 1) {
      edges {
        node {
          ...MatchCard
        }
      }
    }
    auditEvents(entityId: $id) {
      action
      at
      actor {
        email
      }
    }
  }
`);

const BLOCKER_MESSAGES: Record<Exclude<Blocker, 'matchStatus' | 'belowMinGrant'>, MessageId> = {
  offerStatus: 'match-queue.approve.blocker.offerStatus',
  needStatus: 'match-queue.approve.blocker.needStatus',
  noCapacity: 'match-queue.approve.blocker.noCapacity',
  noGap: 'match-queue.approve.blocker.noGap',
};

/** What the reader is told after the API refused a decision because the match had moved. */
interface Conflict {
  /** The match moved since it was read (someone decided first), rather than its offer or need. */
  decidedByOthers: boolean;
  /** Gone from the reader's view altogether (superseded and hidden, or no longer visible). */
  gone: boolean;
  lastEvent: { at: string; who: string | null } | null;
}

export function factsOf(match: MatchCardFragment): ApprovalFacts {
  return { matchStatus: match.status, need: match.need, offer: match.offer };
}

/**
 * One match of the queue with its decisions. The panels open in place under the match, focus moves
 * to their heading and back to the button that opened them; a refused decision is never sent again
 * on its own: on CONFLICT the match is read again and the reader sees where it stands now.
 */
export function QueueItem({
  match: listed,
  open,
  moved,
  onOpen,
  onDecided,
  onRefresh,
}: {
  match: MatchCardFragment;
  open: 'approve' | 'reject' | null;
  /** The match has left the list while its panel was open (it is kept on the page for the panel). */
  moved: boolean;
  onOpen: (kind: 'approve' | 'reject' | null) => void;
  onDecided: (message: string) => void;
  onRefresh: () => void;
}) {
  const t = useT();
  const client = useClient();
  const [current, setCurrent] = useState<MatchCardFragment | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const approveButton = useRef<HTMLButtonElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  // The list is read again as live updates arrive: whichever copy is newer, it or the one read after a conflict.
  const match = current && current.version > listed.version ? current : listed;
  const context = t('match-queue.approve.openContext', { need: match.need.title, offer: match.offer.title });
  const panelId = `queue-panel-${match.id}`;

  const close = (kind: 'approve' | 'reject') => {
    onOpen(null);
    (kind === 'approve' ? approveButton : rejectButton).current?.focus();
  };

  /** Reads the match again after a CONFLICT; the list itself stays as it is so the reader keeps their place. */
  async function reread(sentVersion: number) {
    const result = await client
      .query(CurrentMatchQuery, { id: match.id, needId: match.need.id, offerId: match.offer.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const now = result.data?.matches.edges[0]?.node ?? null;
    const last = result.data?.auditEvents.at(-1);
    if (now) setCurrent(now);
    setConflict({
      decidedByOthers: !now || now.version !== sentVersion,
      gone: !now,
      lastEvent: last ? { at: last.at, who: last.actor?.email ?? null } : null,
    });
  }

  const panelProps = { match, conflict, moved, onCancel: close, reread, onDecided, onRefresh, headingLabel: context };
  return (
    <MatchSummary match={match}>
      {canApprove(match.status) || canReject(match.status) ? (
        <div className="button-group">
          {canApprove(match.status) ? (
            <button
              type="button"
              ref={approveButton}
              className="button"
              aria-expanded={open === 'approve'}
              aria-controls={open === 'approve' ? panelId : undefined}
              onClick={() => onOpen(open === 'approve' ? null : 'approve')}
            >
              {t('match-queue.approve.open')}
              <span className="visually-hidden"> {context}</span>
            </button>
          ) : null}
          {canReject(match.status) ? (
            <button
              type="button"
              ref={rejectButton}
              className="button button--warning"
              aria-expanded={open === 'reject'}
              aria-controls={open === 'reject' ? panelId : undefined}
              onClick={() => onOpen(open === 'reject' ? null : 'reject')}
            >
              {t('match-queue.reject.open')}
              <span className="visually-hidden"> {context}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {open === 'approve' ? <ApprovePanel id={panelId} {...panelProps} /> : null}
      {open === 'reject' ? <RejectPanel id={panelId} {...panelProps} /> : null}
      {!open && conflict ? <ConflictNotice conflict={conflict} match={match} onRefresh={onRefresh} /> : null}
    </MatchSummary>
  );
}

interface PanelProps {
  id: string;
  match: MatchCardFragment;
  conflict: Conflict | null;
  moved: boolean;
  headingLabel: string;
  onCancel: (kind: 'approve' | 'reject') => void;
  reread: (sentVersion: number) => Promise<void>;
  onDecided: (message: string) => void;
  onRefresh: () => void;
}

/**
 * A panel's frame: a labelled region whose heading takes the focus when it opens. When the match
 * moves to another status while it is open (decided elsewhere), the panel says so, politely: the
 * reader may be typing.
 */
function Panel({
  id,
  heading,
  match,
  moved,
  children,
}: {
  id: string;
  heading: string;
  match: MatchCardFragment;
  moved: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section id={id} className="queue-panel" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="queue-panel__heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h4>
      <div role="status">
        {moved ? (
          <p className="notice notice--warning">{t('match-queue.moved.notice', { status: t(MATCH_STATUS_LABELS[match.status]) })}</p>
        ) : null}
      </div>
      {children}
    </section>
  );
}

function useDecisionOutcome(reread: PanelProps['reread']) {
  const t = useT();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  /** True when the refusal was handled as a conflict (the match is read again); else its problems are shown. */
  async function refused(error: CombinedError | undefined, sentVersion: number): Promise<void> {
    if (errorCodeOf(error) === 'CONFLICT') {
      setProblems([]);
      await reread(sentVersion);
      return;
    }
    setProblems(problemsOf(error, t));
  }
  return { problems, setProblems, refused };
}

function ApprovePanel({ id, match, conflict, moved, headingLabel, onCancel, reread, onDecided, onRefresh }: PanelProps) {
  const t = useT();
  const { locale } = useLocale();
  const facts = factsOf(match);
  const bounds = approvalBounds(facts);
  const suggested = suggestedAmount(facts);
  const [amount, setAmount] = useState(suggested === null ? '' : String(suggested));
  const [note, setNote] = useState('');
  const { problems, setProblems, refused } = useDecisionOutcome(reread);
  const [{ fetching }, approve] = useMutation(ApproveMutation);
  const usd = (value: number) => formatUsd(locale, value);
  const fieldIds = { [APPROVAL_FIELDS.allocatedUsd]: `${id}-amount`, [APPROVAL_FIELDS.note]: `${id}-note` };

  // A match read again after a conflict brings new limits: the amount follows them. A match merely
  // read again with the list (live updates) keeps what the reader typed; the hint shows the new limits.
  useEffect(() => {
    if (conflict && suggested !== null) setAmount(String(suggested));
  }, [conflict]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = approvalProblems({ amount, note }, facts, locale, t);
    setProblems(local);
    if (local.length) return;
    const allocatedUsd = parseWholeUsd(amount, locale)!;
    const result = await approve({ id: match.id, allocatedUsd, expectedVersion: match.version, note: note.trim() || null });
    if (result.error || !result.data) return refused(result.error, match.version);
    onDecided(t('match-queue.approve.done', { amount: usd(allocatedUsd), offer: match.offer.title, need: match.need.title }));
  }

  const grants =
    facts.offer.minGrantUsd !== null && facts.offer.maxGrantUsd !== null
      ? t('match-queue.approve.grantRange', { min: usd(facts.offer.minGrantUsd), max: usd(facts.offer.maxGrantUsd) })
      : facts.offer.minGrantUsd !== null
        ? t('match-queue.approve.grantFrom', { min: usd(facts.offer.minGrantUsd) })
        : facts.offer.maxGrantUsd !== null
          ? t('match-queue.approve.grantTo', { max: usd(facts.offer.maxGrantUsd) })
          : t('match-queue.approve.noGrantLimits');

  return (
    <Panel id={id} heading={t('match-queue.approve.heading')} match={match} moved={moved}>
      {conflict ? <ConflictNotice conflict={conflict} match={match} onRefresh={onRefresh} /> : null}
      <dl className="summary-list">
        <dt>{t('match-queue.approve.gap')}</dt>
        <dd>
          {t('match-queue.approve.gapDetail', {
            gap: usd(bounds.gapUsd),
            budget: usd(facts.need.estimatedBudgetUsd),
            funded: usd(facts.need.fundedUsd),
          })}
        </dd>
        {facts.need.fundedElsewhereUsd > 0 ? (
          <>
            <dt>{t('other-funding.fundedElsewhere')}</dt>
            <dd>{usd(facts.need.fundedElsewhereUsd)}</dd>
          </>
        ) : null}
        <dt>{t('match-queue.approve.capacity')}</dt>
        <dd>{usd(Math.max(0, facts.offer.remainingCapacityUsd))}</dd>
        <dt>{t('match-queue.approve.grantLimits')}</dt>
        <dd>{grants}</dd>
      </dl>
      {bounds.blocker ? (
        <div className="notice notice--warning">
          <p className="notice__text">
            {bounds.blocker === 'matchStatus'
              ? t('match-queue.approve.blocker.matchStatus', { status: t(MATCH_STATUS_LABELS[match.status]) })
              : bounds.blocker === 'belowMinGrant'
                ? t('match-queue.approve.blocker.belowMinGrant', { max: usd(bounds.maximumUsd), min: usd(bounds.minimumUsd) })
                : t(BLOCKER_MESSAGES[bounds.blocker])}
          </p>
          <button type="button" className="button button--secondary" onClick={() => onCancel('approve')}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          className="form"
          aria-label={`${t('match-queue.approve.heading')}: ${headingLabel}`}
        >
          <ErrorSummary problems={problems} fieldIds={fieldIds} />
          <TextField
            id={fieldIds.allocatedUsd}
            label={t('match-queue.approve.amount')}
            hint={t('match-queue.approve.amountHint', { min: usd(bounds.minimumUsd), max: usd(bounds.maximumUsd) })}
            className="input input--short"
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={messageFor(problems, APPROVAL_FIELDS.allocatedUsd)}
          />
          <TextArea
            id={fieldIds.note}
            label={t('match-queue.approve.note')}
            hint={t('match-queue.approve.noteHint')}
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={messageFor(problems, APPROVAL_FIELDS.note)}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={fetching}>
              {fetching ? t('match-queue.approve.submitting') : t('match-queue.approve.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onCancel('approve')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Panel>
  );
}

function RejectPanel({ id, match, conflict, moved, headingLabel, onCancel, reread, onDecided, onRefresh }: PanelProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { problems, setProblems, refused } = useDecisionOutcome(reread);
  const [{ fetching }, reject] = useMutation(RejectMutation);
  const fieldIds = { [REJECT_FIELDS.reason]: `${id}-reason` };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = rejectProblems(reason, t);
    setProblems(local);
    if (local.length) return;
    const result = await reject({ id: match.id, expectedVersion: match.version, reason: reason.trim() });
    if (result.error || !result.data) return refused(result.error, match.version);
    onDecided(t('match-queue.reject.done', { need: match.need.title, offer: match.offer.title }));
  }

  return (
    <Panel id={id} heading={t('match-queue.reject.heading')} match={match} moved={moved}>
      {conflict ? <ConflictNotice conflict={conflict} match={match} onRefresh={onRefresh} /> : null}
      {canReject(match.status) ? (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          className="form"
          aria-label={`${t('match-queue.reject.heading')}: ${headingLabel}`}
        >
          <ErrorSummary problems={problems} fieldIds={fieldIds} />
          <TextArea
            id={fieldIds.reason}
            label={t('match-queue.reject.reason')}
            hint={t('match-queue.reject.reasonHint')}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={messageFor(problems, REJECT_FIELDS.reason)}
          />
          <div className="button-group">
            <button type="submit" className="button button--warning" disabled={fetching}>
              {fetching ? t('match-queue.reject.submitting') : t('match-queue.reject.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onCancel('reject')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => onCancel('reject')}>
          {t('common.cancel')}
        </button>
      )}
    </Panel>
  );
}

/** Says that the decision was not saved and where the match stands now, with who moved it last when the trail says. */
function ConflictNotice({ conflict, match, onRefresh }: { conflict: Conflict; match: MatchCardFragment; onRefresh: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [conflict]);
  const status = t(MATCH_STATUS_LABELS[match.status]);
  const last = conflict.lastEvent;
  return (
    <div className="notice notice--warning" role="alert" tabIndex={-1} ref={ref}>
      <h5 className="queue-panel__conflict-title">
        {conflict.decidedByOthers ? t('match-queue.conflict.title') : t('common.error.conflict')}
      </h5>
      {conflict.gone ? (
        <p className="notice__text">{t('match-queue.conflict.gone')}</p>
      ) : (
        <p className="notice__text">
          {t('match-queue.conflict.body', { status })}{' '}
          {last
            ? last.who
              ? t('match-queue.conflict.by', { who: last.who, when: formatDateTime(locale, last.at) })
              : t('match-queue.conflict.bySystem', { when: formatDateTime(locale, last.at) })
            : null}
        </p>
      )}
      {!conflict.gone && canApprove(match.status) ? <p className="notice__text">{t('match-queue.conflict.again')}</p> : null}
      <button type="button" className="button button--secondary" onClick={onRefresh}>
        {t('common.reload')}
      </button>
    </div>
  );
}

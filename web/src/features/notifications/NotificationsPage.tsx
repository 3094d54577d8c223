import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { NotificationsListQuery } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { CursorPagination, useCursorTrail } from '../../ui/CursorPagination';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { OutcomeNotice, type FailedOutcome } from '../../ui/OutcomeNotice';
import { Checkbox } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { NOTIFICATION_PREFERENCES_PATH } from './notification-paths';
import { KIND_LABELS, notificationTarget, unreadIds } from './notification-rules';
import { useNotifications, useNotificationsChanged } from './NotificationsProvider';

// The page size is written out so the API prices the query at what it asks for.
const NotificationsListQuery = graphql(`
  query NotificationsList($after: String, $unreadOnly: Boolean, $language: String) {
    notifications(first: 20, after: $after, unreadOnly: $unreadOnly, language: $language) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          readAt
          needId
          matchId
        }
      }
    }
  }
`);

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      ids
      unreadCount
    }
  }
`);

type Item = NotificationsListQuery['notifications']['edges'][number]['node'];
type Outcome = { kind: 'marked'; count: number } | FailedOutcome;

/** The reader's notifications, newest first, in the console's language; new ones appear as they arrive. */
export default function NotificationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const notifications = useNotifications();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const trail = useCursorTrail(String(unreadOnly));
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: NotificationsListQuery,
    variables: { after: trail.after || null, unreadOnly, language: locale },
    requestPolicy: 'cache-and-network',
  });
  const [marking, markRead] = useMutation(MarkNotificationsReadMutation);
  useNotificationsChanged(() => refetch({ requestPolicy: 'network-only' }));

  // After a page turn, keyboard and screen-reader users land on the list's heading, not at the page's end.
  useEffect(() => {
    if (!trail.turned.current || !data) return;
    trail.turned.current = false;
    listHeading.current?.focus();
  }, [data, trail.turned]);

  async function mark(ids: string[]) {
    setOutcome(null);
    const result = await markRead({ ids });
    if (result.error || !result.data) {
      setOutcome({ kind: 'failed', error: result.error! });
      return;
    }
    notifications?.setUnreadCount(result.data.markNotificationsRead.unreadCount);
    setOutcome({ kind: 'marked', count: result.data.markNotificationsRead.ids.length });
    refetch({ requestPolicy: 'network-only' });
  }

  const list = data?.notifications;
  const shownUnread = unreadIds(list?.edges.map(({ node }) => node) ?? []);
  return (
    <Page title={t('notifications.page.title')}>
      <p>
        {t('notifications.page.intro')} <Link href={NOTIFICATION_PREFERENCES_PATH}>{t('notifications.page.preferences')}</Link>
      </p>
      <div className="filters">
        <div className="field">
          <Checkbox
            id="notifications-unread-only"
            label={t('notifications.page.unreadOnly')}
            checked={unreadOnly}
            onChange={(event) => {
              setOutcome(null);
              setUnreadOnly(event.target.checked);
            }}
          />
        </div>
      </div>
      <OutcomeNotice outcome={outcome}>{(done) => t('notifications.page.marked', { count: done.count })}</OutcomeNotice>
      {!list && fetching ? <Loading /> : null}
      {error && !list ? <ErrorSummary problems={problemsOf(error, t)} /> : null}
      {list && list.totalCount === 0 ? <p>{unreadOnly ? t('notifications.page.noneUnread') : t('notifications.page.none')}</p> : null}
      {list && list.totalCount > 0 ? (
        <section aria-labelledby="notifications-list-heading">
          <h2 id="notifications-list-heading" ref={listHeading} tabIndex={-1}>
            {unreadOnly
              ? t('notifications.page.unreadHeading', { count: list.totalCount })
              : t('notifications.page.listHeading', { count: list.totalCount })}
          </h2>
          {shownUnread.length ? (
            <div className="button-group">
              <button type="button" className="button button--secondary" disabled={marking.fetching} onClick={() => void mark(shownUnread)}>
                {t('notifications.page.markAllShown')}
              </button>
            </div>
          ) : null}
          <ol className="notification-list" aria-busy={fetching || undefined}>
            {list.edges.map(({ node }) => (
              <NotificationItem key={node.id} item={node} busy={marking.fetching} onMarkRead={() => void mark([node.id])} />
            ))}
          </ol>
          <CursorPagination
            label={t('notifications.page.pagination')}
            current={trail.after}
            passed={trail.passed}
            next={list.pageInfo.hasNextPage ? (list.pageInfo.endCursor ?? null) : null}
            onGo={trail.go}
            disabled={fetching}
          />
        </section>
      ) : null}
    </Page>
  );
}

function NotificationItem({ item, busy, onMarkRead }: { item: Item; busy: boolean; onMarkRead: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const target = notificationTarget(user.role, item);
  const unread = !item.readAt;
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <h3 className="notification__title" dir="auto">
        {item.title}
      </h3>
      <p className="notification__meta">
        <span className={unread ? 'tag tag--open' : 'tag tag--draft'}>
          {unread ? t('notifications.item.unread') : t('notifications.item.read')}
        </span>{' '}
        {t(KIND_LABELS[item.kind])} · <time dateTime={item.createdAt}>{formatDateTime(locale, item.createdAt)}</time>
      </p>
      <p className="notification__body" dir="auto">
        {item.body}
      </p>
      <div className="button-group button-group--compact notification__actions">
        {target ? <Link href={target.path}>{t(target.label)}</Link> : null}
        {unread ? (
          <button
            type="button"
            className="button button--secondary button--compact"
            disabled={busy}
            aria-label={t('notifications.item.markReadFor', { title: item.title })}
            onClick={onMarkRead}
          >
            {t('notifications.item.markRead')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

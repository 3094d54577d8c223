import { Link, useLocation } from 'wouter';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { NOTIFICATION_PREFERENCES_PATH, NOTIFICATIONS_PATH } from './notification-paths';
import { useNotifications } from './NotificationsProvider';

/**
 * In the header: the notifications with the unread count (its number shown, and said in words to screen
 * readers), the preferences, and a polite announcement of each notification that arrives.
 */
export function NotificationLinks() {
  const t = useT();
  const { locale } = useLocale();
  const [location] = useLocation();
  const notifications = useNotifications();
  if (!notifications) return null;
  const unread = notifications.unreadCount ?? 0;
  return (
    <>
      <Link
        href={NOTIFICATIONS_PATH}
        className="header__link notifications-link"
        aria-current={location === NOTIFICATIONS_PATH ? 'page' : undefined}
        aria-label={unread ? t('notifications.link.unread', { count: unread }) : undefined}
      >
        {t('notifications.link.title')}
        {/* Every language's spoken name starts with the label and the number as seen (WCAG 2.5.3, label in name). */}
        {unread ? (
          <>
            {' '}
            <span className="notifications-link__count">{formatNumber(locale, unread)}</span>
          </>
        ) : null}
      </Link>
      <Link
        href={NOTIFICATION_PREFERENCES_PATH}
        className="header__link"
        aria-current={location === NOTIFICATION_PREFERENCES_PATH ? 'page' : undefined}
      >
        {t('notifications.link.preferences')}
      </Link>
      <p className="visually-hidden" role="status">
        {notifications.latest ? t('notifications.live.added', { title: notifications.latest.title }) : ''}
      </p>
    </>
  );
}

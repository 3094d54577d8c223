/** The reader's notifications, linked from the header with the unread count. */
export const NOTIFICATIONS_PATH = '/notifications';

/** How notifications reach the reader: in the account menu, beside the password. */
export const NOTIFICATION_PREFERENCES_PATH = '/notification-preferences';

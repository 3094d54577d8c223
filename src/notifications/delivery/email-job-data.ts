export const SEND_EMAIL_JOB = 'send-notification-email';

export interface SendEmailJobData {
  /** The EmailDelivery to send. */
  key: string;
}

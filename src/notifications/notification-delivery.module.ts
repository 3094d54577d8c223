import { Module } from '@nestjs/common';
import { MatchingCoreModule } from '../matching/matching-core.module';
import { EmailSender } from './delivery/email-sender';
import { NotificationDispatcher } from './delivery/notification-dispatcher';
import { NotificationPresenter } from './delivery/notification-presenter';
import { NotificationJobConsumer } from './jobs/notification-job-consumer';
import { NotifyJob } from './jobs/notify.job';
import {
  DailyDigestJob,
  DailySummaryJob,
  EmailRetryJob,
  NeedReconfirmationJob,
  StrongMatchScanJob,
} from './jobs/periodic-notification.jobs';
import { SendEmailJob } from './jobs/send-email.job';
import { Mailer } from './mail/mailer';
import { NotificationBus } from './notification-bus';
import { NotificationPreferencesService } from './notification-preferences.service';
import { DailyDigest } from './periodic/daily-digest';
import { DailySummary } from './periodic/daily-summary';
import { NeedReconfirmation } from './periodic/need-reconfirmation';
import { StrongMatchScan } from './periodic/strong-match-scan';

/**
 * Making and delivering notifications, with no GraphQL: the worker imports this alone; the API
 * imports it through NotificationsModule (and runs the jobs itself only without Redis).
 */
@Module({
  imports: [MatchingCoreModule],
  providers: [
    NotificationBus,
    NotificationPreferencesService,
    NotificationPresenter,
    NotificationDispatcher,
    Mailer,
    EmailSender,
    StrongMatchScan,
    DailyDigest,
    DailySummary,
    NeedReconfirmation,
    NotifyJob,
    SendEmailJob,
    StrongMatchScanJob,
    EmailRetryJob,
    DailyDigestJob,
    DailySummaryJob,
    NeedReconfirmationJob,
    NotificationJobConsumer,
  ],
  exports: [
    NotificationBus,
    NotificationPreferencesService,
    NotificationPresenter,
    NotificationDispatcher,
    EmailSender,
    StrongMatchScan,
    DailyDigest,
    DailySummary,
    NeedReconfirmation,
  ],
})
export class NotificationDeliveryModule {}

import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '../../notifications/notification-delivery.module';
import { ProgressReminderJob } from './progress-reminder.job';

/** Reminders of progress reports, with no GraphQL: the worker imports only this; the API through PairingsModule. */
@Module({
  imports: [NotificationDeliveryModule],
  providers: [ProgressReminderJob],
})
export class ProgressRemindersModule {}

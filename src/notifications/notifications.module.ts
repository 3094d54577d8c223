import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from './notification-delivery.module';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Notifications in the API: the list, marking read, the live subscription and preferences. */
@Module({
  imports: [NotificationDeliveryModule],
  providers: [NotificationsService, NotificationsResolver],
})
export class NotificationsModule {}

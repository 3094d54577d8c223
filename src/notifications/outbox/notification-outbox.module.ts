import { Global, Module } from '@nestjs/common';
import { NotificationOutbox } from './notification-outbox';

/** Global so that pairings, needs and the sweeps can tell people without depending on the notifications feature. */
@Global()
@Module({
  providers: [NotificationOutbox],
  exports: [NotificationOutbox],
})
export class NotificationOutboxModule {}

import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Actor } from '../access/actor';
import { CurrentActor } from '../access/access.decorators';
import {
  MarkNotificationsReadArgs,
  NotificationConnection,
  NotificationLanguageArgs,
  NotificationPreferencesView,
  NotificationsArgs,
  NotificationsRead,
  NotificationView,
} from './dto/notification.types';
import { UpdateNotificationPreferencesInput } from './dto/notification-preferences.input';
import { MAX_PENDING_NOTIFICATIONS, NotificationAddedMessage, NotificationBus } from './notification-bus';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsService } from './notifications.service';

/** The signed-in user's own notifications and preferences; nobody reads or changes another's. */
@Resolver(() => NotificationView)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly bus: NotificationBus,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first, with how many are unread.' })
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.service.list(actor, args);
  }

  @Mutation(() => NotificationsRead, {
    description: 'Marks your notifications read. An id that is not one of yours is refused with NOT_FOUND, and nothing changes.',
  })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args() { ids }: MarkNotificationsReadArgs): Promise<NotificationsRead> {
    return this.service.markRead(actor, ids);
  }

  @Query(() => NotificationPreferencesView, { description: 'How each kind of notification reaches you, and in which language.' })
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.service.preferencesOf(actor);
  }

  @Mutation(() => NotificationPreferencesView, {
    description:
      'Changes your notification preferences: the language, and per kind e-mail or the application only, digest or at once. Refused with BAD_USER_INPUT naming the entry when a kind is not one your role receives, is named twice, or is a daily digest by nature and asked to come at once.',
  })
  async updateNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => UpdateNotificationPreferencesInput }) input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferencesView> {
    return this.service.preferencesView(actor, await this.preferences.update(actor, input));
  }

  @Subscription(() => NotificationView, {
    description: `Your notifications as they are made. Over graphql-ws, with connection parameters { "Authorization": "Bearer <token>" }. A subscription more than ${MAX_PENDING_NOTIFICATIONS} notifications behind ends with EVENTS_DROPPED: subscribe again and reload the list.`,
    resolve(
      this: NotificationsResolver,
      message: NotificationAddedMessage,
      args: NotificationLanguageArgs,
      context: { req?: { actor?: Actor } },
    ) {
      return this.service.findOwn(context.req!.actor!, message.notificationId, args.language);
    },
  })
  notificationAdded(
    @CurrentActor() actor: Actor,
    @Args() _args: NotificationLanguageArgs,
  ): AsyncIterableIterator<NotificationAddedMessage> {
    return this.bus.listen((message) => message.userId === actor.userId);
  }
}

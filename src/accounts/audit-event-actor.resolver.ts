import { ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEvent } from '../audit/audit-event.entity';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { USER_BY_ID } from './account-loaders';
import { User } from './entities/user.entity';

/** Adds `AuditEvent.actor`: users are this feature's, and the audit trail sits beneath it. */
@Resolver(() => AuditEvent)
export class AuditEventActorResolver {
  @ResolveField(() => User, { nullable: true, description: 'Who acted; null when the system acted on its own.' })
  actor(event: AuditEvent, _args: unknown, context: GraphQLRequestContext): Promise<User | null> | null {
    return event.actorId ? context.loaders.load(USER_BY_ID, event.actorId) : null;
  }
}

import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, User } from '../accounts/entities/user.entity';
import { Roles } from '../auth/auth.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.SECRETARIAT, Role.ADMIN)
  @Query(() => [AuditEvent], { description: 'The audit trail of one record, oldest first. SECRETARIAT and ADMIN only.' })
  auditEvents(@Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEvent[]> {
    return this.audit.listFor(entityId);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who acted; null when the system acted on its own.' })
  actor(@Parent() event: AuditEvent, @Context() context: GraphQLRequestContext): Promise<User | null> | null {
    return event.actorId ? context.loaders.load<string, User>('userById', event.actorId) : null;
  }
}

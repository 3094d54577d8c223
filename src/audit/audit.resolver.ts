import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { StaffOnly } from '../access/access.decorators';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @StaffOnly()
  @Query(() => [AuditEvent], { description: 'The audit trail of one record, oldest first. SECRETARIAT and ADMIN only.' })
  auditEvents(@Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEvent[]> {
    return this.audit.listFor(entityId);
  }
}

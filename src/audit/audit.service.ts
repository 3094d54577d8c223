import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../access/actor';
import { appendRow } from '../database/append-row';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Written through the caller's transaction manager, so the record exists exactly when the change does. */
  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    const event = Object.assign(new AuditEvent(), {
      // Set here rather than by the database default, which keeps only whole seconds on SQLite and
      // would leave the events of one second in no particular order.
      at: new Date(),
      actorId: actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      detail: entry.detail ?? {},
    });
    await appendRow(manager, AuditEvent, event);
  }

  listFor(entityId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { entityId }, order: { at: 'ASC', id: 'ASC' } });
  }
}

/** Field-by-field difference between two snapshots, for the audit detail of an update. */
export function changedFields(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

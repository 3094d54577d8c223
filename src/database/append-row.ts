import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts a new row with one statement. `save` would first look the row up by its id (set in advance
 * by our entities) and afterwards read back the columns the database filled in: three statements
 * where the append-only rows of the audit trail and the outbox need one, on every change a user makes.
 */
export async function appendRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  await manager.createQueryBuilder().insert().into(target).values(row).updateEntity(false).execute();
}

import { EntityManager, EntityTarget, FindOptionsRelations, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Reads a row for update inside a transaction. PostgreSQL takes a row lock so two concurrent
 * decisions on the same row queue behind each other; SQLite has a single writer, so its transaction
 * already serialises them and TypeORM offers no lock clause there.
 */
export async function findForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  relations: FindOptionsRelations<T> = {},
): Promise<T | null> {
  const lock = manager.connection.options.type === 'postgres' ? ({ mode: 'pessimistic_write' } as const) : undefined;
  // Row locks cannot cover the nullable side of outer joins, so relations are read after the lock.
  const row = await manager.findOne(entity, { where, lock });
  return row && Object.keys(relations).length ? manager.findOne(entity, { where, relations }) : row;
}

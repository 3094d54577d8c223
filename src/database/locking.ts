import { EntityManager, EntityTarget, FindOptionsRelations, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { dialectOf } from './driver-adapter';

/** Ids per locking statement, far below every driver's parameter limit. */
const IDS_PER_LOCK = 500;

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
  if (dialectOf(manager) !== 'postgres') return manager.findOne(entity, { where, relations });
  // Row locks cannot cover the nullable side of outer joins, so relations are read after the lock.
  const row = await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
  return row && Object.keys(relations).length ? manager.findOne(entity, { where, relations }) : row;
}

/**
 * Reads rows by id for update, locking them in id order so that two transactions locking overlapping
 * sets cannot deadlock (PostgreSQL row locks; SQLite's single writer already serialises).
 */
export async function findManyForUpdate<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  ids: string[],
): Promise<Map<string, T>> {
  const sorted = [...new Set(ids)].sort();
  const rows = new Map<string, T>();
  for (let start = 0; start < sorted.length; start += IDS_PER_LOCK) {
    const query = manager
      .getRepository(entity)
      .createQueryBuilder('row')
      .where({ id: In(sorted.slice(start, start + IDS_PER_LOCK)) })
      .orderBy('row.id', 'ASC');
    if (dialectOf(manager) === 'postgres') query.setLock('pessimistic_write');
    for (const row of await query.getMany()) rows.set(row.id, row);
  }
  return rows;
}

import { EntityManager, EntityTarget, FindOptionsRelations, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { dialectOf } from './driver-adapter';
import { rowsByIds } from './rows-by-id';

/** Ids per locking statement, far below every driver's parameter limit. */
const IDS_PER_LOCK = 500;

/**
 * One row by id for a change inside a transaction, without its relations. PostgreSQL takes a row lock
 * so two concurrent decisions on the same row queue behind each other; SQLite has a single writer, so
 * its transaction already serialises them. The by-id statement (rows-by-id.ts) costs a fraction of
 * `findOne`'s query building, on every change a user makes.
 */
export async function rowForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const rows = await rowsByIds(manager, entity, [id], dialectOf(manager) === 'postgres' ? ' FOR UPDATE' : '');
  return rows.get(id) ?? null;
}

/**
 * One row by id for a change with the relations it needs, locked as `rowForUpdate` locks it. PostgreSQL
 * takes the lock first: row locks cannot cover the nullable side of outer joins, so the relations are
 * read after it.
 */
export async function findWithRelationsForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  relations: FindOptionsRelations<T>,
): Promise<T | null> {
  const where = { id } as unknown as FindOptionsWhere<T>;
  if (dialectOf(manager) === 'postgres' && !(await rowForUpdate(manager, entity, id))) return null;
  return manager.findOne(entity, { where, relations });
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

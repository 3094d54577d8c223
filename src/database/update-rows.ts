import type { DataSource, EntityTarget, FindOptionsWhere, ObjectLiteral, UpdateResult } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * One UPDATE in a transaction of its own. On SQLite an UPDATE outside a transaction would join
 * whichever transaction is open on the shared connection and be undone if that one rolls back, while
 * its caller believes it done (a claim, a one-time password used up); in a transaction it takes its
 * turn in the queue (sqlite-transaction-queue.ts).
 */
export function updateRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  change: QueryDeepPartialEntity<T>,
): Promise<UpdateResult> {
  return dataSource.transaction((manager) => manager.update(target, where, change));
}

import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { dataSourceOf } from './driver-adapter';
import { statementOf, storedColumns } from './entity-statements';

/**
 * Inserts new rows of one entity with one statement. `save` would first look each row up by its id
 * (set in advance by our entities), then read back the columns the database filled in, and build its
 * SQL anew on every call: on every change a user makes, where a new need with its theme links or an
 * audit event needs one INSERT. Here the statement is made once per entity and shape and the values
 * pass through the driver's own conversions, as the query builder does. A row starts at version 1 and,
 * where it gives none, is created and updated now; these are set on the row itself, so it is returned
 * as stored without a read-back. Columns the first row leaves undefined take the table's defaults;
 * the rows of one call give the same columns (the links of one need, say). No listeners or
 * subscribers are called.
 */
export async function appendRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (!rows.length) return;
  const dataSource = dataSourceOf(manager);
  const metadata = dataSource.getMetadata(target);
  const now = new Date();
  for (const row of rows) stampNew(metadata, row, now);
  const columns = storedColumns(metadata).filter((column) => column.getEntityValue(rows[0]) !== undefined);
  const values = rows.flatMap((row) =>
    columns.map((column): unknown => dataSource.driver.preparePersistentValue(column.getEntityValue(row), column)),
  );
  await manager.query(insertStatement(manager, metadata, columns, rows.length), values);
}

/** One new row: `appendRows` with one. */
export function appendRow<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
  return appendRows(manager, target, [row]);
}

function stampNew(metadata: EntityMetadata, row: ObjectLiteral, now: Date): void {
  const { versionColumn, createDateColumn, updateDateColumn } = metadata;
  if (versionColumn && versionColumn.getEntityValue(row) === undefined) versionColumn.setEntityValue(row, 1);
  for (const stamp of [createDateColumn, updateDateColumn]) {
    if (stamp && stamp.getEntityValue(row) === undefined) stamp.setEntityValue(row, now);
  }
}

function insertStatement(manager: EntityManager, metadata: EntityMetadata, columns: ColumnMetadata[], rowCount: number): string {
  const names = columns.map((column) => column.databaseName);
  return statementOf(metadata, `insert:${rowCount}:${names.join(',')}`, () => {
    const { driver } = dataSourceOf(manager);
    const tuples = Array.from({ length: rowCount }, (_row, rowIndex) => {
      const placeholders = names.map((_name, index) =>
        driver.createParameter(`p${rowIndex * names.length + index}`, rowIndex * names.length + index),
      );
      return `(${placeholders.join(', ')})`;
    });
    return `INSERT INTO ${driver.escape(metadata.tablePath)} (${names.map((name) => driver.escape(name)).join(', ')}) VALUES ${tuples.join(', ')}`;
  });
}

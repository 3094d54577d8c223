import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { dataSourceOf } from './driver-adapter';
import { statementOf, storedColumns } from './entity-statements';

/**
 * Applies `change` to a row read for update in this transaction and writes the columns it changed
 * with one UPDATE, raising the version and the update time as `save` does (on the row itself too, so it
 * is returned as stored). `save` would read the row again to find what changed and build its SQL
 * anew on every call, on every publish and withdrawal; here the statement is made once per set of
 * columns and the values pass through the driver's own conversions. A change that changes nothing
 * writes nothing. Relations are not saved, and no listeners or subscribers are called.
 */
export async function changeRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: T,
  change: (row: T) => void,
): Promise<void> {
  const dataSource = dataSourceOf(manager);
  const { driver } = dataSource;
  const metadata = dataSource.getMetadata(target);
  const { versionColumn, updateDateColumn } = metadata;
  const stored = (column: ColumnMetadata, of: ObjectLiteral): unknown => driver.preparePersistentValue(column.getEntityValue(of), column);
  const editable = storedColumns(metadata).filter((column) => !column.isPrimary && column !== versionColumn && column !== updateDateColumn);
  const before = editable.map((column) => stored(column, row));
  change(row);
  const changed = editable.filter((column, index) => !sameValue(stored(column, row), before[index]));
  if (!changed.length) return;
  if (versionColumn) versionColumn.setEntityValue(row, Number(versionColumn.getEntityValue(row)) + 1);
  if (updateDateColumn) updateDateColumn.setEntityValue(row, new Date());
  const columns = [...changed, ...[versionColumn, updateDateColumn].filter((column): column is ColumnMetadata => !!column)];
  const [primary] = metadata.primaryColumns;
  await manager.query(updateStatement(manager, metadata, columns), [
    ...columns.map((column) => stored(column, row)),
    primary.getEntityValue(row),
  ]);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

function updateStatement(manager: EntityManager, metadata: EntityMetadata, columns: ColumnMetadata[]): string {
  const names = columns.map((column) => column.databaseName);
  return statementOf(metadata, `update:${names.join(',')}`, () => {
    const { driver } = dataSourceOf(manager);
    const [primary] = metadata.primaryColumns;
    const assignments = names.map((name, index) => `${driver.escape(name)} = ${driver.createParameter(`p${index}`, index)}`);
    return (
      `UPDATE ${driver.escape(metadata.tablePath)} SET ${assignments.join(', ')} ` +
      `WHERE ${driver.escape(primary.databaseName)} = ${driver.createParameter('id', names.length)}`
    );
  });
}

import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { storedColumns } from './entity-statements';
import { dataSourceOf } from './driver-adapter';

interface ByIdStatement {
  metadata: EntityMetadata;
  primary: ColumnMetadata;
  columns: ColumnMetadata[];
  select: string;
}

const statements = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, ByIdStatement>>();

function statementFor(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): ByIdStatement {
  let ofSource = statements.get(dataSource);
  if (!ofSource) statements.set(dataSource, (ofSource = new Map<EntityTarget<ObjectLiteral>, ByIdStatement>()));
  let statement = ofSource.get(entity);
  if (!statement) {
    const metadata = dataSource.getMetadata(entity);
    const [primary] = metadata.primaryColumns;
    const { driver } = dataSource;
    const columns = storedColumns(metadata);
    statement = {
      metadata,
      primary,
      columns,
      select: `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} FROM ${driver.escape(metadata.tablePath)} WHERE ${driver.escape(primary.databaseName)} IN `,
    };
    ofSource.set(entity, statement);
  }
  return statement;
}

/**
 * The rows of one entity with these ids (its single-column primary key), keyed by id: the batches
 * behind the per-request loaders (`match.need`, `match.offer`, …), the commonest read of a list page,
 * and the rows a change reads inside its transaction (locking.ts). TypeORM's `findBy` builds its SQL
 * from find options and rewrites property names in it on every call, which cost more than the query;
 * here the statement is made once per entity and its rows are hydrated column by column with the
 * driver's own conversions, as the query builder does. Entities read this way must not rely on load
 * listeners or subscribers: none is called. Given an entity manager, the rows are read in its
 * transaction; `suffix` ends the statement (a lock clause).
 */
export async function rowsByIds<T extends ObjectLiteral>(
  source: DataSource | EntityManager,
  entity: EntityTarget<T>,
  ids: readonly string[],
  suffix = '',
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  if (!ids.length) return found;
  const dataSource = dataSourceOf(source);
  const { metadata, primary, columns, select } = statementFor(dataSource, entity);
  const placeholders = ids.map((_id, index) => dataSource.driver.createParameter(`id${index}`, index));
  const rows = await source.query<Record<string, unknown>[]>(`${select}(${placeholders.join(', ')})${suffix}`, [...ids]);
  for (const row of rows) {
    const record = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of columns) column.setEntityValue(record, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    found.set(String(primary.getEntityValue(record)), record);
  }
  return found;
}

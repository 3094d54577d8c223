import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { storedColumns } from './entity-statements';
import { dataSourceOf } from './driver-adapter';

/** How one entity's rows are read without TypeORM's find: its stored columns, once escaped. */
interface EntityReading {
  metadata: EntityMetadata;
  primary: ColumnMetadata;
  columns: ColumnMetadata[];
  byIdSelect: string;
  /** Select lists of the stored columns under their own names, by the alias they are read through. */
  selectsByAlias: Map<string, string[]>;
}

const readings = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, EntityReading>>();

function readingOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): EntityReading {
  let ofSource = readings.get(dataSource);
  if (!ofSource) readings.set(dataSource, (ofSource = new Map<EntityTarget<ObjectLiteral>, EntityReading>()));
  let reading = ofSource.get(entity);
  if (!reading) {
    const metadata = dataSource.getMetadata(entity);
    const [primary] = metadata.primaryColumns;
    const { driver } = dataSource;
    const columns = storedColumns(metadata);
    reading = {
      metadata,
      primary,
      columns,
      byIdSelect: `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} FROM ${driver.escape(metadata.tablePath)} WHERE ${driver.escape(primary.databaseName)} IN `,
      selectsByAlias: new Map<string, string[]>(),
    };
    ofSource.set(entity, reading);
  }
  return reading;
}

/** Raw rows (stored columns under their own names) as entities, column by column through the driver's own conversions, as the query builder hydrates. */
function hydrated<T extends ObjectLiteral>(
  dataSource: DataSource,
  { metadata, columns }: EntityReading,
  rows: readonly Record<string, unknown>[],
): T[] {
  return rows.map((row) => {
    const record = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of columns) column.setEntityValue(record, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
    return record;
  });
}

/**
 * The rows of one entity with these ids (its single-column primary key), keyed by id: the batches
 * behind the per-request loaders (`match.need`, `match.offer`, …), the commonest read of a list page,
 * and the rows a change reads inside its transaction (locking.ts). TypeORM's `findBy` builds its SQL
 * from find options and rewrites property names in it on every call, which cost more than the query;
 * here the statement is made once per entity. Entities read this way (and by `entitiesOf`) must not
 * rely on load listeners or subscribers: none is called. Given an entity manager, the rows are read in
 * its transaction; `suffix` ends the statement (a lock clause).
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
  const reading = readingOf(dataSource, entity);
  const placeholders = ids.map((_id, index) => dataSource.driver.createParameter(`id${index}`, index));
  const rows = await source.query<Record<string, unknown>[]>(`${reading.byIdSelect}(${placeholders.join(', ')})${suffix}`, [...ids]);
  for (const record of hydrated<T>(dataSource, reading, rows)) found.set(String(reading.primary.getEntityValue(record)), record);
  return found;
}

/**
 * The entities a query builder's query finds, its main alias's stored columns and nothing joined:
 * `getMany` passes every row through TypeORM's entity transformer and its relation loaders, which
 * cost a list page more than its SQL. The query's own select list is replaced.
 */
export async function entitiesOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T[]> {
  const alias = query.expressionMap.mainAlias;
  if (!alias?.hasMetadata) throw new Error('entitiesOf needs a query on an entity');
  const { connection: dataSource } = query;
  const { driver } = dataSource;
  const reading = readingOf(dataSource, alias.target);
  let select = reading.selectsByAlias.get(alias.name);
  if (!select) {
    select = reading.columns.map(
      (column) => `${driver.escape(alias.name)}.${driver.escape(column.databaseName)} AS ${driver.escape(column.databaseName)}`,
    );
    reading.selectsByAlias.set(alias.name, select);
  }
  return hydrated<T>(dataSource, reading, await query.select(select).getRawMany<Record<string, unknown>>());
}

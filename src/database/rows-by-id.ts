import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { storedColumns } from './entity-statements';
import { dataSourceOf, dialectOf, sqliteConnectionOf } from './driver-adapter';
import { keptStatement } from './sqlite-statements';

/** How one entity's rows are read without TypeORM's find: its stored columns, once escaped. */
interface EntityReading {
  metadata: EntityMetadata;
  /** The primary column's place in `columns`, and so in every row read. */
  primaryIndex: number;
  columns: ColumnMetadata[];
  /** Each column's property, where the driver's converted value is put as it is (no embedded entity). */
  properties: string[];
  /** Each column's name in the table, and in the select lists below. */
  names: string[];
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
    // hydrated() builds rows as plain instances of the class, property by property.
    if (typeof metadata.target !== 'function' || metadata.lazyRelations.length || columns.some((column) => column.embeddedMetadata)) {
      throw new Error(`${metadata.name}: rows are read only for entity classes without embedded entities or lazy relations`);
    }
    reading = {
      metadata,
      primaryIndex: columns.indexOf(primary),
      columns,
      properties: columns.map((column) => column.propertyName),
      names: columns.map((column) => column.databaseName),
      byIdSelect: `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} FROM ${driver.escape(metadata.tablePath)} WHERE ${driver.escape(primary.databaseName)} IN `,
      selectsByAlias: new Map<string, string[]>(),
    };
    ofSource.set(entity, reading);
  }
  return reading;
}

/**
 * Rows of the stored columns, in their order, as entities, each value through the driver's own
 * conversion as the query builder hydrates. No constructor runs (as with `entitySkipConstructor`).
 */
function hydrated<T extends ObjectLiteral>(
  dataSource: DataSource,
  { metadata, columns, properties }: EntityReading,
  rows: readonly unknown[][],
): T[] {
  const { driver } = dataSource;
  const { prototype } = metadata.target as { prototype: object };
  return rows.map((row) => {
    const record = Object.create(prototype) as Record<string, unknown>;
    for (let index = 0; index < columns.length; index++)
      record[properties[index]] = driver.prepareHydratedValue(row[index], columns[index]);
    return record as T;
  });
}

/**
 * The rows a SQLite read finds, as arrays of its select list's values: the statement runs on the one
 * connection TypeORM shares (inside the caller's transaction if one is open there), in
 * better-sqlite3's raw mode. Building an object of named values for every row, and TypeORM's query
 * runner around the statement, cost a list page more than the query itself.
 */
function sqliteRows(source: DataSource | EntityManager, sql: string, parameters: readonly unknown[]): unknown[][] {
  // better-sqlite3 binds no booleans; TypeORM's query runner passes them as 0 and 1.
  return keptStatement(sqliteConnectionOf(source), sql, 'arrays').all(
    ...parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value)),
  ) as unknown[][];
}

/** Rows read through TypeORM (PostgreSQL), as arrays in the order of the stored columns. */
function inColumnOrder(rows: readonly Record<string, unknown>[], { names }: EntityReading): unknown[][] {
  return rows.map((row) => names.map((name) => row[name]));
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
  const sql = `${reading.byIdSelect}(${placeholders.join(', ')})${suffix}`;
  const rows =
    dialectOf(source) === 'sqlite'
      ? sqliteRows(source, sql, ids)
      : inColumnOrder(await source.query<Record<string, unknown>[]>(sql, [...ids]), reading);
  const records = hydrated<T>(dataSource, reading, rows);
  rows.forEach((row, index) => found.set(String(row[reading.primaryIndex]), records[index]));
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
  const selected = query.select(select);
  const rows =
    dialectOf(dataSource) === 'sqlite'
      ? sqliteRows(dataSource, ...selected.getQueryAndParameters())
      : inColumnOrder(await selected.getRawMany<Record<string, unknown>>(), reading);
  return hydrated<T>(dataSource, reading, rows);
}

import type { Database as SqliteConnection, Statement } from 'better-sqlite3';

/** How a statement's rows come back: objects by column name, or arrays of values in select order (better-sqlite3's raw mode). */
export type RowShape = 'objects' | 'arrays';

/** Kept statements by their SQL, per connection and per shape of row: a raw statement stays raw. */
const kept: Record<RowShape, WeakMap<SqliteConnection, Map<string, Statement>>> = { objects: new WeakMap(), arrays: new WeakMap() };

/** Enough for the statements a process runs again and again; SQL that differs by its number of ids or by its numbers would grow without end. */
const MOST_KEPT_STATEMENTS = 500;

/** This SQL's statement on this connection, prepared on first use and kept: preparing costs more than running a small statement. */
export function keptStatement(connection: SqliteConnection, sql: string, rows: RowShape = 'objects'): Statement {
  let statements = kept[rows].get(connection);
  if (!statements) kept[rows].set(connection, (statements = new Map<string, Statement>()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MOST_KEPT_STATEMENTS) statements.clear();
    statement = connection.prepare(sql);
    if (rows === 'arrays') statement.raw(true);
    statements.set(sql, statement);
  }
  return statement;
}

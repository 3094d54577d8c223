import { QueryFailedError } from 'typeorm';

/**
 * A unique constraint refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE): on
 * PostgreSQL, two transactions that each found no such row both go on to insert it, and the later
 * one fails here.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Runs `work`, whose own check refuses a duplicate with `taken()`; a concurrent request that passed
 * the same check at the same moment meets the unique constraint instead, and is refused alike.
 */
export async function refusingDuplicates<T>(work: () => Promise<T>, taken: () => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}

import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back whole. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs a decision in a transaction, again if PostgreSQL broke a deadlock by rolling it back. Decisions
 * lock offer → need → match in that order among themselves, but the matching engine rewrites
 * undecided matches in its own order; when the two cross, one side is rolled back and simply runs again.
 */
export async function inDecisionTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

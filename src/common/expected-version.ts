import { Int, type ArgsOptions } from '@nestjs/graphql';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { ConflictError } from './errors/domain-errors';

/**
 * Optimistic concurrency for records edited in forms (needs, offers): the client sends back the
 * `version` it read, and a change made on a stale read is refused instead of silently overwriting
 * someone else's. One wording and one check for every such mutation.
 */
export function expectedVersionArg(noun: string): ArgsOptions {
  return {
    name: 'expectedVersion',
    type: () => Int,
    nullable: true,
    description: `The ${noun}'s \`version\` as you read it. When given and the stored version differs (someone else changed the ${noun} since), the change is refused with CONFLICT and nothing is changed; reload and apply your edits again.`,
  };
}

/** Checked on the row read (and locked) for the change, inside its transaction, before anything is written. */
export function assertExpectedVersion(noun: string, record: { version: number }, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== record.version) {
    throw new ConflictError(
      `The ${noun} has changed since you read it (version ${record.version}, not ${expectedVersion}); reload it and apply your changes again.`,
    );
  }
}

/**
 * Saves a record and makes sure its version moved. A change to its linked rows alone (themes,
 * eligible areas) leaves the record's own row as it was, so TypeORM would not raise the version;
 * the next editor must still see that it changed.
 */
export async function saveAsNewVersion<T extends { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  record: T,
): Promise<void> {
  const versionRead = record.version;
  await manager.save(target, record);
  if (record.version === versionRead) {
    await manager.increment(target, { id: record.id } as FindOptionsWhere<T>, 'version', 1);
    record.version = versionRead + 1;
  }
}

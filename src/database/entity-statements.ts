import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** The columns of an entity's own table row: relation ids and query-computed properties are not stored in it. */
export function storedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((column) => !column.isVirtual && !column.isVirtualProperty);
}

const statements = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * A statement about one entity, made on first use and kept, by a key that says its kind and shape
 * (`insert:…`, `update:…`): SQL built from metadata on every call costs more than running it.
 */
export function statementOf(metadata: EntityMetadata, key: string, make: () => string): string {
  let ofEntity = statements.get(metadata);
  if (!ofEntity) statements.set(metadata, (ofEntity = new Map<string, string>()));
  let statement = ofEntity.get(key);
  if (statement === undefined) ofEntity.set(key, (statement = make()));
  return statement;
}

import { randomUUID } from 'node:crypto';

/** Ids are made by the application, so SQLite and PostgreSQL store the same opaque strings. */
export const newId = (): string => randomUUID();

import { Foundation1795413496569 } from './1795413496569-foundation';

/** Applied in order at start-up; generate new ones with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: Function[] = [Foundation1795413496569];

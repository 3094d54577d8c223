import { Foundation1795413496569 } from './1795413496569-foundation';
import { Matches1795414364092 } from './1795414364092-matches';

/** Applied in order at start-up; generate new ones with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: Function[] = [Foundation1795413496569, Matches1795414364092];

/** Applied in order at start-up; generate new ones with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: Function[] = [];

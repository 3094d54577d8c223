/** `text` for a LIKE pattern with `ESCAPE '\'`: its wildcards and backslashes stand for themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

import { randomUUID } from 'node:crypto';

/** The millisecond the last id was made in, its text, and how many ids were made in it before. */
const clock = { millis: -1, prefix: '', sequence: 0 };

/** Ids in one millisecond counted in UUIDv7's 12-bit `rand_a` field. */
const MOST_IDS_PER_MILLISECOND = 0x1000;

/**
 * A new row's id, made by the application so SQLite and PostgreSQL store the same opaque 36-character
 * strings. Laid out as a UUIDv7 (RFC 9562): the current millisecond, a counter within it, then random
 * bits. So an id made later sorts later: lists ordered by creation time and id come out in the order
 * rows were made although SQLite stores the time to the second, and new rows append to a primary
 * key's B-tree instead of landing on random pages.
 */
export function newId(): string {
  const now = Date.now();
  if (now > clock.millis) {
    setMillisecond(now);
  } else if (++clock.sequence === MOST_IDS_PER_MILLISECOND) {
    // Ids made faster than the counter holds (or a clock set back) borrow the next millisecond, so the order still holds.
    setMillisecond(clock.millis + 1);
  }
  return `${clock.prefix}${clock.sequence.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}

function setMillisecond(millis: number): void {
  const hex = millis.toString(16).padStart(12, '0');
  clock.millis = millis;
  clock.prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
  clock.sequence = 0;
}

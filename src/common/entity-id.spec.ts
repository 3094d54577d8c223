import { isUUID } from 'class-validator';
import { newId } from './entity-id';

describe('newId', () => {
  afterEach(() => jest.restoreAllMocks());

  it('makes UUIDv7 strings led by the millisecond they were made in', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(isUUID(id, 7)).toBe(true);
    const millis = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(after);
  });

  it('sorts ids in the order they were made, also many within one millisecond and when the clock is set back', () => {
    const now = Date.now() + 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    const made = Array.from({ length: 10_000 }, () => newId());
    clock.mockReturnValue(now - 5_000);
    made.push(...Array.from({ length: 10 }, () => newId()));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id) => isUUID(id, 7))).toBe(true);
  });
});

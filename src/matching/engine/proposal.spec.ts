import fc from 'fast-check';
import { storedBreakdownJson } from './proposal';

const factor = fc.double({ min: 0, max: 1, noNaN: true });

describe('storedBreakdownJson', () => {
  it('writes what JSON.stringify writes for the stored breakdown, a gender that does not count as 0', () => {
    fc.assert(
      fc.property(
        fc.tuple(factor, factor, factor, factor, fc.option(factor), factor, factor, factor),
        ([theme, region, capacity, ownership, gender, baseline, multiYear, conflict]) => {
          const breakdown = { theme, region, capacity, ownership, gender, baseline, multiYear, conflict };
          expect(storedBreakdownJson(breakdown)).toBe(JSON.stringify({ ...breakdown, gender: gender ?? 0 }));
        },
      ),
    );
  });
});

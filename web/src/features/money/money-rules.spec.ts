import { describe, expect, it } from 'vitest';
import { byName, type FiguresRow } from './money-rules';

const row = (key: string, name: string): FiguresRow => ({
  key,
  name,
  approvedUsd: 0,
  disbursedUsd: 0,
  pairings: 1,
  pairingsNeverReported: 1,
});

describe('the order of a financial summary table', () => {
  it('is the reader’s alphabetical order of the names', () => {
    const rows = [row('DEU', 'Germany'), row('CIV', 'Côte d’Ivoire'), row('AUT', 'Austria')];
    expect(byName(rows, 'en').map((r) => r.key)).toEqual(['AUT', 'CIV', 'DEU']);
    expect(rows.map((r) => r.key)).toEqual(['DEU', 'CIV', 'AUT']);
  });
});

import { describe, expect, it } from 'vitest';
import { exportAddress, fileNameOf, refusalOf } from './export-address';

describe('the address of a download', () => {
  it('carries the list’s filter as query parameters, lists comma-separated and empty values left out', () => {
    expect(exportAddress('/exports/needs.csv')).toBe('/exports/needs.csv');
    expect(
      exportAddress('/exports/needs.csv', {
        countryIso3: 'NGA',
        status: ['OPEN', 'PARTLY_FUNDED'],
        themeCodes: [],
        search: 'police armourers',
        minBudgetUsd: 10_000,
        region: undefined,
        sort: null,
      }),
    ).toBe('/exports/needs.csv?countryIso3=NGA&status=OPEN%2CPARTLY_FUNDED&search=police+armourers&minBudgetUsd=10000');
  });
});

describe('a download’s file name', () => {
  it('is the one the service gives, or the fallback', () => {
    expect(fileNameOf('attachment; filename="needs-2026-12-05.csv"', 'needs.csv')).toBe('needs-2026-12-05.csv');
    expect(fileNameOf(null, 'activities.xml')).toBe('activities.xml');
  });
});

describe('a refused download', () => {
  it('is read from the service’s JSON error body', () => {
    expect(refusalOf({ error: { code: 'CONFLICT', message: 'No IATI reference' } })).toEqual({
      code: 'CONFLICT',
      message: 'No IATI reference',
    });
    expect(refusalOf({ error: { code: 'FORBIDDEN' } })).toEqual({ code: 'FORBIDDEN', message: '' });
    expect(refusalOf('<html>')).toBeNull();
    expect(refusalOf({ message: 'other' })).toBeNull();
  });
});

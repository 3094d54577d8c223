import { describe, expect, it } from 'vitest';
import { coveringArea, matchesCountry, parentsOf, regionTree, toggleArea, toggleGroup } from './eligibility-rules';
import { offerListSearch, parseOfferListQuery } from './offer-list-rules';

const regions = [
  { code: '002', name: 'Africa', parentCode: null },
  { code: '202', name: 'Sub-Saharan Africa', parentCode: '002' },
  { code: '011', name: 'Western Africa', parentCode: '202' },
  { code: '014', name: 'Eastern Africa', parentCode: '202' },
  { code: '015', name: 'Northern Africa', parentCode: '002' },
  { code: '142', name: 'Asia', parentCode: null },
];
const parents = parentsOf(regions);

describe('regionTree', () => {
  it('nests areas under their parents, sorted by name', () => {
    const tree = regionTree(regions, (region) => region.name, new Intl.Collator('en'));
    expect(tree.map((node) => node.code)).toEqual(['002', '142']);
    expect(tree[0].children.map((node) => node.code)).toEqual(['015', '202']);
    expect(tree[0].children[1].children.map((node) => node.code)).toEqual(['014', '011']);
  });
});

describe('choosing areas', () => {
  it('finds the chosen wider area that covers a narrower one', () => {
    expect(coveringArea('011', ['002'], parents)).toBe('002');
    expect(coveringArea('011', ['142'], parents)).toBeNull();
  });

  it('drops narrower areas when a wider one is chosen', () => {
    expect(toggleArea('002', true, ['011', '142'], parents)).toEqual(['142', '002']);
    expect(toggleArea('002', false, ['002', '142'], parents)).toEqual(['142']);
  });
});

describe('matchesCountry', () => {
  const cote = { name: 'Côte d’Ivoire', englishName: "Côte d'Ivoire", iso3: 'CIV' };
  it('ignores case and accents, and knows the English name and the code', () => {
    expect(matchesCountry('cote', cote)).toBe(true);
    expect(matchesCountry('civ', cote)).toBe(true);
    expect(matchesCountry('  ', cote)).toBe(true);
    expect(matchesCountry('ghana', cote)).toBe(false);
  });
});

describe('toggleGroup', () => {
  it('lets a group stand for its themes', () => {
    expect(toggleGroup('G', ['A', 'B'], true, ['A', 'C'])).toEqual(['C', 'G']);
    expect(toggleGroup('G', ['A', 'B'], false, ['C', 'G'])).toEqual(['C']);
  });
});

describe('the list address', () => {
  it('keeps a donor to its own offers and lets the Secretariat pick the donor', () => {
    expect(parseOfferListQuery('?donor=other&status=OPEN', { ownDonor: 'mine', actsForOthers: false })).toEqual({
      donor: 'mine',
      status: 'OPEN',
      theme: '',
      after: '',
    });
    expect(parseOfferListQuery('?donor=d2&status=NOPE', { ownDonor: null, actsForOthers: true })).toEqual({
      donor: 'd2',
      status: '',
      theme: '',
      after: '',
    });
    expect(offerListSearch({ donor: 'd2', theme: 'MARKING' }, true)).toBe('?donor=d2&theme=MARKING');
    expect(offerListSearch({ donor: 'mine' }, false)).toBe('');
  });
});

import { POA_TAXONOMY, POA_THEME_ENTRIES } from './scoring-fixtures';
import { bitsOf, MAX_THEMES, popCount32, ThemeTaxonomy } from './theme-taxonomy';

describe('ThemeTaxonomy', () => {
  it('gives every theme of domain.md its own bit and none to the groups', () => {
    expect(POA_TAXONOMY.themeCount).toBe(26);
    expect(POA_TAXONOMY.isGroup('WEAPONS_AMMUNITION_MANAGEMENT')).toBe(true);
    expect(POA_TAXONOMY.isTheme('WEAPONS_AMMUNITION_MANAGEMENT')).toBe(false);
    expect(POA_TAXONOMY.bitOf('WEAPONS_AMMUNITION_MANAGEMENT')).toBeUndefined();
    const bits = POA_THEME_ENTRIES.filter((entry) => entry.parentCode !== null).map((entry) => POA_TAXONOMY.bitOf(entry.code));
    expect(new Set(bits).size).toBe(26);
    expect(POA_TAXONOMY.themeAt(POA_TAXONOMY.bitOf('MARKING')!)).toBe('MARKING');
  });

  it('knows the themes of each group, the group of each theme and the labels', () => {
    expect(POA_TAXONOMY.themesOf('TRANSFER_CONTROL')).toEqual(['TRANSFER_CONTROLS', 'BORDER_CUSTOMS']);
    expect(POA_TAXONOMY.themesOf('MARKING')).toEqual([]);
    expect(POA_TAXONOMY.groupOf('TRACING')).toBe('WEAPONS_AMMUNITION_MANAGEMENT');
    expect(POA_TAXONOMY.labelOf('BORDER_CUSTOMS')).toBe('Border control and customs');
    expect(POA_TAXONOMY.labelOf('NOT_A_CODE')).toBe('NOT_A_CODE');
  });

  it('turns codes into a mask, a group standing for all its themes', () => {
    const mask = POA_TAXONOMY.maskOf(['LEGISLATION', 'TRANSFER_CONTROL']);
    const codes = bitsOf(mask.lo, mask.hi).map((bit) => POA_TAXONOMY.themeAt(bit));
    expect(codes.sort()).toEqual(['BORDER_CUSTOMS', 'LEGISLATION', 'TRANSFER_CONTROLS']);
    expect(() => POA_TAXONOMY.maskOf(['NOT_A_CODE'])).toThrow(RangeError);
  });

  it('uses the high word beyond 32 themes and refuses more than 64', () => {
    const wide = (count: number) => [
      { code: 'G', parentCode: null, label: 'Group' },
      ...Array.from({ length: count }, (_, index) => ({ code: `T${index}`, parentCode: 'G', label: `Theme ${index}` })),
    ];
    const taxonomy = new ThemeTaxonomy(wide(40));
    expect(taxonomy.maskOf(['T0', 'T33'])).toEqual({ lo: 1, hi: 2 });
    expect(popCount32(taxonomy.maskOf(['G']).hi)).toBe(8);
    expect(() => new ThemeTaxonomy(wide(MAX_THEMES + 1))).toThrow(/more than 64/);
  });

  it('refuses duplicate codes and themes under an unknown group', () => {
    expect(() => new ThemeTaxonomy([{ code: 'A', parentCode: 'NOPE', label: 'A' }])).toThrow(/not a group/);
    expect(
      () =>
        new ThemeTaxonomy([
          { code: 'G', parentCode: null, label: 'G' },
          { code: 'G', parentCode: null, label: 'G again' },
        ]),
    ).toThrow(/twice/);
  });
});

describe('popCount32', () => {
  it.each([
    [0, 0],
    [1, 1],
    [0b1011, 3],
    [-1, 32],
    [0x80000000 | 0, 1],
  ])('counts the set bits of %i', (word, count) => {
    expect(popCount32(word)).toBe(count);
  });
});

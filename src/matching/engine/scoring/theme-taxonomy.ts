import { ThemeEntry } from './types';

/**
 * Two words of 32 bits each: the engine packs theme sets into two int32 so a theme test is two ANDs.
 * The taxonomy has 26 themes today; 64 leaves room to grow without touching the hot loop.
 */
export const MAX_THEMES = 64;

/** A theme set as two 32-bit words: bit i of the set lives in `lo` for i < 32, in `hi` otherwise. */
export interface ThemeMask {
  lo: number;
  hi: number;
}

/**
 * The two-level theme taxonomy the scorer works with: groups (no parent) and themes (one group each).
 * Each theme gets a bit; a group stands for the bits of its themes.
 */
export class ThemeTaxonomy {
  private readonly bitByTheme = new Map<string, number>();
  private readonly themeByBit: string[] = [];
  private readonly themesByGroup = new Map<string, string[]>();
  private readonly groupByTheme = new Map<string, string>();
  private readonly labelByCode = new Map<string, string>();

  /** Accepts any rows shaped like `{ code, parentCode, label }`, such as the Theme entities. */
  constructor(entries: readonly ThemeEntry[]) {
    for (const entry of entries) {
      if (this.labelByCode.has(entry.code)) throw new Error(`Theme code ${entry.code} appears twice in the taxonomy.`);
      this.labelByCode.set(entry.code, entry.label);
      if (entry.parentCode === null) this.themesByGroup.set(entry.code, []);
    }
    for (const entry of entries) {
      if (entry.parentCode === null) continue;
      const siblings = this.themesByGroup.get(entry.parentCode);
      if (!siblings) throw new Error(`Theme ${entry.code} names ${entry.parentCode}, which is not a group of the taxonomy.`);
      if (this.themeByBit.length === MAX_THEMES) throw new Error(`The taxonomy holds more than ${MAX_THEMES} themes.`);
      siblings.push(entry.code);
      this.groupByTheme.set(entry.code, entry.parentCode);
      this.bitByTheme.set(entry.code, this.themeByBit.length);
      this.themeByBit.push(entry.code);
    }
  }

  get themeCount(): number {
    return this.themeByBit.length;
  }

  isGroup(code: string): boolean {
    return this.themesByGroup.has(code);
  }

  isTheme(code: string): boolean {
    return this.bitByTheme.has(code);
  }

  /** The themes of a group; empty for anything that is not a group. */
  themesOf(groupCode: string): readonly string[] {
    return this.themesByGroup.get(groupCode) ?? [];
  }

  /** The group a theme belongs to, or undefined for anything that is not a theme. */
  groupOf(themeCode: string): string | undefined {
    return this.groupByTheme.get(themeCode);
  }

  /** The English label, or the code itself when the taxonomy has none. */
  labelOf(code: string): string {
    return this.labelByCode.get(code) ?? code;
  }

  /** The bit of a theme (not a group), or undefined for an unknown code. */
  bitOf(themeCode: string): number | undefined {
    return this.bitByTheme.get(themeCode);
  }

  themeAt(bit: number): string {
    const code = this.themeByBit[bit];
    if (code === undefined) throw new RangeError(`No theme has bit ${bit}.`);
    return code;
  }

  /** The set of the given themes, a group standing for all its themes. */
  maskOf(codes: readonly string[]): ThemeMask {
    const mask: ThemeMask = { lo: 0, hi: 0 };
    for (const code of codes) {
      for (const theme of this.isGroup(code) ? this.themesOf(code) : [code]) {
        const bit = this.bitByTheme.get(theme);
        if (bit === undefined) throw new RangeError(`${theme} is not a code of the theme taxonomy.`);
        setBit(mask, bit);
      }
    }
    return mask;
  }
}

function setBit(mask: ThemeMask, bit: number): void {
  if (bit < 32) mask.lo |= 1 << bit;
  else mask.hi |= 1 << (bit - 32);
}

/** Number of set bits in a 32-bit word (SWAR count, no loop). */
export function popCount32(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The bits set in a mask, lowest first (taxonomy order). */
export function bitsOf(lo: number, hi: number): number[] {
  const bits: number[] = [];
  for (let bit = 0; bit < 32; bit++) if (lo & (1 << bit)) bits.push(bit);
  for (let bit = 0; bit < 32; bit++) if (hi & (1 << bit)) bits.push(bit + 32);
  return bits;
}

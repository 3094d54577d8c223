/** An M49 area as the `regions` query gives it. */
export interface RegionRecord {
  code: string;
  parentCode?: string | null;
  name: string;
}

export interface RegionNode {
  code: string;
  name: string;
  children: RegionNode[];
}

/** The M49 areas as a tree (regions → sub-regions → intermediate regions), each level sorted by name in the reader's language. */
export function regionTree(
  regions: readonly RegionRecord[],
  nameOf: (region: RegionRecord) => string,
  collator: Intl.Collator,
): RegionNode[] {
  const codes = new Set(regions.map((region) => region.code));
  const build = (parent: string | null): RegionNode[] =>
    regions
      .filter((region) => (parent === null ? !region.parentCode || !codes.has(region.parentCode) : region.parentCode === parent))
      .map((region) => ({ code: region.code, name: nameOf(region), children: build(region.code) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  return build(null);
}

/** Each area's parent, to tell whether a wider area already chosen covers it. */
export function parentsOf(regions: readonly RegionRecord[]): Map<string, string> {
  return new Map(regions.filter((region) => region.parentCode).map((region) => [region.code, region.parentCode!]));
}

/** The chosen area that covers `code` from above, if any (an offer naming Africa is open to Western Africa). */
export function coveringArea(code: string, selected: readonly string[], parents: ReadonlyMap<string, string>): string | null {
  for (let parent = parents.get(code); parent; parent = parents.get(parent)) {
    if (selected.includes(parent)) return parent;
  }
  return null;
}

/** Choosing an area drops the narrower ones under it, which it already covers; unchoosing removes it alone. */
export function toggleArea(code: string, checked: boolean, selected: readonly string[], parents: ReadonlyMap<string, string>): string[] {
  if (!checked) return selected.filter((value) => value !== code);
  const narrower = (value: string) => {
    for (let parent = parents.get(value); parent; parent = parents.get(parent)) if (parent === code) return true;
    return false;
  };
  return [...selected.filter((value) => value !== code && !narrower(value)), code];
}

/** Countries whose name (in the reader's language or in English) or code contains the typed text, ignoring case and accents. */
export function matchesCountry(filter: string, country: { name: string; englishName: string; iso3: string }): boolean {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const wanted = fold(filter.trim());
  if (!wanted) return true;
  return fold(country.name).includes(wanted) || fold(country.englishName).includes(wanted) || country.iso3.toLowerCase() === wanted;
}

/** Theme codes with a chosen group standing for all of its themes, as the API reads them. */
export function toggleGroup(groupCode: string, themeCodes: readonly string[], checked: boolean, selected: readonly string[]): string[] {
  const rest = selected.filter((code) => code !== groupCode && !themeCodes.includes(code));
  return checked ? [...rest, groupCode] : rest;
}

import {
  allCountries,
  allRegions,
  countriesInRegion,
  findCountry,
  findRegion,
  isKnownCountry,
  isKnownRegionCode,
  regionCodesOf,
} from './geography';

describe('geography', () => {
  it('lists the 193 member states and the 2 observer states once each', () => {
    const countries = allCountries();
    expect(countries).toHaveLength(195);
    expect(countries.filter((country) => country.unStatus === 'MEMBER')).toHaveLength(193);
    expect(countries.filter((country) => country.unStatus === 'OBSERVER').map((country) => country.iso3)).toEqual(['PSE', 'VAT']);
    expect(new Set(countries.map((country) => country.iso3)).size).toBe(195);
    expect(new Set(countries.map((country) => country.iso2)).size).toBe(195);
    expect(new Set(countries.map((country) => country.m49)).size).toBe(195);
  });

  it('keeps non-member territories out', () => {
    for (const territory of ['TWN', 'HKG', 'PRI', 'GRL', 'ATA', 'XKX']) {
      expect(isKnownCountry(territory)).toBe(false);
    }
  });

  it('gives every state well-formed codes, both names and a region and sub-region that exist', () => {
    for (const country of allCountries()) {
      expect(country.iso3).toMatch(/^[A-Z]{3}$/);
      expect(country.iso2).toMatch(/^[A-Z]{2}$/);
      expect(country.m49).toMatch(/^\d{3}$/);
      expect(country.name.trim()).not.toBe('');
      expect(country.nameZh).toMatch(/\p{Script=Han}/u);
      expect(findRegion(country.regionCode)?.level).toBe('REGION');
      expect(findRegion(country.subRegionCode)?.level).toBe('SUB_REGION');
      if (country.intermediateRegionCode !== null) {
        expect(findRegion(country.intermediateRegionCode)?.level).toBe('INTERMEDIATE_REGION');
      }
    }
  });

  it('looks countries up case-insensitively', () => {
    expect(findCountry('nga')).toMatchObject({ iso3: 'NGA', iso2: 'NG', m49: '566', name: 'Nigeria', nameZh: '尼日利亚' });
    expect(findCountry('Chn')?.nameZh).toBe('中国');
    expect(findCountry('CHN')?.name).toBe('China');
    expect(isKnownCountry('fra')).toBe(true);
    expect(findCountry('ZZZ')).toBeUndefined();
    expect(isKnownCountry('')).toBe(false);
  });

  it('describes the observer states', () => {
    expect(findCountry('PSE')).toMatchObject({ unStatus: 'OBSERVER', name: 'State of Palestine', regionCode: '142', subRegionCode: '145' });
    expect(findCountry('VAT')).toMatchObject({ unStatus: 'OBSERVER', regionCode: '150', subRegionCode: '039' });
  });

  it('places a country in its intermediate region, sub-region and region, most specific first', () => {
    expect(regionCodesOf('NGA')).toEqual(['011', '202', '002']);
    expect(regionCodesOf('bra')).toEqual(['005', '419', '019']);
    expect(regionCodesOf('FRA')).toEqual(['155', '150']);
    expect(regionCodesOf('CHN')).toEqual(['030', '142']);
    expect(regionCodesOf('ZZZ')).toEqual([]);
  });

  it('knows the M49 hierarchy with its names in the six UN languages', () => {
    expect(findRegion('011')).toEqual({
      code: '011',
      name: 'Western Africa',
      nameZh: '西非',
      names: {
        en: 'Western Africa',
        fr: 'Afrique de l’Ouest',
        es: 'África Occidental',
        ru: 'Западная Африка',
        zh: '西非',
        ar: 'غرب أفريقيا',
      },
      level: 'INTERMEDIATE_REGION',
      parentCode: '202',
    });
    expect(findRegion('202')).toMatchObject({
      name: 'Sub-Saharan Africa',
      nameZh: '撒哈拉以南非洲',
      level: 'SUB_REGION',
      parentCode: '002',
    });
    expect(findRegion('002')).toMatchObject({ name: 'Africa', nameZh: '非洲', level: 'REGION', parentCode: '001' });
    expect(findRegion('035')?.nameZh).toBe('东南亚');
    expect(findRegion('419')?.nameZh).toBe('拉丁美洲和加勒比');
    expect(isKnownRegionCode('150')).toBe(true);
    expect(isKnownRegionCode('999')).toBe(false);
  });

  it('lists only regions that hold a state, each with a parent in the list or the World', () => {
    const regions = allRegions();
    expect(regions.map((region) => region.level).filter((level) => level === 'REGION')).toHaveLength(5);
    const parentLevel: Record<string, string | undefined> = {
      REGION: undefined,
      SUB_REGION: 'REGION',
      INTERMEDIATE_REGION: 'SUB_REGION',
    };
    for (const region of regions) {
      expect(countriesInRegion(region.code).length).toBeGreaterThan(0);
      if (region.level === 'REGION') {
        expect(region.parentCode).toBe('001');
      } else {
        expect(findRegion(region.parentCode ?? '')?.level).toBe(parentLevel[region.level]);
      }
    }
  });

  it('never gives a region the Chinese name of a country', () => {
    const countryNamesZh = new Set(allCountries().map((country) => country.nameZh));
    expect(allRegions().filter((region) => countryNamesZh.has(region.nameZh))).toEqual([]);
  });

  it('finds the countries in a region of any level', () => {
    const westernAfrica = countriesInRegion('011').map((country) => country.iso3);
    expect(westernAfrica).toEqual(expect.arrayContaining(['NGA', 'GHA', 'SEN', 'CIV']));
    expect(westernAfrica).not.toContain('KEN');
    expect(countriesInRegion('202').length).toBeGreaterThan(westernAfrica.length);
    expect(countriesInRegion('002').map((country) => country.iso3)).toEqual(expect.arrayContaining(['EGY', 'NGA']));
    expect(countriesInRegion('155').map((country) => country.iso3)).toContain('FRA');
    expect(countriesInRegion('999')).toEqual([]);
  });

  it('counts every state once in the five regions together', () => {
    const perRegion = allRegions()
      .filter((region) => region.level === 'REGION')
      .map((region) => countriesInRegion(region.code).length);
    expect(perRegion.reduce((sum, count) => sum + count, 0)).toBe(195);
  });

  it('does not let callers change the shared data', () => {
    const nigeria = findCountry('NGA') as { name: string };
    expect(() => {
      nigeria.name = 'Changed';
    }).toThrow(TypeError);
    const westernAfrica = findRegion('011') as { names: { ar: string } };
    expect(() => {
      westernAfrica.names.ar = 'Changed';
    }).toThrow(TypeError);
  });
});

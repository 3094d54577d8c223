import { childThemeCodes, expandThemeCodes, isThemeCode, isThemeGroupCode, THEME_GROUPS, THEME_TAXONOMY, THEMES, themeByCode, UN_LANGUAGES } from './themes';

describe('theme taxonomy', () => {
  it('has the five groups and 26 themes of the product brief, in order', () => {
    expect(THEME_GROUPS.map((group) => group.code)).toEqual(['LEGAL_FRAMEWORK', 'TRANSFER_CONTROL', 'WEAPONS_AMMUNITION_MANAGEMENT', 'LAW_ENFORCEMENT', 'CROSS_CUTTING']);
    expect(childThemeCodes('LEGAL_FRAMEWORK')).toEqual(['LEGISLATION', 'NATIONAL_COORDINATION', 'BROKERING']);
    expect(childThemeCodes('TRANSFER_CONTROL')).toEqual(['TRANSFER_CONTROLS', 'BORDER_CUSTOMS']);
    expect(childThemeCodes('WEAPONS_AMMUNITION_MANAGEMENT')).toEqual(['STOCKPILE_MANAGEMENT', 'AMMUNITION', 'MARKING', 'RECORD_KEEPING', 'TRACING', 'COLLECTION', 'DESTRUCTION', 'BASELINE_ASSESSMENT']);
    expect(childThemeCodes('LAW_ENFORCEMENT')).toEqual(['CRIMINAL_JUSTICE', 'ENFORCEMENT_COOPERATION', 'ONLINE_POSTAL_CONVERSION']);
    expect(childThemeCodes('CROSS_CUTTING')).toEqual(['NEW_TECHNOLOGY', 'DATA_COLLECTION', 'GENDER', 'YOUTH', 'AWARENESS_EDUCATION', 'VICTIM_ASSISTANCE', 'DDR', 'TRAINING', 'REGIONAL_CAPACITY', 'NATIONAL_REPORTING']);
    expect(THEMES).toHaveLength(26);
    expect(THEME_TAXONOMY).toHaveLength(31);
  });

  it('labels every entry in all six UN languages and gives every theme keywords in each', () => {
    for (const entry of THEME_TAXONOMY) {
      for (const language of UN_LANGUAGES) expect(entry.labels[language].trim()).not.toBe('');
    }
    for (const theme of THEMES) {
      for (const language of UN_LANGUAGES) expect(theme.keywords[language].length).toBeGreaterThan(0);
    }
  });

  it('uses the Chinese terms of the brief as labels', () => {
    expect(themeByCode('RECORD_KEEPING')?.labels.zh).toBe('记录保存');
    expect(themeByCode('VICTIM_ASSISTANCE')?.labels.zh).toBe('援助受害者');
    expect(themeByCode('MARKING')?.labels.zh).toBe('标识');
  });

  it('tells themes from groups and expands groups to their themes', () => {
    expect(isThemeCode('MARKING')).toBe(true);
    expect(isThemeCode('WEAPONS_AMMUNITION_MANAGEMENT')).toBe(false);
    expect(isThemeCode('UNKNOWN')).toBe(false);
    expect(isThemeGroupCode('CROSS_CUTTING')).toBe(true);
    expect(isThemeGroupCode('GENDER')).toBe(false);
    expect(themeByCode('UNKNOWN')).toBeUndefined();
    expect(childThemeCodes('MARKING')).toEqual([]);
    expect(expandThemeCodes(['TRANSFER_CONTROL', 'GENDER', 'BORDER_CUSTOMS'])).toEqual(['TRANSFER_CONTROLS', 'BORDER_CUSTOMS', 'GENDER']);
  });
});

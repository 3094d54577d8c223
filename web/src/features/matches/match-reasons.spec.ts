import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { MatchReasonsFieldsFragment } from '../../gql/graphql';
import type { Translate } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/locales';
import { reasonLines } from './match-reasons';

/** The matches feature's messages in one language, formatted as the console does (without the right-to-left isolates). */
function words(locale: Locale, labels: Record<string, string>) {
  const messages = JSON.parse(readFileSync(join(__dirname, 'messages', `${locale}.json`), 'utf8'));
  const intl = createIntl({ locale, messages });
  const t: Translate = (id, values) => intl.formatMessage({ id }, values);
  const areas: Record<string, string> = { en: 'Western Africa', fr: 'Afrique de l’Ouest', zh: '西非', ar: 'غرب أفريقيا' };
  return { t, locale, themeLabel: (code: string) => labels[code] ?? code, areaName: () => areas[locale] };
}

const ENGLISH_THEMES = {
  LEGISLATION: 'Laws, regulations and administrative procedures',
  MARKING: 'Marking',
  TRACING: 'Tracing',
  WEAPONS_AMMUNITION_MANAGEMENT: 'Weapons and ammunition management',
};
const ARABIC_THEMES = {
  LEGISLATION: 'القوانين والأنظمة',
  MARKING: 'الوسم',
  TRACING: 'التعقب',
  WEAPONS_AMMUNITION_MANAGEMENT: 'إدارة الأسلحة والذخيرة',
};
const CHINESE_THEMES = {
  LEGISLATION: '法律、条例和行政程序',
  MARKING: '标识',
  TRACING: '追查',
  WEAPONS_AMMUNITION_MANAGEMENT: '武器和弹药管理',
};

const nigeria = { iso2: 'NG', name: 'Nigeria' };

const reasons = (overrides: Partial<MatchReasonsFieldsFragment> = {}): MatchReasonsFieldsFragment => ({
  themeCount: 3,
  themesNamed: ['LEGISLATION'],
  themesThroughGroups: [{ groupCode: 'WEAPONS_AMMUNITION_MANAGEMENT', themeCodes: ['MARKING', 'TRACING'] }],
  eligibleAs: 'INTERMEDIATE_REGION',
  eligibleArea: { code: '011', name: 'Western Africa' },
  capacityShare: 0.8,
  unfundedUsd: 250_000,
  facts: ['NATIONAL_REPORT', 'MULTI_YEAR'],
  ...overrides,
});

describe('reasonLines', () => {
  it('words the reasons in English as the engine’s line says them', () => {
    expect(reasonLines(words('en', ENGLISH_THEMES), reasons(), nigeria)).toEqual([
      'Covers 3 of 3 themes: Laws, regulations and administrative procedures; Marking and Tracing (through Weapons and ammunition management)',
      'Eligible: part of Western Africa, an area the offer names',
      'Can fund 80% of the $250,000 still unfunded',
      'Also: drawn from a national report and multi-year',
    ]);
  });

  it('words them in Arabic and Chinese, with the place names and figures of the language', () => {
    expect(reasonLines(words('ar', ARABIC_THEMES), reasons({ themesThroughGroups: [], themeCount: 1, facts: [] }), nigeria)).toEqual([
      'المواضيع المشمولة: 1 من 1 (القوانين والأنظمة)',
      'الأهلية: جزء من منطقة غرب أفريقيا التي يسمّيها العرض',
      expect.stringMatching(/^يمكنه تمويل 80\u200e?%\u200e? من المبلغ غير الممول بعد \(.*250,000.*US\$.*\)$/),
    ]);
    expect(reasonLines(words('ar', ARABIC_THEMES), reasons(), nigeria)[0]).toBe(
      'المواضيع المشمولة: 3 من 3 (القوانين والأنظمة؛ الوسم والتعقب (من خلال مجموعة إدارة الأسلحة والذخيرة))',
    );
    expect(reasonLines(words('zh', CHINESE_THEMES), reasons(), nigeria)).toEqual([
      '涵盖3个主题中的3个：法律、条例和行政程序；标识和追查（通过“武器和弹药管理”类别）',
      '符合条件：属于援助提议指定的区域“西非”',
      expect.stringMatching(/^可资助尚未获得资助的US\$250,000(\.00)?中的80%$/),
      '此外：源自国家报告和多年期',
    ]);
  });

  it('says how the country qualifies: named, through an area, or worldwide', () => {
    const english = words('en', ENGLISH_THEMES);
    expect(reasonLines(english, reasons({ eligibleAs: 'COUNTRY', eligibleArea: null }), nigeria)[1]).toBe(
      'Eligible: Nigeria, a country the offer names',
    );
    expect(reasonLines(english, reasons({ eligibleAs: 'GLOBAL', eligibleArea: null }), nigeria)[1]).toBe(
      'Eligible: the offer is open worldwide',
    );
    expect(reasonLines(words('fr', {}), reasons({ eligibleAs: 'COUNTRY', eligibleArea: null }), nigeria)[1]).toBe(
      'Admissibilité : Nigeria, pays nommé dans l’offre',
    );
  });

  it('rounds the share down, so only a grant that carries the whole gap says all of it', () => {
    const english = words('en', ENGLISH_THEMES);
    const capacity = (capacityShare: number) => reasonLines(english, reasons({ capacityShare, unfundedUsd: 999 }), nigeria)[2];
    expect(capacity(1)).toBe('Can fund all of the $999 still unfunded');
    expect(capacity(0.999)).toBe('Can fund 99% of the $999 still unfunded');
    expect(capacity(0.004)).toBe('Can fund under 1% of the $999 still unfunded');
  });

  it('leaves out the facts line when no fact raised the score', () => {
    expect(reasonLines(words('en', ENGLISH_THEMES), reasons({ facts: [] }), nigeria)).toHaveLength(3);
  });

  it('leaves out the share of the gap for a pair that no longer passes the filters', () => {
    expect(reasonLines(words('en', ENGLISH_THEMES), reasons({ capacityShare: null }), nigeria)).toEqual([
      expect.stringMatching(/^Covers 3 of 3 themes/),
      'Eligible: part of Western Africa, an area the offer names',
      'Also: drawn from a national report and multi-year',
    ]);
  });
});

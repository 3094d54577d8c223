import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locales';
import { cycleName } from './enum-labels';

/** `t` of the common messages in one language, as the console formats them (without the right-to-left isolates). */
function translate(locale: Locale): Translate {
  const messages = JSON.parse(readFileSync(join(__dirname, '..', 'features', 'common', 'messages', `${locale}.json`), 'utf8'));
  const intl = createIntl({ locale, messages });
  return (id, values) => intl.formatMessage({ id }, values);
}

const bms = (number: number, year: number) => ({ code: `BMS${number}`, kind: 'BIENNIAL_MEETING' as const, number, year });
const revCon = (number: number, year: number) => ({ code: `RevCon${number}`, kind: 'REVIEW_CONFERENCE' as const, number, year });

describe('cycleName', () => {
  it('names the meeting as the UN does in each language, with its English code and year', () => {
    expect(cycleName(translate('en'), bms(9, 2026))).toBe('9th Biennial Meeting of States (BMS9, 2026)');
    expect(cycleName(translate('en'), revCon(4, 2024))).toBe('4th Review Conference (RevCon4, 2024)');
    expect(cycleName(translate('fr'), bms(9, 2026))).toBe('9e Réunion biennale des États (BMS9, 2026)');
    expect(cycleName(translate('es'), revCon(4, 2024))).toBe('4.ª Conferencia de Examen (RevCon4, 2024)');
    expect(cycleName(translate('ru'), bms(8, 2022))).toBe('8-е Совещание государств, проводимое раз в два года (BMS8, 2022 г.)');
    expect(cycleName(translate('zh'), bms(8, 2022))).toBe('第八次双年度会议（BMS8，2022年）');
    expect(cycleName(translate('zh'), revCon(4, 2024))).toBe('第四次审查会议（RevCon4，2024年）');
    expect(cycleName(translate('ar'), bms(9, 2026))).toBe('الاجتماع التاسع لفترة السنتين للدول (BMS9، 2026)');
    expect(cycleName(translate('ar'), revCon(4, 2024))).toBe('المؤتمر الاستعراضي الرابع (RevCon4، 2024)');
  });

  it('writes each ordinal as its language does', () => {
    const english = translate('en');
    expect([1, 2, 3, 11, 12, 13, 21, 22, 23].map((number) => cycleName(english, bms(number, 2000)).split(' ')[0])).toEqual([
      '1st',
      '2nd',
      '3rd',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
    ]);
    expect(cycleName(translate('fr'), revCon(1, 2006))).toBe('1re Conférence d’examen (RevCon1, 2006)');
    expect(cycleName(translate('ar'), bms(11, 2030))).toBe('الاجتماع الحادي عشر لفترة السنتين للدول (BMS11، 2030)');
    expect(cycleName(translate('zh'), bms(12, 2032))).toBe('第十二次双年度会议（BMS12，2032年）');
  });

  it('falls back to figures past the ordinals written out', () => {
    expect(cycleName(translate('ar'), bms(21, 2042))).toContain('الاجتماع رقم 21 لفترة السنتين للدول');
    expect(cycleName(translate('zh'), bms(21, 2042))).toBe('第21次双年度会议（BMS21，2042年）');
  });
});

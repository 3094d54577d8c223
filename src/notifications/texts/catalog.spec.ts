import { IntlMessageFormat } from 'intl-messageformat';
import { UN_LANGUAGES } from '../../reference/data/themes';
import { NOTIFICATION_CATALOG } from './catalog';
import { renderPair, renderText } from './render';

/** The placeholders a message uses, sorted. */
function placeholders(message: string): string[] {
  // Element type 0 is literal text; every other kind names its argument in `value`. (The parser's TYPE
  // enum belongs to a package this project does not depend on directly.)
  const elements = new IntlMessageFormat(message, 'en').getAst();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison
  return [...new Set(elements.flatMap((element) => (element.type !== 0 && 'value' in element ? [String(element.value)] : [])))].sort();
}

const flatten = (language: (typeof UN_LANGUAGES)[number]): [string, string][] =>
  Object.entries(NOTIFICATION_CATALOG[language]).flatMap(([key, value]) =>
    Array.isArray(value)
      ? [[`${key}.title`, value[0]] as [string, string], [`${key}.body`, value[1]] as [string, string]]
      : [[key, value as string]],
  );

describe('the notification texts', () => {
  const english = new Map(flatten('en'));

  it.each(UN_LANGUAGES.filter((language) => language !== 'en'))(
    'exist in %s for every English text, with the same placeholders, and differ from English',
    (language) => {
      const texts = new Map(flatten(language));
      expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of texts) {
        expect({ key, placeholders: placeholders(message) }).toEqual({ key, placeholders: placeholders(english.get(key)!) });
        if (!key.startsWith('digestSubject')) expect({ key, same: message === english.get(key) }).toEqual({ key, same: false });
      }
    },
  );

  it('counts with each language’s plural rules', () => {
    expect(renderText('en', 'digestSubject', { count: 1 })).toBe('1 notification from poa-match');
    expect(renderText('ru', 'digestSubject', { count: 3 })).toBe('poa-match: 3 уведомления');
    expect(renderText('ru', 'digestSubject', { count: 5 })).toBe('poa-match: 5 уведомлений');
    expect(renderText('ar', 'digestSubject', { count: 2 })).toBe('poa-match: إشعاران');
  });

  it('puts the values in as given, not as markup', () => {
    expect(renderPair('en', 'CONSENT_DECLINED', { country: 'Ghana', offer: '<b>x</b>', need: 'a {b}', reason: "it's done" }).body).toBe(
      "Ghana declined the pairing of your offer “<b>x</b>” with its need “a {b}”. Reason given: it's done",
    );
  });
});

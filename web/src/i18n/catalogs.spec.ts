import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

const SRC = join(__dirname, '..');
const FEATURES = join(SRC, 'features');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const features = readdirSync(FEATURES).filter((name) => existsSync(join(FEATURES, name, 'messages')));
const catalog = (feature: string, locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(FEATURES, feature, 'messages', `${locale}.json`), 'utf8'));
const source = sourceFiles(SRC)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** ICU placeholders such as {count} or {detail}: a translation must keep every one. */
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe.each(features)('messages of %s', (feature) => {
  const english = catalog(feature, 'en');

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    'exist in %s for every English id, with the same placeholders, and no others',
    (locale) => {
      const translated = catalog(feature, locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [id, message] of Object.entries(english)) {
        expect({ id, placeholders: placeholders(translated[id]) }).toEqual({ id, placeholders: placeholders(message) });
        expect({ id, empty: !translated[id].trim() }).toEqual({ id, empty: false });
      }
    },
  );

  it('are all used in the console, each id written out in full', () => {
    const unused = Object.keys(english).filter((id) => !source.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('carry ids under the feature name', () => {
    const misplaced = Object.keys(english).filter((id) => !id.startsWith(`${feature}.`));
    expect({ file: relative(SRC, join(FEATURES, feature)), misplaced }).toEqual({
      file: relative(SRC, join(FEATURES, feature)),
      misplaced: [],
    });
  });
});

describe('the message id type', () => {
  it('includes every feature catalog', () => {
    const ids = readFileSync(join(__dirname, 'message-ids.ts'), 'utf8');
    for (const feature of features) expect(ids).toContain(`../features/${feature}/messages/en.json`);
  });
});

import { compileTerms, findTerms, keepLongestOccurrences, prepareText, surfaceOf } from './term-matcher';

function surfaces(text: string, terms: string[], language: Parameters<typeof prepareText>[1]): string[] {
  const prepared = prepareText(text, language);
  return keepLongestOccurrences(findTerms(prepared, compileTerms(terms, language)))
    .sort((a, b) => a.start - b.start)
    .map((occurrence) => surfaceOf(prepared, occurrence));
}

describe('term matcher', () => {
  it('matches Chinese on characters, ignoring the spaces PDF extraction inserts', () => {
    expect(surfaces('使用 3D 打印生产的枪支和储存管理', ['3d打印', '储存管理'], 'zh')).toEqual(['3D 打印', '储存管理']);
  });

  it('lets a Chinese term skip characters at … within one clause only', () => {
    expect(surfaces('组织运动，以提高对非法拥有枪支的危险的认识', ['提高…认识'], 'zh')).toEqual(['提高对非法拥有枪支的危险的认识']);
    expect(surfaces('提高能力。各国的认识', ['提高…认识'], 'zh')).toEqual([]);
  });

  it('matches inflected forms through stemming', () => {
    expect(surfaces('Stockpiles and stockpiling; weapons were marked', ['stockpile', 'marking'], 'en')).toEqual([
      'Stockpiles',
      'stockpiling',
      'marked',
    ]);
    expect(surfaces('des mesures législatives et la législation', ['législation'], 'fr')).toEqual(['législatives', 'législation']);
  });

  it('matches multi-word terms in order, skipping stopwords and at most one other word', () => {
    expect(surfaces('the collection of voluntary weapons', ['weapons collection'], 'en')).toEqual([]);
    expect(surfaces('la collecte volontaire d’armes', ['collecte d’armes'], 'fr')).toEqual(['collecte volontaire d’armes']);
    expect(surfaces('a plan for national action', ['national action plan'], 'en')).toEqual([]);
  });

  it('matches a word ending in * as a prefix', () => {
    expect(surfaces('сотрудников таможенных органов', ['таможен*'], 'ru')).toEqual(['таможенных']);
  });

  it('strips the Arabic conjunction and article before comparing', () => {
    expect(surfaces('نطلب دعماً لتحسين المخزونات والذخيرة', ['مخزونات', 'الذخيرة'], 'ar')).toEqual(['المخزونات', 'والذخيرة']);
  });

  it('keeps only the longest of nested occurrences', () => {
    expect(surfaces('与世界海关组织合作', ['海关', '世界海关组织'], 'zh')).toEqual(['世界海关组织']);
  });
});

import { newStemmer, Stemmer } from 'snowball-stemmers';
import { UnLanguage } from '../../reference/data/themes';

/**
 * Finds vocabulary terms (theme keywords, need cues, assistance-type cues) in a passage, tolerant of
 * inflection. Chinese is matched on characters: the text and the terms are compared as substrings with
 * whitespace removed, because Chinese has no word spaces and PDF extraction inserts stray ones
 * ("3D 打印"). The other languages are matched word by word: both sides are tokenised, stopwords
 * dropped, and each word reduced to its Snowball stem (a light stemmer for Arabic), so "stockpile" also
 * finds "stockpiles". A term word ending in `*` matches any word starting with it instead, and a
 * Chinese term may hold `…` where other characters may come between its parts (提高…认识 finds
 * 提高对非法拥有枪支的危险的认识), within one clause.
 */

/** Words a multi-word term may skip between two of its words ("collecte volontaire d'armes"). */
const MAX_WORDS_BETWEEN_TERM_WORDS = 1;
/** Characters a Chinese term may skip at a `…`; the gap never crosses clause punctuation. */
const MAX_CHARACTERS_AT_GAP = 24;
const CLAUSE_PUNCTUATION = /[。；;！？!?]/;

const SNOWBALL_ALGORITHMS: Record<Exclude<UnLanguage, 'zh' | 'ar'>, string> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ru: 'russian',
};

const STOPWORDS: Record<Exclude<UnLanguage, 'zh'>, ReadonlySet<string>> = {
  en: new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'in', 'on', 'to', 'with', 'by', 'at', 'its', 'their', 'our', 's']),
  fr: new Set([
    'le',
    'la',
    'les',
    'l',
    'un',
    'une',
    'de',
    'des',
    'du',
    'd',
    'et',
    'ou',
    'à',
    'au',
    'aux',
    'en',
    'pour',
    'sur',
    'par',
    'dans',
    'avec',
  ]),
  es: new Set(['el', 'la', 'los', 'las', 'lo', 'un', 'una', 'de', 'del', 'y', 'e', 'o', 'en', 'para', 'por', 'a', 'al', 'con', 'sobre']),
  ru: new Set(['и', 'в', 'во', 'на', 'по', 'для', 'с', 'со', 'о', 'об', 'к', 'а', 'или']),
  ar: new Set(['في', 'من', 'على', 'إلى', 'الى', 'عن', 'و', 'أو', 'مع']),
};

/**
 * A term ready for matching in one language: Chinese terms as compacted character runs (several when
 * the term has gaps), other terms as the stems (or `prefix*`) of their words.
 */
export type CompiledTerm =
  | { readonly term: string; readonly kind: 'characters'; readonly parts: readonly string[] }
  | { readonly term: string; readonly kind: 'words'; readonly words: readonly string[] };

interface Word {
  readonly form: string;
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

/** A passage prepared once for matching many terms. */
export interface PreparedText {
  readonly language: UnLanguage;
  readonly source: string;
  /** Chinese: the compacted text and, for each of its characters, its offset in `source`. */
  readonly compact: string;
  readonly compactOffsets: readonly number[];
  /** Other languages: the words that are not stopwords. */
  readonly words: readonly Word[];
}

/** Where a term was found: `start`/`end` index compacted characters (Chinese) or words. */
export interface TermOccurrence {
  readonly term: CompiledTerm;
  readonly start: number;
  readonly end: number;
}

const stemmers = new Map<UnLanguage, Stemmer>();

function stemmerFor(language: Exclude<UnLanguage, 'zh' | 'ar'>): Stemmer {
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = newStemmer(SNOWBALL_ALGORITHMS[language]);
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

const ARABIC_DEFINITE_ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/**
 * Light stemming for Arabic (after Larkey's Light10): strips the conjunction و, a definite article and
 * common suffixes. The Snowball Arabic stemmer leaves و+ال forms unstemmed, so it is not used.
 */
function stemArabic(word: string): string {
  let stem = word.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي');
  if (stem.startsWith('و') && stem.length > 3) stem = stem.slice(1);
  for (const article of ARABIC_DEFINITE_ARTICLES) {
    if (stem.startsWith(article) && stem.length - article.length >= 2) {
      stem = stem.slice(article.length);
      break;
    }
  }
  for (const suffix of ARABIC_SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower case, compatibility forms folded (full-width Latin), Russian ё as е, Arabic vowel marks dropped. */
function normalizeWord(word: string, language: UnLanguage): string {
  const lower = word.normalize('NFKC').toLowerCase();
  if (language === 'ru') return lower.replace(/ё/g, 'е');
  if (language === 'ar') return lower.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  return lower;
}

function stemWord(normalized: string, language: Exclude<UnLanguage, 'zh'>): string {
  const stem = language === 'ar' ? stemArabic(normalized) : stemmerFor(language).stem(normalized);
  return foldDiacritics(stem);
}

function compactChinese(text: string): { compact: string; offsets: number[] } {
  let compact = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    if (!/\s/u.test(char)) {
      const normalized = char.normalize('NFKC').toLowerCase();
      compact += normalized;
      for (let i = 0; i < normalized.length; i++) offsets.push(offset);
    }
    offset += char.length;
  }
  return { compact, offsets };
}

function tokenize(text: string, language: Exclude<UnLanguage, 'zh'>): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const form = normalizeWord(match[0], language);
    if (STOPWORDS[language].has(form)) continue;
    const start = match.index ?? 0;
    words.push({ form, stem: stemWord(form, language), start, end: start + match[0].length });
  }
  return words;
}

/** Prepares a vocabulary term for `findTerms`. */
export function compileTerm(term: string, language: UnLanguage): CompiledTerm {
  if (language === 'zh') {
    const parts = term.split('…').map((part) => compactChinese(part).compact);
    return { term, kind: 'characters', parts: parts.filter((part) => part.length > 0) };
  }
  const words = term.split(/\s+/).flatMap((chunk) => {
    const isPrefix = chunk.endsWith('*');
    const words = tokenize(isPrefix ? chunk.slice(0, -1) : chunk, language);
    if (!isPrefix) return words.map((word) => word.stem);
    return words.map((word, index) => (index === words.length - 1 ? `${foldDiacritics(word.form)}*` : word.stem));
  });
  return { term, kind: 'words', words };
}

/** Compiles a term list; word forms that stem alike ("need", "needed") become one term, the first listed. */
export function compileTerms(terms: readonly string[], language: UnLanguage): CompiledTerm[] {
  const byPattern = new Map<string, CompiledTerm>();
  for (const term of terms) {
    const compiled = compileTerm(term, language);
    const key = patternKey(compiled);
    if (key !== '' && !byPattern.has(key)) byPattern.set(key, compiled);
  }
  return [...byPattern.values()];
}

/** Equal for terms that match exactly the same text ("record" and "records" once stemmed). */
export function patternKey(term: CompiledTerm): string {
  return term.kind === 'characters' ? term.parts.join('…') : term.words.join(' ');
}

export function prepareText(source: string, language: UnLanguage): PreparedText {
  if (language === 'zh') {
    const { compact, offsets } = compactChinese(source);
    return { language, source, compact, compactOffsets: offsets, words: [] };
  }
  return { language, source, compact: '', compactOffsets: [], words: tokenize(source, language) };
}

function wordMatches(word: Word, patternWord: string): boolean {
  return patternWord.endsWith('*') ? foldDiacritics(word.form).startsWith(patternWord.slice(0, -1)) : word.stem === patternWord;
}

function findWordSequence(words: readonly Word[], pattern: readonly string[], from: number): { start: number; end: number } | null {
  for (let start = from; start < words.length; start++) {
    if (!wordMatches(words[start], pattern[0])) continue;
    let last = start;
    let matched = 1;
    while (matched < pattern.length) {
      let next = -1;
      for (let candidate = last + 1; candidate <= last + 1 + MAX_WORDS_BETWEEN_TERM_WORDS && candidate < words.length; candidate++) {
        if (wordMatches(words[candidate], pattern[matched])) {
          next = candidate;
          break;
        }
      }
      if (next < 0) break;
      last = next;
      matched++;
    }
    if (matched === pattern.length) return { start, end: last + 1 };
  }
  return null;
}

function findCharacterSequence(compact: string, parts: readonly string[], from: number): { start: number; end: number } | null {
  for (let start = compact.indexOf(parts[0], from); start >= 0; start = compact.indexOf(parts[0], start + 1)) {
    let end = start + parts[0].length;
    let matched = 1;
    while (matched < parts.length) {
      const next = compact.indexOf(parts[matched], end);
      if (next < 0 || next - end > MAX_CHARACTERS_AT_GAP || CLAUSE_PUNCTUATION.test(compact.slice(end, next))) break;
      end = next + parts[matched].length;
      matched++;
    }
    if (matched === parts.length) return { start, end };
  }
  return null;
}

/** Every non-overlapping occurrence of each term, in text order per term. */
export function findTerms(text: PreparedText, terms: readonly CompiledTerm[]): TermOccurrence[] {
  const occurrences: TermOccurrence[] = [];
  for (const term of terms) {
    const find =
      term.kind === 'characters'
        ? (from: number) => findCharacterSequence(text.compact, term.parts, from)
        : (from: number) => findWordSequence(text.words, term.words, from);
    for (let found = find(0); found; found = find(found.end)) occurrences.push({ term, ...found });
  }
  return occurrences;
}

/**
 * Drops occurrences lying inside a longer one, as a reader would: "海关" inside "世界海关组织" names the
 * organisation, not customs work.
 */
export function keepLongestOccurrences<T extends TermOccurrence>(occurrences: readonly T[]): T[] {
  return occurrences.filter(
    (inner) =>
      !occurrences.some(
        (outer) =>
          outer !== inner && outer.start <= inner.start && outer.end >= inner.end && outer.end - outer.start > inner.end - inner.start,
      ),
  );
}

/** The words of the source text an occurrence covers, as written there. */
export function surfaceOf(text: PreparedText, occurrence: TermOccurrence): string {
  if (text.language === 'zh') {
    const start = text.compactOffsets[occurrence.start];
    const end = text.compactOffsets[occurrence.end - 1];
    return text.source.slice(start, end + Array.from(text.source.slice(end))[0].length);
  }
  return text.source.slice(text.words[occurrence.start].start, text.words[occurrence.end - 1].end);
}

import { THEMES, UnLanguage } from '../../reference/data/themes';
import { maskBoilerplate } from './boilerplate';
import { analysisLanguage, DetectedLanguage } from './detect-language';
import { CompiledTerm, compileTerms, findTerms, keepLongestOccurrences, patternKey, prepareText, surfaceOf } from './term-matcher';

/**
 * A theme is assigned from a score of 1: one keyword, or two supporting keywords (a supporting keyword
 * counts half), so a single incidental word such as "customs" in a list of agencies assigns nothing.
 */
export const THEME_SCORE_THRESHOLD = 1;
export const KEYWORD_WEIGHT = 1;
export const SUPPORTING_KEYWORD_WEIGHT = 0.5;
/** Each further occurrence of the same keyword adds this share of its weight, up to MAX_COUNTED_REPEATS. */
const REPEAT_BONUS = 0.25;
const MAX_COUNTED_REPEATS = 4;

export interface DetectedTheme {
  code: string;
  score: number;
  /** The words of the passage that led to the theme, as written there, in order of appearance. */
  evidence: string[];
}

type ThemeTerm = CompiledTerm & { readonly themeCode: string; readonly weight: number };

const vocabularyByLanguage = new Map<UnLanguage, ThemeTerm[]>();

/**
 * Each theme's terms in one language. Word forms that stem alike ("record", "records") become one term,
 * so a single word is never counted twice; a keyword wins over a supporting keyword of the same stem.
 */
function vocabularyFor(language: UnLanguage): ThemeTerm[] {
  let vocabulary = vocabularyByLanguage.get(language);
  if (!vocabulary) {
    vocabulary = THEMES.flatMap((theme) => {
      const termsByPattern = new Map<string, ThemeTerm>();
      const weighted: [readonly string[], number][] = [
        [theme.keywords[language], KEYWORD_WEIGHT],
        [theme.supportingKeywords?.[language] ?? [], SUPPORTING_KEYWORD_WEIGHT],
      ];
      for (const [terms, weight] of weighted) {
        for (const term of compileTerms(terms, language)) {
          const key = patternKey(term);
          if (!termsByPattern.has(key)) termsByPattern.set(key, { ...term, themeCode: theme.code, weight });
        }
      }
      return [...termsByPattern.values()];
    });
    vocabularyByLanguage.set(language, vocabulary);
  }
  return vocabulary;
}

function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/**
 * The themes of a passage, best first (ties in taxonomy order). Only themes are returned, never
 * groups. Without a language the passage's own language is detected.
 */
export function detectThemes(text: string, language?: DetectedLanguage): DetectedTheme[] {
  const effectiveLanguage = analysisLanguage(text, language);
  const prepared = prepareText(maskBoilerplate(text, effectiveLanguage), effectiveLanguage);
  const occurrences = keepLongestOccurrences(findTerms(prepared, vocabularyFor(effectiveLanguage))).sort((a, b) => a.start - b.start);

  const countsByTheme = new Map<string, Map<ThemeTerm, number>>();
  const evidenceByTheme = new Map<string, Set<string>>();
  for (const occurrence of occurrences) {
    const term = occurrence.term as ThemeTerm;
    const counts = countsByTheme.get(term.themeCode) ?? new Map<ThemeTerm, number>();
    counts.set(term, (counts.get(term) ?? 0) + 1);
    countsByTheme.set(term.themeCode, counts);
    const evidence = evidenceByTheme.get(term.themeCode) ?? new Set<string>();
    // Masking keeps offsets, so the evidence is read from the unmasked passage.
    evidence.add(surfaceOf({ ...prepared, source: text }, occurrence));
    evidenceByTheme.set(term.themeCode, evidence);
  }

  const themes: DetectedTheme[] = [];
  for (const theme of THEMES) {
    const counts = countsByTheme.get(theme.code);
    if (!counts) continue;
    let score = 0;
    for (const [term, count] of counts) score += term.weight * (1 + REPEAT_BONUS * (Math.min(count, MAX_COUNTED_REPEATS) - 1));
    if (score >= THEME_SCORE_THRESHOLD) {
      themes.push({ code: theme.code, score: roundScore(score), evidence: [...(evidenceByTheme.get(theme.code) ?? [])] });
    }
  }
  return themes.sort((a, b) => b.score - a.score);
}

import { detect } from 'tinyld';
import { UnLanguage } from '../../reference/data/themes';

export type DetectedLanguage = UnLanguage | 'und';

/** Latin-script UN languages: told apart by tinyld, restricted to these three. */
const LATIN_LANGUAGES: readonly UnLanguage[] = ['en', 'fr', 'es'];

/** Chinese documents carry Latin symbols, document codes and URLs: a fifth of Han letters is Chinese. */
const MIN_HAN_SHARE = 0.2;
/** Fewer letters than this say too little to tell a language. */
const MIN_LETTERS = 12;

interface ScriptCounts {
  han: number;
  cyrillic: number;
  arabic: number;
  latin: number;
  letters: number;
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { han: 0, cyrillic: 0, arabic: 0, latin: 0, letters: 0 };
  for (const char of text) {
    if (/\p{Script=Han}/u.test(char)) counts.han++;
    else if (/\p{Script=Cyrillic}/u.test(char)) counts.cyrillic++;
    else if (/\p{Script=Arabic}/u.test(char)) counts.arabic++;
    else if (/\p{Script=Latin}/u.test(char)) counts.latin++;
    else continue;
    counts.letters++;
  }
  return counts;
}

/**
 * The UN language a text is written in. Chinese, Russian and Arabic are told by their script; English,
 * French and Spanish by tinyld (trigram model, CommonJS build, no model download). 'und' when the text
 * is too short or in none of the six languages.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const counts = countScripts(text);
  if (counts.letters === 0) return 'und';
  if (counts.han > 0 && counts.han / counts.letters >= MIN_HAN_SHARE) return 'zh';
  if (counts.letters < MIN_LETTERS) return 'und';
  const dominant = Math.max(counts.cyrillic, counts.arabic, counts.latin);
  if (dominant === counts.cyrillic) return 'ru';
  if (dominant === counts.arabic) return 'ar';
  const latin = detect(text, { only: [...LATIN_LANGUAGES] });
  return (LATIN_LANGUAGES as readonly string[]).includes(latin) ? (latin as UnLanguage) : 'und';
}

/** Language whose vocabulary is used when a text's language cannot be told. */
const FALLBACK_LANGUAGE: UnLanguage = 'en';

/** The language to analyse a text in: the given one, else the detected one, English when undetermined. */
export function analysisLanguage(text: string, language?: DetectedLanguage): UnLanguage {
  const detected = language ?? detectLanguage(text);
  return detected === 'und' ? FALLBACK_LANGUAGE : detected;
}

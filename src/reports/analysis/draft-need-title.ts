import { themeByCode, UnLanguage } from '../../reference/data/themes';

export const MAX_DRAFT_TITLE_LENGTH = 120;
/** Theme labels take at most this share of the title; the rest is the passage's own words. */
const MAX_LABELS_LENGTH = 60;
const MAX_LABELS = 2;

const LABEL_SEPARATOR: Record<UnLanguage, string> = { en: ', ', zh: '、', fr: ', ', es: ', ', ru: ', ', ar: '، ' };
const TITLE_SEPARATOR: Record<UnLanguage, string> = { en: ': ', zh: '：', fr: ' : ', es: ': ', ru: ': ', ar: ': ' };
const ELLIPSIS = '…';

/** A Chinese first sentence longer than this is cut at its first comma after MIN_CHINESE_CLAUSE characters. */
const MAX_CHINESE_SENTENCE = 40;
const MIN_CHINESE_CLAUSE = 8;

/** The first sentence; in Chinese, whose sentences run long, the first clause of a long one. */
function opening(text: string, language: UnLanguage): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const end = trimmed.search(/[。！？；;!?]|\.(?=\s|$)/);
  const sentence = end < 0 ? trimmed : trimmed.slice(0, end).trim();
  if (language !== 'zh' || Array.from(sentence).length <= MAX_CHINESE_SENTENCE) return sentence;
  const comma = sentence.slice(MIN_CHINESE_CLAUSE).search(/[，,：:]/);
  return comma < 0 ? sentence : sentence.slice(0, MIN_CHINESE_CLAUSE + comma);
}

/** Cuts to `limit` characters at a word boundary (anywhere for Chinese), marking the cut with an ellipsis. */
function shorten(text: string, limit: number, language: UnLanguage): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  const cut = chars.slice(0, limit - 1).join('');
  const atWord = language === 'zh' ? cut : cut.replace(/[\s,;:，、]+\S*$/u, '');
  return `${(atWord.length > 0 ? atWord : cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * A short title for a draft need drawn from a passage, in the passage's language: the labels of its
 * leading themes, then the passage's opening words, e.g. "Marking: The national police lack marking machines".
 */
export function draftNeedTitle(passageText: string, themeCodes: readonly string[], language: UnLanguage): string {
  const labels = themeCodes
    .slice(0, MAX_LABELS)
    .map((code) => themeByCode(code)?.labels[language])
    .filter((label): label is string => Boolean(label));
  let prefix = labels.join(LABEL_SEPARATOR[language]);
  if (prefix.length > MAX_LABELS_LENGTH) prefix = labels[0] ?? '';
  prefix = shorten(prefix, MAX_LABELS_LENGTH, language);

  const sentence = opening(passageText, language);
  if (prefix === '') return shorten(sentence, MAX_DRAFT_TITLE_LENGTH, language);
  if (sentence === '') return prefix;
  const separator = TITLE_SEPARATOR[language];
  return prefix + separator + shorten(sentence, MAX_DRAFT_TITLE_LENGTH - Array.from(prefix + separator).length, language);
}

/**
 * Text for pdfkit, which sets what it is given left to right: the face for each run of characters,
 * and, for paragraphs holding Arabic or Hebrew, lines laid out here with their words in the order a
 * reader sees them (pdfkit has no bidirectional layout). fontkit, under pdfkit, shapes an Arabic run
 * and turns its letters right to left itself; what it cannot know is the order of the words and
 * punctuation around it. That is settled here after the rules of the Unicode bidirectional algorithm
 * that the titles and descriptions people write call for: a paragraph takes the direction of its first
 * letter, numbers after Arabic words go with them, paired brackets agree, other punctuation goes with
 * the words on both sides when they agree, and runs are reversed by level (rule L2).
 */
export interface FontFace {
  name: string;
  file: string;
  ranges: [number, number][];
}

export type Direction = 'ltr' | 'rtl';

/** Letters of the scripts written right to left; their digits are not letters, and read left to right as every digit does. */
const RIGHT_TO_LEFT_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
/** The invisible marks that say a direction (`Intl` writes one before an amount in Arabic): read as letters of it, never drawn. */
const RIGHT_TO_LEFT_MARK = /[\u200F\u061C]/u;
const LEFT_TO_RIGHT_MARK = /\u200E/u;
const DIRECTION_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
const DIGIT = /\p{Nd}/u;
/** Numbers in Arabic-Indic digits, with their own decimal and thousands separators: fontkit reverses them with the Arabic script they belong to. */
const ARABIC_INDIC_NUMBER = /[\u0660-\u0669\u06F0-\u06F9](?:[\u066B\u066C]?[\u0660-\u0669\u06F0-\u06F9])*/gu;
const ONLY_ARABIC_INDIC_NUMBER = /^[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]+$/u;
/** Paired punctuation, drawn mirrored where it stands in right-to-left text. */
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

export const hasRightToLeft = (text: string): boolean => RIGHT_TO_LEFT_LETTER.test(text);

/** Splits text into runs that one face can set; a character no face holds stays with the run before it. */
export function fontRuns(text: string, available: readonly FontFace[]): { face: FontFace; text: string }[] {
  const runs: { face: FontFace; text: string }[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const face =
      available.find((candidate) => candidate.ranges.some(([start, end]) => code >= start && code <= end)) ??
      runs.at(-1)?.face ??
      available[0];
    const last = runs.at(-1);
    if (last && (last.face === face || /\s/.test(character))) last.text += character;
    else runs.push({ face, text: character });
  }
  return runs;
}

/** The runs of what is drawn of `text`: its direction controls are read, never drawn. */
const drawnRuns = (text: string, faces: readonly FontFace[]) => fontRuns(text.replace(DIRECTION_CONTROLS, ''), faces);

/** The direction of the first letter, or null for text without letters. */
function firstStrongDirection(text: string): Direction | null {
  for (const character of text) {
    if (RIGHT_TO_LEFT_LETTER.test(character) || RIGHT_TO_LEFT_MARK.test(character)) return 'rtl';
    if (LETTER.test(character) || LEFT_TO_RIGHT_MARK.test(character)) return 'ltr';
  }
  return null;
}

type TokenKind = Direction | 'number' | 'neutral';

function kindOf(token: string): TokenKind {
  return firstStrongDirection(token) ?? (DIGIT.test(token) ? 'number' : 'neutral');
}

/**
 * A word as the bidirectional algorithm sees it: the punctuation at its ends apart from what lies
 * between (`ITI،` is an acronym and an Arabic comma, which stand on opposite sides in Arabic text).
 */
function tokensOf(word: string): string[] {
  const [, lead, core, trail] = /^([^\p{L}\p{Nd}\p{Sc}]*)(.*?)([^\p{L}\p{Nd}\p{Sc}]*)$/su.exec(word)!;
  return core ? [lead, core, trail].filter(Boolean) : [word];
}

/** The brackets of a line that pair up, opening and closing token, in the order they open. */
function bracketPairs(tokens: readonly string[]): [number, number][] {
  const open: number[] = [];
  const pairs: [number, number][] = [];
  tokens.forEach((token, index) => {
    if (token.length === 1 && '([{<«'.includes(token)) open.push(index);
    else if (token.length === 1 && ')]}>»'.includes(token) && open.length && tokens[open.at(-1)!] === MIRRORED[token])
      pairs.push([open.pop()!, index]);
  });
  return pairs.sort(([first], [second]) => first - second);
}

/**
 * Each token's direction on its line. A number reads with the letters before it (after Arabic it is
 * part of the Arabic run). Brackets that pair up take one direction, from what they hold and what
 * comes before them, so that Arabic words in brackets inside English text stay inside their brackets.
 * Other punctuation between tokens of one direction takes it, otherwise the paragraph's.
 */
export function tokenDirections(tokens: readonly string[], paragraph: Direction): Direction[] {
  let before: Direction = paragraph;
  const resolved = tokens.map(kindOf).map((kind) => {
    if (kind === 'ltr' || kind === 'rtl') before = kind;
    return kind === 'number' ? before : kind;
  });
  for (const [opening, closing] of bracketPairs(tokens)) {
    const inside = resolved.slice(opening + 1, closing).filter((kind) => kind !== 'neutral');
    if (!inside.length) continue;
    const preceding = resolved.slice(0, opening).findLast((kind) => kind !== 'neutral') ?? paragraph;
    const direction = inside.includes(paragraph) ? paragraph : preceding === inside[0] ? inside[0] : paragraph;
    resolved[opening] = resolved[closing] = direction;
  }
  return resolved.map((kind, index) => {
    if (kind !== 'neutral') return kind;
    const previous = resolved.slice(0, index).findLast((other) => other !== 'neutral') ?? paragraph;
    const next = resolved.slice(index + 1).find((other) => other !== 'neutral') ?? paragraph;
    return previous === next ? previous : paragraph;
  });
}

/** A token, or the gap before token `before` (a space, or none inside a word). */
type LineItem = { token: number } | { gapBefore: number };

/**
 * A line's tokens and the gaps between them from left to right, by rule L2 of the bidirectional
 * algorithm: from the highest embedding level down to the lowest odd one, every run at that level or
 * above is reversed. A gap belongs to a run when the tokens on both sides do, so a space stays between
 * the words it separated.
 */
function visualOrder(directions: readonly Direction[], paragraph: Direction): LineItem[] {
  const levelOf = (direction: Direction) => (paragraph === 'rtl' ? (direction === 'rtl' ? 1 : 2) : direction === 'rtl' ? 1 : 0);
  const items: { item: LineItem; level: number }[] = directions.flatMap((direction, index) => [
    ...(index ? [{ item: { gapBefore: index }, level: Math.min(levelOf(directions[index - 1]), levelOf(direction)) }] : []),
    { item: { token: index }, level: levelOf(direction) },
  ]);
  const levels = items.map(({ level }) => level);
  for (let level = Math.max(0, ...levels); level >= 1; level--) {
    for (let start = 0; start < items.length; start++) {
      if (items[start].level < level) continue;
      let end = start;
      while (end + 1 < items.length && items[end + 1].level >= level) end++;
      items.splice(start, end - start + 1, ...items.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return items.map(({ item }) => item);
}

export interface Piece {
  text: string;
  face: FontFace;
}

/**
 * A token's runs from left to right, as pdfkit is to draw them. fontkit turns right-to-left letters
 * itself, so they go in as written, and Arabic-Indic digits go in reversed for it to turn back. A
 * right-to-left token's runs come in reverse order, and its punctuation reversed and mirrored.
 */
export function tokenPieces(token: string, direction: Direction, faces: readonly FontFace[]): Piece[] {
  const pieces = drawnRuns(token, faces).flatMap(({ face, text }) =>
    splitKeeping(text, ARABIC_INDIC_NUMBER).map((part) => ({ face, text: ONLY_ARABIC_INDIC_NUMBER.test(part) ? reversed(part) : part })),
  );
  if (direction === 'ltr') return pieces;
  return pieces
    .reverse()
    .map((piece) =>
      LETTER.test(piece.text) || DIGIT.test(piece.text)
        ? piece
        : { ...piece, text: reversed(piece.text).replace(/./gu, (character) => MIRRORED[character] ?? character) },
    );
}

export interface LaidLine {
  /** Pieces from left to right, each at its distance from the line's start. */
  pieces: (Piece & { x: number })[];
  width: number;
}

/**
 * One paragraph (no line breaks in it) in lines no wider than `width`, words kept whole; a word wider
 * than a line is cut where lines end (Chinese is written without spaces). `measure` gives the width of
 * a piece's text in its face. The paragraph runs the way of its first letter, as a browser sets
 * `dir="auto"`; without letters, the document's way.
 */
export function layOutParagraph(
  paragraph: string,
  faces: readonly FontFace[],
  width: number,
  measure: (text: string, face: FontFace) => number,
  documentDirection?: Direction,
): { direction: Direction; lines: LaidLine[] } {
  const direction = firstStrongDirection(paragraph) ?? documentDirection ?? 'ltr';
  const words = paragraph.split(/\s+/).filter(Boolean);
  const space = measure(' ', faces[0]);
  const wordWidth = (word: string) => drawnRuns(word, faces).reduce((sum, run) => sum + measure(run.text, run.face), 0);
  const lines: string[][] = [];
  let used = 0;
  for (const word of words) {
    const line = lines.at(-1);
    const wide = wordWidth(word);
    if (line && used + space + wide <= width) {
      line.push(word);
      used += space + wide;
    } else if (wide <= width) {
      lines.push([word]);
      used = wide;
    } else {
      // Wider than a line: cut where lines end, beginning in the room the current line has left.
      let room = line ? width - used - space : width;
      let into = line;
      let part = '';
      let partWidth = 0;
      for (const character of word) {
        const characterWidth = wordWidth(character);
        if (partWidth + characterWidth > room) {
          if (part && into) into.push(part);
          else if (part) lines.push([part]);
          into = undefined;
          room = width;
          part = '';
          partWidth = 0;
        }
        part += character;
        partWidth += characterWidth;
      }
      lines.push([part]);
      used = partWidth;
    }
  }
  return { direction, lines: lines.map((line) => layOutLine(line, direction, faces, space, measure)) };
}

function layOutLine(
  words: readonly string[],
  paragraph: Direction,
  faces: readonly FontFace[],
  space: number,
  measure: (text: string, face: FontFace) => number,
): LaidLine {
  const tokens = words.flatMap((word, wordIndex) =>
    tokensOf(word).map((text, index) => ({ text, spaceBefore: wordIndex > 0 && index === 0 })),
  );
  const directions = tokenDirections(
    tokens.map((token) => token.text),
    paragraph,
  );
  const pieces: LaidLine['pieces'] = [];
  let x = 0;
  for (const item of visualOrder(directions, paragraph)) {
    if ('gapBefore' in item) {
      if (tokens[item.gapBefore].spaceBefore) x += space;
      continue;
    }
    for (const piece of tokenPieces(tokens[item.token].text, directions[item.token], faces)) {
      pieces.push({ ...piece, x });
      x += measure(piece.text, piece.face);
    }
  }
  return { pieces, width: x };
}

const reversed = (text: string): string => [...text].reverse().join('');

/** The text cut before and after each match of `pattern` (global), matches kept, empty parts left out. */
function splitKeeping(text: string, pattern: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(start, match.index), match[0]);
    start = match.index + match[0].length;
  }
  parts.push(text.slice(start));
  return parts.filter(Boolean);
}

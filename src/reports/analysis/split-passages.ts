/**
 * Splits an extracted document into passages (paragraphs), keeping each paragraph's number as the
 * document gives it ("84", "30(h)", "3(f)(i)"), and joining the lines PDF extraction broke inside a
 * paragraph. Footnotes, link annotations and page numbers are dropped: they never state a need.
 */
export interface Passage {
  index: number;
  /** The paragraph number as cited ("84", "30(h)", "(a)"); a bullet carries its paragraph's number; null when unnumbered. */
  paragraphRef: string | null;
  text: string;
}

/**
 * A document is double-spaced when at least this share of its blank lines cut a sentence in two (the
 * line before is a full-width line without closing punctuation): there a blank line is no paragraph break.
 */
const DOUBLE_SPACED_BROKEN_SHARE = 0.25;
/**
 * An unnumbered line no wider than this, without closing punctuation, after a finished paragraph, is a
 * heading. Width counts a CJK character twice, so a full PDF line of Chinese (~38 characters) is not one.
 */
const MAX_HEADING_WIDTH = 50;

const NUMBERED_PARAGRAPH = /^(\d{1,3})(?:\.(之[二三四五])?(?=\s|[^\d.])|\)(?=\s))\s*/;
const NUMBERED_SUBPARAGRAPH = /^(\d{1,3})\s*\(([a-z]{1,2})\)\s*/;
const LETTERED_ITEM = /^\(([a-z]{1,2}|[ivxl]{1,5}|\d{1,2}|[一二三四五六七八九十]{1,3})\)(之[二三四五])?\s*/;
const CIRCLED_ITEM = /^([\u3220-\u3229])\s*/;
const BULLET = /^[•●▪◦·\-–—*]\s+/;
const SECTION_HEADING = /^(?:(?:[一二三四五六七八九十]+|[IVXL]+|[A-H])\s*[.、．]\s*\S|附件|(?:Annex|ANNEX|Chapter|Section|Annexe|Anexo)\b)/;
const LINK_LINE = /^(?:https?:\/\/|www\.)\S*$/;
const FOOTNOTE_RULE = /^[_\-=]{5,}$/;
const STRAY_MARK_LINE = /^(?:[a-z]|\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3}\/\d{1,3})$/;
const CLOSING_PUNCTUATION = /[。！？；：!?;:.…]["”’」』)）]*$/;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

type LineKind = 'blank' | 'link' | 'mark' | 'footnote-rule' | 'start' | 'heading' | 'text';

interface ClassifiedLine {
  kind: LineKind;
  text: string;
  /** For 'start': the paragraph number, and how the number relates to the enclosing paragraph. */
  number?: { level: 'paragraph' | 'item' | 'subitem' | 'bullet'; ref: string };
}

/** Markdown heading marks and bold markers come from converters, not from the document. */
function cleanLine(raw: string): string {
  return raw
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .trim();
}

/** Full-width digits and brackets are read like ASCII ones; the cut is made on the original line. */
function stripPrefix(line: string, pattern: RegExp): { match: RegExpMatchArray; rest: string } | null {
  const match = line.normalize('NFKC').match(pattern);
  if (!match) return null;
  const chars = Array.from(line);
  let consumed = 0;
  let normalizedLength = 0;
  while (consumed < chars.length && normalizedLength < match[0].length) {
    normalizedLength += chars[consumed].normalize('NFKC').length;
    consumed++;
  }
  return { match, rest: chars.slice(consumed).join('') };
}

function classify(line: string): ClassifiedLine {
  if (line === '') return { kind: 'blank', text: '' };
  if (LINK_LINE.test(line)) return { kind: 'link', text: '' };
  if (STRAY_MARK_LINE.test(line)) return { kind: 'mark', text: '' };
  if (FOOTNOTE_RULE.test(line)) return { kind: 'footnote-rule', text: '' };

  const bullet = stripPrefix(line, BULLET);
  const body = bullet ? bullet.rest.trim() : line;
  const subparagraph = stripPrefix(body, NUMBERED_SUBPARAGRAPH);
  if (subparagraph)
    return {
      kind: 'start',
      text: subparagraph.rest,
      number: { level: 'paragraph', ref: `${subparagraph.match[1]}(${subparagraph.match[2]})` },
    };
  const paragraph = stripPrefix(body, NUMBERED_PARAGRAPH);
  if (paragraph)
    return { kind: 'start', text: paragraph.rest, number: { level: 'paragraph', ref: `${paragraph.match[1]}${paragraph.match[2] ?? ''}` } };
  const circled = body.match(CIRCLED_ITEM);
  if (circled) {
    const position = (circled[1].codePointAt(0) as number) - 0x3220;
    return { kind: 'start', text: body.slice(circled[0].length), number: { level: 'subitem', ref: `(${ROMAN[position]})` } };
  }
  const item = stripPrefix(body, LETTERED_ITEM);
  if (item) return { kind: 'start', text: item.rest, number: { level: 'item', ref: `(${item.match[1]})${item.match[2] ?? ''}` } };
  if (bullet) return { kind: 'start', text: body, number: { level: 'bullet', ref: '' } };
  if (SECTION_HEADING.test(line)) return { kind: 'heading', text: line };
  return { kind: 'text', text: line };
}

function joinLines(previous: string, next: string): string {
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous.slice(0, -1) + next;
  if (CJK.test(previous.slice(-1)) || CJK.test(next[0])) return previous + next;
  return `${previous} ${next}`;
}

function displayWidth(line: string): number {
  return Array.from(line).reduce((width, char) => width + (CJK.test(char) ? 2 : 1), 0);
}

function looksLikeHeading(line: string): boolean {
  return displayWidth(line) <= MAX_HEADING_WIDTH && !CLOSING_PUNCTUATION.test(line);
}

function isDoubleSpaced(lines: readonly ClassifiedLine[]): boolean {
  let blanks = 0;
  let sentenceBreaks = 0;
  lines.forEach((line, position) => {
    if (line.kind !== 'blank') return;
    blanks++;
    const before = lines[position - 1];
    const after = lines[position + 1];
    if (before?.kind === 'text' && after?.kind === 'text' && !CLOSING_PUNCTUATION.test(before.text) && !looksLikeHeading(before.text))
      sentenceBreaks++;
  });
  return blanks > 0 && sentenceBreaks / blanks >= DOUBLE_SPACED_BROKEN_SHARE;
}

export function splitPassages(document: string): Passage[] {
  const lines = document.split(/\r\n|\r|\n/).map(cleanLine);
  const classified = lines.map(classify);
  const doubleSpaced = isDoubleSpaced(classified);

  const passages: { paragraphRef: string | null; text: string; isHeading: boolean }[] = [];
  let current: (typeof passages)[number] | null = null;
  let paragraphRef: string | null = null;
  let itemRef: string | null = null;
  let inFootnotes = false;
  let brokenByGap = false;

  const open = (ref: string | null, text: string, isHeading = false): void => {
    current = { paragraphRef: ref, text, isHeading };
    passages.push(current);
    brokenByGap = false;
  };
  for (const line of classified) {
    switch (line.kind) {
      case 'blank':
        if (!doubleSpaced) brokenByGap = true;
        break;
      case 'link':
        // Link annotations close a page, and with it the footnotes at its foot.
        inFootnotes = false;
        break;
      case 'mark':
        break;
      case 'footnote-rule':
        inFootnotes = true;
        break;
      case 'start': {
        inFootnotes = false;
        const number = line.number as NonNullable<ClassifiedLine['number']>;
        if (number.level === 'paragraph') {
          paragraphRef = number.ref;
          itemRef = null;
          open(paragraphRef, line.text);
        } else if (number.level === 'item') {
          itemRef = `${paragraphRef ?? ''}${number.ref}`;
          open(itemRef, line.text);
        } else if (number.level === 'subitem') {
          open(`${itemRef ?? paragraphRef ?? ''}${number.ref}`, line.text);
        } else {
          open(itemRef ?? paragraphRef, line.text);
        }
        break;
      }
      case 'heading':
        inFootnotes = false;
        open(null, line.text, true);
        break;
      case 'text': {
        if (inFootnotes) break;
        const previous = current as (typeof passages)[number] | null;
        const closed = previous !== null && CLOSING_PUNCTUATION.test(previous.text);
        const heading = looksLikeHeading(line.text) && (previous === null || closed || previous.isHeading);
        if (previous === null || previous.isHeading || heading || (brokenByGap && closed)) {
          open(null, line.text, heading);
        } else {
          previous.text = joinLines(previous.text, line.text);
          brokenByGap = false;
        }
      }
    }
  }

  return passages
    .map((passage) => ({ paragraphRef: passage.paragraphRef, text: passage.text.trim() }))
    .filter((passage) => passage.text !== '')
    .map((passage, index) => ({ index, ...passage }));
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Compendium } from './compendium-model';
import { needsCounted } from './compendium-texts';
import { FontFace, fontRuns, hasRightToLeft, layOutParagraph } from './pdf-lines';

/**
 * The Noto faces the console ships, read from their Fontsource style sheets: each face covers one
 * unicode-range (Latin, Cyrillic, about a hundred slices of Chinese, Arabic), so every run of text is set
 * in the face that holds its characters, and the PDF embeds only the glyphs it uses. `subset` keeps the
 * faces of one of a package's subsets (the Arabic package repeats Latin ones).
 */
function fontFaces(packageName: string, weight: 400 | 700, subset?: string): FontFace[] {
  const css = require.resolve(`${packageName}/${weight}.css`);
  const faces: FontFace[] = [];
  for (const block of readFileSync(css, 'utf8').split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range || (subset && !file.includes(`-${subset}-${weight}-`))) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(start, 16), parseInt(end ?? start, 16)];
    });
    faces.push({ name: `${packageName}-${weight}-${faces.length}`, file: join(dirname(css), file), ranges });
  }
  return faces;
}

let faces: Record<400 | 700, FontFace[]> | undefined;
/** Arabic before Chinese: the Chinese slices also cover some Arabic characters, which set there would not join their words. */
const facesOf = (weight: 400 | 700): FontFace[] => {
  faces ??= {
    400: [
      ...fontFaces('@fontsource/noto-sans', 400),
      ...fontFaces('@fontsource/noto-sans-arabic', 400, 'arabic'),
      ...fontFaces('@fontsource/noto-sans-sc', 400),
    ],
    700: [
      ...fontFaces('@fontsource/noto-sans', 700),
      ...fontFaces('@fontsource/noto-sans-arabic', 700, 'arabic'),
      ...fontFaces('@fontsource/noto-sans-sc', 700),
    ],
  };
  return faces[weight];
};

type Style = { size: number; weight: 400 | 700; color?: string; indent?: number; gapAfter?: number };

const STYLES = {
  title: { size: 20, weight: 700, gapAfter: 0.3 },
  subtitle: { size: 11, weight: 400, gapAfter: 0.3 },
  region: { size: 16, weight: 700, gapAfter: 0.2 },
  theme: { size: 13, weight: 700, gapAfter: 0.2 },
  needTitle: { size: 11, weight: 700, gapAfter: 0.1 },
  meta: { size: 9, weight: 400, color: '#4a4a4a', gapAfter: 0.1 },
  body: { size: 10, weight: 400, gapAfter: 0.2 },
  excerpt: { size: 9, weight: 400, color: '#4a4a4a', indent: 14, gapAfter: 0.4 },
} satisfies Record<string, Style>;

/** The height above the baseline of the document's current font at `size`: pdfkit's fonts know it, its typings do not say so. */
function ascentOf(doc: PDFKit.PDFDocument, size: number): number {
  return ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
}

/**
 * Writes the compendium as an A4 PDF to `output` and ends it. pdfkit sets text left to right, so text
 * with right-to-left letters, and every text of the Arabic edition, is laid out here line by line
 * (pdf-lines.ts), each line from the document's start edge: the right in Arabic.
 */
export function writeCompendiumPdf(compendium: Compendium, output: NodeJS.WritableStream): void {
  const { texts } = compendium;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: compendium.lang,
    displayTitle: true,
    info: { Title: texts.title, Author: 'poa-match' },
  });
  doc.pipe(output);
  const registered = new Set<string>();
  const setFont = (face: FontFace, style: Style) => {
    if (!registered.has(face.name)) {
      doc.registerFont(face.name, face.file);
      registered.add(face.name);
    }
    return doc
      .font(face.name)
      .fontSize(style.size)
      .fillColor(style.color ?? '#1b1b1b');
  };
  const write = (text: string, style: Style) => {
    const left = doc.page.margins.left + (style.indent ?? 0);
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - (style.indent ?? 0);
    if (compendium.dir === 'rtl' || hasRightToLeft(text)) writeLaidOut(text, style, left, width);
    else {
      const runs = fontRuns(text, facesOf(style.weight));
      runs.forEach((run, index) => {
        setFont(run.face, style).text(run.text, left, undefined, { width, continued: index < runs.length - 1 });
      });
    }
    doc.moveDown(style.gapAfter ?? 0);
  };
  /** Text with right-to-left words, set line by line in the order laid out here (pdfkit's own flow would put them left to right). */
  const writeLaidOut = (text: string, style: Style, left: number, width: number) => {
    const faces = facesOf(style.weight);
    const measure = (piece: string, face: FontFace) => setFont(face, style).widthOfString(piece);
    for (const paragraph of text.split('\n')) {
      const { direction, lines } = layOutParagraph(paragraph, faces, width, measure, compendium.dir);
      if (!lines.length) lines.push({ pieces: [], width: 0 });
      for (const line of lines) {
        // One baseline for the faces of a line, below the tallest of them: each face's own top would set them apart.
        let lineHeight = 0;
        let ascent = 0;
        for (const face of new Set([faces[0], ...line.pieces.map((piece) => piece.face)])) {
          const font = setFont(face, style);
          lineHeight = Math.max(lineHeight, font.currentLineHeight(true));
          ascent = Math.max(ascent, ascentOf(font, style.size));
        }
        if (doc.y + lineHeight > doc.page.maxY()) doc.addPage();
        const top = doc.y;
        // Lines stand at the document's start edge; in an LTR document, a right-to-left paragraph's at its own.
        const start = compendium.dir === 'rtl' || direction === 'rtl' ? left + width - line.width : left;
        for (const piece of line.pieces)
          setFont(piece.face, style).text(piece.text, start + piece.x, top + ascent, { lineBreak: false, baseline: 'alphabetic' });
        doc.y = top + lineHeight;
      }
    }
    doc.x = doc.page.margins.left;
  };
  const figures = (count: number, budget: string, gap: string) =>
    `${needsCounted(compendium.lang, count)} · ${texts.budget}${texts.colon}${budget} · ${texts.gap}${texts.colon}${gap}`;

  write(texts.title, STYLES.title);
  write(texts.subtitle, STYLES.subtitle);
  write(compendium.generated, STYLES.meta);
  write(texts.intro, STYLES.body);
  write(`${texts.totals}${texts.colon}${figures(compendium.needCount, compendium.budget, compendium.gap)}`, STYLES.body);
  if (!compendium.regions.length) write(texts.none, STYLES.body);
  for (const region of compendium.regions) {
    doc.moveDown(0.8);
    write(region.heading, STYLES.region);
    write(figures(region.needCount, region.budget, region.gap), STYLES.meta);
    for (const theme of region.themes) {
      doc.moveDown(0.4);
      write(theme.heading, STYLES.theme);
      for (const need of theme.needs) {
        write(need.title, STYLES.needTitle);
        write(`${need.country} · ${texts.budget}${texts.colon}${need.budget} · ${texts.gap}${texts.colon}${need.gap}`, STYLES.meta);
        write(`${texts.themes}${texts.colon}${need.themes.join(texts.listSeparator)}`, STYLES.meta);
        write(need.description, STYLES.body);
        if (need.sourceExcerpt) {
          write(texts.source, STYLES.meta);
          write(need.sourceExcerpt, STYLES.excerpt);
        }
      }
    }
  }
  doc.end();
}

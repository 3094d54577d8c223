import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { UnLanguage } from '../../reference/data/themes';
import { Compendium } from './compendium-model';

/**
 * Languages whose PDF is laid out right. pdfkit has no bidirectional layout, so Arabic would come out
 * left to right: the Arabic compendium is the printable HTML, which the reader's browser lays out.
 */
export const PDF_LANGUAGES: readonly UnLanguage[] = ['en', 'zh', 'fr', 'es', 'ru'];

export interface FontFace {
  name: string;
  file: string;
  ranges: [number, number][];
}

/**
 * The Noto faces the console ships, read from their Fontsource style sheets: each face covers one
 * unicode-range (Latin, Cyrillic, and about a hundred slices of Chinese), so every run of text is set
 * in the face that holds its characters, and the PDF embeds only the glyphs it uses.
 */
function fontFaces(packageName: string, weight: 400 | 700): FontFace[] {
  const css = require.resolve(`${packageName}/${weight}.css`);
  const faces: FontFace[] = [];
  for (const block of readFileSync(css, 'utf8').split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(start, 16), parseInt(end ?? start, 16)];
    });
    faces.push({ name: `${packageName}-${weight}-${faces.length}`, file: join(dirname(css), file), ranges });
  }
  return faces;
}

let faces: Record<400 | 700, FontFace[]> | undefined;
const facesOf = (weight: 400 | 700): FontFace[] => {
  faces ??= {
    400: [...fontFaces('@fontsource/noto-sans', 400), ...fontFaces('@fontsource/noto-sans-sc', 400)],
    700: [...fontFaces('@fontsource/noto-sans', 700), ...fontFaces('@fontsource/noto-sans-sc', 700)],
  };
  return faces[weight];
};

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

/** Writes the compendium as an A4 PDF to `output` and ends it. */
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
  const write = (text: string, style: Style) => {
    const available = facesOf(style.weight);
    const runs = fontRuns(text, available);
    runs.forEach((run, index) => {
      if (!registered.has(run.face.name)) {
        doc.registerFont(run.face.name, run.face.file);
        registered.add(run.face.name);
      }
      doc
        .font(run.face.name)
        .fontSize(style.size)
        .fillColor(style.color ?? '#1b1b1b')
        .text(run.text, doc.page.margins.left + (style.indent ?? 0), undefined, {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right - (style.indent ?? 0),
          continued: index < runs.length - 1,
        });
    });
    doc.moveDown(style.gapAfter ?? 0);
  };
  const figures = (count: number, budget: string, gap: string) =>
    `${count} ${texts.needs} · ${texts.budget}${texts.colon}${budget} · ${texts.gap}${texts.colon}${gap}`;

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
        write(`${texts.themes}${texts.colon}${need.themes.join(', ')}`, STYLES.meta);
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

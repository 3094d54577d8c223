/**
 * Measures theme detection against the labelled passages in eval/themes/passages.json: precision,
 * recall and F1 per theme, per language and overall (micro-averaged over passage × theme decisions).
 * Exits 1 when overall F1 falls below MIN_OVERALL_F1, so CI catches a vocabulary change that hurts.
 * Passages of the "holdout" set were written and labelled after the vocabulary was tuned on the
 * "tuning" set and are reported apart: their figure is the fairer estimate for unseen reports.
 *
 *   npm run eval:themes              # the figures
 *   npm run eval:themes -- --errors  # also every passage where detection and labels disagree
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { THEMES, UnLanguage } from '../src/reference/data/themes';
import { detectLanguage } from '../src/reports/analysis/detect-language';
import { detectThemes } from '../src/reports/analysis/theme-detector';

/** Below this overall (micro-averaged) F1 the evaluation fails. */
export const MIN_OVERALL_F1 = 0.85;

interface LabelledPassage {
  id: string;
  source: string;
  paragraph: string | null;
  language: UnLanguage;
  text: string;
  themes: string[];
  set: 'tuning' | 'holdout';
}

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const emptyCounts = (): Counts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

function add(counts: Counts, other: Counts): void {
  counts.truePositives += other.truePositives;
  counts.falsePositives += other.falsePositives;
  counts.falseNegatives += other.falseNegatives;
}

function scores({ truePositives, falsePositives, falseNegatives }: Counts): { precision: number; recall: number; f1: number } {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function row(name: string, counts: Counts): string {
  const { precision, recall, f1 } = scores(counts);
  const support = counts.truePositives + counts.falseNegatives;
  const cells = [precision, recall, f1].map((value) => value.toFixed(3).padStart(9));
  return `${name.padEnd(26)}${cells.join('')}${String(support).padStart(9)}${String(counts.falsePositives).padStart(6)}`;
}

function main(): number {
  const passages = JSON.parse(readFileSync(join(__dirname, '..', 'eval', 'themes', 'passages.json'), 'utf8')) as LabelledPassage[];
  const showErrors = process.argv.includes('--errors');

  const byTheme = new Map(THEMES.map((theme) => [theme.code, emptyCounts()]));
  const byLanguage = new Map<string, Counts>();
  const bySet = new Map<string, Counts>();
  const overall = emptyCounts();
  let languageMisses = 0;

  for (const passage of passages) {
    const unknown = passage.themes.filter((code) => !byTheme.has(code));
    if (unknown.length > 0) throw new Error(`${passage.id} is labelled with unknown theme codes: ${unknown.join(', ')}`);
    if (detectLanguage(passage.text) !== passage.language) languageMisses++;

    const detected = detectThemes(passage.text);
    const predicted = new Set(detected.map((theme) => theme.code));
    const expected = new Set(passage.themes);
    const passageCounts = emptyCounts();
    for (const code of byTheme.keys()) {
      const counts = byTheme.get(code) as Counts;
      if (predicted.has(code) && expected.has(code)) {
        counts.truePositives++;
        passageCounts.truePositives++;
      } else if (predicted.has(code)) {
        counts.falsePositives++;
        passageCounts.falsePositives++;
      } else if (expected.has(code)) {
        counts.falseNegatives++;
        passageCounts.falseNegatives++;
      }
    }
    add(overall, passageCounts);
    const languageCounts = byLanguage.get(passage.language) ?? emptyCounts();
    add(languageCounts, passageCounts);
    byLanguage.set(passage.language, languageCounts);
    const setCounts = bySet.get(passage.set) ?? emptyCounts();
    add(setCounts, passageCounts);
    bySet.set(passage.set, setCounts);

    if (showErrors && (passageCounts.falsePositives > 0 || passageCounts.falseNegatives > 0)) {
      const missed = [...expected].filter((code) => !predicted.has(code));
      const extra = detected.filter((theme) => !expected.has(theme.code)).map((theme) => `${theme.code}[${theme.evidence.join('|')}]`);
      console.log(
        `${passage.id} ${passage.source} ${passage.paragraph ?? ''}\n  missed: ${missed.join(', ') || '-'}\n  extra:  ${extra.join(', ') || '-'}\n  ${passage.text.slice(0, 160)}`,
      );
    }
  }

  const header = `${''.padEnd(26)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'support'.padStart(9)}${'FP'.padStart(6)}`;
  console.log(`Theme detection on ${passages.length} labelled passages (language detection missed ${languageMisses})\n`);
  console.log(header);
  for (const [code, counts] of byTheme) console.log(row(code, counts));
  console.log(`\n${header}`);
  for (const [language, counts] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(`${language} (${passages.filter((p) => p.language === language).length} passages)`, counts));
  }
  for (const [set, counts] of [...bySet].sort(([a], [b]) => b.localeCompare(a))) {
    console.log(row(`${set} set (${passages.filter((p) => p.set === set).length} passages)`, counts));
  }
  console.log(row('overall (micro)', overall));

  const { f1 } = scores(overall);
  if (f1 < MIN_OVERALL_F1) {
    console.log(`\nFAIL: overall F1 ${f1.toFixed(3)} is below ${MIN_OVERALL_F1}`);
    return 1;
  }
  console.log(`\nPASS: overall F1 ${f1.toFixed(3)} ≥ ${MIN_OVERALL_F1}`);
  return 0;
}

process.exitCode = main();

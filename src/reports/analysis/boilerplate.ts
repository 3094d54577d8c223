import { UnLanguage } from '../../reference/data/themes';

/**
 * Blanks out wording that names a subject without being about it, before themes are detected:
 * - the title of the International Tracing Instrument, which contains "identify and trace" and would
 *   otherwise put TRACING on every passage that cites the instrument;
 * - legal-basis qualifiers ("in accordance with national legislation", 根据国家法律), which say under
 *   which law an action happens, not that the law is the subject.
 * The masked text keeps its length, so offsets into it stay valid for the original passage.
 */
const BOILERPLATE_PATTERNS: Record<UnLanguage, readonly RegExp[]> = {
  zh: [
    /《[^》]*(?:追查|识别)[^》]*》/g,
    /国际追查文书|追查文书/g,
    /(?:根据|依照|按照|依据|遵照|依)(?:相关|有关|适当的|适用的|各自的)?(?:国家|国内|本国)的?(?:规则|法律框架|法律|法规|规章|条例|行政程序|立法)(?:[、，和与及或]*(?:规则|法律框架|法律|法规|规章|条例|行政程序|实践))*/g,
    /符合(?:国家|国内)(?:法律|法规|规章)+/g,
  ],
  en: [
    /International Instrument to Enable States to Identify and Trace[^.;]*?Light Weapons/gi,
    /International Tracing Instrument/gi,
    /(?:in accordance with|consistent with|pursuant to|subject to|in line with|under) (?:their |its |the |applicable |relevant |respective )*(?:national|domestic) (?:laws?|legislation|regulations|legal frameworks?)(?:(?:,| and| or) (?:regulations|administrative procedures|laws?|practices?))*/gi,
  ],
  fr: [
    /Instrument international visant à permettre aux États[^.;]*?illicites/gi,
    /Instrument international de traçage/gi,
    /(?:conformément|en conformité) (?:à la|aux|avec la|avec les) (?:législations?|lois?|réglementations?) nationales?/gi,
  ],
  es: [
    /Instrumento internacional para permitir a los Estados[^.;]*?ilícitas/gi,
    /Instrumento Internacional de Localización/gi,
    /(?:de conformidad con|con arreglo a|conforme a) (?:la|las|el|los) (?:legislación|leyes|ley|normativa) (?:nacional|nacionales|interna)/gi,
  ],
  ru: [
    /Международн\S* документ\S*,? позволяющ[^.;]*?вооружени\S*/gi,
    /Международн\S* документ\S* по отслеживанию/gi,
    /в соответствии с (?:национальным|внутренним) законодательством/gi,
  ],
  ar: [
    /الصك الدولي لتمكين الدول[^.؛]*?موثوقة/g,
    /الصك الدولي للتعقب/g,
    /وفق[\u064Bا]* ?(?:للتشريعات|للقوانين|للتشريع|للقانون) (?:الوطنية|الوطني|المحلية)/g,
  ],
};

export function maskBoilerplate(text: string, language: UnLanguage): string {
  return BOILERPLATE_PATTERNS[language].reduce((masked, pattern) => masked.replace(pattern, (found) => '|'.repeat(found.length)), text);
}

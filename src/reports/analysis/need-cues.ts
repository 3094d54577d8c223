import { UnLanguage } from '../../reference/data/themes';
import { analysisLanguage, DetectedLanguage } from './detect-language';
import { CompiledTerm, compileTerms, findTerms, keepLongestOccurrences, prepareText, surfaceOf } from './term-matcher';

/**
 * Whether a passage asks for assistance. Three kinds of cue:
 * - request: the state says it needs, requests, seeks or would welcome something (需要, 请求, sollicite);
 * - gap: it says something is lacking or insufficient (缺乏, lacks, manque);
 * - assistance: the passage is about assistance at all (援助, capacity building, appui).
 * A request or a gap is needed; assistance words alone ("assistance remains essential") are not a need.
 * Wording of a giver ("has provided", 已向…提供) cancels one cue, so a donor describing what it gave is
 * not taken for a request unless the passage also asks for something itself. Recall matters more than
 * precision here: a state reviews every draft need before anything is published.
 */
export type NeedCueKind = 'request' | 'gap' | 'assistance';

export interface NeedCues {
  expressesNeed: boolean;
  /** The cue words found, as written in the passage, in order of appearance. */
  cues: string[];
}

const CUE_TERMS: Record<NeedCueKind, Record<UnLanguage, readonly string[]>> = {
  request: {
    en: [
      'need',
      'needed',
      'require',
      'request',
      'seek',
      'sought',
      'would welcome',
      'would appreciate',
      'would benefit',
      'calls for',
      'asks for',
      'in need of',
      'is necessary',
      'priority',
    ],
    zh: ['需要', '需求', '请求', '要求', '寻求', '希望得到', '希望获得', '希望国际社会', '欢迎…援助', '亟需', '急需', '申请', '呼吁'],
    fr: [
      'besoin',
      'solliciter',
      'sollicite',
      'sollicitons',
      'demande',
      'demandé',
      'nécessaire',
      'nécessite',
      'requis',
      'requise',
      'souhaite',
      'souhaitons',
      'souhaiterait',
      'serait reconnaissant',
      'prioritaire',
    ],
    es: [
      'necesita',
      'necesitamos',
      'necesidad',
      'necesario',
      'solicita',
      'solicitamos',
      'solicitud',
      'requiere',
      'requieren',
      'agradecería',
      'prioritario',
    ],
    ru: ['нужда*', 'необходим*', 'потребност*', 'требует*', 'требуется', 'просим', 'просит', 'просьба', 'приоритет*'],
    ar: ['نحتاج', 'تحتاج', 'حاجة', 'احتياجات', 'نطلب', 'تطلب', 'طلب', 'يلزم', 'نرجو'],
  },
  gap: {
    en: ['lack', 'lacks', 'lacking', 'insufficient', 'inadequate', 'limited capacity', 'shortage', 'unable', 'gap', 'gaps', 'not yet'],
    zh: ['缺乏', '缺少', '不足', '没有能力', '无法', '差距', '空白', '尚未'],
    fr: [
      'manque',
      'manquent',
      'insuffisant',
      'insuffisants',
      'insuffisante',
      'insuffisantes',
      'ne dispose pas',
      'ne disposent pas',
      'lacunes',
      'faute de',
    ],
    es: ['carece', 'carecen', 'falta', 'insuficiente', 'insuficientes', 'no cuenta', 'no dispone', 'deficiencias', 'carencia'],
    ru: ['недостат*', 'нехватк*', 'отсутств*', 'не хватает', 'не располага*'],
    ar: ['نقص', 'تفتقر', 'نفتقر', 'عدم كفاية', 'قصور'],
  },
  assistance: {
    en: ['assistance', 'support', 'capacity building', 'capacity-building', 'help', 'funding', 'expertise', 'cooperation'],
    zh: ['援助', '协助', '支持', '支助', '能力建设', '帮助', '资助', '合作'],
    fr: ['assistance', 'appui', 'soutien', 'renforcement des capacités', 'aide', 'financement', 'coopération'],
    es: [
      'asistencia',
      'apoyo',
      'fortalecimiento de capacidades',
      'creación de capacidad',
      'ayuda',
      'financiamiento',
      'financiación',
      'cooperación',
    ],
    ru: ['помощ*', 'содейств*', 'поддержк*', 'наращивани* потенциала', 'финансирован*', 'сотрудничеств*'],
    ar: ['مساعدة', 'المساعدة', 'دعم', 'بناء القدرات', 'تمويل', 'التعاون'],
  },
};

/** How a giver speaks of what it gave: past tense or perfect, which stemming would erase. */
const GIVER_PATTERNS: Record<UnLanguage, RegExp> = {
  en: /\b(?:provided|contributed|donated|funded|financed|delivered|granted|disbursed|has supported|have supported)\b/gi,
  zh: /已(?:向|经?提供|捐助|资助|支助)|(?:提供了|捐助了|资助了|捐款)/g,
  fr: /\b(?:a|ont) (?:fourni|financé|contribué|versé|apporté|octroyé)\b/gi,
  es: /\b(?:ha|han) (?:proporcionado|financiado|contribuido|donado|aportado|otorgado)\b/gi,
  ru: /(?:предоставил[аи]?|профинансировал[аи]?|выделил[аи]?|оказал[аи]?)(?=\s|$|[,.;])/gi,
  ar: /(?:قدمت|قدّمت|موّلت|مولت|تبرعت|ساهمت)/g,
};

const compiledCues = new Map<UnLanguage, { kind: NeedCueKind; terms: CompiledTerm[] }[]>();

function cuesFor(language: UnLanguage): { kind: NeedCueKind; terms: CompiledTerm[] }[] {
  let cues = compiledCues.get(language);
  if (!cues) {
    cues = (Object.keys(CUE_TERMS) as NeedCueKind[]).map((kind) => ({ kind, terms: compileTerms(CUE_TERMS[kind][language], language) }));
    compiledCues.set(language, cues);
  }
  return cues;
}

export function findNeedCues(text: string, language?: DetectedLanguage): NeedCues {
  const effectiveLanguage = analysisLanguage(text, language);
  const prepared = prepareText(text, effectiveLanguage);

  const kindByTerm = new Map<CompiledTerm, NeedCueKind>();
  for (const { kind, terms } of cuesFor(effectiveLanguage)) for (const term of terms) kindByTerm.set(term, kind);
  const occurrences = keepLongestOccurrences(findTerms(prepared, [...kindByTerm.keys()])).sort((a, b) => a.start - b.start);

  const counts: Record<NeedCueKind, number> = { request: 0, gap: 0, assistance: 0 };
  for (const occurrence of occurrences) counts[kindByTerm.get(occurrence.term) as NeedCueKind]++;
  const giverCues = text.match(GIVER_PATTERNS[effectiveLanguage])?.length ?? 0;

  const askingCues = counts.request + counts.gap;
  return {
    expressesNeed: askingCues > 0 && askingCues > giverCues,
    cues: [...new Set(occurrences.map((occurrence) => surfaceOf(prepared, occurrence)))],
  };
}

import { UnLanguage } from '../../reference/data/themes';
import { analysisLanguage, DetectedLanguage } from './detect-language';
import { CompiledTerm, compileTerms, findTerms, keepLongestOccurrences, prepareText } from './term-matcher';

/** The forms assistance takes (000 para 77, 90). */
export const ASSISTANCE_TYPES = ['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

const ASSISTANCE_TYPE_CUES: Record<AssistanceType, Record<UnLanguage, readonly string[]>> = {
  FINANCIAL: {
    en: ['funding', 'fund', 'financial', 'finance', 'grant', 'budget', 'USD', 'US$', 'dollars', 'donation', 'financing'],
    zh: ['财政', '资金', '供资', '资助', '经费', '捐款', '美元', '预算'],
    fr: ['financement', 'financier', 'financière', 'fonds', 'subvention', 'budget', 'dollars'],
    es: ['financiamiento', 'financiación', 'financiero', 'financiera', 'fondos', 'subvención', 'presupuesto', 'dólares'],
    ru: ['финансир*', 'финансов*', 'грант*', 'средств*', 'бюджет*', 'долл*'],
    ar: ['تمويل', 'مالية', 'مالي', 'منحة', 'ميزانية', 'دولار'],
  },
  TECHNICAL_EXPERTISE: {
    en: ['expertise', 'expert', 'technical assistance', 'technical support', 'advice', 'advisory', 'guidance', 'mentoring', 'know-how'],
    zh: ['专门知识', '专长', '专家', '技术援助', '技术支助', '技术支持', '技术咨询', '咨询', '指导'],
    fr: ['expertise', 'experts', 'assistance technique', 'appui technique', 'conseils', 'savoir-faire'],
    es: ['conocimientos especializados', 'expertos', 'asistencia técnica', 'apoyo técnico', 'asesoramiento', 'asesoría'],
    ru: ['экспертн*', 'эксперт*', 'техническ* помощ*', 'техническ* содейств*', 'консультац*'],
    ar: ['خبرة', 'الخبرة', 'خبراء', 'المساعدة التقنية', 'الدعم التقني', 'المشورة'],
  },
  EQUIPMENT: {
    en: ['equipment', 'machine', 'vehicle', 'scanner', 'boats', 'radios', 'hardware', 'software', 'tools', 'procurement'],
    zh: ['设备', '标识机', '机器', '车辆', '装备', '器材', '软件'],
    fr: ['équipement', 'matériel', 'machines', 'véhicules', 'scanners', 'logiciel'],
    es: ['equipo', 'equipamiento', 'máquinas', 'vehículos', 'escáneres', 'programas informáticos'],
    ru: ['оборудован*', 'транспортн* средств*', 'машин*', 'сканер*'],
    ar: ['معدات', 'أجهزة', 'مركبات', 'آلات'],
  },
  TRAINING: {
    en: ['training', 'trainers', 'course', 'workshop', 'fellowship', 'seminar'],
    zh: ['培训', '讲习班', '研究金', '训练', '研讨会'],
    fr: ['formation', 'former', 'ateliers', 'stage', 'bourses', 'séminaires'],
    es: ['capacitación', 'formación', 'capacitar', 'talleres', 'cursos', 'becas', 'seminarios'],
    ru: ['подготовк*', 'обучен*', 'тренинг*', 'курс*', 'семинар*'],
    ar: ['تدريب', 'التدريب', 'دورات', 'حلقات عمل', 'زمالات'],
  },
  TECHNOLOGY_TRANSFER: {
    en: ['technology transfer', 'transfer of technology', 'transfer technology', 'transfer of technologies', 'transfer technologies'],
    zh: ['技术转让', '转让技术', '转让这类技术', '转让知识'],
    fr: ['transfert de technologie', 'transfert de technologies', 'transferts de technologie'],
    es: ['transferencia de tecnología', 'transferencia de tecnologías'],
    ru: ['передач* технологи*'],
    ar: ['نقل التكنولوجيا'],
  },
};

const compiledCues = new Map<UnLanguage, Map<CompiledTerm, AssistanceType>>();

function cuesFor(language: UnLanguage): Map<CompiledTerm, AssistanceType> {
  let cues = compiledCues.get(language);
  if (!cues) {
    cues = new Map(
      ASSISTANCE_TYPES.flatMap((type) => compileTerms(ASSISTANCE_TYPE_CUES[type][language], language).map((term) => [term, type] as const)),
    );
    compiledCues.set(language, cues);
  }
  return cues;
}

/** The assistance types a passage mentions, in the order of ASSISTANCE_TYPES. */
export function detectAssistanceTypes(text: string, language?: DetectedLanguage): AssistanceType[] {
  const effectiveLanguage = analysisLanguage(text, language);
  const cues = cuesFor(effectiveLanguage);
  const found = new Set(
    keepLongestOccurrences(findTerms(prepareText(text, effectiveLanguage), [...cues.keys()])).map((occurrence) =>
      cues.get(occurrence.term),
    ),
  );
  return ASSISTANCE_TYPES.filter((type) => found.has(type));
}

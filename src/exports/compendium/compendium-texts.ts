import type { UnLanguage } from '../../reference/data/themes';

export interface CompendiumTexts {
  title: string;
  subtitle: string;
  /** `{date}` is replaced with the date the document was generated. */
  generated: string;
  intro: string;
  contents: string;
  /** The word for needs after a count, in each plural form the language gives counts (`Intl.PluralRules`). */
  needs: PluralForms;
  budget: string;
  gap: string;
  themes: string;
  source: string;
  none: string;
  totals: string;
  /** What follows a label before its value, as each language writes it. */
  colon: string;
  /** What stands between the items of a list (a need's themes), as each language writes it. */
  listSeparator: string;
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The compendium's own words in the six UN languages; everything else in it (country, region and
 * theme names, amounts, dates) comes from the reference data and `Intl` in the same language.
 */
export const COMPENDIUM_TEXTS: Readonly<Record<UnLanguage, CompendiumTexts>> = {
  en: {
    title: 'Matching needs and resources',
    subtitle: 'Assistance requested by states to implement the Programme of Action and the International Tracing Instrument',
    generated: 'Generated on {date} from the current poa-match data.',
    intro: 'Published needs that anyone may see and that still seek assistance, grouped by region and by main theme.',
    contents: 'Contents',
    needs: { one: 'need', other: 'needs' },
    budget: 'Budget',
    gap: 'Funding gap',
    themes: 'Themes',
    source: 'From the national report',
    none: 'No published needs at present.',
    totals: 'Total',
    colon: ': ',
    listSeparator: ', ',
  },
  zh: {
    title: '需求与资源的匹配',
    subtitle: '各国为执行《行动纲领》和《国际追查文书》请求的援助',
    generated: '根据 poa-match 当前数据于 {date} 生成。',
    intro: '任何人均可查看、仍在寻求援助的已发布需求，按区域和主要主题分组。',
    contents: '目录',
    needs: { other: '项需求' },
    budget: '预算',
    gap: '资金缺口',
    themes: '主题',
    source: '摘自国家报告',
    none: '目前没有已发布的需求。',
    totals: '合计',
    colon: '：',
    listSeparator: '、',
  },
  fr: {
    title: 'Mise en correspondance des besoins et des ressources',
    subtitle: "Assistance demandée par les États pour mettre en œuvre le Programme d'action et l'Instrument international de traçage",
    generated: 'Produit le {date} à partir des données actuelles de poa-match.',
    intro: 'Besoins publiés, visibles par tous, qui cherchent encore une assistance, regroupés par région et par thème principal.',
    contents: 'Sommaire',
    needs: { one: 'besoin', other: 'besoins' },
    budget: 'Budget',
    gap: 'Déficit de financement',
    themes: 'Thèmes',
    source: 'Extrait du rapport national',
    none: "Aucun besoin publié pour l'instant.",
    totals: 'Total',
    colon: '\u202f: ',
    listSeparator: ', ',
  },
  es: {
    title: 'Correspondencia entre necesidades y recursos',
    subtitle: 'Asistencia solicitada por los Estados para aplicar el Programa de Acción y el Instrumento Internacional de Localización',
    generated: 'Generado el {date} a partir de los datos actuales de poa-match.',
    intro: 'Necesidades publicadas, visibles para todos, que aún buscan asistencia, agrupadas por región y por tema principal.',
    contents: 'Índice',
    needs: { one: 'necesidad', other: 'necesidades' },
    budget: 'Presupuesto',
    gap: 'Déficit de financiación',
    themes: 'Temas',
    source: 'Del informe nacional',
    none: 'No hay necesidades publicadas por ahora.',
    totals: 'Total',
    colon: ': ',
    listSeparator: ', ',
  },
  ru: {
    title: 'Сопоставление потребностей и ресурсов',
    subtitle: 'Помощь, запрошенная государствами для осуществления Программы действий и Международного документа по отслеживанию',
    generated: 'Составлено {date} по текущим данным poa-match.',
    intro: 'Опубликованные потребности, открытые для всех и всё ещё ищущие помощи, по регионам и основным темам.',
    contents: 'Содержание',
    needs: { one: 'потребность', few: 'потребности', many: 'потребностей', other: 'потребности' },
    budget: 'Бюджет',
    gap: 'Недостаток финансирования',
    themes: 'Темы',
    source: 'Из национального доклада',
    none: 'Опубликованных потребностей пока нет.',
    totals: 'Итого',
    colon: ': ',
    listSeparator: ', ',
  },
  ar: {
    title: 'المواءمة بين الاحتياجات والموارد',
    subtitle: 'المساعدة التي تطلبها الدول لتنفيذ برنامج العمل والصك الدولي للتعقب',
    generated: 'أُنشئت في {date} من بيانات poa-match الحالية.',
    intro: 'الاحتياجات المنشورة التي يمكن للجميع الاطلاع عليها ولا تزال تلتمس المساعدة، مجمّعة حسب المنطقة والموضوع الرئيسي.',
    contents: 'المحتويات',
    needs: { zero: 'احتياج', one: 'احتياج', two: 'احتياجان', few: 'احتياجات', many: 'احتياجًا', other: 'احتياج' },
    budget: 'الميزانية',
    gap: 'فجوة التمويل',
    themes: 'المواضيع',
    source: 'من التقرير الوطني',
    none: 'لا توجد احتياجات منشورة حاليًا.',
    totals: 'المجموع',
    colon: ': ',
    listSeparator: '، ',
  },
};

/** "3 needs" in the compendium's language, the word in the plural form the count takes. */
export function needsCounted(lang: UnLanguage, count: number): string {
  const forms = COMPENDIUM_TEXTS[lang].needs;
  return `${count} ${forms[new Intl.PluralRules(lang).select(count)] ?? forms.other}`;
}

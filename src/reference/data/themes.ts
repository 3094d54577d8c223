/**
 * The two-level taxonomy of PoA/ITI implementation areas: 5 groups and 26 themes with stable codes
 * (product brief, "Reference data"; seeds 002 para 63–66, 000 para 21–40 and 62–83, 001 para 30, 004 para 3).
 *
 * Labels are given in the six UN languages. Keywords are the vocabulary the report analysis uses to
 * detect a theme in a passage (src/reports/analysis/theme-detector.ts):
 * - Chinese keywords are matched as substrings, so they are written as the terms appear in the UN
 *   Chinese documents (e.g. 储存管理, 记录保存).
 *   `…` marks where other characters may come between two parts (提高…认识).
 * - Keywords in the other languages are matched word by word after stemming, so one word form covers
 *   its inflections ("stockpile" also finds "stockpiles", "stockpiling"); a multi-word keyword matches
 *   its words in order, stopwords ignored. A word ending in `*` matches as a prefix (таможен*), for
 *   forms the stemmer does not bring together.
 * - `keywords` are specific enough to assign the theme on their own. `supportingKeywords` are words that
 *   point to the theme but also occur incidentally ("customs" in a list of agencies); they count half,
 *   so they assign the theme only together with other evidence.
 * Groups carry no vocabulary of their own: a passage is assigned themes, never groups.
 */

export const UN_LANGUAGES = ['en', 'zh', 'fr', 'es', 'ru', 'ar'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export type LocalizedLabels = Readonly<Record<UnLanguage, string>>;
export type LocalizedKeywords = Readonly<Record<UnLanguage, readonly string[]>>;

export interface ThemeDefinition {
  readonly code: string;
  /** The group code for a theme; null for a group. */
  readonly parentCode: string | null;
  readonly labels: LocalizedLabels;
  readonly keywords: LocalizedKeywords;
  readonly supportingKeywords?: Partial<LocalizedKeywords>;
}

export const THEME_GROUP_CODES = [
  'LEGAL_FRAMEWORK',
  'TRANSFER_CONTROL',
  'WEAPONS_AMMUNITION_MANAGEMENT',
  'LAW_ENFORCEMENT',
  'CROSS_CUTTING',
] as const;
export type ThemeGroupCode = (typeof THEME_GROUP_CODES)[number];

const NO_KEYWORDS: LocalizedKeywords = { en: [], zh: [], fr: [], es: [], ru: [], ar: [] };

function group(code: ThemeGroupCode, labels: LocalizedLabels): ThemeDefinition {
  return { code, parentCode: null, labels, keywords: NO_KEYWORDS };
}

function theme(
  code: string,
  parentCode: ThemeGroupCode,
  labels: LocalizedLabels,
  keywords: LocalizedKeywords,
  supportingKeywords?: Partial<LocalizedKeywords>,
): ThemeDefinition {
  return supportingKeywords ? { code, parentCode, labels, keywords, supportingKeywords } : { code, parentCode, labels, keywords };
}

/** Every entry in taxonomy order: each group followed by its themes. */
export const THEME_TAXONOMY: readonly ThemeDefinition[] = [
  group('LEGAL_FRAMEWORK', {
    en: 'Legal framework and national coordination',
    zh: '法律框架和国家协调',
    fr: 'Cadre juridique et coordination nationale',
    es: 'Marco jurídico y coordinación nacional',
    ru: 'Правовая база и национальная координация',
    ar: 'الإطار القانوني والتنسيق الوطني',
  }),
  theme(
    'LEGISLATION',
    'LEGAL_FRAMEWORK',
    {
      en: 'Laws, regulations and administrative procedures',
      zh: '法律、条例和行政程序',
      fr: 'Lois, règlements et procédures administratives',
      es: 'Leyes, reglamentos y procedimientos administrativos',
      ru: 'Законы, нормативные акты и административные процедуры',
      ar: 'القوانين والأنظمة والإجراءات الإدارية',
    },
    {
      en: ['legislation', 'legislative', 'legal framework', 'regulatory framework', 'implementing regulations', 'administrative procedures', 'firearms act', 'arms act', 'firearms law', 'arms law', 'draft law', 'amend', 'legal advice', 'criminalize', 'criminalise'],
      zh: ['法律、条例', '法律、法规', '法律、规章', '立法', '法》', '条例》', '刑法', '法律框架', '监管框架', '管制框架', '行政框架', '行政程序', '条例', '颁布法律', '制定法律', '定为刑事犯罪', '监管制度', '法律和监管'],
      fr: ['législation', 'législatif', 'loi', 'lois', 'code pénal', 'cadre juridique', 'cadre réglementaire', 'textes d’application', "textes d'application", 'procédures administratives', 'réglementation', 'décret'],
      es: ['legislación', 'legislativo', 'ley', 'leyes', 'código penal', 'marco jurídico', 'marco legal', 'marco normativo', 'reglamento', 'reglamentación', 'procedimientos administrativos', 'decreto'],
      ru: ['законодательство', 'закон', 'нормативно-правовой', 'нормативные акты', 'правовая база', 'административные процедуры'],
      ar: ['تشريع', 'التشريعات', 'قانون', 'القوانين', 'الإطار القانوني', 'اللوائح', 'الأنظمة', 'الإجراءات الإدارية'],
    },
    { en: ['regulation', 'law'], zh: ['法律', '法规', '规章', '修订'], fr: ['règlement'], es: ['normativa'], ru: ['правила'], ar: ['تنظيم'] },
  ),
  theme(
    'NATIONAL_COORDINATION',
    'LEGAL_FRAMEWORK',
    {
      en: 'National coordination, action plans and points of contact',
      zh: '国家行动计划和国家联络点',
      fr: 'Coordination nationale, plans d’action et points de contact',
      es: 'Coordinación nacional, planes de acción y puntos de contacto',
      ru: 'Национальная координация, планы действий и контактные пункты',
      ar: 'التنسيق الوطني وخطط العمل وجهات الاتصال',
    },
    {
      en: ['national action plan', 'action plan', 'national commission', 'national coordination', 'coordinating body', 'coordination body', 'coordination mechanism', 'inter-agency coordination', 'interagency coordination', 'point of contact', 'points of contact', 'focal point', 'national targets', 'voluntary targets'],
      zh: ['国家行动计划', '国家自愿行动计划', '小武器和轻武器行动计划', '国家联络点', '国家联系人', '联络点', '国家协调机构', '协调机构', '国家协调中心', '协调机制', '国家委员会', '小武器和轻武器委员会', '国家目标', '机构间协调', '协调工作'],
      fr: ['plan d’action national', "plan d'action national", 'plan d’action', "plan d'action", 'commission nationale', 'coordination nationale', 'point de contact', 'point focal', 'mécanisme de coordination', 'organe de coordination', 'coordination interinstitutionnelle', 'objectifs nationaux'],
      es: ['plan de acción nacional', 'plan nacional de acción', 'plan de acción', 'comisión nacional', 'coordinación nacional', 'punto de contacto', 'punto focal', 'mecanismo de coordinación', 'coordinación interinstitucional', 'metas nacionales'],
      ru: ['национальный план действий', 'план действий', 'национальная комиссия', 'национальная координация', 'контактный пункт', 'координационный центр', 'координационный механизм', 'межведомственная координация'],
      ar: ['خطة العمل الوطنية', 'خطة عمل', 'اللجنة الوطنية', 'التنسيق الوطني', 'جهة الاتصال', 'نقطة الاتصال', 'آلية التنسيق', 'التنسيق بين الوكالات'],
    },
    { en: ['coordination', 'working group'], zh: ['协调', '工作组'], fr: ['coordination', 'groupe de travail'], es: ['coordinación', 'grupo de trabajo'], ru: ['координация', 'рабочая группа'], ar: ['التنسيق', 'فريق عامل'] },
  ),
  theme(
    'BROKERING',
    'LEGAL_FRAMEWORK',
    {
      en: 'Brokering controls',
      zh: '中介活动管制',
      fr: 'Contrôle du courtage',
      es: 'Control de la intermediación',
      ru: 'Контроль за брокерской деятельностью',
      ar: 'مراقبة السمسرة',
    },
    {
      en: ['broker', 'brokering', 'brokerage'],
      zh: ['中介', '经纪'],
      fr: ['courtage', 'courtier'],
      es: ['intermediación', 'intermediario', 'corretaje', 'corredores de armas'],
      ru: ['брокерск*', 'брокер', 'посредническ*'],
      ar: ['السمسرة', 'سماسرة', 'الوساطة'],
    },
  ),
  group('TRANSFER_CONTROL', {
    en: 'Transfer control',
    zh: '转让管制',
    fr: 'Contrôle des transferts',
    es: 'Control de las transferencias',
    ru: 'Контроль за передачами',
    ar: 'مراقبة عمليات النقل',
  }),
  theme(
    'TRANSFER_CONTROLS',
    'TRANSFER_CONTROL',
    {
      en: 'Export, import and transit controls',
      zh: '进出口、过境和最终用户管制',
      fr: 'Contrôle des exportations, des importations et du transit',
      es: 'Control de las exportaciones, importaciones y el tránsito',
      ru: 'Контроль за экспортом, импортом и транзитом',
      ar: 'مراقبة التصدير والاستيراد والعبور',
    },
    {
      en: ['export', 'import licensing', 'import licence', 'import license', 'import control', 'import permit', 'end-user', 'end user', 'end-use', 'transit', 'transhipment', 'transshipment', 're-export', 'retransfer', 'arms embargo', 'embargo', 'diversion risk', 'transfer control', 'arms transfer', 'transfer licence', 'transfer license', 'post-shipment'],
      zh: ['出口管制', '进出口管制', '出口风险评估', '最终用户', '最终用途', '装运后核查', '再转让', '再出口', '转运', '过境', '武器禁运', '转让许可证', '转让决定', '国际转让', '许可证发放', '转移警报', '出口管制程序', '进出口和过境'],
      fr: ['exportation', 'contrôle des importations', 'licence d’importation', "licence d'importation", 'utilisateur final', 'utilisation finale', 'transit', 'transbordement', 'réexportation', 'embargo', 'transferts d’armes', "transferts d'armes", 'contrôle des transferts'],
      es: ['exportación', 'control de las importaciones', 'licencia de importación', 'usuario final', 'uso final', 'tránsito', 'transbordo', 'reexportación', 'embargo', 'transferencias de armas', 'control de las transferencias'],
      ru: ['экспорт', 'импорт', 'конечный пользователь', 'конечное использование', 'транзит', 'реэкспорт', 'эмбарго', 'передачи оружия', 'экспортный контроль'],
      ar: ['التصدير', 'الاستيراد', 'المستخدم النهائي', 'الاستخدام النهائي', 'العبور', 'إعادة التصدير', 'حظر الأسلحة', 'نقل الأسلحة'],
    },
    {
      en: ['diversion', 'licensing', 'unauthorized recipients', 'unauthorised recipients'],
      zh: ['转用', '进出口', '未经授权', '未获授权', '许可证'],
      fr: ['détournement', 'importation', 'licence'],
      es: ['desvío', 'importación', 'licencia'],
      ru: ['утечка', 'лицензирование'],
      ar: ['تسريب', 'الترخيص'],
    },
  ),
  theme(
    'BORDER_CUSTOMS',
    'TRANSFER_CONTROL',
    {
      en: 'Border control and customs',
      zh: '边境管制和海关',
      fr: 'Contrôle des frontières et douanes',
      es: 'Control fronterizo y aduanas',
      ru: 'Пограничный и таможенный контроль',
      ar: 'مراقبة الحدود والجمارك',
    },
    {
      en: ['border control', 'border management', 'border post', 'border security', 'border guard', 'border police', 'border crossing', 'land border', 'coast guard', 'customs officer', 'customs administration', 'customs control', 'seaport', 'port of entry', 'ports of entry', 'container'],
      zh: ['边境', '边防', '边界管理', '跨界管制', '海关监管', '海关管制', '海关合作', '海关机构'],
      fr: ['frontière', 'douane', 'douanier', 'poste frontière', 'point d’entrée', "point d'entrée"],
      es: ['frontera', 'fronterizo', 'aduana', 'aduanero', 'puesto fronterizo', 'puerto de entrada'],
      ru: ['граница', 'пограничн*', 'таможен*'],
      ar: ['الحدود', 'الحدودية', 'الجمارك', 'الجمركية'],
    },
    {
      en: ['border', 'customs', 'cross-border', 'patrol', 'checkpoint'],
      zh: ['海关', '跨界', '跨境'],
      fr: ['frontalier', 'transfrontalier'],
      es: ['transfronterizo'],
      ru: ['трансграничн*'],
      ar: ['عبر الحدود'],
    },
  ),
  group('WEAPONS_AMMUNITION_MANAGEMENT', {
    en: 'Weapons and ammunition management',
    zh: '武器弹药管理',
    fr: 'Gestion des armes et des munitions',
    es: 'Gestión de armas y municiones',
    ru: 'Управление оружием и боеприпасами',
    ar: 'إدارة الأسلحة والذخيرة',
  }),
  theme(
    'STOCKPILE_MANAGEMENT',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Physical security and stockpile management',
      zh: '库存安全和储存管理',
      fr: 'Sécurité physique et gestion des stocks',
      es: 'Seguridad física y gestión de existencias',
      ru: 'Физическая безопасность и управление запасами',
      ar: 'الأمن المادي وإدارة المخزونات',
    },
    {
      en: ['stockpile', 'armoury', 'armory', 'armouries', 'armories', 'physical security', 'storage facility', 'storage facilities', 'weapons storage', 'safe storage', 'secure storage', 'inventory management', 'stock management', 'storage site'],
      zh: ['储存', '库存', '实体安全', '武器库', '军械库', '储存设施', '储存安全'],
      fr: ['gestion des stocks', 'stocks d’armes', "stocks d'armes", 'sécurité physique', 'dépôt d’armes', "dépôt d'armes", 'dépôts d’armes', "dépôts d'armes", 'armurerie', 'entreposage', 'stockage', 'sécurisation des dépôts'],
      es: ['gestión de existencias', 'gestión de arsenales', 'arsenal', 'seguridad física', 'depósitos de armas', 'polvorín', 'armería'],
      ru: ['управление запасами', 'запасы оружия', 'запас', 'физическая безопасность', 'склад', 'хранение оружия', 'хранения'],
      ar: ['المخزونات', 'مخزونات', 'المخزون', 'أمن المخازن', 'المستودعات', 'التخزين', 'الأمن المادي'],
    },
    { en: ['storage', 'stocks', 'depot', 'locks', 'fencing', 'alarm'], fr: ['stocks', 'dépôt'], es: ['existencias', 'depósito', 'almacenamiento'] },
  ),
  theme(
    'AMMUNITION',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Ammunition management',
      zh: '弹药管理',
      fr: 'Gestion des munitions',
      es: 'Gestión de municiones',
      ru: 'Управление боеприпасами',
      ar: 'إدارة الذخيرة',
    },
    {
      en: ['ammunition', 'munitions', 'explosive ordnance', 'ammunition technical guidelines', 'IATG'],
      zh: ['弹药'],
      fr: ['munitions'],
      es: ['municiones', 'munición'],
      ru: ['боеприпас*'],
      ar: ['الذخيرة', 'ذخيرة', 'الذخائر'],
    },
  ),
  theme(
    'MARKING',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    { en: 'Marking', zh: '标识', fr: 'Marquage', es: 'Marcaje', ru: 'Маркировка', ar: 'الوسم' },
    {
      en: ['marking', 'marked', 'markings', 'marking machine', 'serial number'],
      zh: ['标识', '标记', '打标'],
      fr: ['marquage', 'marquées', 'marquer', 'machine de marquage'],
      es: ['marcaje', 'marcado de armas', 'marcar', 'máquina de marcaje'],
      ru: ['маркировк*', 'маркирован*'],
      ar: ['وسم', 'الوسم', 'وسم الأسلحة'],
    },
  ),
  theme(
    'RECORD_KEEPING',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Record-keeping',
      zh: '记录保存',
      fr: 'Tenue des registres',
      es: 'Mantenimiento de registros',
      ru: 'Учёт',
      ar: 'حفظ السجلات',
    },
    {
      en: ['record-keeping', 'record keeping', 'records', 'recorded', 'register', 'registry', 'weapons register', 'record'],
      zh: ['记录', '登记册', '登记系统', '登记'],
      fr: ['registres', 'tenue des registres', 'registre', 'enregistrement'],
      es: ['registros', 'mantenimiento de registros', 'registro'],
      ru: ['учет оружия', 'учет', 'реестр', 'регистрац*'],
      ar: ['حفظ السجلات', 'السجلات', 'سجل'],
    },
    { en: ['database'], zh: ['数据库'], fr: ['base de données'], es: ['base de datos'], ru: ['база данных'], ar: ['قاعدة بيانات'] },
  ),
  theme(
    'TRACING',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Tracing and identification',
      zh: '追查和识别',
      fr: 'Traçage et identification',
      es: 'Rastreo e identificación',
      ru: 'Отслеживание и идентификация',
      ar: 'التعقب وتحديد الهوية',
    },
    {
      en: ['tracing', 'trace', 'traced', 'traceability', 'tracing request', 'iARMS', 'weapon identification', 'firearms identification'],
      zh: ['追查', '追踪', '识别', '可追溯', '追溯', '鉴定武器'],
      fr: ['traçage', 'tracer', 'traçabilité', 'identification des armes'],
      es: ['rastreo', 'rastrear', 'trazabilidad', 'identificación de armas'],
      ru: ['отслежива*', 'идентификац*'],
      ar: ['تعقب', 'التعقب', 'اقتفاء', 'تحديد هوية الأسلحة'],
    },
    { es: ['localización'] },
  ),
  theme(
    'COLLECTION',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Weapons collection and amnesties',
      zh: '武器收缴',
      fr: 'Collecte d’armes et amnisties',
      es: 'Recolección de armas y amnistías',
      ru: 'Сбор оружия и амнистии',
      ar: 'جمع الأسلحة وفترات العفو',
    },
    {
      en: ['weapons collection', 'arms collection', 'collection programme', 'collection program', 'amnesty', 'voluntary surrender', 'buy-back', 'buyback', 'hand in', 'handed in'],
      zh: ['收缴', '上缴', '上交', '大赦', '自愿交出'],
      fr: ['collecte d’armes', "collecte d'armes", 'collecte volontaire', 'ramassage des armes', 'remise volontaire', 'amnistie'],
      es: ['recolección de armas', 'recolección voluntaria', 'recolección', 'entrega voluntaria', 'amnistía', 'canje de armas'],
      ru: ['сбор оружия', 'добровольная сдача', 'сдача оружия', 'амнистия'],
      ar: ['جمع الأسلحة', 'تسليم الأسلحة', 'العفو'],
    },
    { en: ['collection', 'collect'], zh: ['收集'], fr: ['collecte'], es: ['recoger'], ru: ['сбор'], ar: ['جمع'] },
  ),
  theme(
    'DESTRUCTION',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Destruction and disposal of surplus',
      zh: '销毁和处置',
      fr: 'Destruction et élimination des surplus',
      es: 'Destrucción y eliminación de excedentes',
      ru: 'Уничтожение и утилизация излишков',
      ar: 'تدمير الفائض والتخلص منه',
    },
    {
      en: ['destruction', 'destroy', 'destroyed', 'disposal', 'dispose', 'demilitarisation', 'demilitarization', 'cutting machine'],
      zh: ['销毁', '处置', '以负责任方式处理'],
      fr: ['destruction', 'détruire', 'élimination des surplus', 'élimination des armes'],
      es: ['destrucción', 'destruir', 'eliminación de excedentes', 'eliminación de armas'],
      ru: ['уничтожен*', 'утилизац*'],
      ar: ['تدمير', 'لتدمير', 'إتلاف', 'التخلص من'],
    },
    { en: ['surplus', 'obsolete', 'expired'], zh: ['多余', '剩余', '过期'], fr: ['excédent', 'surplus', 'périmées', 'éliminer'], es: ['excedentes', 'caducadas', 'eliminar'], ru: ['излиш*'], ar: ['الفائضة', 'الفائض'] },
  ),
  theme(
    'BASELINE_ASSESSMENT',
    'WEAPONS_AMMUNITION_MANAGEMENT',
    {
      en: 'Weapons and ammunition management baseline assessment',
      zh: '武器弹药管理基线评估',
      fr: 'Évaluation de référence de la gestion des armes et des munitions',
      es: 'Evaluación de referencia de la gestión de armas y municiones',
      ru: 'Базовая оценка управления оружием и боеприпасами',
      ar: 'التقييم الأساسي لإدارة الأسلحة والذخيرة',
    },
    {
      en: ['baseline assessment', 'baseline'],
      zh: ['基线评估', '弹药管理基线评估'],
      fr: ['évaluation de référence', 'évaluation de base', 'état des lieux'],
      es: ['evaluación de referencia', 'evaluación de base', 'evaluación inicial'],
      ru: ['базовая оценка', 'исходная оценка'],
      ar: ['التقييم الأساسي', 'تقييم خط الأساس', 'خط الأساس'],
    },
  ),
  group('LAW_ENFORCEMENT', {
    en: 'Law enforcement',
    zh: '执法',
    fr: 'Application de la loi',
    es: 'Aplicación de la ley',
    ru: 'Правоохранительная деятельность',
    ar: 'إنفاذ القانون',
  }),
  theme(
    'CRIMINAL_JUSTICE',
    'LAW_ENFORCEMENT',
    {
      en: 'Criminal investigation and prosecution',
      zh: '刑事调查和起诉',
      fr: 'Enquêtes pénales et poursuites',
      es: 'Investigación penal y enjuiciamiento',
      ru: 'Уголовные расследования и преследование',
      ar: 'التحقيق الجنائي والملاحقة القضائية',
    },
    {
      en: ['prosecution', 'prosecutor', 'prosecute', 'criminal investigation', 'criminal justice', 'judges', 'judiciary', 'court', 'forensic', 'ballistics'],
      zh: ['刑事调查', '起诉', '刑事司法', '检察', '法证', '弹道'],
      fr: ['poursuites', 'procureur', 'justice pénale', 'enquêtes pénales', 'enquête judiciaire', 'magistrats', 'tribunaux', 'balistique'],
      es: ['enjuiciar', 'enjuiciamiento', 'fiscalía', 'fiscales', 'justicia penal', 'investigación penal', 'jueces', 'tribunales', 'balística'],
      ru: ['уголовное преследование', 'уголовное правосудие', 'прокуратур*', 'уголовное расследование', 'суд', 'баллистическ*'],
      ar: ['الملاحقة القضائية', 'العدالة الجنائية', 'التحقيق الجنائي', 'النيابة', 'المحاكم', 'الأدلة الجنائية'],
    },
    { en: ['investigation', 'investigator', 'investigate'], zh: ['调查'], fr: ['enquête', 'enquêteur'], es: ['investigar', 'investigación'], ru: ['расследован*'], ar: ['التحقيق'] },
  ),
  theme(
    'ENFORCEMENT_COOPERATION',
    'LAW_ENFORCEMENT',
    {
      en: 'Law enforcement cooperation and information exchange',
      zh: '执法合作和信息交流',
      fr: 'Coopération policière et judiciaire et échange d’informations',
      es: 'Cooperación policial y judicial e intercambio de información',
      ru: 'Сотрудничество правоохранительных органов и обмен информацией',
      ar: 'التعاون في مجال إنفاذ القانون وتبادل المعلومات',
    },
    {
      en: ['law enforcement cooperation', 'police cooperation', 'judicial cooperation', 'INTERPOL', 'World Customs Organization', 'exchange of information', 'information exchange', 'information sharing', 'share information', 'exchange information', 'joint operations', 'joint investigation', 'liaison officer', 'mutual legal assistance', 'iARMS'],
      zh: ['执法合作', '司法和执法合作', '机构间合作', '信息交流', '信息共享', '分享信息', '交流信息', '交流追查信息', '国际刑警组织', '世界海关组织', '联合行动', '联合调查', '联络官', '情报'],
      fr: ['coopération policière', 'coopération judiciaire', 'échange d’informations', "échange d'informations", 'échange de renseignements', 'partage d’informations', "partage d'informations", 'INTERPOL', 'Organisation mondiale des douanes', 'opérations conjointes'],
      es: ['cooperación policial', 'cooperación judicial', 'intercambio de información', 'compartir información', 'INTERPOL', 'Organización Mundial de Aduanas', 'operaciones conjuntas'],
      ru: ['обмен информацией', 'обмена информацией', 'Интерпол', 'сотрудничество правоохранительных органов', 'совместные операции', 'Всемирная таможенная организация'],
      ar: ['تبادل المعلومات', 'الإنتربول', 'التعاون بين أجهزة إنفاذ القانون', 'التعاون القضائي', 'العمليات المشتركة', 'منظمة الجمارك العالمية'],
    },
    {
      en: ['law enforcement', 'police', 'judicial'],
      zh: ['执法', '警察', '司法'],
      fr: ['police', 'forces de l’ordre', "forces de l'ordre"],
      es: ['policía', 'policial'],
      ru: ['правоохранительн*', 'полиц*'],
      ar: ['إنفاذ القانون', 'الشرطة'],
    },
  ),
  theme(
    'ONLINE_POSTAL_CONVERSION',
    'LAW_ENFORCEMENT',
    {
      en: 'Illicit online trade, postal shipments and conversion',
      zh: '网上贸易、邮政货物和改装',
      fr: 'Commerce illicite en ligne, envois postaux et transformation d’armes',
      es: 'Comercio ilícito en línea, envíos postales y conversión de armas',
      ru: 'Незаконная онлайн-торговля, почтовые отправления и переделка оружия',
      ar: 'الاتجار غير المشروع عبر الإنترنت والشحنات البريدية وتحويل الأسلحة',
    },
    {
      en: ['online', 'internet', 'dark web', 'darknet', 'social media', 'postal', 'parcel', 'converted', 'conversion', 'blank-firing', 'gas pistol', 'alarm pistol', 'reactivated', 'reactivation'],
      zh: ['网上', '互联网', '暗网', '邮政', '邮件', '改装'],
      fr: ['en ligne', 'internet', 'darknet', 'réseaux sociaux', 'postal', 'postaux', 'colis', 'armes converties', 'conversion d’armes', "conversion d'armes", 'armes d’alarme', "armes d'alarme"],
      es: ['en línea', 'internet', 'redes sociales', 'postal', 'postales', 'paquetes', 'armas convertidas', 'conversión de armas', 'armas de fogueo'],
      ru: ['интернет*', 'онлайн*', 'даркнет*', 'почтов*', 'переделк*', 'переделан*'],
      ar: ['الإنترنت', 'الشبكة المظلمة', 'البريد', 'البريدية', 'الطرود', 'تحويل الأسلحة', 'أسلحة محولة'],
    },
  ),
  group('CROSS_CUTTING', {
    en: 'Cross-cutting issues',
    zh: '跨领域问题',
    fr: 'Questions transversales',
    es: 'Cuestiones transversales',
    ru: 'Сквозные вопросы',
    ar: 'القضايا الشاملة',
  }),
  theme(
    'NEW_TECHNOLOGY',
    'CROSS_CUTTING',
    {
      en: 'New technologies: 3D-printed, polymer and modular weapons',
      zh: '新技术：3D 打印、聚合物和模块化武器',
      fr: 'Nouvelles technologies : armes imprimées en 3D, en polymère et modulaires',
      es: 'Nuevas tecnologías: armas impresas en 3D, de polímero y modulares',
      ru: 'Новые технологии: оружие, изготовленное на 3D-принтере, полимерное и модульное',
      ar: 'التكنولوجيات الجديدة: الأسلحة المطبوعة ثلاثية الأبعاد والبوليمرية والنمطية',
    },
    {
      en: ['3D-printed', '3D printing', '3D printer', 'additive manufacturing', 'polymer', 'modular', 'privately made', 'ghost gun', 'new technologies', 'emerging technologies', 'RFID', 'radio-frequency identification', 'data matrix', 'biometric', 'developments in manufacturing'],
      zh: ['3d打印', '增材制造', '聚合物', '模块化', '最新发展', '新技术', '射频识别', '数据矩阵', '生物识别', '私人制造'],
      fr: ['impression 3D', 'imprimées en 3D', 'fabrication additive', 'polymère', 'modulaires', 'nouvelles technologies', 'technologies émergentes', 'fabrication privée'],
      es: ['impresión 3D', 'impresas en 3D', 'fabricación aditiva', 'polímero', 'modulares', 'nuevas tecnologías', 'tecnologías emergentes', 'fabricación privada'],
      ru: ['3D-печать', '3D-принтер*', 'аддитивн*', 'полимер*', 'модульн*', 'новые технологии'],
      ar: ['الطباعة ثلاثية الأبعاد', 'ثلاثية الأبعاد', 'البوليمر', 'النمطية', 'التكنولوجيات الجديدة', 'التكنولوجيات الناشئة'],
    },
  ),
  theme(
    'DATA_COLLECTION',
    'CROSS_CUTTING',
    {
      en: 'Data collection and analysis (SDG indicator 16.4.2)',
      zh: '数据收集和分析（16.4.2）',
      fr: 'Collecte et analyse de données (indicateur 16.4.2 des ODD)',
      es: 'Recopilación y análisis de datos (indicador 16.4.2 de los ODS)',
      ru: 'Сбор и анализ данных (показатель ЦУР 16.4.2)',
      ar: 'جمع البيانات وتحليلها (المؤشر 16-4-2 من أهداف التنمية المستدامة)',
    },
    {
      en: ['data', 'statistics', 'statistical', '16.4.2', 'disaggregated', 'survey'],
      zh: ['数据', '16.4.2', '统计', '分列'],
      fr: ['collecte de données', 'analyse des données', 'données ventilées', 'statistiques', '16.4.2'],
      es: ['datos', 'estadísticas', 'estadístico', '16.4.2', 'desglosados'],
      ru: ['сбор данных', 'анализ данных', 'статистик*', '16.4.2', 'дезагрегированн*'],
      ar: ['البيانات', 'الإحصاءات', 'جمع البيانات', '16.4.2', '16-4-2', 'المصنفة'],
    },
  ),
  theme(
    'GENDER',
    'CROSS_CUTTING',
    {
      en: 'Gender mainstreaming',
      zh: '性别平等主流化',
      fr: 'Intégration des questions de genre',
      es: 'Incorporación de la perspectiva de género',
      ru: 'Учёт гендерной проблематики',
      ar: 'تعميم مراعاة المنظور الجنساني',
    },
    {
      en: ['gender', 'women', 'sex-disaggregated', 'gender-based violence'],
      zh: ['性别', '妇女', '女童', '两性平等'],
      fr: ['dimension de genre', 'questions de genre', 'égalité des sexes', 'égalité de genre', 'perspective de genre', 'sensible au genre', 'femmes', 'ventilées par sexe'],
      es: ['perspectiva de género', 'igualdad de género', 'enfoque de género', 'violencia de género', 'mujeres', 'por sexo'],
      ru: ['гендерн*', 'женщин*'],
      ar: ['النوع الاجتماعي', 'الجنساني', 'المرأة', 'النساء'],
    },
    { en: ['girls'], zh: [], fr: ['filles'], es: ['niñas'], ru: ['девоч*'], ar: ['الفتيات'] },
  ),
  theme(
    'YOUTH',
    'CROSS_CUTTING',
    { en: 'Youth', zh: '青年', fr: 'Jeunes', es: 'Juventud', ru: 'Молодёжь', ar: 'الشباب' },
    {
      en: ['youth', 'young people', 'young men', 'young women'],
      zh: ['青年'],
      fr: ['jeunes', 'jeunesse'],
      es: ['jóvenes', 'juventud'],
      ru: ['молодеж*'],
      ar: ['الشباب'],
    },
  ),
  theme(
    'AWARENESS_EDUCATION',
    'CROSS_CUTTING',
    {
      en: 'Public awareness and disarmament education',
      zh: '提高认识和裁军教育',
      fr: 'Sensibilisation du public et éducation au désarmement',
      es: 'Sensibilización pública y educación para el desarme',
      ru: 'Повышение осведомлённости и просвещение по вопросам разоружения',
      ar: 'التوعية العامة والتثقيف في مجال نزع السلاح',
    },
    {
      en: ['awareness', 'education', 'educational', 'sensitization', 'sensitisation', 'culture of peace', 'school'],
      zh: ['提高认识', '提高…认识', '公众认识', '宣传', '教育', '和平文化'],
      fr: ['sensibilisation', 'sensibiliser', 'éducation', 'culture de la paix'],
      es: ['sensibilización', 'concienciación', 'concientización', 'educación', 'cultura de paz'],
      ru: ['осведомленност*', 'просвещен*', 'культура мира'],
      ar: ['التوعية', 'الوعي', 'التثقيف', 'ثقافة السلام'],
    },
    { en: ['campaign'], zh: ['运动'], fr: ['campagne'], es: ['campaña'], ru: ['кампания'], ar: ['حملة'] },
  ),
  theme(
    'VICTIM_ASSISTANCE',
    'CROSS_CUTTING',
    {
      en: 'Victim assistance',
      zh: '援助受害者',
      fr: 'Assistance aux victimes',
      es: 'Asistencia a las víctimas',
      ru: 'Помощь пострадавшим',
      ar: 'مساعدة الضحايا',
    },
    {
      en: ['victim', 'survivor', 'psychosocial'],
      zh: ['受害者', '受害人', '幸存者'],
      fr: ['victimes', 'survivants', 'psychosocial'],
      es: ['víctimas', 'sobrevivientes', 'psicosocial'],
      ru: ['жертв*', 'пострадавш*', 'психосоциальн*'],
      ar: ['الضحايا', 'الناجين', 'النفسي والاجتماعي'],
    },
  ),
  theme(
    'DDR',
    'CROSS_CUTTING',
    {
      en: 'Disarmament, demobilization and reintegration',
      zh: '解除武装、复员和重返社会',
      fr: 'Désarmement, démobilisation et réintégration',
      es: 'Desarme, desmovilización y reintegración',
      ru: 'Разоружение, демобилизация и реинтеграция',
      ar: 'نزع السلاح والتسريح وإعادة الإدماج',
    },
    {
      en: ['DDR', 'demobilization', 'demobilisation', 'reintegration', 'former combatants', 'ex-combatants', 'community violence reduction'],
      zh: ['解除武装、复员和重返社会', '复员', '重返社会', '减少社区暴力', '前战斗人员'],
      fr: ['DDR', 'démobilisation', 'réintégration', 'ex-combattants', 'réduction de la violence communautaire'],
      es: ['DDR', 'desmovilización', 'reintegración', 'excombatientes', 'reducción de la violencia comunitaria'],
      ru: ['ДДР', 'демобилизац*', 'реинтеграц*', 'бывших комбатантов'],
      ar: ['التسريح', 'إعادة الإدماج', 'المقاتلين السابقين'],
    },
  ),
  theme(
    'TRAINING',
    'CROSS_CUTTING',
    {
      en: 'Training and fellowships',
      zh: '培训和研究金',
      fr: 'Formation et bourses',
      es: 'Capacitación y becas',
      ru: 'Подготовка кадров и стипендии',
      ar: 'التدريب والزمالات',
    },
    {
      en: ['training', 'trainers', 'fellowship', 'mentoring'],
      zh: ['培训', '研究金', '讲习班', '训练'],
      fr: ['formation', 'former', 'bourses', 'stage'],
      es: ['capacitación', 'formación', 'capacitar', 'becas', 'cursos'],
      ru: ['подготовк*', 'обучен*', 'тренинг*', 'стипенди*', 'курсы'],
      ar: ['تدريب', 'التدريب', 'زمالات', 'دورات'],
    },
    { en: ['workshop', 'seminar'], zh: ['研讨会'], fr: ['ateliers', 'séminaire'], es: ['talleres', 'seminario'], ru: ['семинар*'], ar: ['حلقات عمل'] },
  ),
  theme(
    'REGIONAL_CAPACITY',
    'CROSS_CUTTING',
    {
      en: 'Capacity of regional and subregional organizations',
      zh: '区域和次区域组织能力',
      fr: 'Capacités des organisations régionales et sous-régionales',
      es: 'Capacidad de las organizaciones regionales y subregionales',
      ru: 'Потенциал региональных и субрегиональных организаций',
      ar: 'قدرات المنظمات الإقليمية ودون الإقليمية',
    },
    {
      en: ['regional economic community', 'regional economic communities', 'regional organization', 'regional organisation', 'subregional organization', 'subregional organisation', 'sub-regional organization', 'sub-regional organisation', 'regional centre', 'regional center', 'regional roadmap', 'regional convention', 'RECSA', 'SEESAC', 'ECOWAS'],
      zh: ['区域和次区域组织', '次区域组织', '区域中心', '区域路线图', '区域和次区域两级'],
      fr: ['organisations régionales', 'organisations sous-régionales', 'centre régional', 'feuille de route régionale', 'CEDEAO'],
      es: ['organizaciones regionales', 'organizaciones subregionales', 'centro regional', 'hoja de ruta regional'],
      ru: ['региональных организаций', 'региональные организации', 'субрегиональных организаций', 'региональный центр'],
      ar: ['المنظمات الإقليمية', 'دون الإقليمية', 'المركز الإقليمي'],
    },
    { en: ['subregional', 'sub-regional'], zh: ['次区域', '区域组织'], fr: ['sous-régional'], es: ['subregional'], ru: ['субрегиональн*'], ar: ['الإقليمية'] },
  ),
  theme(
    'NATIONAL_REPORTING',
    'CROSS_CUTTING',
    {
      en: 'National reporting',
      zh: '国家报告',
      fr: 'Établissement des rapports nationaux',
      es: 'Presentación de informes nacionales',
      ru: 'Национальная отчётность',
      ar: 'الإبلاغ الوطني',
    },
    {
      en: ['national report', 'national reporting', 'reporting template', 'biennial report'],
      zh: ['国家报告', '报告模板', '综合报告', '自愿报告'],
      fr: ['rapport national', 'rapports nationaux', 'modèle de rapport'],
      es: ['informe nacional', 'informes nacionales', 'plantilla de informe'],
      ru: ['национальный доклад', 'национальные доклады', 'национальной отчетност*'],
      ar: ['التقرير الوطني', 'التقارير الوطنية'],
    },
  ),
];

/** The five groups, in taxonomy order. */
export const THEME_GROUPS: readonly ThemeDefinition[] = THEME_TAXONOMY.filter((entry) => entry.parentCode === null);

/** The 26 themes (no groups), in taxonomy order. */
export const THEMES: readonly ThemeDefinition[] = THEME_TAXONOMY.filter((entry) => entry.parentCode !== null);

const entryByCode = new Map(THEME_TAXONOMY.map((entry) => [entry.code, entry]));

/** The group or theme with this code. */
export function themeByCode(code: string): ThemeDefinition | undefined {
  return entryByCode.get(code);
}

/** The theme codes of a group, in taxonomy order; empty for anything that is not a group. */
export function childThemeCodes(groupCode: string): string[] {
  return THEMES.filter((entry) => entry.parentCode === groupCode).map((entry) => entry.code);
}

/** True for a theme code (not a group). */
export function isThemeCode(code: string): boolean {
  return entryByCode.get(code)?.parentCode != null;
}

/** True for a group code. */
export function isThemeGroupCode(code: string): code is ThemeGroupCode {
  return entryByCode.get(code)?.parentCode === null;
}

/** Theme codes covered by a list of theme and group codes (a group covers all its themes), deduplicated, in taxonomy order. */
export function expandThemeCodes(codes: readonly string[]): string[] {
  const wanted = new Set(codes);
  return THEMES.filter((entry) => wanted.has(entry.code) || wanted.has(entry.parentCode as string)).map((entry) => entry.code);
}

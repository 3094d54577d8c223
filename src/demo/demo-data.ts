import { DonorKind } from '../accounts/entities/donor.entity';
import { AssistanceType, Modality, Visibility } from '../domain/enums';
import type { CreateNeedInput } from '../needs/dto/create-need.input';
import type { CreateOfferInput } from '../offers/dto/create-offer.input';

/**
 * The demonstration data set, grounded in the seed documents (`../shared/seeds/`):
 * - 000: report of the 8th Biennial Meeting of States (2022); para 15 lists the states that filed
 *   national reports, paras 76–95 the cooperation and assistance commitments.
 * - 002: the Secretary-General's report to the 77th General Assembly (2022); paras 13–29 name the
 *   funds, contributors and programmes, paras 41–73 the recommendations on matching needs.
 * Figures (budgets, capacities, grant limits, dates) are illustrative orders of magnitude, not
 * amounts taken from the documents.
 */

const { FINANCIAL, TECHNICAL_EXPERTISE, EQUIPMENT, TRAINING, TECHNOLOGY_TRANSFER } = AssistanceType;

/** Every demo account signs in under this domain, so the demo is easy to spot and to clean up. */
export const DEMO_EMAIL_DOMAIN = 'demo.poa-match.local';

/** One password for every demo account, printed at the end; the demo refuses to run in production. */
export const DEMO_PASSWORD = 'poa-demo-password-2022';

export interface ReportingState {
  iso3: string;
  /** The name as 000 para 15 writes it. */
  nameZh: string;
}

/** 000 para 15: the 80 states that filed national reports on the PoA to the 8th Biennial Meeting, in its order. */
export const BMS8_REPORTING_STATES: readonly ReportingState[] = [
  { iso3: 'ALB', nameZh: '阿尔巴尼亚' },
  { iso3: 'ARG', nameZh: '阿根廷' },
  { iso3: 'AUS', nameZh: '澳大利亚' },
  { iso3: 'BGD', nameZh: '孟加拉国' },
  { iso3: 'BEL', nameZh: '比利时' },
  { iso3: 'BEN', nameZh: '贝宁' },
  { iso3: 'BOL', nameZh: '多民族玻利维亚国' },
  { iso3: 'BIH', nameZh: '波斯尼亚和黑塞哥维那' },
  { iso3: 'BFA', nameZh: '布基纳法索' },
  { iso3: 'BDI', nameZh: '布隆迪' },
  { iso3: 'CAN', nameZh: '加拿大' },
  { iso3: 'CAF', nameZh: '中非共和国' },
  { iso3: 'CHN', nameZh: '中国' },
  { iso3: 'COL', nameZh: '哥伦比亚' },
  { iso3: 'CIV', nameZh: '科特迪瓦' },
  { iso3: 'CZE', nameZh: '捷克' },
  { iso3: 'COD', nameZh: '刚果民主共和国' },
  { iso3: 'DNK', nameZh: '丹麦' },
  { iso3: 'EGY', nameZh: '埃及' },
  { iso3: 'SLV', nameZh: '萨尔瓦多' },
  { iso3: 'EST', nameZh: '爱沙尼亚' },
  { iso3: 'FIN', nameZh: '芬兰' },
  { iso3: 'FRA', nameZh: '法国' },
  { iso3: 'GMB', nameZh: '冈比亚' },
  { iso3: 'DEU', nameZh: '德国' },
  { iso3: 'GHA', nameZh: '加纳' },
  { iso3: 'GRC', nameZh: '希腊' },
  { iso3: 'GRD', nameZh: '格林纳达' },
  { iso3: 'GTM', nameZh: '危地马拉' },
  { iso3: 'GIN', nameZh: '几内亚' },
  { iso3: 'HND', nameZh: '洪都拉斯' },
  { iso3: 'HUN', nameZh: '匈牙利' },
  { iso3: 'IND', nameZh: '印度' },
  { iso3: 'IRN', nameZh: '伊朗伊斯兰共和国' },
  { iso3: 'IRQ', nameZh: '伊拉克' },
  { iso3: 'IRL', nameZh: '爱尔兰' },
  { iso3: 'ISR', nameZh: '以色列' },
  { iso3: 'ITA', nameZh: '意大利' },
  { iso3: 'JPN', nameZh: '日本' },
  { iso3: 'KAZ', nameZh: '哈萨克斯坦' },
  { iso3: 'KEN', nameZh: '肯尼亚' },
  { iso3: 'LVA', nameZh: '拉脱维亚' },
  { iso3: 'LBR', nameZh: '利比里亚' },
  { iso3: 'LTU', nameZh: '立陶宛' },
  { iso3: 'MDG', nameZh: '马达加斯加' },
  { iso3: 'MYS', nameZh: '马来西亚' },
  { iso3: 'MDV', nameZh: '马尔代夫' },
  { iso3: 'MLI', nameZh: '马里' },
  { iso3: 'MUS', nameZh: '毛里求斯' },
  { iso3: 'MNE', nameZh: '黑山' },
  { iso3: 'MAR', nameZh: '摩洛哥' },
  { iso3: 'NLD', nameZh: '荷兰' },
  { iso3: 'NZL', nameZh: '新西兰' },
  { iso3: 'NIC', nameZh: '尼加拉瓜' },
  { iso3: 'NER', nameZh: '尼日尔' },
  { iso3: 'NGA', nameZh: '尼日利亚' },
  { iso3: 'PER', nameZh: '秘鲁' },
  { iso3: 'PHL', nameZh: '菲律宾' },
  { iso3: 'POL', nameZh: '波兰' },
  { iso3: 'QAT', nameZh: '卡塔尔' },
  { iso3: 'KOR', nameZh: '大韩民国' },
  { iso3: 'RUS', nameZh: '俄罗斯联邦' },
  { iso3: 'RWA', nameZh: '卢旺达' },
  { iso3: 'SAU', nameZh: '沙特阿拉伯' },
  { iso3: 'SRB', nameZh: '塞尔维亚' },
  { iso3: 'SLE', nameZh: '塞拉利昂' },
  { iso3: 'SGP', nameZh: '新加坡' },
  { iso3: 'SVK', nameZh: '斯洛伐克' },
  { iso3: 'SVN', nameZh: '斯洛文尼亚' },
  { iso3: 'SSD', nameZh: '南苏丹' },
  { iso3: 'SDN', nameZh: '苏丹' },
  { iso3: 'SWE', nameZh: '瑞典' },
  { iso3: 'CHE', nameZh: '瑞士' },
  { iso3: 'THA', nameZh: '泰国' },
  { iso3: 'TGO', nameZh: '多哥' },
  { iso3: 'TUR', nameZh: '土耳其' },
  { iso3: 'UGA', nameZh: '乌干达' },
  { iso3: 'ARE', nameZh: '阿拉伯联合酋长国' },
  { iso3: 'GBR', nameZh: '大不列颠及北爱尔兰联合王国' },
  { iso3: 'TZA', nameZh: '坦桑尼亚联合共和国' },
];

/** States whose national point of contact gets a demo STATE account; the Secretariat files for the others. */
export const DEMO_STATE_ACCOUNT_COUNTRIES: readonly string[] = ['NGA', 'GHA', 'SSD', 'SLV', 'PHL', 'BIH'];

export interface DemoDonor {
  /** Short stable key: the offers refer to it and the donor's demo account is `donor.<key>@…`. */
  key: string;
  name: string;
  kind: DonorKind;
  countryIso3?: string;
}

/**
 * Donors. The documents name these contributors and funds:
 * - UNSCAR, the UN trust facility for arms regulation: 002 paras 22–23, 41–42, 70, 72; its contributors
 *   in the 2021–2022 cycle were Australia, Czechia, Finland, Germany and Slovakia (002 para 22, note 5).
 * - The Saving Lives Entity (SALIENT) fund: 002 paras 13–14, 46–47, 70.
 * - Germany: financial contribution to the UN–African Union Africa Amnesty Month project (002 paras 24–25).
 * - The European Union: contribution to the multi-year gender-mainstreaming project (002 paras 26–27).
 * - Australia: UNSCAR contributor (002 para 22, note 5).
 * - UNODA with its Ammunition Management Advisory Team (002 paras 17, 21) and the fellowship training
 *   programme the meeting decided to set up (000 para 83; 002 para 66).
 * - UNIDIR and its baseline assessment methodology (002 para 18, 50–51; 000 para 89).
 * - UNMAS, stockpile support in the Central African Republic, DR Congo, Somalia and South Sudan (002 para 17).
 * - UNODC, Firearms Protocol support in 26 countries (002 paras 28–29).
 * - The regional centre RECSA, technical assistance for Amnesty Month (002 para 25).
 * Japan (a reporting state, 000 para 15) and the Small Arms Survey (civil society, 002 paras 65, 72) are
 * not named as contributors; their offers illustrate a bilateral equipment donor and a civil-society
 * expertise provider.
 */
export const DEMO_DONORS: readonly DemoDonor[] = [
  { key: 'unscar', name: 'UN Trust Facility Supporting Cooperation on Arms Regulation (UNSCAR)', kind: DonorKind.UN_ENTITY },
  { key: 'salient', name: 'Saving Lives Entity (SALIENT) fund', kind: DonorKind.UN_ENTITY },
  { key: 'eu', name: 'European Union', kind: DonorKind.REGIONAL_ORGANIZATION },
  { key: 'germany', name: 'Government of Germany', kind: DonorKind.STATE, countryIso3: 'DEU' },
  { key: 'japan', name: 'Government of Japan', kind: DonorKind.STATE, countryIso3: 'JPN' },
  { key: 'australia', name: 'Government of Australia', kind: DonorKind.STATE, countryIso3: 'AUS' },
  { key: 'unoda', name: 'United Nations Office for Disarmament Affairs (UNODA)', kind: DonorKind.UN_ENTITY },
  { key: 'unidir', name: 'United Nations Institute for Disarmament Research (UNIDIR)', kind: DonorKind.UN_ENTITY },
  { key: 'unmas', name: 'United Nations Mine Action Service (UNMAS)', kind: DonorKind.UN_ENTITY },
  { key: 'unodc', name: 'United Nations Office on Drugs and Crime (UNODC)', kind: DonorKind.UN_ENTITY },
  {
    key: 'recsa',
    name: 'Regional Centre on Small Arms in the Great Lakes Region, the Horn of Africa and Bordering States (RECSA)',
    kind: DonorKind.REGIONAL_ORGANIZATION,
  },
  { key: 'sas', name: 'Small Arms Survey', kind: DonorKind.CIVIL_SOCIETY },
];

/** An offer as the donor posts it; `donorKey` names one of DEMO_DONORS. */
export type DemoOffer = Omit<CreateOfferInput, 'donorId'> & { donorKey: string };

export const DEMO_OFFERS: readonly DemoOffer[] = [
  {
    donorKey: 'unscar',
    title: 'UNSCAR call for proposals: small, short-term, quick-impact projects',
    description:
      'Grants for projects implemented by civil society, international and regional organisations or UN entities that support ' +
      'implementation of the PoA and the ITI (002 paras 22, 41). Funding decisions take into account the assistance needs and ' +
      'requests in national reports (002 para 42).',
    themeCodes: ['LEGAL_FRAMEWORK', 'WEAPONS_AMMUNITION_MANAGEMENT', 'CROSS_CUTTING'],
    assistanceTypes: [FINANCIAL],
    global: true,
    capacityUsd: 1_500_000,
    minGrantUsd: 50_000,
    maxGrantUsd: 150_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    requiresGenderComponent: true,
    conditions: 'Gender considerations in project design are a funding requirement (002 para 70); projects of 12 to 24 months.',
  },
  {
    donorKey: 'salient',
    title: 'SALIENT: national programmes integrating small arms control into development',
    description:
      'Sustained, coordinated funding for comprehensive national responses to armed violence and illicit small arms flows, ' +
      'mainstreaming small arms control into development and security efforts (002 paras 13, 46), with priority for contexts ' +
      'most affected by armed violence (002 para 54).',
    themeCodes: ['NATIONAL_COORDINATION', 'STOCKPILE_MANAGEMENT', 'COLLECTION', 'DDR', 'GENDER', 'YOUTH', 'DATA_COLLECTION'],
    assistanceTypes: [FINANCIAL, TECHNICAL_EXPERTISE],
    global: true,
    capacityUsd: 6_000_000,
    minGrantUsd: 500_000,
    maxGrantUsd: 2_500_000,
    startDate: '2027-01-01',
    endDate: '2030-12-31',
    requiresGenderComponent: true,
    conditions:
      'At least 30% of the programme budget goes to gender-responsive activities (002 para 70); proposals come from at least two ' +
      'UN entities with the Resident Coordinator, with the full consent and leadership of the host government (002 para 14).',
  },
  {
    donorKey: 'eu',
    title: 'Gender-responsive small arms control (Women, Peace and Security)',
    description:
      'Multi-year support to mainstream gender into national small arms action plans, policies and programmes, through training, ' +
      'research and national support in Africa, Latin America and the Caribbean, and Asia and the Pacific (002 paras 26–27).',
    themeCodes: ['GENDER', 'NATIONAL_COORDINATION', 'DATA_COLLECTION', 'TRAINING'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING, FINANCIAL],
    eligibleRegionCodes: ['002', '419', '142', '009'],
    capacityUsd: 2_400_000,
    minGrantUsd: 50_000,
    maxGrantUsd: 400_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    modality: Modality.NORTH_SOUTH,
    requiresGenderComponent: true,
  },
  {
    donorKey: 'eu',
    title: 'Western Balkans roadmap: surplus destruction and stockpile security',
    description:
      'Funding and equipment for the destruction of surplus weapons and ammunition and the physical security of storage sites, ' +
      'in line with the regional roadmap (000 para 85).',
    themeCodes: ['DESTRUCTION', 'STOCKPILE_MANAGEMENT', 'AMMUNITION'],
    assistanceTypes: [FINANCIAL, EQUIPMENT],
    eligibleCountryIso3s: ['ALB', 'BIH', 'MNE', 'SRB', 'MKD'],
    capacityUsd: 3_000_000,
    minGrantUsd: 100_000,
    maxGrantUsd: 1_000_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    modality: Modality.NORTH_SOUTH,
  },
  {
    donorKey: 'germany',
    title: 'Africa Amnesty Month and Silencing the Guns',
    description:
      'Support to voluntary surrender campaigns, public destruction of collected weapons, awareness campaigns and community ' +
      'policing, building on the joint UN–African Union project (002 paras 24–25).',
    themeCodes: ['COLLECTION', 'DESTRUCTION', 'AWARENESS_EDUCATION', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [FINANCIAL, EQUIPMENT],
    eligibleRegionCodes: ['002'],
    capacityUsd: 2_000_000,
    minGrantUsd: 100_000,
    maxGrantUsd: 500_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    modality: Modality.NORTH_SOUTH,
  },
  {
    donorKey: 'germany',
    title: 'Weapons and ammunition management in West Africa and the Sahel',
    description:
      'Multi-year funding and equipment for safe and secure management of stockpiles across the life cycle, to prevent diversion ' +
      '(000 paras 77, 80, 86), preferably following a baseline assessment (000 para 89).',
    themeCodes: ['WEAPONS_AMMUNITION_MANAGEMENT'],
    assistanceTypes: [FINANCIAL, EQUIPMENT, TECHNICAL_EXPERTISE],
    eligibleRegionCodes: ['011'],
    capacityUsd: 4_000_000,
    minGrantUsd: 250_000,
    maxGrantUsd: 1_200_000,
    startDate: '2027-01-01',
    endDate: '2030-12-31',
    modality: Modality.NORTH_SOUTH,
  },
  {
    donorKey: 'japan',
    title: 'Marking, record-keeping and tracing equipment with training',
    description:
      'Marking machines, record-keeping software and training so that national authorities can mark, record and trace small ' +
      'arms under the ITI, with the transfer of the technology to local technicians (000 paras 77, 90).',
    themeCodes: ['MARKING', 'RECORD_KEEPING', 'TRACING'],
    assistanceTypes: [EQUIPMENT, TECHNOLOGY_TRANSFER, TRAINING],
    eligibleRegionCodes: ['002', '035', '034'],
    capacityUsd: 1_800_000,
    minGrantUsd: 100_000,
    maxGrantUsd: 600_000,
    startDate: '2027-04-01',
    endDate: '2029-03-31',
    modality: Modality.NORTH_SOUTH,
  },
  {
    donorKey: 'australia',
    title: 'Pacific and South-East Asia: border and stockpile security',
    description: 'Training and equipment for border, customs and police services and for the security of state armouries.',
    themeCodes: ['BORDER_CUSTOMS', 'STOCKPILE_MANAGEMENT', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [TRAINING, EQUIPMENT],
    eligibleRegionCodes: ['009', '035'],
    capacityUsd: 900_000,
    minGrantUsd: 50_000,
    maxGrantUsd: 300_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    modality: Modality.NORTH_SOUTH,
  },
  {
    donorKey: 'unoda',
    title: 'Ammunition Management Advisory Team (AMAT): technical advice',
    description:
      'Expert advice under the International Ammunition Technical Guidelines on safe and secure ammunition storage, responses ' +
      'to unplanned explosions and risk reduction (002 paras 17, 21).',
    themeCodes: ['AMMUNITION', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    global: true,
    capacityUsd: 600_000,
    inKindQuantity: 300,
    inKindUnit: 'expert-days',
    maxGrantUsd: 120_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
  },
  {
    donorKey: 'unoda',
    title: 'Small arms fellowship training programme',
    description:
      'Fellowships for practitioners, particularly from developing countries, to build technical knowledge on implementing the ' +
      'PoA and the ITI, including national reporting (000 para 83; 002 para 66).',
    themeCodes: ['TRAINING', 'NATIONAL_REPORTING', 'NATIONAL_COORDINATION', 'DATA_COLLECTION'],
    assistanceTypes: [TRAINING],
    global: true,
    capacityUsd: 900_000,
    inKindQuantity: 60,
    inKindUnit: 'trainee places',
    maxGrantUsd: 60_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
  },
  {
    donorKey: 'unidir',
    title: 'Weapons and ammunition management baseline assessments',
    description:
      'Guidance and expert support for voluntary, nationally led baseline assessments using the reference methodology, so that ' +
      'national commissions can set priorities and frame assistance requests (000 para 89; 002 paras 18, 50–51).',
    themeCodes: ['BASELINE_ASSESSMENT', 'NATIONAL_COORDINATION'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    global: true,
    capacityUsd: 500_000,
    inKindQuantity: 200,
    inKindUnit: 'expert-days',
    maxGrantUsd: 180_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
  },
  {
    donorKey: 'unmas',
    title: 'Stockpile and explosive safety in conflict-affected settings',
    description:
      'Specialised training, installation and upgrade of weapons and ammunition storage, disposal of obsolete ammunition and ' +
      'assessment of ammunition storage areas (002 para 17).',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'AMMUNITION', 'DESTRUCTION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, EQUIPMENT, TRAINING],
    eligibleCountryIso3s: ['CAF', 'COD', 'SOM', 'SSD', 'MLI', 'SDN'],
    capacityUsd: 2_500_000,
    minGrantUsd: 200_000,
    maxGrantUsd: 900_000,
    startDate: '2027-01-01',
    endDate: '2029-06-30',
  },
  {
    donorKey: 'unodc',
    title: 'Firearms Protocol: legislation, investigation, prosecution and marking',
    description:
      'Updating firearms legislation, building capacity to investigate and prosecute trafficking, marking machines and training, ' +
      'and the integrated firearms record-keeping system (002 paras 28–29).',
    themeCodes: ['LEGISLATION', 'CRIMINAL_JUSTICE', 'ENFORCEMENT_COOPERATION', 'MARKING', 'RECORD_KEEPING', 'TRACING'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING, EQUIPMENT],
    eligibleRegionCodes: ['002', '419', '143', '039', '151'],
    capacityUsd: 1_600_000,
    inKindQuantity: 400,
    inKindUnit: 'expert-days',
    maxGrantUsd: 350_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
  },
  {
    donorKey: 'recsa',
    title: 'South–South support: marking, record-keeping and collection',
    description:
      'Technical assistance and trainers from the region for marking, record-keeping and weapons collection campaigns, and ' +
      'strengthening regional cooperation (000 paras 77, 82; 002 para 25).',
    themeCodes: ['MARKING', 'RECORD_KEEPING', 'COLLECTION', 'REGIONAL_CAPACITY'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING, EQUIPMENT],
    eligibleRegionCodes: ['014', '017'],
    capacityUsd: 450_000,
    maxGrantUsd: 150_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    modality: Modality.SOUTH_SOUTH,
  },
  {
    donorKey: 'sas',
    title: 'Data collection and SDG 16.4.2 monitoring support',
    description:
      'Expertise to collect, compile and analyse data on illicit arms flows and firearm violence, disaggregated by sex and age, ' +
      'and to prepare national reports (002 para 65).',
    themeCodes: ['DATA_COLLECTION', 'NATIONAL_REPORTING', 'GENDER'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    global: true,
    capacityUsd: 300_000,
    inKindQuantity: 150,
    inKindUnit: 'expert-days',
    maxGrantUsd: 80_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
  },
];

/** A need as its state files it; `countryIso3` is one of BMS8_REPORTING_STATES. */
export type DemoNeed = Omit<CreateNeedInput, 'countryIso3' | 'nationalReportId'> & { countryIso3: string };

/**
 * Needs of reporting states, in the themes the documents stress: stockpile management, marking,
 * record-keeping, tracing, border control and destruction (002 paras 63–64), baseline assessments
 * (000 para 89), gender and youth (002 para 70), data (002 para 65), collection and DDR in
 * conflict-affected places (002 paras 25, 54). Where the documents mention a country, the need follows them.
 */
export const DEMO_NEEDS: readonly DemoNeed[] = [
  // Africa
  {
    countryIso3: 'BEN',
    title: 'Implement the priorities of the national weapons and ammunition management baseline assessment',
    description:
      'Benin completed a national WAM baseline assessment (002 para 18). The national commission now needs expertise and equipment ' +
      'to secure armouries, computerise records and train storekeepers, as the assessment recommends.',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'RECORD_KEEPING', 'NATIONAL_COORDINATION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, EQUIPMENT, TRAINING],
    estimatedBudgetUsd: 620_000,
    startDate: '2027-03-01',
    endDate: '2029-02-28',
    priority: 2,
    nationalActionPlan: true,
    baselineAssessment: true,
    genderComponent: true,
    multiYear: true,
  },
  {
    countryIso3: 'BFA',
    title: 'Secure armouries of the defence and security forces in the northern regions',
    description:
      'Physical security upgrades, ammunition storage and stock accounting for armouries exposed to attack, to prevent diversion ' +
      'to armed groups.',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'AMMUNITION'],
    assistanceTypes: [EQUIPMENT, TRAINING, FINANCIAL],
    estimatedBudgetUsd: 900_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    priority: 1,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'BDI',
    title: 'Marking and registration of state-held small arms',
    description: 'Marking machines, training of technicians and a central register so that every state-held weapon is marked and recorded.',
    themeCodes: ['MARKING', 'RECORD_KEEPING'],
    assistanceTypes: [EQUIPMENT, TECHNOLOGY_TRANSFER, TRAINING],
    estimatedBudgetUsd: 280_000,
    startDate: '2027-06-01',
    endDate: '2028-05-31',
    nationalActionPlan: true,
  },
  {
    countryIso3: 'CAF',
    title: 'Upgrade ammunition storage sites and dispose of obsolete ammunition',
    description:
      'Following the national baseline assessment (002 para 18), rehabilitate ammunition depots and destroy unserviceable ' +
      'ammunition that endangers nearby communities (002 para 17).',
    themeCodes: ['AMMUNITION', 'STOCKPILE_MANAGEMENT', 'DESTRUCTION'],
    assistanceTypes: [EQUIPMENT, TECHNICAL_EXPERTISE, FINANCIAL],
    estimatedBudgetUsd: 1_200_000,
    startDate: '2027-01-01',
    endDate: '2029-06-30',
    priority: 1,
    baselineAssessment: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'CAF',
    title: 'Community violence reduction and reintegration of former combatants',
    description:
      'Community violence reduction projects with weapons collection, vocational training for young people and former combatants, ' +
      'and women-led local peace committees.',
    themeCodes: ['DDR', 'COLLECTION', 'YOUTH'],
    assistanceTypes: [FINANCIAL, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 750_000,
    startDate: '2027-04-01',
    endDate: '2029-12-31',
    priority: 2,
    genderComponent: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'CIV',
    title: 'National action plan 2027–2031 on small arms and light weapons',
    description:
      'Support to the national commission to draft, cost and monitor a new national action plan with voluntary targets and ' +
      'gender-responsive measures (002 paras 48–49).',
    themeCodes: ['NATIONAL_COORDINATION', 'DATA_COLLECTION', 'NATIONAL_REPORTING'],
    assistanceTypes: [TECHNICAL_EXPERTISE, FINANCIAL],
    estimatedBudgetUsd: 180_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    nationalActionPlan: true,
    genderComponent: true,
  },
  {
    countryIso3: 'COD',
    title: 'Marking and digital record-keeping for the national police in the eastern provinces',
    description: 'Mark police weapons, introduce a digital register and train officers to trace weapons recovered from armed groups.',
    themeCodes: ['MARKING', 'RECORD_KEEPING', 'TRACING'],
    assistanceTypes: [EQUIPMENT, TRAINING, TECHNOLOGY_TRANSFER],
    estimatedBudgetUsd: 1_500_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    priority: 1,
    nationalActionPlan: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'EGY',
    title: 'Customs detection of firearms, parts and components in transit',
    description: 'Training and scanning equipment for customs officers at ports and land crossings to detect illicit firearms and parts.',
    themeCodes: ['BORDER_CUSTOMS', 'TRANSFER_CONTROLS', 'ONLINE_POSTAL_CONVERSION'],
    assistanceTypes: [TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 350_000,
    startDate: '2027-07-01',
    endDate: '2028-12-31',
  },
  {
    countryIso3: 'GMB',
    title: 'Review of firearms legislation against the ECOWAS Convention',
    description:
      'Legal expertise to revise the firearms act and its regulations, including brokering controls and gender-responsive provisions.',
    themeCodes: ['LEGISLATION', 'BROKERING'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 90_000,
    startDate: '2027-02-01',
    endDate: '2027-12-31',
    priority: 2,
    nationalActionPlan: true,
    genderComponent: true,
  },
  {
    countryIso3: 'GHA',
    title: 'Marking of civilian-held firearms and an electronic firearms registry',
    description:
      'Extend marking to civilian-held firearms and replace paper licences with an electronic registry shared by the police and ' +
      'the national commission.',
    themeCodes: ['MARKING', 'RECORD_KEEPING'],
    assistanceTypes: [EQUIPMENT, TECHNOLOGY_TRANSFER, TRAINING],
    estimatedBudgetUsd: 480_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    nationalActionPlan: true,
    multiYear: true,
  },
  {
    countryIso3: 'GHA',
    title: 'Youth and community awareness campaign on illicit firearms',
    description: 'Radio, school and community campaign with young women and men on the risks of illicit firearms.',
    themeCodes: ['AWARENESS_EDUCATION', 'YOUTH', 'GENDER'],
    assistanceTypes: [FINANCIAL],
    estimatedBudgetUsd: 120_000,
    startDate: '2027-09-01',
    endDate: '2028-08-31',
    priority: 4,
    genderComponent: true,
    visibility: Visibility.PUBLIC,
  },
  {
    countryIso3: 'GIN',
    title: 'Destruction of surplus and seized weapons',
    description: 'Equipment and funding to destroy surplus and seized small arms held by the police and gendarmerie.',
    themeCodes: ['DESTRUCTION', 'COLLECTION'],
    assistanceTypes: [EQUIPMENT, FINANCIAL],
    estimatedBudgetUsd: 150_000,
    startDate: '2027-05-01',
    endDate: '2027-12-31',
  },
  {
    countryIso3: 'KEN',
    title: 'Border control of small arms on the northern frontier',
    description: 'Vehicles, detection equipment and joint training for border police and customs facing cross-border arms trafficking.',
    themeCodes: ['BORDER_CUSTOMS', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [EQUIPMENT, TRAINING],
    estimatedBudgetUsd: 700_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    nationalActionPlan: true,
    conflictAffected: true,
  },
  {
    countryIso3: 'LBR',
    title: 'Data collection on illicit arms and SDG indicator 16.4.2',
    description: 'Help the national commission collect and analyse seizure data and prepare the next national report.',
    themeCodes: ['DATA_COLLECTION', 'NATIONAL_REPORTING'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 85_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    genderComponent: true,
  },
  {
    countryIso3: 'MDG',
    title: 'Voluntary weapons surrender during Africa Amnesty Month',
    description:
      'Organise voluntary surrender of illicitly held firearms, public destruction and an awareness campaign, as in the 2021 ' +
      'Amnesty Month (002 para 25).',
    themeCodes: ['COLLECTION', 'DESTRUCTION', 'AWARENESS_EDUCATION'],
    assistanceTypes: [FINANCIAL, EQUIPMENT],
    estimatedBudgetUsd: 210_000,
    startDate: '2027-08-01',
    endDate: '2027-12-31',
    genderComponent: true,
  },
  {
    countryIso3: 'MLI',
    title: 'Physical security and stockpile management for defence armouries in central Mali',
    description: 'Secure armouries, ammunition accounting and storekeeper training where armed groups target state stockpiles.',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'AMMUNITION', 'RECORD_KEEPING'],
    assistanceTypes: [EQUIPMENT, TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 1_100_000,
    startDate: '2027-01-01',
    endDate: '2029-06-30',
    priority: 1,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'NER',
    title: 'Community weapons collection in border regions',
    description:
      'Amnesty and collection campaigns with community policing in border regions, following the 2021 Amnesty Month (002 para 25).',
    themeCodes: ['COLLECTION', 'DESTRUCTION', 'BORDER_CUSTOMS'],
    assistanceTypes: [FINANCIAL, EQUIPMENT],
    estimatedBudgetUsd: 400_000,
    startDate: '2027-03-01',
    endDate: '2028-02-29',
    priority: 2,
    genderComponent: true,
    conflictAffected: true,
  },
  {
    countryIso3: 'NGA',
    title: 'Tracing capacity of the firearms investigation unit',
    description:
      'Equip and train investigators to trace recovered weapons, exchange tracing requests with neighbouring states and bring ' +
      'traffickers to justice.',
    themeCodes: ['TRACING', 'CRIMINAL_JUSTICE', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 650_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    priority: 2,
    nationalActionPlan: true,
    genderComponent: true,
    multiYear: true,
  },
  {
    countryIso3: 'NGA',
    title: 'National weapons and ammunition management baseline assessment',
    description:
      'A voluntary, nationally led baseline assessment to set priorities for the national centre and frame future requests (000 para 89).',
    themeCodes: ['BASELINE_ASSESSMENT', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 160_000,
    startDate: '2027-02-01',
    endDate: '2027-11-30',
    nationalActionPlan: true,
  },
  {
    countryIso3: 'RWA',
    title: 'Training of police in weapons marking and record-keeping',
    description: 'Train police armourers on marking equipment and the national register, with a regional training of trainers.',
    themeCodes: ['MARKING', 'RECORD_KEEPING', 'TRAINING'],
    assistanceTypes: [TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 140_000,
    startDate: '2027-04-01',
    endDate: '2027-12-31',
  },
  {
    countryIso3: 'SLE',
    title: 'Gender-responsive small arms control in the national action plan',
    description: 'Integrate gender analysis into the national action plan and the firearms law, with women in the national commission.',
    themeCodes: ['GENDER', 'NATIONAL_COORDINATION', 'LEGISLATION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, FINANCIAL],
    estimatedBudgetUsd: 130_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    nationalActionPlan: true,
    genderComponent: true,
  },
  {
    countryIso3: 'SSD',
    title: 'Safe storage of weapons and ammunition for community security and disarmament',
    description:
      'Build and equip weapons and ammunition stores for the organised forces and support community disarmament, as scoped with ' +
      'the country team in the SALIENT pilot (002 paras 14, 17).',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'AMMUNITION', 'DDR'],
    assistanceTypes: [EQUIPMENT, FINANCIAL, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 1_800_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    priority: 1,
    nationalActionPlan: true,
    genderComponent: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'SDN',
    title: 'Ammunition disposal and explosive safety',
    description: 'Assess ammunition storage areas and dispose of unstable ammunition close to populated areas.',
    themeCodes: ['AMMUNITION', 'DESTRUCTION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, EQUIPMENT],
    estimatedBudgetUsd: 900_000,
    startDate: '2027-06-01',
    endDate: '2028-12-31',
    priority: 2,
    conflictAffected: true,
  },
  {
    countryIso3: 'TGO',
    title: 'Ammunition management following the baseline assessment',
    description:
      'Act on the baseline assessment (002 para 18) and the advice received after an unplanned explosion (002 para 17): ' +
      'storage safety, accounting and training to the International Ammunition Technical Guidelines.',
    themeCodes: ['AMMUNITION', 'STOCKPILE_MANAGEMENT', 'TRAINING'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 450_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    priority: 2,
    baselineAssessment: true,
    genderComponent: true,
  },
  {
    countryIso3: 'UGA',
    title: 'Destruction of weapons collected during Amnesty Month',
    description: 'Destroy weapons handed in during Amnesty Month (002 para 25) and publicise the destruction.',
    themeCodes: ['DESTRUCTION', 'COLLECTION', 'AWARENESS_EDUCATION'],
    assistanceTypes: [EQUIPMENT, FINANCIAL],
    estimatedBudgetUsd: 260_000,
    startDate: '2027-09-01',
    endDate: '2028-03-31',
  },
  {
    countryIso3: 'TZA',
    title: 'Electronic firearms register and licensing system',
    description: 'An electronic register linking licensing, import authorisations and tracing requests.',
    themeCodes: ['RECORD_KEEPING', 'TRANSFER_CONTROLS', 'TRACING'],
    assistanceTypes: [TECHNOLOGY_TRANSFER, EQUIPMENT, TRAINING],
    estimatedBudgetUsd: 540_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    nationalActionPlan: true,
    multiYear: true,
  },
  {
    countryIso3: 'MUS',
    title: 'Screening of containers for firearms at Port Louis',
    description: 'Scanning equipment and training for port and customs officers to detect firearms in containers and postal shipments.',
    themeCodes: ['BORDER_CUSTOMS', 'TRANSFER_CONTROLS'],
    assistanceTypes: [EQUIPMENT, TRAINING],
    estimatedBudgetUsd: 300_000,
    startDate: '2027-04-01',
    endDate: '2028-03-31',
    priority: 4,
  },
  // Americas
  {
    countryIso3: 'SLV',
    title: 'Ammunition accounting and investigation priorities from the baseline assessment',
    description:
      'El Salvador carried out a WAM baseline assessment (002 para 18); this request funds ammunition accounting and criminal ' +
      'investigation of diversion, with attention to firearm violence against women.',
    themeCodes: ['AMMUNITION', 'RECORD_KEEPING', 'CRIMINAL_JUSTICE'],
    assistanceTypes: [TECHNICAL_EXPERTISE, EQUIPMENT],
    estimatedBudgetUsd: 380_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    priority: 2,
    baselineAssessment: true,
    genderComponent: true,
  },
  {
    countryIso3: 'GTM',
    title: 'Ballistic tracing and prosecution of firearms trafficking',
    description: 'Ballistic equipment, tracing training and prosecutor guidance, with a focus on femicide cases involving firearms.',
    themeCodes: ['TRACING', 'CRIMINAL_JUSTICE', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [EQUIPMENT, TRAINING, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 600_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    genderComponent: true,
    multiYear: true,
  },
  {
    countryIso3: 'HND',
    title: 'Prevention of armed violence among young people',
    description: 'Community prevention programmes, support to survivors and school awareness in municipalities with high armed violence.',
    themeCodes: ['YOUTH', 'AWARENESS_EDUCATION', 'GENDER', 'VICTIM_ASSISTANCE'],
    assistanceTypes: [FINANCIAL, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 250_000,
    startDate: '2027-02-01',
    endDate: '2028-01-31',
    genderComponent: true,
    conflictAffected: true,
  },
  {
    countryIso3: 'GRD',
    title: 'Caribbean roadmap: firearms legislation and port controls',
    description: 'Update the firearms act and train port officers, as the Caribbean Priority Actions roadmap asks (002 para 28).',
    themeCodes: ['LEGISLATION', 'BORDER_CUSTOMS'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 95_000,
    startDate: '2027-03-01',
    endDate: '2027-12-31',
    nationalActionPlan: true,
  },
  {
    countryIso3: 'COL',
    title: 'Destruction of surrendered weapons and reintegration support',
    description: 'Destroy weapons surrendered under the peace agreement and support victims and the reintegration of former combatants.',
    themeCodes: ['DDR', 'DESTRUCTION', 'VICTIM_ASSISTANCE'],
    assistanceTypes: [FINANCIAL, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 800_000,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    genderComponent: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'PER',
    title: 'Ammunition storage safety after an unplanned explosion',
    description:
      'Risk assessment and upgrade of ammunition storage areas following technical advice on unplanned explosions (002 para 17).',
    themeCodes: ['AMMUNITION', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [TECHNICAL_EXPERTISE, EQUIPMENT],
    estimatedBudgetUsd: 420_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    priority: 2,
  },
  {
    countryIso3: 'BOL',
    title: 'Border control against firearms trafficking',
    description: 'Joint training and detection equipment for police and customs at the main border crossings.',
    themeCodes: ['BORDER_CUSTOMS', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 330_000,
    startDate: '2027-05-01',
    endDate: '2028-04-30',
  },
  {
    countryIso3: 'ARG',
    title: 'Detection of 3D-printed and converted firearms',
    description: 'Forensic and investigative expertise on 3D-printed, polymer and converted firearms and their online trade (000 para 81).',
    themeCodes: ['NEW_TECHNOLOGY', 'ONLINE_POSTAL_CONVERSION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 200_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    priority: 4,
  },
  // Asia
  {
    countryIso3: 'PHL',
    title: 'Marking and tracing of firearms in Mindanao',
    description: 'Mark weapons of the police and of decommissioned combatants and trace recovered firearms in conflict-affected provinces.',
    themeCodes: ['MARKING', 'TRACING', 'RECORD_KEEPING'],
    assistanceTypes: [EQUIPMENT, TRAINING],
    estimatedBudgetUsd: 520_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    nationalActionPlan: true,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'PHL',
    title: 'Maritime border control against small arms smuggling in the Sulu and Celebes Seas',
    description:
      'Patrol and detection equipment and joint training for the coast guard, customs and police, with information exchange with neighbours.',
    themeCodes: ['BORDER_CUSTOMS', 'ENFORCEMENT_COOPERATION'],
    assistanceTypes: [TRAINING, EQUIPMENT],
    estimatedBudgetUsd: 400_000,
    startDate: '2027-04-01',
    endDate: '2028-12-31',
    priority: 2,
    conflictAffected: true,
  },
  {
    countryIso3: 'BGD',
    title: 'National point of contact and national reporting',
    description: 'Training and tools for the national point of contact to coordinate agencies and file PoA and ITI reports.',
    themeCodes: ['NATIONAL_COORDINATION', 'NATIONAL_REPORTING', 'DATA_COLLECTION'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 110_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    priority: 4,
  },
  {
    countryIso3: 'IRQ',
    title: 'Safe destruction of surplus weapons and ammunition',
    description: 'Destruction equipment and expertise to dispose of surplus and unserviceable weapons and ammunition.',
    themeCodes: ['DESTRUCTION', 'AMMUNITION', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [EQUIPMENT, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 1_400_000,
    startDate: '2027-01-01',
    endDate: '2029-06-30',
    priority: 2,
    conflictAffected: true,
    multiYear: true,
  },
  {
    countryIso3: 'KAZ',
    title: 'Preventing terrorists from acquiring weapons: investigation and cross-border cooperation',
    description: 'Training on investigation and information exchange between police, customs and licensing authorities (002 para 30).',
    themeCodes: ['ENFORCEMENT_COOPERATION', 'CRIMINAL_JUSTICE', 'BORDER_CUSTOMS'],
    assistanceTypes: [TRAINING, TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 270_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
  },
  {
    countryIso3: 'MDV',
    title: 'Review of small arms legislation',
    description: 'Legal drafting support to update the arms law, including brokering controls.',
    themeCodes: ['LEGISLATION', 'BROKERING'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 70_000,
    startDate: '2027-03-01',
    endDate: '2027-12-31',
    priority: 4,
  },
  // Europe
  {
    countryIso3: 'BIH',
    title: 'Destruction of surplus small arms and ammunition',
    description: 'Destroy surplus small arms and ammunition held by the armed forces, as set out in the Western Balkans roadmap.',
    themeCodes: ['DESTRUCTION', 'AMMUNITION', 'STOCKPILE_MANAGEMENT'],
    assistanceTypes: [FINANCIAL, EQUIPMENT],
    estimatedBudgetUsd: 650_000,
    startDate: '2027-01-01',
    endDate: '2028-12-31',
    priority: 2,
    nationalActionPlan: true,
    genderComponent: true,
    multiYear: true,
  },
  {
    countryIso3: 'SRB',
    title: 'Illicit online trade and conversion of alarm weapons',
    description: 'Investigate online sales and the conversion of alarm and gas weapons into firearms.',
    themeCodes: ['ONLINE_POSTAL_CONVERSION', 'NEW_TECHNOLOGY', 'CRIMINAL_JUSTICE'],
    assistanceTypes: [TECHNICAL_EXPERTISE, TRAINING],
    estimatedBudgetUsd: 240_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    nationalActionPlan: true,
  },
  {
    countryIso3: 'MNE',
    title: 'Gender analysis of firearms misuse and domestic violence data',
    description: 'Collect and analyse sex-disaggregated data on firearms misuse, including in domestic violence.',
    themeCodes: ['GENDER', 'DATA_COLLECTION'],
    assistanceTypes: [TECHNICAL_EXPERTISE],
    estimatedBudgetUsd: 90_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    nationalActionPlan: true,
    genderComponent: true,
  },
  {
    countryIso3: 'ALB',
    title: 'Upgrade of police armouries and the weapons register',
    description: 'Physical security of police armouries and migration of the weapons register to a new database.',
    themeCodes: ['STOCKPILE_MANAGEMENT', 'RECORD_KEEPING'],
    assistanceTypes: [EQUIPMENT],
    estimatedBudgetUsd: 350_000,
    startDate: '2027-01-01',
    endDate: '2028-06-30',
    nationalActionPlan: true,
  },
];

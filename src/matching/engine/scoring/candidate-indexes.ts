import { PreparedNeed, PreparedOffer } from './prepared-forms';
import { Eligibility, GLOBAL_ELIGIBILITY } from './region-fit';
import { NeedColumns, OfferColumns } from './scoring-columns';

/** Offers a need's country is eligible for, with how it is eligible (parallel arrays, one slot per offer). */
export interface OfferCandidates {
  offerIndices: Int32Array;
  regionFits: Float64Array;
  eligibilities: readonly Eligibility[];
}

/**
 * Offers indexed by what they are open to (country, M49 code, global), so a need only visits the
 * offers its country is eligible for, and gets their region fit without a per-pair set lookup.
 */
export class OfferIndex {
  /** Position of each offer in id order; ties between equal scores go to the lower rank. */
  readonly ranks: Int32Array;
  private readonly byCountry = new Map<string, number[]>();
  private readonly byRegion = new Map<string, number[]>();
  private readonly globalOffers: number[] = [];
  /** Scratch for candidatesFor: the best eligibility found so far per offer. */
  private readonly bestEligibility: (Eligibility | null)[];
  readonly columns: OfferColumns;

  constructor(readonly offers: readonly PreparedOffer[]) {
    this.columns = new OfferColumns(offers);
    offers.forEach((offer, index) => {
      if (offer.global) this.globalOffers.push(index);
      for (const country of offer.eligibleCountries) appendTo(this.byCountry, country, index);
      for (const region of offer.eligibleRegions) appendTo(this.byRegion, region, index);
    });
    this.ranks = ranksById(offers.map((offer) => offer.source.id));
    this.bestEligibility = new Array<Eligibility | null>(offers.length).fill(null);
  }

  /**
   * The offers the need's country is eligible for, in no particular order, each with the most
   * targeted eligibility, as `eligibilityOf` would find it. Not re-entrant (shares one scratch array).
   */
  candidatesFor(need: PreparedNeed): OfferCandidates {
    const touched: number[] = [];
    const raise = (offerIndices: readonly number[] | undefined, eligibility: Eligibility) => {
      for (const index of offerIndices ?? []) {
        const best = this.bestEligibility[index];
        if (best === null) touched.push(index);
        if (best === null || eligibility.fit > best.fit) this.bestEligibility[index] = eligibility;
      }
    };
    raise(this.globalOffers, GLOBAL_ELIGIBILITY);
    for (const place of need.regionPlaces) raise(this.byRegion.get(place.code), place);
    raise(this.byCountry.get(need.countryPlace.code), need.countryPlace);

    const eligibilities = touched.map((index) => this.bestEligibility[index] as Eligibility);
    for (const index of touched) this.bestEligibility[index] = null;
    return {
      offerIndices: Int32Array.from(touched),
      regionFits: Float64Array.from(eligibilities, (eligibility) => eligibility.fit),
      eligibilities,
    };
  }
}

/** Needs indexed by country and by every M49 code enclosing it, for rescoring one offer. */
export class NeedIndex {
  /** Position of each need in id order, for stable tie-breaks. */
  readonly ranks: Int32Array;
  readonly columns: NeedColumns;
  private readonly byCountry = new Map<string, number[]>();
  private readonly byRegion = new Map<string, number[]>();

  constructor(readonly needs: readonly PreparedNeed[]) {
    this.columns = new NeedColumns(needs);
    needs.forEach((need, index) => {
      appendTo(this.byCountry, need.source.countryIso3, index);
      for (const place of need.regionPlaces) appendTo(this.byRegion, place.code, index);
    });
    this.ranks = ranksById(needs.map((need) => need.source.id));
  }

  /** Indices of the needs whose country the offer may reach, ascending, each once. */
  candidatesFor(offer: PreparedOffer): number[] {
    if (offer.global) return this.needs.map((_, index) => index);
    const seen = new Uint8Array(this.needs.length);
    const found: number[] = [];
    const lists = [
      ...[...offer.eligibleCountries].map((country) => this.byCountry.get(country)),
      ...[...offer.eligibleRegions].map((region) => this.byRegion.get(region)),
    ];
    for (const list of lists) {
      for (const index of list ?? []) {
        if (seen[index] === 0) {
          seen[index] = 1;
          found.push(index);
        }
      }
    }
    return found.sort((a, b) => a - b);
  }
}

function appendTo(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function ranksById(ids: readonly string[]): Int32Array {
  const order = ids.map((_, index) => index).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const ranks = new Int32Array(ids.length);
  order.forEach((index, rank) => (ranks[index] = rank));
  return ranks;
}

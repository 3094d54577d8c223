import { PreparedNeed, PreparedOffer } from './prepared-forms';

/**
 * Needs laid out column by column in typed arrays. The hot loop reads rows of these instead of the
 * prepared objects: no pointer chasing, no boxed doubles, and no hidden-class checks that fail when
 * objects holding both small integers and doubles end up with different shapes.
 */
export class NeedColumns {
  readonly themeLo: Int32Array;
  readonly themeHi: Int32Array;
  readonly themeCount: Int32Array;
  readonly assistanceMask: Int32Array;
  readonly startDay: Float64Array;
  readonly endDay: Float64Array;
  readonly unfundedUsd: Float64Array;
  readonly ownership: Uint8Array;
  readonly gender: Uint8Array;
  readonly baseline: Uint8Array;
  readonly multiYear: Uint8Array;
  readonly conflict: Uint8Array;

  /** `prepared[row]` is the need whose numbers sit at `row` of every column. */
  constructor(readonly prepared: readonly PreparedNeed[]) {
    const rows = prepared.length;
    [this.themeLo, this.themeHi, this.themeCount, this.assistanceMask] = int32Columns(4, rows);
    [this.startDay, this.endDay, this.unfundedUsd] = float64Columns(3, rows);
    [this.ownership, this.gender, this.baseline, this.multiYear, this.conflict] = flagColumns(5, rows);
    prepared.forEach((need, row) => {
      this.themeLo[row] = need.themeLo;
      this.themeHi[row] = need.themeHi;
      this.themeCount[row] = need.themeCount;
      this.assistanceMask[row] = need.assistanceMask;
      this.startDay[row] = need.startDay;
      this.endDay[row] = need.endDay;
      this.unfundedUsd[row] = need.unfundedUsd;
      this.ownership[row] = need.ownership;
      this.gender[row] = need.gender;
      this.baseline[row] = need.baseline;
      this.multiYear[row] = need.multiYear;
      this.conflict[row] = need.conflict;
    });
  }
}

/** Offers laid out column by column; see NeedColumns. */
export class OfferColumns {
  readonly exactLo: Int32Array;
  readonly exactHi: Int32Array;
  readonly coverLo: Int32Array;
  readonly coverHi: Int32Array;
  readonly assistanceMask: Int32Array;
  readonly startDay: Float64Array;
  readonly endDay: Float64Array;
  readonly remainingCapacityUsd: Float64Array;
  readonly minGrantUsd: Float64Array;
  readonly fundableUsd: Float64Array;
  readonly requiresGenderComponent: Uint8Array;
  readonly asksAboutGender: Uint8Array;

  /** `prepared[row]` is the offer whose numbers sit at `row` of every column. */
  constructor(readonly prepared: readonly PreparedOffer[]) {
    const rows = prepared.length;
    [this.exactLo, this.exactHi, this.coverLo, this.coverHi, this.assistanceMask] = int32Columns(5, rows);
    [this.startDay, this.endDay, this.remainingCapacityUsd, this.minGrantUsd, this.fundableUsd] = float64Columns(5, rows);
    [this.requiresGenderComponent, this.asksAboutGender] = flagColumns(2, rows);
    prepared.forEach((offer, row) => {
      this.exactLo[row] = offer.exactLo;
      this.exactHi[row] = offer.exactHi;
      this.coverLo[row] = offer.coverLo;
      this.coverHi[row] = offer.coverHi;
      this.assistanceMask[row] = offer.assistanceMask;
      this.startDay[row] = offer.startDay;
      this.endDay[row] = offer.endDay;
      this.remainingCapacityUsd[row] = offer.remainingCapacityUsd;
      this.minGrantUsd[row] = offer.minGrantUsd;
      this.fundableUsd[row] = offer.fundableUsd;
      this.requiresGenderComponent[row] = offer.requiresGenderComponent ? 1 : 0;
      this.asksAboutGender[row] = offer.asksAboutGender ? 1 : 0;
    });
  }
}

function int32Columns(count: number, rows: number): Int32Array[] {
  return Array.from({ length: count }, () => new Int32Array(rows));
}

function float64Columns(count: number, rows: number): Float64Array[] {
  return Array.from({ length: count }, () => new Float64Array(rows));
}

function flagColumns(count: number, rows: number): Uint8Array[] {
  return Array.from({ length: count }, () => new Uint8Array(rows));
}

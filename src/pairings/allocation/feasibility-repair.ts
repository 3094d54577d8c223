import { AllocationIndex } from './allocation-index';
import { geographicInfeasibilityReason } from './geographic-balance';

/** Shares are compared in floating point; a millionth of a dollar is not a violation. */
const SHARE_TOLERANCE_USD = 1e-6;

/**
 * Each round removes at least one dollar, so the share repair always ends; this bound only stops
 * a slow crawl towards the empty allocation, which is then taken directly.
 */
const MAX_SHARE_ROUNDS = 1000;

/**
 * Turns `amounts` (one per candidate, possibly fractional) into whole dollars that satisfy every
 * constraint, in place. Amounts are rounded down, so rounding cannot overshoot any bound or
 * capacity (an amount within `roundingSlackUsd` below a whole dollar counts as that dollar, since
 * a solver meets a minimum grant only up to its tolerance). Anything still over a limit (solver
 * tolerance) or under a share is trimmed from the lowest-scored grants first. A grant trimmed
 * below its offer's minimum is dropped altogether, so the result never holds a grant below the
 * minimum or above the maximum. The empty allocation meets every constraint, so the repair always
 * succeeds, if need be by giving nothing.
 */
export function repairToFeasible(index: AllocationIndex, amounts: Float64Array, roundingSlackUsd = 0): void {
  new FeasibilityRepair(index, amounts).run(roundingSlackUsd);
}

/** Candidates grouped by offer, need, country or region, each group ordered by ascending score. */
interface Groups {
  starts: Int32Array;
  members: Int32Array;
}

class FeasibilityRepair {
  private readonly ascending: Int32Array;
  private readonly offerSum: Float64Array;
  private readonly needSum: Float64Array;
  private readonly countrySum: Float64Array;
  private readonly regionSum: Float64Array;
  private total = 0;

  constructor(
    private readonly index: AllocationIndex,
    private readonly amounts: Float64Array,
  ) {
    this.ascending = index.byScoreDescending.slice().reverse();
    this.offerSum = new Float64Array(index.offerRemaining.length);
    this.needSum = new Float64Array(index.needUnfunded.length);
    this.countrySum = new Float64Array(index.countryCodes.length);
    this.regionSum = new Float64Array(index.regionCodes.length);
  }

  run(roundingSlackUsd: number): void {
    this.roundDownWithinGrantLimits(roundingSlackUsd);
    this.enforceCapacities();
    this.enforceShares();
  }

  private roundDownWithinGrantLimits(roundingSlackUsd: number): void {
    const { amounts, index } = this;
    for (let c = 0; c < index.candidateCount; c++) {
      let amount = Math.min(Math.floor(amounts[c] + roundingSlackUsd), index.upperOf[c]);
      if (amount < index.lowerOf[c]) amount = 0;
      amounts[c] = 0;
      this.set(c, amount);
    }
  }

  private enforceCapacities(): void {
    const { index } = this;
    this.trimGroupsOver(
      () => this.group(index.offerOf, this.offerSum.length),
      this.offerSum,
      (offer) => index.offerRemaining[offer],
    );
    this.trimGroupsOver(
      () => this.group(index.needOf, this.needSum.length),
      this.needSum,
      (need) => index.needUnfunded[need],
    );
    this.trimGroupsOver(
      () => this.group(index.countryOf, this.countrySum.length),
      this.countrySum,
      () => index.maxCountryUsd,
    );
  }

  /** `groups` is built only when some group is over its capacity, which rounding down rarely leaves. */
  private trimGroupsOver(groups: () => Groups, sums: Float64Array, capacityOf: (group: number) => number): void {
    let built: Groups | undefined;
    for (let group = 0; group < sums.length; group++) {
      const excess = sums[group] - capacityOf(group);
      if (excess > 0) {
        built ??= groups();
        this.trim(built.members, built.starts[group], built.starts[group + 1], excess);
      }
    }
  }

  private enforceShares(): void {
    const { index } = this;
    const minShare = index.minRegionShare;
    const maxShare = index.maxCountryShare;
    if (minShare === 0 && maxShare === 1) return;
    if (geographicInfeasibilityReason(index) !== null) {
      this.clear();
      return;
    }
    const byCountry = this.group(index.countryOf, this.countrySum.length);
    const byRegion = this.group(index.regionOf, this.regionSum.length);

    for (let round = 0; ; round++) {
      if (round === MAX_SHARE_ROUNDS) {
        this.clear();
        return;
      }
      let violated = false;
      for (let country = 0; maxShare < 1 && country < this.countrySum.length; country++) {
        const over = this.countrySum[country] - maxShare * this.total;
        if (over > SHARE_TOLERANCE_USD) {
          // Removing d from the country also removes d from the total: X − d ≤ c·(T − d).
          const cut = Math.ceil(over / (1 - maxShare) - 1e-9);
          this.trim(byCountry.members, byCountry.starts[country], byCountry.starts[country + 1], cut);
          violated = true;
        }
      }
      for (let region = 0; minShare > 0 && region < this.regionSum.length; region++) {
        if (this.regionSum[region] < minShare * this.total - SHARE_TOLERANCE_USD) {
          this.restoreRegionShare(region, byRegion);
          violated = true;
        }
      }
      if (!violated) return;
    }
  }

  /**
   * Lowers the total until `region` holds its minimum share, taking first from what other
   * regions hold above their own minimum at that lower total, so they stay balanced too.
   */
  private restoreRegionShare(region: number, byRegion: Groups): void {
    const share = this.index.minRegionShare;
    const targetTotal = Math.floor(this.regionSum[region] / share + 1e-9);
    let excess = this.total - targetTotal;
    const others = Array.from(this.regionSum.keys())
      .filter((other) => other !== region)
      .sort((a, b) => this.regionSum[b] - this.regionSum[a]);
    for (const other of others) {
      if (excess <= 0) return;
      const surplus = Math.floor(this.regionSum[other] - share * targetTotal);
      if (surplus > 0) {
        excess -= this.trim(byRegion.members, byRegion.starts[other], byRegion.starts[other + 1], Math.min(surplus, excess));
      }
    }
    if (excess > 0) this.trim(this.ascending, 0, this.ascending.length, excess, region);
  }

  /**
   * Removes at least `excess` dollars from `members[from..to)` (lowest score first), cutting a
   * grant down where it stays at or above its minimum and dropping it otherwise. Returns the
   * amount removed.
   */
  private trim(members: Int32Array, from: number, to: number, excess: number, exceptRegion = -1): number {
    const { amounts, index } = this;
    let removed = 0;
    for (let position = from; position < to && removed < excess; position++) {
      const c = members[position];
      const amount = amounts[c];
      if (amount === 0 || index.regionOf[c] === exceptRegion) continue;
      const cut = excess - removed;
      const kept = amount - cut >= index.lowerOf[c] ? amount - cut : 0;
      removed += amount - kept;
      this.set(c, kept);
    }
    return removed;
  }

  private set(c: number, amount: number): void {
    const { index } = this;
    const delta = amount - this.amounts[c];
    if (delta === 0) return;
    this.amounts[c] = amount;
    this.offerSum[index.offerOf[c]] += delta;
    this.needSum[index.needOf[c]] += delta;
    this.countrySum[index.countryOf[c]] += delta;
    this.regionSum[index.regionOf[c]] += delta;
    this.total += delta;
  }

  private clear(): void {
    this.amounts.fill(0);
    this.offerSum.fill(0);
    this.needSum.fill(0);
    this.countrySum.fill(0);
    this.regionSum.fill(0);
    this.total = 0;
  }

  /** Counting sort of the candidates by `keyOf`, stable over ascending score. */
  private group(keyOf: Int32Array, groupCount: number): Groups {
    const starts = new Int32Array(groupCount + 1);
    for (const c of this.ascending) starts[keyOf[c] + 1]++;
    for (let group = 0; group < groupCount; group++) starts[group + 1] += starts[group];
    const next = starts.slice(0, groupCount);
    const members = new Int32Array(this.ascending.length);
    for (const c of this.ascending) members[next[keyOf[c]]++] = c;
    return { starts, members };
  }
}

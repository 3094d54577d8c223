import type { Highs, Model, ModelData } from 'highs';
import { AllocationIndex } from './allocation-index';

/** HiGHS's largest accepted upper bound on a semi-continuous column (its kMaxSemiVariableUpper). */
const MAX_SEMI_CONTINUOUS_UPPER = 1e5;

/** HiGHS `primal_solution_status` value for a feasible primal solution. */
const PRIMAL_FEASIBLE = 2;

export type ModelStatus = 'OPTIMAL' | 'INFEASIBLE' | 'TIME_LIMIT' | 'SOLVER_ERROR';

/**
 * The allocation as a HiGHS model that grows by columns.
 *
 * Columns:
 * - z_r, dollars for region r, and t, the allocated total, when a share constraint is set;
 * - y_k, dollars for country k, when a country cap is set;
 * - x_c, dollars for candidate c, added as they are needed (see `priceOut`).
 *
 * Rows:
 * - Σ x over an offer ≤ its remaining capacity; Σ x over a need ≤ its unfunded amount;
 * - Σ x over region r − z_r = 0, z_r − s·t ≥ 0 and Σ z − t = 0: the regional minimum share,
 *   written through per-region totals so that no row spans every candidate;
 * - Σ x over country k − y_k = 0 with y_k ≤ the cap in dollars, and y_k − c·t ≤ 0.
 *
 * Shares are relative to t, so giving nothing always meets them; a lower bound of one dollar on
 * t makes the solver report INFEASIBLE exactly when only the empty allocation would meet them.
 *
 * Money is counted in a power-of-ten unit of dollars (see `moneyUnitUsd`) and the objective stays
 * in score × dollars.
 */
export class AllocationModel {
  /**
   * Dollars per model unit: 1 unless a candidate with a minimum grant may receive more than 1e5
   * dollars. HiGHS models a semi-continuous column with a binary switch and its upper bound as big
   * M, and refuses upper bounds above 1e5 units, so the unit grows by powers of ten until every
   * such bound fits.
   */
  readonly moneyUnitUsd: number;
  private readonly model: Model;
  private readonly auxiliaryColumns: number;
  private readonly columnOfCandidate: Int32Array;
  private readonly candidateOfColumn: number[] = [];
  private hasSemiContinuousColumns = false;
  /** Candidates that must stay at zero: never funded, and never priced back in. */
  private readonly excluded: Uint8Array;
  private readonly offerRow: Int32Array;
  private readonly needRow: Int32Array;
  private readonly regionLinkRow: number;
  private readonly countryLinkRow: number;
  /** Auxiliary column of t, or -1; z_r are columns 0..R-1 before it. */
  private readonly totalColumn: number;
  /** First auxiliary column y_k, or -1. */
  private readonly countryColumn: number;

  constructor(
    private readonly highs: Highs,
    private readonly index: AllocationIndex,
    timeLimitSeconds: number,
  ) {
    const { candidateCount, upperOf, lowerOf } = index;
    const regionCount = index.regionCodes.length;
    const countryCount = index.countryCodes.length;
    const hasRegionShare = index.minRegionShare > 0;
    const hasCountryShare = index.maxCountryShare < 1;
    const hasTotals = hasRegionShare || hasCountryShare;
    const hasCountryTotals = hasCountryShare || Number.isFinite(index.maxCountryUsd);

    let largestSemiContinuousUpper = 0;
    for (let c = 0; c < candidateCount; c++) {
      if (upperOf[c] > 0 && lowerOf[c] > 1) largestSemiContinuousUpper = Math.max(largestSemiContinuousUpper, upperOf[c]);
    }
    const unit =
      largestSemiContinuousUpper > MAX_SEMI_CONTINUOUS_UPPER
        ? 10 ** Math.ceil(Math.log10(largestSemiContinuousUpper / MAX_SEMI_CONTINUOUS_UPPER))
        : 1;
    this.moneyUnitUsd = unit;

    // Only offers and needs with a candidate that can be funded get a row.
    let rowCount = 0;
    this.offerRow = new Int32Array(index.offerRemaining.length).fill(-1);
    this.needRow = new Int32Array(index.needUnfunded.length).fill(-1);
    for (let c = 0; c < candidateCount; c++) {
      if (upperOf[c] > 0 && this.offerRow[index.offerOf[c]] < 0) this.offerRow[index.offerOf[c]] = rowCount++;
    }
    for (let c = 0; c < candidateCount; c++) {
      if (upperOf[c] > 0 && this.needRow[index.needOf[c]] < 0) this.needRow[index.needOf[c]] = rowCount++;
    }
    const regionLinkRow = hasTotals ? rowCount : -1;
    if (hasTotals) rowCount += regionCount;
    const regionShareRow = hasRegionShare ? rowCount : -1;
    if (hasRegionShare) rowCount += regionCount;
    const totalLinkRow = hasTotals ? rowCount++ : -1;
    const countryLinkRow = hasCountryTotals ? rowCount : -1;
    if (hasCountryTotals) rowCount += countryCount;
    const countryShareRow = hasCountryShare ? rowCount : -1;
    if (hasCountryShare) rowCount += countryCount;
    this.regionLinkRow = regionLinkRow;
    this.countryLinkRow = countryLinkRow;
    this.totalColumn = hasTotals ? regionCount : -1;
    this.countryColumn = hasCountryTotals ? (hasTotals ? regionCount + 1 : 0) : -1;

    const rowLower = new Float64Array(rowCount).fill(-highs.infinity);
    const rowUpper = new Float64Array(rowCount).fill(highs.infinity);
    this.offerRow.forEach((row, offer) => {
      if (row >= 0) rowUpper[row] = index.offerRemaining[offer] / unit;
    });
    this.needRow.forEach((row, need) => {
      if (row >= 0) rowUpper[row] = index.needUnfunded[need] / unit;
    });
    const setEquality = (from: number, count: number): void => {
      rowLower.fill(0, from, from + count);
      rowUpper.fill(0, from, from + count);
    };
    if (hasTotals) {
      setEquality(regionLinkRow, regionCount);
      setEquality(totalLinkRow, 1);
    }
    if (hasRegionShare) rowLower.fill(0, regionShareRow, regionShareRow + regionCount);
    if (hasCountryTotals) setEquality(countryLinkRow, countryCount);
    if (hasCountryShare) rowUpper.fill(0, countryShareRow, countryShareRow + countryCount);

    // The auxiliary columns: z_r, t, y_k.
    const columnCount = (hasTotals ? regionCount + 1 : 0) + (hasCountryTotals ? countryCount : 0);
    const colLower = new Float64Array(columnCount);
    const colUpper = new Float64Array(columnCount).fill(highs.infinity);
    const starts: number[] = [0];
    const rows: number[] = [];
    const values: number[] = [];
    const addEntry = (row: number, value: number): void => {
      rows.push(row);
      values.push(value);
    };
    if (hasTotals) {
      for (let region = 0; region < regionCount; region++) {
        addEntry(regionLinkRow + region, -1);
        if (hasRegionShare) addEntry(regionShareRow + region, 1);
        addEntry(totalLinkRow, 1);
        starts.push(rows.length);
      }
      colLower[regionCount] = 1 / unit;
      for (let region = 0; hasRegionShare && region < regionCount; region++) {
        addEntry(regionShareRow + region, -index.minRegionShare);
      }
      addEntry(totalLinkRow, -1);
      for (let country = 0; hasCountryShare && country < countryCount; country++) {
        addEntry(countryShareRow + country, -index.maxCountryShare);
      }
      starts.push(rows.length);
    }
    if (hasCountryTotals) {
      for (let country = 0; country < countryCount; country++) {
        colUpper[this.countryColumn + country] = index.maxCountryUsd / unit;
        addEntry(countryLinkRow + country, -1);
        if (hasCountryShare) addEntry(countryShareRow + country, 1);
        starts.push(rows.length);
      }
    }

    const data: ModelData = {
      numCols: columnCount,
      numRows: rowCount,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(columnCount),
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: rowCount, numCols: columnCount, starts, indices: rows, values },
    };
    this.auxiliaryColumns = columnCount;
    this.columnOfCandidate = new Int32Array(candidateCount).fill(-1);
    this.excluded = Uint8Array.from(upperOf, (upper) => (upper > 0 ? 0 : 1));
    this.model = highs.createModel(data);
    this.model.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      // Devex pricing in the dual simplex: two to three times faster than the default on the
      // benchmark (500,000 candidates), where the cheaper iterations outweigh the extra ones.
      simplex_dual_edge_weight_strategy: 1,
    });
  }

  /** Whether every candidate that may be funded is in the model. */
  get isComplete(): boolean {
    return this.candidatesWhere((c) => this.columnOfCandidate[c] < 0 && !this.excluded[c]).length === 0;
  }

  /** Adds the given candidates (those already in the model or excluded are skipped) as columns. */
  addCandidates(candidates: Iterable<number>): void {
    const { index, moneyUnitUsd: unit } = this;
    const added: number[] = [];
    for (const c of candidates) {
      if (this.columnOfCandidate[c] >= 0 || this.excluded[c]) continue;
      this.columnOfCandidate[c] = this.auxiliaryColumns + this.candidateOfColumn.length;
      this.candidateOfColumn.push(c);
      added.push(c);
    }
    if (added.length === 0) return;
    const entriesPerColumn = 2 + (this.regionLinkRow >= 0 ? 1 : 0) + (this.countryLinkRow >= 0 ? 1 : 0);
    const cost = new Float64Array(added.length);
    const lower = new Float64Array(added.length);
    const upper = new Float64Array(added.length);
    const starts = new Int32Array(added.length + 1);
    const rows = new Int32Array(added.length * entriesPerColumn);
    const values = new Float64Array(added.length * entriesPerColumn).fill(1);
    let entries = 0;
    added.forEach((c, position) => {
      cost[position] = index.score[c] * unit;
      upper[position] = index.upperOf[c] / unit;
      rows[entries++] = this.offerRow[index.offerOf[c]];
      rows[entries++] = this.needRow[index.needOf[c]];
      if (this.regionLinkRow >= 0) rows[entries++] = this.regionLinkRow + index.regionOf[c];
      if (this.countryLinkRow >= 0) rows[entries++] = this.countryLinkRow + index.countryOf[c];
      starts[position + 1] = entries;
    });
    this.model.addCols({
      cost,
      lower,
      upper,
      matrix: {
        format: 'csc',
        numRows: this.model.getDimensions().numRows,
        numCols: added.length,
        starts,
        indices: rows,
        values,
      },
    });
  }

  /** Adds every candidate that may be funded and is not in the model yet. */
  addAllCandidates(): void {
    this.addCandidates(this.candidatesWhere((c) => this.columnOfCandidate[c] < 0 && !this.excluded[c]));
  }

  /** Solves the LP relaxation (minimum grants ignored) from the current basis, if any. */
  run(): ModelStatus {
    return this.statusOf(this.model.run().modelStatus);
  }

  /**
   * Solves with exact minimum grants: every candidate column with a minimum grant m becomes
   * semi-continuous (0 or within [m, upper]), which HiGHS solves by branch and bound, starting
   * from `startUsd` (a feasible allocation, one amount per candidate) so that the answer is never
   * worse than it. Grants pinned at zero by `exclude` are free again.
   */
  runWithMinimumGrants(startUsd: Float64Array): ModelStatus {
    const { index, moneyUnitUsd: unit } = this;
    const columns: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    this.candidateOfColumn.forEach((c, position) => {
      if (index.lowerOf[c] > 1) {
        columns.push(this.auxiliaryColumns + position);
        lower.push(index.lowerOf[c] / unit);
        upper.push(index.upperOf[c] / unit);
      }
    });
    if (columns.length > 0) {
      this.hasSemiContinuousColumns = true;
      const selection = { kind: 'set' as const, indices: columns };
      this.model.changeColsBounds(selection, lower, upper);
      const semiContinuous = this.highs.constants.variableType.semiContinuous;
      this.model.changeColsIntegrality(selection, new Int32Array(columns.length).fill(semiContinuous));
      this.model.setSolution({ colValue: this.columnValuesFor(startUsd) });
    }
    return this.run();
  }

  /**
   * The best proven bound on the objective: the MIP dual bound after a branch and bound, else the
   * LP optimum.
   */
  upperBound(): number | null {
    const bound = this.hasSemiContinuousColumns ? Number(this.model.info.get('mip_dual_bound')) : this.model.getObjectiveValue();
    return Number.isFinite(bound) ? bound : null;
  }

  objective(): number {
    return this.model.getObjectiveValue();
  }

  /** The current amounts in dollars, one per candidate, or null without a feasible solution. */
  amountsUsd(): Float64Array | null {
    if (Number(this.model.info.get('primal_solution_status')) !== PRIMAL_FEASIBLE) return null;
    const columnValues = this.model.getSolution().colValue;
    const amounts = new Float64Array(this.index.candidateCount);
    this.candidateOfColumn.forEach((c, position) => {
      amounts[c] = columnValues[this.auxiliaryColumns + position] * this.moneyUnitUsd;
    });
    return amounts;
  }

  /**
   * Candidates outside the model whose reduced cost at the current optimum is positive, i.e.
   * whose first dollar would raise the objective at the current row prices: at most `perNeed` per
   * need, the most profitable first. None means the model's optimum is optimal over every
   * candidate that is not excluded.
   */
  priceOut(perNeed: number, tolerance: number): number[] {
    const { index } = this;
    const rowDual = this.model.getSolution().rowDual;
    const entering: number[] = [];
    const bestByNeed = new Map<number, { candidate: number; reducedCost: number }[]>();
    for (let c = 0; c < index.candidateCount; c++) {
      if (this.columnOfCandidate[c] >= 0 || this.excluded[c]) continue;
      let reducedCost =
        index.score[c] * this.moneyUnitUsd - rowDual[this.offerRow[index.offerOf[c]]] - rowDual[this.needRow[index.needOf[c]]];
      if (this.regionLinkRow >= 0) reducedCost -= rowDual[this.regionLinkRow + index.regionOf[c]];
      if (this.countryLinkRow >= 0) reducedCost -= rowDual[this.countryLinkRow + index.countryOf[c]];
      if (reducedCost <= tolerance) continue;
      const need = index.needOf[c];
      const best = bestByNeed.get(need) ?? [];
      if (best.length < perNeed || reducedCost > best[best.length - 1].reducedCost) {
        best.push({ candidate: c, reducedCost });
        best.sort((a, b) => b.reducedCost - a.reducedCost);
        if (best.length > perNeed) best.pop();
        bestByNeed.set(need, best);
      }
    }
    for (const best of bestByNeed.values()) entering.push(...best.map((entry) => entry.candidate));
    return entering;
  }

  /** Pins the given candidates at zero for the LP solves that follow; the exact solve frees them. */
  exclude(candidates: number[]): void {
    const columns: number[] = [];
    for (const c of candidates) {
      this.excluded[c] = 1;
      if (this.columnOfCandidate[c] >= 0) columns.push(this.columnOfCandidate[c]);
    }
    if (columns.length === 0) return;
    columns.sort((a, b) => a - b);
    const zeros = new Float64Array(columns.length);
    this.model.changeColsBounds({ kind: 'set', indices: columns }, zeros, zeros);
  }

  dispose(): void {
    this.model.dispose();
  }

  private statusOf(modelStatus: number): ModelStatus {
    const codes = this.highs.constants.modelStatus;
    if (modelStatus === codes.optimal) return 'OPTIMAL';
    // Every column is bounded, so "unbounded or infeasible" can only mean infeasible.
    if (modelStatus === codes.infeasible || modelStatus === codes.unboundedOrInfeasible) return 'INFEASIBLE';
    if (modelStatus === codes.timeLimit) return 'TIME_LIMIT';
    return 'SOLVER_ERROR';
  }

  /** A full column vector in model units for per-candidate amounts in dollars, totals included. */
  private columnValuesFor(amountsUsd: Float64Array): Float64Array {
    const { index } = this;
    const values = new Float64Array(this.auxiliaryColumns + this.candidateOfColumn.length);
    this.candidateOfColumn.forEach((c, position) => {
      const value = amountsUsd[c] / this.moneyUnitUsd;
      values[this.auxiliaryColumns + position] = value;
      if (this.totalColumn >= 0) {
        values[index.regionOf[c]] += value;
        values[this.totalColumn] += value;
      }
      if (this.countryColumn >= 0) values[this.countryColumn + index.countryOf[c]] += value;
    });
    return values;
  }

  private candidatesWhere(include: (c: number) => boolean): number[] {
    const candidates: number[] = [];
    for (let c = 0; c < this.index.candidateCount; c++) if (include(c)) candidates.push(c);
    return candidates;
  }
}

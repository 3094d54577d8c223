/** One pairing that holds money, as the financial summary counts it. */
export interface PairingMoney {
  donorId: string;
  countryIso3: string;
  /** The year the need belongs to: its national report's, or the year it was filed (UTC). */
  year: number;
  /** The year of the meeting whose reporting cycle the need was filed in (Need.cycleYear). */
  cycleYear: number;
  approvedUsd: number;
  disbursedUsd: number;
  lastReportAt: Date | null;
}

export interface MoneyFigures {
  pairings: number;
  approvedUsd: number;
  disbursedUsd: number;
  /** Pairings on which no progress report was ever filed. */
  pairingsNeverReported: number;
  lastReportAt: Date | null;
}

export interface MoneySummary {
  totals: MoneyFigures;
  byDonor: Map<string, MoneyFigures>;
  byCountry: Map<string, MoneyFigures>;
  byYear: Map<number, MoneyFigures>;
  /** By the meeting year of the needs' reporting cycles. */
  byCycle: Map<number, MoneyFigures>;
}

/** The year a need belongs to: the reporting year of the national report it was drawn from, else the year it was filed. */
export function needYear(reportYear: number | null, createdAt: Date): number {
  return reportYear ?? createdAt.getUTCFullYear();
}

const emptyFigures = (): MoneyFigures => ({ pairings: 0, approvedUsd: 0, disbursedUsd: 0, pairingsNeverReported: 0, lastReportAt: null });

function add(figures: MoneyFigures, pairing: PairingMoney): void {
  figures.pairings += 1;
  figures.approvedUsd += pairing.approvedUsd;
  figures.disbursedUsd += pairing.disbursedUsd;
  if (!pairing.lastReportAt) figures.pairingsNeverReported += 1;
  else if (!figures.lastReportAt || pairing.lastReportAt > figures.lastReportAt) figures.lastReportAt = pairing.lastReportAt;
}

function addTo<K>(groups: Map<K, MoneyFigures>, key: K, pairing: PairingMoney): void {
  let figures = groups.get(key);
  if (!figures) groups.set(key, (figures = emptyFigures()));
  add(figures, pairing);
}

/** Approved and disbursed money per donor, per state, per year and per reporting cycle, and in all (para 95). */
export function summariseMoney(pairings: readonly PairingMoney[]): MoneySummary {
  const summary: MoneySummary = { totals: emptyFigures(), byDonor: new Map(), byCountry: new Map(), byYear: new Map(), byCycle: new Map() };
  for (const pairing of pairings) {
    add(summary.totals, pairing);
    addTo(summary.byDonor, pairing.donorId, pairing);
    addTo(summary.byCountry, pairing.countryIso3, pairing);
    addTo(summary.byYear, pairing.year, pairing);
    addTo(summary.byCycle, pairing.cycleYear, pairing);
  }
  return summary;
}

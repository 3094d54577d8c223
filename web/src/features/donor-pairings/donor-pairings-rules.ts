import type { MatchStatus } from '../../gql/enums';
import { disbursedSoFar } from '../pairings/progress-rules';

/** A donor's pairings: approved by the Secretariat, then consented to (or declined) by the state, running, done. */
export const DONOR_PAIRING_STATUSES: MatchStatus[] = ['APPROVED', 'CONFIRMED', 'ACTIVE', 'COMPLETED', 'DECLINED'];

/** A declined pairing's allocation was released by the state's refusal: it is shown but not counted as committed. */
const RELEASED: ReadonlySet<MatchStatus> = new Set<MatchStatus>(['DECLINED']);

export interface PairingAmounts {
  status: MatchStatus;
  allocatedUsd?: number | null;
  progressReports: readonly { disbursedUsd: number }[];
}

/** What one pairing has had disbursed, as its progress reports declare. */
export function disbursedOf(pairing: PairingAmounts): number {
  return disbursedSoFar(pairing.progressReports);
}

/** The totals row: approved money still committed (declined pairings left out) and everything disbursed. */
export function pairingTotals(pairings: readonly PairingAmounts[]): { approvedUsd: number; disbursedUsd: number } {
  return pairings.reduce(
    (totals, pairing) => ({
      approvedUsd: totals.approvedUsd + (RELEASED.has(pairing.status) ? 0 : (pairing.allocatedUsd ?? 0)),
      disbursedUsd: totals.disbursedUsd + disbursedOf(pairing),
    }),
    { approvedUsd: 0, disbursedUsd: 0 },
  );
}

/** Reports newest period first: the latest news on a pairing is what its donor opens the list for. */
export function reportsNewestFirst<Report extends { periodEnd: string; createdAt: string }>(reports: readonly Report[]): Report[] {
  return [...reports].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.createdAt.localeCompare(a.createdAt));
}

import type { MatchFilter } from '../../gql/graphql';
import type { MatchStatus } from '../../gql/enums';
import type { MessageId } from '../../i18n/message-ids';
import { minScoreOf } from './approval-rules';

/** The queue's tabs, in the order a pairing moves through them. */
export const QUEUE_STATUSES = [
  'PROPOSED',
  'DONOR_INTERESTED',
  'APPROVED',
  'CONFIRMED',
  'DECLINED',
  'REJECTED',
] as const satisfies readonly MatchStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Each tab by the name the Secretariat's work gives it ("Interested", where a match's own status reads "Donor interested"). */
export const QUEUE_TAB_LABELS: Record<QueueStatus, MessageId> = {
  PROPOSED: 'match-queue.tabs.proposed',
  DONOR_INTERESTED: 'match-queue.tabs.interested',
  APPROVED: 'match-queue.tabs.approved',
  CONFIRMED: 'match-queue.tabs.confirmed',
  DECLINED: 'match-queue.tabs.declined',
  REJECTED: 'match-queue.tabs.rejected',
};

/** The queue as its address says (`/queue?status=…&region=…`), so a tab and its filters can be bookmarked and shared. */
export interface QueueQuery {
  status: QueueStatus;
  region: string;
  theme: string;
  donor: string;
  /** The minimum score as the reader wrote it, a whole percentage. */
  minScore: string;
}

export function parseQueueQuery(search: string): QueueQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : 'PROPOSED',
    region: params.get('region') ?? '',
    theme: params.get('theme') ?? '',
    donor: params.get('donor') ?? '',
    minScore: minScoreOf(params.get('minScore') ?? '') === null ? '' : (params.get('minScore') ?? '').trim(),
  };
}

export function queueSearch(query: QueueQuery): string {
  const params = new URLSearchParams({ status: query.status });
  for (const key of ['region', 'theme', 'donor', 'minScore'] as const) if (query[key]) params.set(key, query[key]);
  return `?${params.toString()}`;
}

/** The API's filter for the queue's conditions, without a status (each tab adds its own). */
export function queueFilterOf(query: QueueQuery): MatchFilter {
  const filter: MatchFilter = {};
  if (query.region) filter.region = query.region;
  if (query.theme) filter.themeCodes = [query.theme];
  if (query.donor) filter.donorId = query.donor;
  const minScore = minScoreOf(query.minScore);
  if (minScore !== null && minScore > 0) filter.minScore = minScore;
  return filter;
}

/**
 * A page of matches with the one whose decision panel is open kept in the place it was last seen,
 * when the page read again no longer holds it (decided elsewhere, so now under another tab): the
 * reader keeps the panel and what they typed in it, and sees where the match stands now. `left` says
 * it is kept only for the open panel.
 */
export function withOpenMatch<T extends { id: string }>(
  listed: readonly T[],
  open: { match: T; index: number } | null,
): { rows: T[]; left: boolean } {
  if (!open || listed.some((match) => match.id === open.match.id)) return { rows: [...listed], left: false };
  const at = Math.min(open.index, listed.length);
  return { rows: [...listed.slice(0, at), open.match, ...listed.slice(at)], left: true };
}

export interface RegionNode {
  code: string;
  name: string;
  parentCode?: string | null;
}

/**
 * The M49 areas as a flat list in tree order (each region, then its sub-regions, then their
 * intermediate regions), each with its depth for indenting, siblings in the reader's alphabetical order.
 */
export function regionTree<T extends RegionNode>(
  regions: readonly T[],
  nameOf: (region: T) => string,
  collator: Intl.Collator,
): { region: T; depth: number }[] {
  const codes = new Set(regions.map((region) => region.code));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const region of regions) {
    if (region.parentCode && codes.has(region.parentCode))
      children.set(region.parentCode, [...(children.get(region.parentCode) ?? []), region]);
    else roots.push(region);
  }
  const sorted = (list: T[]) => [...list].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  const out: { region: T; depth: number }[] = [];
  const walk = (list: T[], depth: number) => {
    for (const region of sorted(list)) {
      out.push({ region, depth });
      walk(children.get(region.code) ?? [], depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

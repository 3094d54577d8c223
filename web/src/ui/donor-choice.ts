/**
 * Whose donor work a page shows, as its address says: a donor's desk officer always sees their own
 * organisation's; the Secretariat, acting for donors, names one with `?donor=<id>` ('' until it has).
 */
export function donorOf(params: URLSearchParams, actor: { ownDonor: string | null; actsForOthers: boolean }): string {
  return actor.actsForOthers ? (params.get('donor') ?? '').trim() : (actor.ownDonor ?? '');
}

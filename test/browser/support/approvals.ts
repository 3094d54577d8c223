import { expect } from '@jest/globals';
import { demoEmail, type Service } from './service';

/**
 * The Secretariat approves, through the API as its own console would, the best match of a need whose
 * grant limits allow an amount the need still lacks (up to `budgetUsd`). Returns that match and its
 * offer's title and the amount approved, or null when no match of the need can be approved.
 */
export async function approveBestMatch(
  service: Service,
  needId: string,
  budgetUsd: number,
): Promise<{ matchId: string; offerTitle: string; allocatedUsd: number } | null> {
  const token = await service.login(demoEmail('secretariat'));
  type Candidate = {
    id: string;
    version: number;
    status: string;
    offer: { title: string; minGrantUsd: number | null; maxGrantUsd: number | null; remainingCapacityUsd: number };
  };
  const found = await service.gql<{ need: { matches: { edges: { node: Candidate }[] } } }>(
    'query($id: ID!) { need(id: $id) { matches(first: 20) { edges { node { id version status offer { title minGrantUsd maxGrantUsd remainingCapacityUsd } } } } } }',
    { id: needId },
    token,
  );
  for (const { node } of found.data?.need.matches.edges ?? []) {
    if (node.status !== 'PROPOSED') continue;
    const amount = Math.min(budgetUsd, node.offer.maxGrantUsd ?? budgetUsd, node.offer.remainingCapacityUsd);
    if (amount < (node.offer.minGrantUsd ?? 1)) continue;
    const approved = await service.gql(
      'mutation($id: ID!, $amount: Int!, $version: Int!) { approveMatch(id: $id, allocatedUsd: $amount, expectedVersion: $version) { id status } }',
      { id: node.id, amount, version: node.version },
      token,
    );
    expect(approved.errors).toBeUndefined();
    return { matchId: node.id, offerTitle: node.offer.title, allocatedUsd: amount };
  }
  return null;
}

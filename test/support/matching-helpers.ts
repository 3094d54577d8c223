import { DataSource, IsNull } from 'typeorm';
import { Match } from '../../src/matching/entities/match.entity';
import { MatchStatus } from '../../src/domain/statuses';
import { OutboxMessage } from '../../src/queue/outbox/outbox-message.entity';
import { TestApp } from './test-app';
import { needInput, offerInput } from './fixtures';

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The matching engine runs in-process here: its pending jobs are the outbox rows not yet handed over. */
export async function engineIdle(dataSource: DataSource): Promise<void> {
  const outbox = dataSource.getRepository(OutboxMessage);
  const deadline = Date.now() + 20_000;
  while ((await outbox.countBy({ dispatchedAt: IsNull() })) > 0) {
    if (Date.now() > deadline) throw new Error('The matching engine did not finish its jobs');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * With a worker on BullMQ: every change so far has been handed to the queue, and no job waits, runs
 * or waits for a retry. A job is in the queue before its outbox row is stamped, so no change slips
 * between the two counts.
 */
export async function queueIdle(t: TestApp, secretariatToken: string, timeoutMs = 120_000): Promise<void> {
  await eventually(
    async () => {
      const { data } = await t.gql('{ jobQueue { pendingHandOver counts { waiting active delayed } } }', {}, secretariatToken);
      const queue = data?.jobQueue;
      if (!queue?.counts) return undefined;
      return queue.pendingHandOver + queue.counts.waiting + queue.counts.active + queue.counts.delayed === 0 ? true : undefined;
    },
    timeoutMs,
    'the queue to be idle',
  );
}

export interface MatchNode {
  id: string;
  score: number;
  status: string;
  explanation: string;
  breakdown: Record<string, number>;
  need: { id: string };
  offer: { id: string };
}

const MATCHES = `query($filter: MatchFilter, $first: Int) {
  matches(filter: $filter, first: $first) {
    totalCount
    edges { node { id score status explanation breakdown { theme region capacity ownership gender baseline multiYear conflict } need { id } offer { id } } }
  }
}`;

export async function listMatches(t: TestApp, token: string, filter: Record<string, unknown> = {}): Promise<MatchNode[]> {
  const result = await t.gql<{ matches: { edges: { node: MatchNode }[] } }>(MATCHES, { filter, first: 100 }, token);
  if (!result.data) throw new Error(`matches failed: ${JSON.stringify(result.errors)}`);
  return result.data.matches.edges.map((edge) => edge.node);
}

/** Creates and publishes a need through the API. */
export async function publishedNeed(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.gql(
    'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    { input: needInput(overrides) },
    token,
  );
  if (!created.data) throw new Error(`createNeed failed: ${JSON.stringify(created.errors)}`);
  const id = created.data.createNeed.id as string;
  const published = await t.gql('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id }, token);
  if (!published.data) throw new Error(`publishNeed failed: ${JSON.stringify(published.errors)}`);
  return id;
}

/** Creates and publishes an offer through the API. */
export async function publishedOffer(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.gql(
    'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
    { input: offerInput(overrides) },
    token,
  );
  if (!created.data) throw new Error(`createOffer failed: ${JSON.stringify(created.errors)}`);
  const id = created.data.createOffer.id as string;
  const published = await t.gql('mutation($id: ID!) { publishOffer(id: $id) { id } }', { id }, token);
  if (!published.data) throw new Error(`publishOffer failed: ${JSON.stringify(published.errors)}`);
  return id;
}

/** Waits until the pair's match exists with the status wanted (and passes `accept`, if given). */
export function pairMatch(
  t: TestApp,
  token: string,
  needId: string,
  offerId: string,
  status: string,
  accept: (match: MatchNode) => boolean = () => true,
  timeoutMs?: number,
): Promise<MatchNode> {
  return eventually(
    async () => (await listMatches(t, token, { needId, offerId })).find((match) => match.status === status && accept(match)),
    timeoutMs,
    `a ${status} match of need ${needId} and offer ${offerId}`,
  );
}

/** A PROPOSED match row as the engine stores one, for tests that store pairs themselves. */
export function proposalRow(needId: string, offerId: string, overrides: Partial<Match> = {}): Partial<Match> {
  return {
    needId,
    offerId,
    score: 0.8,
    breakdown: { theme: 1, region: 1, capacity: 1, ownership: 0, gender: 0, baseline: 0, multiYear: 0, conflict: 0 },
    explanation: 'stored by the test',
    status: MatchStatus.PROPOSED,
    runId: null,
    allocatedUsd: null,
    ...overrides,
  };
}

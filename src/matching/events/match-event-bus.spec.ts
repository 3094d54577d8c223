import { AppConfig } from '../../config/app-config';
import { Visibility } from '../../domain/enums';
import { MatchStatus } from '../../domain/statuses';
import { MatchEventKind, MatchEventMessage } from './match-event';
import { MatchEventBus, MatchEventsDroppedError, MAX_PENDING_EVENTS } from './match-event-bus';

const event = (index: number): MatchEventMessage => ({
  kind: MatchEventKind.PROPOSED,
  matchId: `match-${index}`,
  needId: 'need',
  offerId: 'offer',
  status: MatchStatus.PROPOSED,
  previousStatus: null,
  version: 1,
  allocatedUsd: null,
  offerDonorId: 'donor',
  needCountryIso3: 'NGA',
  needExposure: Visibility.PUBLIC,
  at: '2026-12-02T00:00:00.000Z',
});

const events = (count: number, from = 0) => Array.from({ length: count }, (_, index) => event(from + index));

/** The in-process bus (no REDIS_URL): publishing delivers every event before the listener reads one. */
describe('MatchEventBus.listen', () => {
  let bus: MatchEventBus;
  beforeEach(() => {
    bus = new MatchEventBus(Object.assign(new AppConfig(), { REDIS_URL: undefined }));
  });
  afterEach(() => bus.onModuleDestroy());

  async function read(listener: AsyncIterableIterator<MatchEventMessage>, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) ids.push(((await listener.next()).value as MatchEventMessage).matchId);
    return ids;
  }

  it('hands over, in order, every accepted event of a backlog as long as the limit', async () => {
    const listener = bus.listen((message) => message.matchId !== 'match-3');
    await bus.publish(events(MAX_PENDING_EVENTS + 1));
    const ids = await read(listener, MAX_PENDING_EVENTS);
    expect(ids).toEqual(
      events(MAX_PENDING_EVENTS + 1)
        .map((message) => message.matchId)
        .filter((id) => id !== 'match-3'),
    );
    await bus.publish(events(1, 99_999));
    expect((await listener.next()).value).toMatchObject({ matchId: 'match-99999' });
    await listener.return!();
    expect(await listener.next()).toEqual({ done: true, value: undefined });
  });

  it('keeps handing over events that arrive while a backlog is read', async () => {
    const listener = bus.listen(() => true);
    const received: string[] = [];
    for (let round = 0; round < 5; round++) {
      await bus.publish(events(3_000, round * 3_000));
      received.push(...(await read(listener, 2_000)));
    }
    received.push(...(await read(listener, 5_000)));
    expect(received).toEqual(events(15_000).map((message) => message.matchId));
  });

  it('ends a subscription that falls more than the limit behind, with EVENTS_DROPPED, and stops listening', async () => {
    const behind = bus.listen(() => true);
    const keepingUp = bus.listen((message) => message.matchId === 'match-0' || message.matchId === 'match-99999');
    await bus.publish(events(MAX_PENDING_EVENTS + 1));
    const failure = await behind.next().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MatchEventsDroppedError);
    expect(failure).toMatchObject({ extensions: { code: 'EVENTS_DROPPED' } });
    expect(await behind.next()).toEqual({ done: true, value: undefined });
    expect(bus.listenerCount()).toBe(1);

    await bus.publish(events(1, 99_999));
    expect(await read(keepingUp, 2)).toEqual(['match-0', 'match-99999']);
  });
});

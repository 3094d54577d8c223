import { BroadcastBus } from '../src/common/broadcast/broadcast-bus';
import { AppConfig } from '../src/config/app-config';
import { PrivateRedisServer } from './support/redis-server';

class CounterBus extends BroadcastBus<{ n: number }> {
  constructor(config: AppConfig) {
    super(config, { channel: 'counter', maxPending: 100, droppedError: () => new Error('dropped') });
  }
}

/** Broadcasts through a Redis of the test's own, which it stops and starts again. */
describe('broadcasts through Redis', () => {
  const redis = new PrivateRedisServer();
  let sender: CounterBus;
  let receiver: CounterBus;

  beforeAll(async () => {
    await redis.start();
    const config = { REDIS_URL: redis.url, QUEUE_PREFIX: 'broadcast-spec' } as AppConfig;
    sender = new CounterBus(config);
    receiver = new CounterBus(config);
    await receiver.ready();
  });
  afterAll(async () => {
    if (!redis.isRunning()) await redis.start();
    await Promise.all([sender.onModuleDestroy(), receiver.onModuleDestroy()]);
    await redis.destroy();
  });

  it('keeps delivering to listeners after Redis restarts', async () => {
    const listener = receiver.listen(() => true);
    await sender.publish({ n: 1 });
    await expect(listener.next()).resolves.toEqual({ done: false, value: { n: 1 } });

    await redis.kill();
    await redis.start();
    // Messages sent before the receiver has reconnected are lost (broadcasts are best effort), so
    // the sender repeats until one arrives, for up to 10 s.
    const received = listener.next();
    let arrived = false;
    void received.then(() => (arrived = true));
    for (let n = 2; !arrived && n < 100; n++) {
      await sender.publish({ n });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect(received).resolves.toEqual({ done: false, value: expect.objectContaining({ n: expect.any(Number) }) });
    await listener.return!();
  }, 30_000);
});

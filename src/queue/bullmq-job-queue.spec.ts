import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { BullMqJobQueue, QUEUE_NAME } from './bullmq-job-queue';
import { BatchJobHandler, GiveWay, JobAttemptOutcome, JobHandler, PartOutcomes, QueuedJob, SplitJobHandler } from './job-queue';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A moment in a test that one side waits for and the other announces. */
function signal(): { reached: Promise<void>; announce: () => void } {
  let announce!: () => void;
  const reached = new Promise<void>((resolve) => (announce = resolve));
  return { reached, announce };
}

/** A handler that resolves `seen` with the data of the first job it runs. */
function handlerFor(jobName: string): JobHandler<{ value: number }> & { seen: Promise<{ value: number }> } {
  let resolveSeen!: (data: { value: number }) => void;
  const seen = new Promise<{ value: number }>((resolve) => (resolveSeen = resolve));
  return { jobName, seen, handle: async (data) => resolveSeen(data) };
}

/** The BullMQ driver on the real Redis, under a queue prefix of its own. */
describe('BullMqJobQueue', () => {
  const QUEUE_PREFIX = `queue-spec-${randomBytes(4).toString('hex')}`;
  const config = { REDIS_URL, QUEUE_PREFIX, JOB_LOCK_MS: 2000 };
  let producer: BullMqJobQueue;
  let consumer: BullMqJobQueue;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    producer = new BullMqJobQueue(config, false);
    consumer = new BullMqJobQueue(config, true);
  });
  afterEach(async () => {
    await Promise.all([producer.close(), consumer.close()]);
  });
  afterAll(async () => {
    const redis = new IORedis(REDIS_URL);
    const keys = await redis.keys(`${QUEUE_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('runs the jobs of every feature that registered before it started, with one worker', async () => {
    const matching = handlerFor('rescore-need');
    const plans = handlerFor('propose-allocation');
    consumer.register([matching]);
    consumer.register([plans]);
    // Queued before the consumer starts: the first job taken must already find its handler.
    await producer.add('propose-allocation', { value: 2 }, { jobId: 'plan-1' });
    await producer.add('rescore-need', { value: 1 }, { jobId: 'need-1' });
    await consumer.start();
    await expect(Promise.all([matching.seen, plans.seen])).resolves.toEqual([{ value: 1 }, { value: 2 }]);
    await expect(consumer.start()).rejects.toThrow(/already consuming/);
  });

  it('lets only the consuming process register handlers, and each job name once', () => {
    expect(() => producer.register([handlerFor('rescore-need')])).toThrow(/only produces jobs/);
    consumer.register([handlerFor('rescore-need')]);
    expect(() => consumer.register([handlerFor('rescore-need')])).toThrow(/already has a handler/);
  });

  it('runs a scheduled job once per tick whichever worker takes it, and drops a schedule no worker declares any more', async () => {
    const ticks: string[] = [];
    const tick: JobHandler = { jobName: 'sweep', handle: async (_data, context) => void ticks.push(context.jobId) };
    const second = new BullMqJobQueue(config, true);
    try {
      for (const worker of [consumer, second]) {
        worker.register([tick]);
        worker.schedule({ schedulerId: 'every-second', jobName: 'sweep', pattern: '* * * * * *' });
        await worker.start();
      }
      const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
      expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual(['every-second']);
      while (ticks.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(new Set(ticks).size).toBe(ticks.length);

      const successor = new BullMqJobQueue(config, true);
      await successor.start();
      expect(await queue.getJobSchedulers()).toEqual([]);
      await successor.close();
      await queue.close();
      connection.disconnect();
    } finally {
      await second.close();
    }
  });

  it('hands a batch handler the jobs of its name waiting behind the one it took, and runs a failed batch whole again', async () => {
    const batches: number[][] = [];
    let failFirst = true;
    const batching: BatchJobHandler<{ value: number }> = {
      jobName: 'rescore-offer',
      maxJobs: 3,
      handle: () => Promise.reject(new Error('batches only')),
      handleBatch: async (jobs: readonly QueuedJob<{ value: number }>[]) => {
        batches.push(jobs.map((job) => job.data.value));
        if (failFirst) {
          failFirst = false;
          throw new Error('the first batch fails');
        }
      },
    };
    const other = handlerFor('propose-allocation');
    consumer.register([batching, other]);
    for (const value of [1, 2, 3, 4]) await producer.add('rescore-offer', { value }, { jobId: `offer-${value}` });
    await producer.add('propose-allocation', { value: 9 }, { jobId: 'plan-9' });
    await consumer.start();
    await other.seen;
    const busy = async () => {
      const counts = await consumer.counts();
      return counts.waiting + counts.active + counts.delayed > 0;
    };
    while (await busy()) await new Promise((resolve) => setTimeout(resolve, 50));
    // The failed batch ran again as it was; each value ran once in a batch that succeeded.
    expect(batches[0]).toEqual([1, 2, 3]);
    expect(batches.slice(1)).toContainEqual([1, 2, 3]);
    expect(batches.slice(1).flat().sort()).toEqual([1, 2, 3, 4]);
  });

  it('lets two workers share a backlog of batched jobs without running any job twice', async () => {
    const second = new BullMqJobQueue(config, true);
    const batches: { worker: string; values: number[] }[] = [];
    const batchingOn = (worker: string): BatchJobHandler<{ value: number }> => ({
      jobName: 'rescore-offer',
      maxJobs: 5,
      handle: () => Promise.reject(new Error('batches only')),
      handleBatch: async (jobs) => {
        batches.push({ worker, values: jobs.map((job) => job.data.value) });
        await sleep(20);
      },
    });
    try {
      consumer.register([batchingOn('first')]);
      second.register([batchingOn('second')]);
      const values = Array.from({ length: 60 }, (_, index) => index + 1);
      await producer.addMany(values.map((value) => ({ jobName: 'rescore-offer', data: { value }, options: { jobId: `shared-${value}` } })));
      await Promise.all([consumer.start(), second.start()]);
      while (batches.flatMap((batch) => batch.values).length < values.length) await sleep(50);
      while ((await consumer.counts()).active > 0) await sleep(50);
      expect(batches.flatMap((batch) => batch.values).sort((a, b) => a - b)).toEqual(values);
      expect(new Set(batches.map((batch) => batch.worker))).toEqual(new Set(['first', 'second']));
    } finally {
      await second.close();
    }
  });

  it('spreads the parts of a split job over the workers running, side by side, and closes it with their results', async () => {
    const second = new BullMqJobQueue(config, true);
    let running = 0;
    let mostAtOnce = 0;
    const splitInto: number[] = [];
    let closeWith!: (outcomes: PartOutcomes<number>) => void;
    const closed = new Promise<PartOutcomes<number>>((resolve) => (closeWith = resolve));
    const split: SplitJobHandler<{ run: string }, number, number> = {
      jobName: 'full-run',
      partJobName: 'full-run-part',
      handle: () => Promise.reject(new Error('split only')),
      split: async (_data, workers) => {
        splitInto.push(workers);
        return Array.from({ length: workers }, (_, index) => index + 1);
      },
      runPart: async (part) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        // Each part waits (up to 5 s) for the other: they finish only if two workers run them at once.
        for (let waited = 0; running < 2 && waited < 5000; waited += 20) await sleep(20);
        await sleep(20);
        running--;
        return part * 10;
      },
      finish: async (_data, outcomes) => closeWith(outcomes),
    };
    try {
      consumer.register([split]);
      second.register([split]);
      await Promise.all([consumer.start(), second.start()]);
      await producer.add('full-run', { run: 'run-1' }, { jobId: 'run-1' });
      const outcomes = await closed;
      expect(splitInto).toEqual([2]);
      expect(mostAtOnce).toBe(2);
      expect({ ...outcomes, results: [...outcomes.results].sort() }).toEqual({ results: [10, 20], failures: [] });
    } finally {
      await second.close();
    }
  });

  it('runs jobs without a priority first, then the prioritised ones, lower numbers first', async () => {
    const order: string[] = [];
    const handler = (jobName: string): JobHandler => ({ jobName, handle: async () => void order.push(jobName) });
    for (const queue of [producer, consumer]) {
      queue.prioritise('rescore-need', 1);
      queue.prioritise('rescore-offer', 2);
    }
    consumer.register([handler('rescore-need'), handler('rescore-offer'), handler('full-run')]);
    await producer.add('rescore-offer', {}, { jobId: 'priority-offer' });
    await producer.add('rescore-need', {}, { jobId: 'priority-need' });
    await producer.add('full-run', {}, { jobId: 'priority-run' });
    await consumer.start();
    while (order.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['full-run', 'rescore-need', 'rescore-offer']);
  });

  it('puts a prioritised job that gives way back behind the job waiting ahead, and runs it again whole with no attempt counted', async () => {
    const events: string[] = [];
    const outcomes: JobAttemptOutcome[] = [];
    const started = signal();
    const runQueued = signal();
    const rescoring: BatchJobHandler<{ value: number }> = {
      jobName: 'rescore-offer',
      maxJobs: 5,
      handle: () => Promise.reject(new Error('batches only')),
      handleBatch: async (jobs, context) => {
        events.push(`rescoring ${jobs.map((job) => job.data.value).join(',')} on attempt ${context.attempt}`);
        started.announce();
        await runQueued.reached;
        if (await context.waitsAhead('full-run')) throw new GiveWay();
        events.push('rescoring done');
      },
    };
    const fullRun: JobHandler = { jobName: 'full-run', handle: async () => void events.push('full run') };
    for (const queue of [producer, consumer]) queue.prioritise('rescore-offer', 2);
    consumer.register([rescoring, fullRun]);
    consumer.observeAttempts((outcome) => outcomes.push(outcome));
    for (const value of [1, 2]) await producer.add('rescore-offer', { value }, { jobId: `yield-${value}` });
    await consumer.start();
    await started.reached;
    await producer.add('full-run', {}, { jobId: 'yield-run' });
    runQueued.announce();
    while (!events.includes('rescoring done')) await sleep(50);
    expect(events).toEqual(['rescoring 1,2 on attempt 1', 'full run', 'rescoring 1,2 on attempt 1', 'rescoring done']);
    expect(outcomes.map(({ jobName, failed }) => ({ jobName, failed }))).toEqual([
      { jobName: 'full-run', failed: false },
      { jobName: 'rescore-offer', failed: false },
    ]);
    expect(await consumer.counts()).toMatchObject({ failed: 0, delayed: 0 });
  });

  /** A bulk batch that runs within itself the person jobs queued behind it while it runs; the first person batch fails if `personFailsFirst`. */
  function laneTest(personFailsFirst: boolean) {
    const events: string[] = [];
    const started = signal();
    const personQueued = signal();
    let personCalls = 0;
    const values = (jobs: readonly QueuedJob<{ value: number }>[]) => jobs.map((job) => job.data.value).join(',');
    const person: BatchJobHandler<{ value: number }> = {
      jobName: 'person',
      maxJobs: 10,
      handle: () => Promise.reject(new Error('batches only')),
      handleBatch: async (jobs) => {
        personCalls += 1;
        if (personFailsFirst && personCalls === 1) {
          events.push(`person ${values(jobs)} failed`);
          throw new Error('the person lane failed once');
        }
        events.push(`person ${values(jobs)}`);
      },
    };
    const bulk: BatchJobHandler<{ value: number }> = {
      jobName: 'bulk',
      maxJobs: 5,
      handle: () => Promise.reject(new Error('batches only')),
      handleBatch: async (jobs, context) => {
        events.push(`bulk ${values(jobs)}`);
        started.announce();
        await personQueued.reached;
        const ran = await context.runWaiting<{ value: number }>('person');
        events.push(`bulk ran [${ran.map(({ value }) => value).join(',')}] within`);
      },
    };
    for (const queue of [producer, consumer]) {
      queue.prioritise('person', 1);
      queue.prioritise('bulk', 2);
    }
    consumer.register([person, bulk]);
    return {
      events,
      run: async (): Promise<void> => {
        for (const value of [1, 2]) await producer.add('bulk', { value }, { jobId: `lane-bulk-${personFailsFirst}-${value}` });
        await consumer.start();
        await started.reached;
        for (const value of [3, 4]) await producer.add('person', { value }, { jobId: `lane-person-${personFailsFirst}-${value}` });
        personQueued.announce();
        while (!events.some((event) => event.startsWith('bulk ran'))) await sleep(20);
        // Behind any person job left in the queue: once it has run, so have they.
        await producer.add('bulk', { value: 9 }, { jobId: `lane-bulk-${personFailsFirst}-9` });
        while (events.filter((event) => event.startsWith('bulk ran')).length < 2) await sleep(20);
      },
    };
  }

  it('runs the waiting jobs of a lane ahead within a running batch, and takes them off the queue once they succeeded', async () => {
    const { events, run } = laneTest(false);
    await run();
    expect(events).toEqual(['bulk 1,2', 'person 3,4', 'bulk ran [3,4] within', 'bulk 9', 'bulk ran [] within']);
    expect(await consumer.counts()).toMatchObject({ waiting: 0, failed: 0, delayed: 0 });
  });

  it('leaves the jobs of a lane ahead queued when they fail within a batch, to run on their own', async () => {
    const { events, run } = laneTest(true);
    await run();
    expect(events).toEqual(['bulk 1,2', 'person 3,4 failed', 'bulk ran [] within', 'person 3,4', 'bulk 9', 'bulk ran [] within']);
    expect(await consumer.counts()).toMatchObject({ waiting: 0, failed: 0, delayed: 0 });
  });

  it('does not give way to a job of another name than the one it names', async () => {
    const events: string[] = [];
    const started = signal();
    const otherQueued = signal();
    const rescoring: JobHandler<{ value: number }> = {
      jobName: 'rescore-offer',
      handle: async (_data, context) => {
        started.announce();
        await otherQueued.reached;
        events.push(`full run waiting: ${await context.waitsAhead('full-run')}`);
      },
    };
    const notify: JobHandler = { jobName: 'notify', handle: async () => void events.push('notify') };
    for (const queue of [producer, consumer]) queue.prioritise('rescore-offer', 2);
    consumer.register([rescoring, notify]);
    await producer.add('rescore-offer', { value: 1 }, { jobId: 'no-yield-1' });
    await consumer.start();
    await started.reached;
    await producer.add('notify', {}, { jobId: 'no-yield-notify' });
    otherQueued.announce();
    while (events.length < 2) await sleep(50);
    expect(events).toEqual(['full run waiting: false', 'notify']);
  });
});

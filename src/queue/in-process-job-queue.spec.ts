import { Logger } from '@nestjs/common';
import { FAILED_JOBS_KEPT, InProcessJobQueue } from './in-process-job-queue';
import { JOB_ATTEMPTS, JobContext, JobHandler } from './job-queue';

class RecordingHandler implements JobHandler<{ value: number }> {
  readonly jobName = 'record';
  readonly calls: { data: { value: number }; context: JobContext }[] = [];

  constructor(private readonly failuresBeforeSuccess = 0) {}

  async handle(data: { value: number }, context: JobContext): Promise<void> {
    this.calls.push({ data, context });
    if (this.calls.length <= this.failuresBeforeSuccess) throw new Error(`failure ${this.calls.length}`);
  }
}

describe('InProcessJobQueue', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs a job before add resolves', async () => {
    const queue = new InProcessJobQueue(1);
    const handler = new RecordingHandler();
    queue.register([handler]);
    await queue.add('record', { value: 7 }, { jobId: 'a' });
    expect(handler.calls).toEqual([
      {
        data: { value: 7 },
        context: {
          jobId: 'a',
          attempt: 1,
          isLastAttempt: false,
          queuedAt: expect.any(Date),
          waitsAhead: expect.any(Function),
          runWaiting: expect.any(Function),
        },
      },
    ]);
    await expect(handler.calls[0].context.waitsAhead('full-run')).resolves.toBe(false);
    await expect(handler.calls[0].context.runWaiting('record')).resolves.toEqual([]);
  });

  it('runs a job id once while it is queued or running', async () => {
    const queue = new InProcessJobQueue(1);
    const handler = new RecordingHandler();
    queue.register([handler]);
    await Promise.all([queue.add('record', { value: 1 }, { jobId: 'same' }), queue.add('record', { value: 2 }, { jobId: 'same' })]);
    expect(handler.calls.map((call) => call.data.value)).toEqual([1]);
  });

  it('runs jobs one at a time, in the order added', async () => {
    const queue = new InProcessJobQueue(1);
    const order: string[] = [];
    queue.register([
      {
        jobName: 'slow',
        handle: async ({ id }: { id: string }) => {
          order.push(`start ${id}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`end ${id}`);
        },
      },
    ]);
    await Promise.all([queue.add('slow', { id: '1' }, { jobId: '1' }), queue.add('slow', { id: '2' }, { jobId: '2' })]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('retries a failing job and tells the handler which attempt is the last', async () => {
    const queue = new InProcessJobQueue(1);
    const handler = new RecordingHandler(2);
    queue.register([handler]);
    await queue.add('record', { value: 1 }, { jobId: 'retried' });
    expect(handler.calls.map((call) => call.context.attempt)).toEqual([1, 2, 3]);

    const hopeless = new RecordingHandler(Infinity);
    const second = new InProcessJobQueue(1);
    second.register([hopeless]);
    await second.add('record', { value: 1 }, { jobId: 'hopeless' });
    expect(hopeless.calls).toHaveLength(JOB_ATTEMPTS);
    expect(hopeless.calls.map((call) => call.context.isLastAttempt)).toEqual([...Array(JOB_ATTEMPTS - 1).fill(false), true]);
  });

  it('lists the jobs that failed for good, the latest first, and counts every one', async () => {
    const queue = new InProcessJobQueue(0);
    queue.register([new RecordingHandler(Infinity)]);
    for (let job = 0; job < FAILED_JOBS_KEPT + 2; job++) await queue.add('record', { value: job }, { jobId: `failing-${job}` });
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: FAILED_JOBS_KEPT + 2 });
    const [latest, ...earlier] = await queue.failedJobs(FAILED_JOBS_KEPT + 2);
    expect(latest).toEqual({
      id: `failing-${FAILED_JOBS_KEPT + 1}`,
      name: 'record',
      data: { value: FAILED_JOBS_KEPT + 1 },
      reason: expect.stringMatching(/^failure/),
      attempts: JOB_ATTEMPTS,
      failedAt: expect.any(Date),
    });
    expect(earlier).toHaveLength(FAILED_JOBS_KEPT - 1);
    expect(earlier.at(-1)!.id).toBe('failing-2');
    expect(await queue.failedJobs(3)).toHaveLength(3);
  });

  it('counts the running job, the one waiting for its retry and those queued behind', async () => {
    const queue = new InProcessJobQueue(50);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    queue.register([new RecordingHandler(1), { jobName: 'blocking', handle: () => released }]);
    const blocking = queue.add('blocking', {}, { jobId: 'blocking' });
    const retried = queue.add('record', { value: 1 }, { jobId: 'retried' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await queue.counts()).toEqual({ waiting: 1, active: 1, delayed: 0, failed: 0 });
    release();
    await blocking;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 0 });
    await retried;
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('runs the handlers of several features registered one after the other, and refuses a job name twice', async () => {
    const queue = new InProcessJobQueue(1);
    const first = new RecordingHandler();
    const second = { jobName: 'other', calls: 0, handle: async () => void second.calls++ };
    queue.register([first]);
    queue.register([second]);
    await queue.add('record', { value: 1 }, { jobId: 'a' });
    await queue.add('other', {}, { jobId: 'b' });
    expect([first.calls.length, second.calls]).toEqual([1, 1]);
    expect(() => queue.register([new RecordingHandler()])).toThrow(/already has a handler/);
  });

  it('refuses jobs nobody handles and jobs after close', async () => {
    const queue = new InProcessJobQueue(1);
    await expect(queue.add('unknown', {}, { jobId: 'x' })).rejects.toThrow(/No handler/);
    await queue.close();
    await expect(queue.add('unknown', {}, { jobId: 'y' })).rejects.toThrow(/closed/);
  });

  describe('periodic jobs', () => {
    afterEach(() => jest.useRealTimers());

    it('runs a scheduled job at each tick of its pattern in UTC, once per tick, from start until close', async () => {
      jest.useFakeTimers({ now: new Date('2026-12-04T05:58:00Z') });
      const queue = new InProcessJobQueue(1);
      const handler = new RecordingHandler();
      queue.register([handler]);
      queue.schedule({ schedulerId: 'digest', jobName: 'record', pattern: '0 6 * * *', data: { value: 6 } });
      await jest.advanceTimersByTimeAsync(30_000);
      expect(handler.calls).toHaveLength(0);

      await queue.start();
      await jest.advanceTimersByTimeAsync(60_000);
      expect(handler.calls).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(handler.calls).toEqual([
        { data: { value: 6 }, context: expect.objectContaining({ jobId: `digest:${Date.parse('2026-12-04T06:00:00Z')}` }) },
      ]);
      await jest.advanceTimersByTimeAsync(24 * 3600_000);
      expect(handler.calls.map((call) => call.context.jobId)).toEqual([
        `digest:${Date.parse('2026-12-04T06:00:00Z')}`,
        `digest:${Date.parse('2026-12-05T06:00:00Z')}`,
      ]);

      await queue.close();
      await jest.advanceTimersByTimeAsync(2 * 24 * 3600_000);
      expect(handler.calls).toHaveLength(2);
    });

    it('reaches a tick further away than a timer can wait', async () => {
      jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
      const queue = new InProcessJobQueue(1);
      const handler = new RecordingHandler();
      queue.register([handler]);
      queue.schedule({ schedulerId: 'yearly', jobName: 'record', pattern: '0 0 1 7 *' });
      await queue.start();
      await jest.advanceTimersByTimeAsync(180 * 24 * 3600_000);
      expect(handler.calls).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(2 * 24 * 3600_000);
      expect(handler.calls.map((call) => call.context.jobId)).toEqual([`yearly:${Date.parse('2026-07-01T00:00:00Z')}`]);
      await queue.close();
    });

    it('refuses a schedule without its handler, or with a pattern that is not cron', () => {
      const queue = new InProcessJobQueue(1);
      expect(() => queue.schedule({ schedulerId: 'x', jobName: 'record', pattern: '0 6 * * *' })).toThrow(/Register the handler/);
      queue.register([new RecordingHandler()]);
      expect(() => queue.schedule({ schedulerId: 'x', jobName: 'record', pattern: 'daily at six' })).toThrow();
    });
  });
});

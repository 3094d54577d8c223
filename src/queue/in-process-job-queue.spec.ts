import { Logger } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';
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
    expect(handler.calls).toEqual([{ data: { value: 7 }, context: { jobId: 'a', attempt: 1, isLastAttempt: false } }]);
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
      } as JobHandler,
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
});

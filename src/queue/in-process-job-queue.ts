import { Logger } from '@nestjs/common';
import { AddJobOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobHandler, JobQueue } from './job-queue';

/**
 * The embedded driver, used when REDIS_URL is unset: the API runs jobs itself, one at a time, with
 * the same retries and backoff as BullMQ. `add` resolves once the job is done, because memory does
 * not survive a crash: the outbox row stays pending until then and is handed over again after a
 * restart.
 */
export class InProcessJobQueue extends JobQueue {
  readonly consumesHere = true;
  private readonly logger = new Logger('JobQueue');
  private readonly inFlight = new Map<string, Promise<void>>();
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly backoffMs = JOB_BACKOFF_MS) {
    super();
  }

  add<T>(jobName: string, data: T, { jobId }: AddJobOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The job queue is closed'));
    const running = this.inFlight.get(jobId);
    if (running) return running;
    const handler = this.handlers.get(jobName);
    if (!handler) return Promise.reject(new Error(`No handler for job ${jobName}`));
    const done = (this.tail = this.tail.then(() => this.run(handler, data, jobId))).finally(() => this.inFlight.delete(jobId));
    this.inFlight.set(jobId, done);
    return done;
  }

  /** Jobs run as they are added; there is nothing to start. */
  async start(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private async run(handler: JobHandler, data: unknown, jobId: string): Promise<void> {
    for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
      const isLastAttempt = attempt === JOB_ATTEMPTS || this.closed;
      try {
        await handler.handle(data, { jobId, attempt, isLastAttempt });
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isLastAttempt) {
          // Without Redis there is no failed-job list to inspect; the log is where failures show.
          this.logger.error(`Job ${jobId} (${handler.jobName}) failed for good after ${attempt} attempts: ${message}`);
          return;
        }
        this.logger.warn(`Job ${jobId} (${handler.jobName}) failed on attempt ${attempt}, retrying: ${message}`);
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}

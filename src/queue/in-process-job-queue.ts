import { Logger } from '@nestjs/common';
import { CronExpressionParser } from 'cron-parser';
import {
  AddJobOptions,
  FailedJob,
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  JobCounts,
  JobHandler,
  JobQueue,
  IN_ARRIVAL_ORDER,
  PeriodicJob,
} from './job-queue';

/** Node's timers hold at most 2^31 - 1 ms (24.8 days); a later tick is reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Failed jobs kept for inspection: the latest ones, in memory, until the process ends. */
export const FAILED_JOBS_KEPT = 100;

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
  /** What the job being run is doing: an attempt, or the wait before a retry. */
  private runningState: 'active' | 'delayed' | null = null;
  /** The latest failed jobs first. */
  private readonly failed: FailedJob[] = [];
  private failedCount = 0;
  private readonly clocks = new Map<string, NodeJS.Timeout>();

  constructor(private readonly backoffMs = JOB_BACKOFF_MS) {
    super();
  }

  add<T>(jobName: string, data: T, { jobId }: AddJobOptions): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The job queue is closed'));
    const running = this.inFlight.get(jobId);
    if (running) return running;
    const handler = this.handlers.get(jobName);
    if (!handler) return Promise.reject(new Error(`No handler for job ${jobName}`));
    const queuedAt = new Date();
    const done = (this.tail = this.tail.then(() => this.run(handler, data, jobId, queuedAt))).finally(() => this.inFlight.delete(jobId));
    this.inFlight.set(jobId, done);
    return done;
  }

  /** Failed jobs are counted since the process started; the latest FAILED_JOBS_KEPT are listed. */
  async counts(): Promise<JobCounts> {
    const running = this.runningState ? 1 : 0;
    return {
      waiting: this.inFlight.size - running,
      active: this.runningState === 'active' ? 1 : 0,
      delayed: this.runningState === 'delayed' ? 1 : 0,
      failed: this.failedCount,
    };
  }

  async failedJobs(limit: number): Promise<FailedJob[]> {
    return this.failed.slice(0, limit);
  }

  /** Jobs run as they are added; only the periodic jobs' clocks start here. */
  async start(): Promise<void> {
    for (const job of this.periodicJobs.values()) this.armClock(job);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const clock of this.clocks.values()) clearTimeout(clock);
    this.clocks.clear();
    await this.tail;
  }

  /** Waits for the pattern's next tick, adds the job under an id of its own tick, and waits again. */
  private armClock(job: PeriodicJob): void {
    const tick = CronExpressionParser.parse(job.pattern, { tz: 'UTC', currentDate: new Date() }).next().getTime();
    const wait = tick - Date.now();
    const clock = setTimeout(
      () => {
        if (this.closed) return;
        if (wait <= LONGEST_TIMER_MS) {
          this.add(job.jobName, job.data ?? {}, { jobId: `${job.schedulerId}:${tick}` }).catch((error: unknown) =>
            this.logger.error(`Periodic job ${job.schedulerId} could not run: ${error instanceof Error ? error.message : String(error)}`),
          );
        }
        this.armClock(job);
      },
      Math.min(Math.max(wait, 0), LONGEST_TIMER_MS),
    );
    // A pending tick does not keep a finished process (a CLI command, a test) alive.
    clock.unref();
    this.clocks.set(job.schedulerId, clock);
  }

  private async run(handler: JobHandler, data: unknown, jobId: string, queuedAt: Date): Promise<void> {
    try {
      for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
        const isLastAttempt = attempt === JOB_ATTEMPTS || this.closed;
        try {
          this.runningState = 'active';
          await handler.handle(data, { jobId, attempt, isLastAttempt, queuedAt, ...IN_ARRIVAL_ORDER });
          return;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (isLastAttempt) {
            // Kept in memory only: the log is where failures of earlier processes show.
            this.logger.error(`Job ${jobId} (${handler.jobName}) failed for good after ${attempt} attempts: ${message}`);
            this.recordFailure({ id: jobId, name: handler.jobName, data, reason: message, attempts: attempt, failedAt: new Date() });
            return;
          }
          this.logger.warn(`Job ${jobId} (${handler.jobName}) failed on attempt ${attempt}, retrying: ${message}`);
          this.runningState = 'delayed';
          await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
        }
      }
    } finally {
      this.runningState = null;
    }
  }

  private recordFailure(job: FailedJob): void {
    this.failedCount++;
    this.failed.unshift(job);
    if (this.failed.length > FAILED_JOBS_KEPT) this.failed.pop();
  }
}

import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Job, Queue, WaitingChildrenError, WaitingError, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { withinTime } from '../common/within-time';
import {
  AddJobOptions,
  BatchJobHandler,
  FailedJob,
  GiveWay,
  IN_ARRIVAL_ORDER,
  isBatchJobHandler,
  isSplitJobHandler,
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  JobContext,
  JobCounts,
  JobQueue,
  NewJob,
  QueuedJob,
  SplitJobHandler,
} from './job-queue';
import { createRedisConnection } from './redis-connection';

/** A job taken into another's batch, as the batch's job keeps it: its data and when it was queued (ms since the epoch). */
interface RecordedJob {
  data: unknown;
  queuedAt: number;
}

/** How long a worker's claim to a job it takes into a batch is kept: far longer than a batch takes. */
const BATCH_CLAIM_MS = 3600_000;

/** The one BullMQ queue every job (matching, allocation plans) goes through. */
export const QUEUE_NAME = 'matching';

/** An add that Redis has not acknowledged by then is treated as failed (the outbox keeps the row). */
const ADD_TIMEOUT_MS = 5000;
/** How long a look at the queue's state may wait for Redis before it is reported as unavailable. */
const READ_TIMEOUT_MS = 2000;
/** How many of the jobs at the front of the queue `waitsAhead` and `runWaiting` look at. */
const WAITING_JOBS_LOOKED_AHEAD = 50;

/** A job and the jobs taken into its batch, as its handler takes them. */
function batchOf(data: unknown, queuedAt: number, batchedWith: readonly RecordedJob[]): QueuedJob<unknown>[] {
  return [
    { data, queuedAt: new Date(queuedAt) },
    ...batchedWith.map((other) => ({ data: other.data, queuedAt: new Date(other.queuedAt) })),
  ];
}

/** A waiting job with the jobs it took into its batch on an earlier attempt (one that gave way). */
function jobsOf(job: Job): QueuedJob<unknown>[] {
  const { batchedWith = [], ...data } = job.data as { batchedWith?: RecordedJob[] };
  return batchOf(data, job.timestamp, batchedWith);
}

/**
 * BullMQ driver. Jobs are retried with exponential backoff; completed jobs are trimmed, failed ones
 * are kept in Redis for inspection. A worker that dies mid-job loses its lock after JOB_LOCK_MS and
 * BullMQ's stalled-job check hands the job to the next worker.
 */
export class BullMqJobQueue extends JobQueue {
  private readonly logger = new Logger('JobQueue');
  private readonly producerConnection: IORedis;
  private readonly queue: Queue;
  private workerConnection?: IORedis;
  private worker?: Worker;
  private lastErrorLoggedAt = 0;

  constructor(
    private readonly config: Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX' | 'JOB_LOCK_MS'>,
    readonly consumesHere: boolean,
  ) {
    super();
    this.producerConnection = createRedisConnection(config, 'producer');
    this.producerConnection.on('error', (error) => this.logThrottled('Redis connection', error));
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.producerConnection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: {
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: false,
      },
    });
    this.queue.on('error', (error) => this.logThrottled('Queue', error));
  }

  async add<T>(jobName: string, data: T, options: AddJobOptions): Promise<void> {
    await withinTime(
      this.queue.add(jobName, data, { jobId: options.jobId, priority: this.priorities.get(jobName) }),
      ADD_TIMEOUT_MS,
      `Redis did not accept job ${options.jobId} within ${ADD_TIMEOUT_MS} ms`,
    );
  }

  /**
   * All in one round trip (BullMQ's addBulk, a MULTI): Redis stores every job or none. Under a load of
   * writes, one add after another fell behind the writes by thousands of jobs.
   */
  override async addMany(jobs: readonly NewJob[]): Promise<{ added: number; error?: Error }> {
    if (jobs.length === 0) return { added: 0 };
    try {
      await withinTime(
        this.queue.addBulk(
          jobs.map(({ jobName, data, options }) => ({
            name: jobName,
            data,
            opts: { jobId: options.jobId, priority: this.priorities.get(jobName) },
          })),
        ),
        ADD_TIMEOUT_MS,
        `Redis did not accept ${jobs.length} jobs within ${ADD_TIMEOUT_MS} ms`,
      );
      return { added: jobs.length };
    } catch (error) {
      return { added: 0, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /** A periodic job's next tick waits in Redis as a delayed job of its scheduler; it is not counted as work waiting for a retry. */
  async counts(): Promise<JobCounts> {
    const [counts, nextTicks] = await this.read(
      Promise.all([this.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'), this.queue.getJobSchedulersCount()]),
    );
    return {
      waiting: counts.waiting + counts.prioritized,
      active: counts.active,
      delayed: Math.max(0, counts.delayed - nextTicks),
      failed: counts.failed,
    };
  }

  async failedJobs(limit: number): Promise<FailedJob[]> {
    if (limit < 1) return [];
    const jobs = await this.read(this.queue.getFailed(0, limit - 1));
    return jobs.map((job): FailedJob => ({
      id: job.id!,
      name: job.name,
      data: job.data,
      reason: job.failedReason,
      attempts: job.attemptsMade,
      failedAt: new Date(job.finishedOn ?? job.timestamp),
    }));
  }

  /**
   * One BullMQ worker serves every registered job name: a second worker on the same queue would take
   * jobs it has no handler for. Started once, after every feature has registered. Every worker
   * process runs one job at a time; more processes share the queue (see runBatch and runSplit).
   */
  async start(): Promise<void> {
    if (this.worker) throw new Error('The job queue is already consuming');
    this.workerConnection = createRedisConnection(this.config, 'worker');
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job, token?: string) => {
        const attempt = job.attemptsMade + 1;
        const context: JobContext = {
          jobId: job.id!,
          attempt,
          isLastAttempt: attempt >= (job.opts.attempts ?? 1),
          queuedAt: new Date(job.timestamp),
          waitsAhead: (aheadName) => this.waitsAhead(aheadName, job.name),
          runWaiting: (waitingName) => this.runWaiting(waitingName, context),
        };
        const splitJob = this.splitParts.get(job.name);
        // A part's result is the job's return value: BullMQ hands it to the job it is part of.
        if (splitJob) return splitJob.runPart(job.data, context);
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`No handler for job ${job.name}`);
        try {
          if (isSplitJobHandler(handler)) await this.runSplit(handler, job, token!, context);
          else if (isBatchJobHandler(handler)) await this.runBatch(handler, job, context);
          else await handler.handle(job.data, context);
        } catch (error) {
          if (!(error instanceof GiveWay)) throw error;
          // Back among the waiting jobs of its priority, with no attempt counted; BullMQ takes the next job.
          await job.moveToWait(token);
          throw new WaitingError();
        }
        return undefined;
      },
      {
        connection: this.workerConnection,
        prefix: this.config.QUEUE_PREFIX,
        // Kept on each job it runs (processedBy): which worker ran a job, for people looking into one.
        name: `${hostname()}:${process.pid}`,
        concurrency: 1,
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.JOB_LOCK_MS,
        maxStalledCount: 3,
      },
    );
    await this.applySchedules();
    this.worker.on('error', (error) => this.logThrottled('Worker', error));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`Job ${job?.id} (${job?.name}) failed on attempt ${job?.attemptsMade}: ${error.message}`),
    );
    await this.worker.waitUntilReady();
  }

  /**
   * Jobs without a priority wait in BullMQ's plain list, ahead of every prioritised one. Only its
   * first jobs are looked at: a job further down is not about to run anyway.
   */
  private async waitsAhead(aheadName: string, jobName: string): Promise<boolean> {
    if (!this.priorities.has(jobName) || this.priorities.has(aheadName)) return false;
    const waiting = await this.read(this.queue.getWaiting(0, WAITING_JOBS_LOOKED_AHEAD - 1));
    return waiting.some((job) => job?.name === aheadName);
  }

  /**
   * Runs the jobs of `jobName` among the first of the prioritised ones (a lane ahead of the running
   * job's: its jobs are at the front) within the running job, as JobContext.runWaiting says. They
   * are claimed as a batch's jobs are, so no other batch takes them, and removed only once their
   * handler succeeded.
   */
  private async runWaiting<T>(jobName: string, running: JobContext): Promise<T[]> {
    const handler = this.handlers.get(jobName);
    if (!handler || !isBatchJobHandler(handler)) return [];
    const waiting = await this.read(this.queue.getPrioritized(0, Math.min(handler.maxJobs, WAITING_JOBS_LOOKED_AHEAD) - 1));
    const claimed = await this.claim(waiting.filter((other) => other?.name === jobName) as Job[]);
    if (claimed.length === 0) return [];
    const jobs = claimed.flatMap((other) => jobsOf(other));
    // Its own first attempt, not the running job's: a failure here leaves the jobs to their retries.
    const context: JobContext = { jobId: running.jobId, attempt: 1, isLastAttempt: false, queuedAt: jobs[0].queuedAt, ...IN_ARRIVAL_ORDER };
    try {
      await handler.handleBatch(jobs, context);
    } catch (error) {
      this.logger.warn(`${claimed.length} ${jobName} jobs run within job ${running.jobId} failed; they stay queued: ${String(error)}`);
      await this.unclaim(claimed);
      return [];
    }
    await Promise.all(claimed.map((other) => other.remove().catch(() => undefined)));
    return jobs.map(({ data }) => data as T);
  }

  /**
   * Runs `job` together with jobs of its name waiting behind it. Each of the others is first
   * claimed (a Redis key set only if no other worker set it), written into the job's data, then
   * taken off the queue; one another worker has started meanwhile stays with that worker. So two
   * workers do not run the same jobs, and a batch cut off by a crash or failing runs whole again
   * with its job's next attempt.
   */
  private async runBatch(handler: BatchJobHandler, job: Job, context: JobContext): Promise<void> {
    const { batchedWith, ...data } = job.data as { batchedWith?: RecordedJob[] };
    let others = batchedWith;
    if (!others) {
      const waiting = await this.queue.getJobs(['prioritized', 'waiting'], 0, handler.maxJobs - 1, true);
      const candidates = waiting.filter((other) => other?.name === job.name && other.id !== job.id).slice(0, handler.maxJobs - 1) as Job[];
      const claimed = await this.claim(candidates);
      // A job that gave way carries the jobs of its own batch: they come along.
      const recordedOf = claimed.map((other) =>
        jobsOf(other).map(({ data, queuedAt }): RecordedJob => ({ data, queuedAt: queuedAt.getTime() })),
      );
      await job.updateData({ ...data, batchedWith: recordedOf.flat() });
      const taken = await Promise.all(
        claimed.map((other) =>
          other.remove().then(
            () => true,
            () => false,
          ),
        ),
      );
      others = recordedOf.filter((_, index) => taken[index]).flat();
    }
    await handler.handleBatch(batchOf(data, job.timestamp, others), context);
  }

  /**
   * The jobs this worker wins the claim to, in one round trip. A claim outlives any worker's list of
   * waiting jobs, so a job removed by its claimant is not claimed again from a list read before.
   */
  private async claim(jobs: readonly Job[]): Promise<Job[]> {
    if (jobs.length === 0) return [];
    const claims = this.producerConnection.multi();
    for (const job of jobs) claims.set(this.claimKey(job), '1', 'PX', BATCH_CLAIM_MS, 'NX');
    const replies = (await claims.exec()) ?? [];
    return jobs.filter((_, index) => replies[index]?.[1] === 'OK');
  }

  /** Lets other batches take these jobs again. */
  private async unclaim(jobs: readonly Job[]): Promise<void> {
    await this.producerConnection.del(...jobs.map((job) => this.claimKey(job)));
  }

  private claimKey(job: Job): string {
    return `${this.config.QUEUE_PREFIX}:${QUEUE_NAME}:batch-claim:${job.id}`;
  }

  /**
   * A split job in two visits (a BullMQ flow built as it runs): the first asks for parts, one per
   * running worker, queues them as the job's children and leaves the job waiting; once every part
   * has ended, BullMQ queues the job again and the second visit closes it with the parts' outcomes.
   * A part that failed for good does not hold the job up (`ignoreDependencyOnFailure`): `finish`
   * hears why. A first visit cut off before the job waits is run again, and queues no part twice:
   * their ids are the job's with the part's number.
   */
  private async runSplit(handler: SplitJobHandler, job: Job, token: string, context: JobContext): Promise<void> {
    const children = await job.getDependenciesCount();
    if (!Object.values(children).some((count) => count)) {
      const parts = await handler.split(job.data, Math.max(1, await this.queue.getWorkersCount()), context);
      await this.queue.addBulk(
        parts.map((part, index) => ({
          name: handler.partJobName,
          data: part,
          opts: {
            jobId: `${job.id}.part-${index + 1}`,
            parent: { id: job.id!, queue: job.queueQualifiedName },
            ignoreDependencyOnFailure: true,
          },
        })),
      );
    }
    if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
    const [results, failures] = await Promise.all([job.getChildrenValues(), job.getIgnoredChildrenFailures()]);
    await handler.finish(job.data, { results: Object.values(results), failures: Object.values(failures) }, context);
  }

  /**
   * Makes Redis hold exactly the declared schedules: upserting is idempotent, so every worker that
   * starts does it, and a schedule no longer declared (renamed, removed) stops queueing jobs that
   * no handler would take.
   */
  private async applySchedules(): Promise<void> {
    for (const job of this.periodicJobs.values()) {
      await this.queue.upsertJobScheduler(
        job.schedulerId,
        { pattern: job.pattern, tz: 'UTC' },
        { name: job.jobName, data: job.data ?? {} },
      );
    }
    for (const scheduler of await this.queue.getJobSchedulers()) {
      if (!this.periodicJobs.has(scheduler.key)) await this.queue.removeJobScheduler(scheduler.key);
    }
  }

  async close(): Promise<void> {
    // The worker first: close() lets the running job finish before the connections go.
    await this.worker?.close();
    await this.queue.close();
    this.workerConnection?.disconnect();
    this.producerConnection.disconnect();
  }

  private read<T>(work: Promise<T>): Promise<T> {
    return withinTime(work, READ_TIMEOUT_MS, `Redis did not answer within ${READ_TIMEOUT_MS} ms`);
  }

  /** Redis outages repeat the same error many times a second; one line every 10 s is enough. */
  private logThrottled(source: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < 10_000) return;
    this.lastErrorLoggedAt = now;
    this.logger.warn(`${source}: ${error.message}`);
  }
}

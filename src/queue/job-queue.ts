import { CronExpressionParser } from 'cron-parser';

/** What a job handler learns about the attempt it runs in. */
export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  isLastAttempt: boolean;
  /** When the job was handed to the queue: after the change that called for it had committed. */
  queuedAt: Date;
  /**
   * Whether a job named `jobName` waits to run ahead of this one (a name given no priority, while
   * this one has a priority; see `prioritise`). A long handler asks between its steps and throws
   * GiveWay if so. Always false where jobs run in the order they came.
   */
  waitsAhead(jobName: string): Promise<boolean>;
  /**
   * Runs here, now, the jobs named `jobName` waiting in the queue (a batch of them, by their own
   * handler) and only then takes them off it; resolves to the data of the jobs it ran. A long batch
   * of bulk work calls it between its steps, so the jobs of a lane ahead of it do not wait for its
   * end. If they fail they stay queued for their own retries and this resolves to none. A job another
   * worker starts meanwhile may run twice, which handlers allow. Runs nothing where jobs run in the
   * order they came.
   */
  runWaiting<T>(jobName: string): Promise<T[]>;
}

/** A context's view of the queue where jobs run in the order they came (one process, or a run started directly): nothing waits ahead. */
export const IN_ARRIVAL_ORDER: Pick<JobContext, 'waitsAhead' | 'runWaiting'> = {
  waitsAhead: () => Promise.resolve(false),
  runWaiting: () => Promise.resolve([]),
};

/**
 * Thrown by a handler between its steps when `waitsAhead` says so: the job goes back to the
 * queue, its data and attempts as they were, and runs again after the jobs ahead of it. What its
 * steps wrote stays written, as a handler is idempotent; so a full run that starts meanwhile does
 * not wait for a long rescoring batch to end.
 */
export class GiveWay extends Error {
  constructor() {
    super('Gave way to a job waiting ahead of it');
    this.name = 'GiveWay';
  }
}

/** One kind of job: its name on the queue and the code that runs it. Handlers must be idempotent. */
export interface JobHandler<T = unknown> {
  readonly jobName: string;
  handle(data: T, context: JobContext): Promise<void>;
}

/** A job as a batch handler receives it. */
export interface QueuedJob<T> {
  data: T;
  queuedAt: Date;
}

/**
 * A handler that takes jobs of its name together: with the job it runs, the queue hands it up to
 * `maxJobs - 1` others waiting behind it. The others are removed from the queue only once the batch
 * succeeded, so a batch cut off by a crash or failing leaves every job of it to run again. `handle`
 * runs a batch of one.
 */
export interface BatchJobHandler<T = unknown> extends JobHandler<T> {
  readonly maxJobs: number;
  handleBatch(jobs: readonly QueuedJob<T>[], context: JobContext): Promise<void>;
}

export function isBatchJobHandler(handler: JobHandler): handler is BatchJobHandler {
  return 'handleBatch' in handler;
}

/** How the parts of a split job ended: what each part that succeeded returned, and why the others failed for good. */
export interface PartOutcomes<R> {
  results: R[];
  failures: string[];
}

/**
 * A job that can be done in parts by several workers at once. A driver with workers in other
 * processes asks `split` for the parts (given how many workers are running), runs each as a job of
 * `partJobName` (retried like any job, on whichever worker takes it) and, once every part has ended,
 * calls `finish` with their outcomes. A driver that runs jobs in its own process calls `handle`,
 * which does the whole job there. Each step must be idempotent: a step cut off runs again.
 */
export interface SplitJobHandler<T = unknown, P = unknown, R = unknown> extends JobHandler<T> {
  readonly partJobName: string;
  split(data: T, workers: number, context: JobContext): Promise<P[]>;
  runPart(part: P, context: JobContext): Promise<R>;
  finish(data: T, outcomes: PartOutcomes<R>, context: JobContext): Promise<void>;
}

export function isSplitJobHandler(handler: JobHandler): handler is SplitJobHandler {
  return 'split' in handler;
}

export interface AddJobOptions {
  /** Adding a job whose id is already queued or running does nothing, so a repeated hand-over is harmless. */
  jobId: string;
}

/** A job to add: its name, its data and how to add it. */
export interface NewJob {
  jobName: string;
  data: unknown;
  options: AddJobOptions;
}

/** How many jobs are in each state: waiting to run, running, waiting for a retry, failed for good. */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** A job that failed on its last attempt, as the queue keeps it for people to inspect. */
export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  /** The error of the last attempt. */
  reason: string;
  attempts: number;
  failedAt: Date;
}

/** How one attempt of a job ended, as observers (metrics) learn it. */
export interface JobAttemptOutcome {
  jobName: string;
  seconds: number;
  failed: boolean;
  /** Failed with no retry to follow. */
  failedForGood: boolean;
}

/**
 * A job the queue runs on a clock: a sweep, a digest. The seam for every periodic task, so each
 * runs once per tick however many API or worker processes there are:
 *
 * - with REDIS_URL, a BullMQ job scheduler per `schedulerId` (upserted when the worker starts, so
 *   several workers share one schedule and each tick is one job, taken by one worker);
 * - without it, a timer in the API process, which runs the job like any other (same retries).
 *
 * A feature declares it in onModuleInit next to its handler:
 *
 *   if (this.queue.consumesHere) {
 *     this.queue.register([this.digestJob]);
 *     this.queue.schedule({ schedulerId: 'daily-digest', jobName: this.digestJob.jobName, pattern: '0 6 * * *' });
 *   }
 *
 * Ticks missed while no process runs are not caught up: the handler should work out from the
 * database what is due (e.g. "sent up to"), not assume it runs at every tick.
 */
export interface PeriodicJob {
  /** Names the schedule; declaring the same id again (e.g. after a restart) replaces its timing. */
  readonly schedulerId: string;
  /** The job name of a handler registered in the same process. */
  readonly jobName: string;
  /** A cron pattern in UTC: minute hour day-of-month month day-of-week, e.g. '0 6 * * *' for 06:00 daily. */
  readonly pattern: string;
  /** What the handler receives at each tick. */
  readonly data?: Record<string, unknown>;
}

/** Attempts per job, and the first retry delay, doubled for each later retry. */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 1000;

/**
 * The queue as feature code sees it, whatever runs behind it (BullMQ on Redis, or the API process
 * itself). Producers only `add`. Where jobs should run (the worker process, or the API when there is
 * no Redis), each feature registers its handlers while modules initialise, and QueueModule starts
 * consuming once the application has bootstrapped: every handler is known before the first job
 * arrives, whichever feature registered first.
 */
export abstract class JobQueue {
  /** Whether this process should run jobs: always in-process; with BullMQ only in the worker. */
  abstract readonly consumesHere: boolean;
  protected readonly handlers = new Map<string, JobHandler>();
  /** The split job each part job name belongs to. */
  protected readonly splitParts = new Map<string, SplitJobHandler>();
  protected readonly priorities = new Map<string, number>();
  private readonly attemptObservers: ((outcome: JobAttemptOutcome) => void)[] = [];
  protected readonly periodicJobs = new Map<string, PeriodicJob>();

  /**
   * Resolves once the job is safe: stored in Redis, or (in-process, where memory is not safe)
   * finished. Rejects when that cannot be done now, e.g. Redis is unreachable.
   */
  abstract add<T>(jobName: string, data: T, options: AddJobOptions): Promise<void>;

  /**
   * Adds jobs in order, each as `add` would. Resolves with how many are safe, counted from the first,
   * and the error that stopped the rest. A driver that can store them together overrides this.
   */
  async addMany(jobs: readonly NewJob[]): Promise<{ added: number; error?: Error }> {
    for (let index = 0; index < jobs.length; index++) {
      try {
        await this.add(jobs[index].jobName, jobs[index].data, jobs[index].options);
      } catch (error) {
        return { added: index, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    return { added: jobs.length };
  }

  /**
   * Adds one feature's handlers to those this process runs; a job name belongs to one handler. Each
   * is kept wrapped, so observers hear of every attempt whichever driver runs it.
   */
  register(handlers: readonly JobHandler[]): void {
    if (!this.consumesHere) throw new Error('This process only produces jobs; the worker process consumes them.');
    for (const handler of handlers) {
      for (const jobName of isSplitJobHandler(handler) ? [handler.jobName, handler.partJobName] : [handler.jobName]) {
        if (this.handlers.has(jobName) || this.splitParts.has(jobName)) throw new Error(`Job ${jobName} already has a handler`);
      }
      const observed: JobHandler = {
        jobName: handler.jobName,
        handle: (data, context) => this.observed(handler.jobName, context, () => handler.handle(data, context)),
      };
      if (isBatchJobHandler(handler)) {
        const batch: BatchJobHandler = {
          ...observed,
          maxJobs: handler.maxJobs,
          handleBatch: (jobs, context) => this.observed(handler.jobName, context, () => handler.handleBatch(jobs, context)),
        };
        this.handlers.set(handler.jobName, batch);
      } else if (isSplitJobHandler(handler)) {
        // A split that succeeds leaves the job waiting for its parts: the job's outcome is the closing step's.
        const split: SplitJobHandler = {
          ...observed,
          partJobName: handler.partJobName,
          split: (data, workers, context) => this.observed(handler.jobName, context, () => handler.split(data, workers, context), false),
          runPart: (part, context) => this.observed(handler.partJobName, context, () => handler.runPart(part, context)),
          finish: (data, outcomes, context) => this.observed(handler.jobName, context, () => handler.finish(data, outcomes, context)),
        };
        this.handlers.set(handler.jobName, split);
        this.splitParts.set(handler.partJobName, split);
      } else this.handlers.set(handler.jobName, observed);
    }
  }

  /**
   * Puts jobs of this name behind others: lower numbers go first, and jobs of names given no
   * priority (full runs, notifications) before any of them. Producers and consumers declare it
   * alike while modules initialise; a driver that runs jobs as they come may ignore it.
   */
  prioritise(jobName: string, priority: number): void {
    if (!Number.isInteger(priority) || priority < 1) throw new Error(`The priority of ${jobName} must be a positive integer`);
    this.priorities.set(jobName, priority);
  }

  /** Tells `observer` how every attempt of a job run by this process ends, from now on. */
  observeAttempts(observer: (outcome: JobAttemptOutcome) => void): void {
    this.attemptObservers.push(observer);
  }

  private async observed<R>(jobName: string, context: JobContext, run: () => Promise<R>, successEndsAttempt = true): Promise<R> {
    const started = performance.now();
    const tell = (failed: boolean) => {
      const outcome = {
        jobName,
        seconds: (performance.now() - started) / 1000,
        failed,
        failedForGood: failed && context.isLastAttempt,
      };
      for (const observer of this.attemptObservers) observer(outcome);
    };
    let result: R;
    try {
      result = await run();
    } catch (error) {
      // A job that gave way has not ended its attempt: it runs again.
      if (!(error instanceof GiveWay)) tell(true);
      throw error;
    }
    if (successEndsAttempt) tell(false);
    return result;
  }

  /** Runs a registered handler on a clock from `start` on (see PeriodicJob); call it before the application bootstraps. */
  schedule(job: PeriodicJob): void {
    if (!this.handlers.has(job.jobName)) throw new Error(`Register the handler of ${job.jobName} before scheduling it`);
    // Parsed now, so a bad pattern stops the process at start rather than at the first tick.
    CronExpressionParser.parse(job.pattern, { tz: 'UTC' });
    this.periodicJobs.set(job.schedulerId, job);
  }

  /** How many jobs are in each state now. */
  abstract counts(): Promise<JobCounts>;

  /** The jobs that failed for good, the latest first, at most `limit` of them. */
  abstract failedJobs(limit: number): Promise<FailedJob[]>;

  /** Starts running jobs with every handler registered so far, and the periodic jobs' clocks. */
  abstract start(): Promise<void>;

  /** Stops taking jobs (and the clocks of this process) and waits for the running one to finish. */
  abstract close(): Promise<void>;
}

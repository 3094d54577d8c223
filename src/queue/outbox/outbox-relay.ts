import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, In, IsNull, LessThan, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { inExclusiveTurn } from '../../database/sqlite-transaction-queue';
import { updateRows } from '../../database/update-rows';
import { JobQueue } from '../job-queue';
import { QUEUE_ROLE, QueueRole } from '../queue-role';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxWriter } from './outbox-writer';

/** Rows handed over per round, in one call to the queue (one round trip to Redis). */
const BATCH_SIZE = 500;
/** Fallback poll: picks up rows whose commit notice was missed and retries after a queue outage. */
const POLL_INTERVAL_MS = 1000;
const KEEP_DISPATCHED_MS = 7 * 24 * 3600 * 1000;
const PURGE_INTERVAL_MS = 3600 * 1000;

/** The queue job id of a message: the same row always gives the same job, so handing it over twice is harmless. */
export const jobIdOf = (message: Pick<OutboxMessage, 'id' | 'jobName'>): string => `${message.jobName}-${message.id}`;

/**
 * Hands pending outbox rows to the queue and stamps them dispatched. Runs in the API process only:
 * right after a transaction that wrote messages commits, and every second as a fallback, so rows
 * left pending by a Redis outage go out on their own once Redis is back.
 */
@Injectable()
export class OutboxRelay implements EntitySubscriberInterface, OnApplicationBootstrap {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private flushAgain = false;
  private stopped = false;
  private lastPurgeAt = 0;
  private queueWasDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly writer: OutboxWriter,
    @Inject(QUEUE_ROLE) private readonly role: QueueRole,
  ) {}

  onApplicationBootstrap(): void {
    if (this.role !== 'api') return;
    this.dataSource.subscribers.push(this);
    this.timer = setInterval(() => this.nudge(), POLL_INTERVAL_MS);
    this.timer.unref();
    this.nudge();
  }

  /**
   * Stops handing over; resolves once the last hand-over has ended. When other processes run the jobs
   * (BullMQ on Redis), everything pending is handed over first, so the jobs of the last requests do not
   * wait for the next start; rows the queue refuses (Redis away) stay pending in the database, and the
   * next start hands them over. When this process runs the jobs, handing a row over means running its
   * job while stopping, so pending rows are left to the next start instead.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.timer && !this.stopped && !this.queue.consumesHere) {
      this.nudge();
      await this.settled();
      if (this.queueWasDown) {
        this.logger.warn(`${await this.pendingCount()} outbox rows stay pending in the database; the next start hands them over.`);
      }
    }
    this.stopped = true;
    await this.flushing;
  }

  // A savepoint's release or rollback ends no transaction: its messages are committed, or not, with
  // the transaction around it (on SQLite, several callers' transactions may share one commit).
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    if (this.writer.takeWrite(event.queryRunner)) this.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    this.writer.takeWrite(event.queryRunner);
  }

  /** Starts a hand-over now, or right after the one in progress. */
  nudge(): void {
    if (this.stopped) return;
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = this.flush()
      .catch((error: unknown) => this.logger.error(`Outbox relay failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.flushing = undefined;
        if (this.flushAgain) {
          this.flushAgain = false;
          this.nudge();
        }
      });
  }

  /** Outbox rows not handed to the queue yet. */
  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessage).count({ where: { dispatchedAt: IsNull() } });
  }

  /** Resolves once no hand-over is in progress, including one requested while the last ran. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    const messages = this.dataSource.getRepository(OutboxMessage);
    for (;;) {
      // Alone in SQLite's transaction queue, so that only committed rows are read: a row of a
      // transaction still open on the shared connection would reach a worker before its change does.
      const pending = await inExclusiveTurn(this.dataSource, () =>
        messages.find({ where: { dispatchedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' }, take: BATCH_SIZE }),
      );
      if (this.stopped) break;
      const { added, error } = await this.queue.addMany(
        pending.map((message) => ({ jobName: message.jobName, data: message.payload, options: { jobId: jobIdOf(message) } })),
      );
      const dispatched = pending.slice(0, added).map((message) => message.id);
      if (error === undefined) {
        if (this.queueWasDown) this.logger.log('The queue accepts jobs again; pending outbox rows are being handed over.');
        this.queueWasDown = false;
      } else {
        if (!this.queueWasDown) {
          this.logger.warn(`The queue refused the jobs; outbox rows stay pending and are retried: ${error.message}`);
        }
        this.queueWasDown = true;
      }
      if (dispatched.length) await updateRows(this.dataSource, OutboxMessage, { id: In(dispatched) }, { dispatchedAt: new Date() });
      if (this.queueWasDown || this.stopped || pending.length < BATCH_SIZE) break;
    }
    await this.purgeOldMessages();
  }

  private async purgeOldMessages(): Promise<void> {
    if (Date.now() - this.lastPurgeAt < PURGE_INTERVAL_MS) return;
    this.lastPurgeAt = Date.now();
    await this.dataSource.transaction((manager) =>
      manager.delete(OutboxMessage, { dispatchedAt: LessThan(new Date(Date.now() - KEEP_DISPATCHED_MS)) }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Match } from '../../matching/entities/match.entity';
import { MatchStatus } from '../../domain/statuses';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { NotificationCursor } from '../entities/notification-cursor.entity';
import { NotificationKind } from '../notification-kind';

const CURSOR = 'strong-matches';
/** Proposals read per scan; a full run's thousands are told over the following minutes. */
const BATCH = 500;
/**
 * Read again behind the cursor: a proposal committed late with an earlier creation time (a long
 * matching transaction) is still seen. Events are unique per user, so reading one twice is harmless.
 */
const OVERLAP_MS = 2 * 60 * 1000;

/**
 * Tells a need's state and an offer's donor of each new proposal scoring at least
 * NOTIFY_MATCH_MIN_SCORE. The matching engine is left alone: the scan reads what it wrote, from a
 * cursor in the database, so nothing is missed while no process runs and a proposal made before
 * notifications existed is never announced.
 */
@Injectable()
export class StrongMatchScan {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async run(now = new Date()): Promise<void> {
    const cursors = this.dataSource.getRepository(NotificationCursor);
    const cursor = await cursors.findOneBy({ name: CURSOR });
    if (!cursor) {
      await this.moveCursor(now);
      return;
    }
    const from = new Date(cursor.position.getTime() - OVERLAP_MS);
    const proposals = await this.dataSource
      .getRepository(Match)
      .createQueryBuilder('match')
      .select(['match.id', 'match.score', 'match.createdAt'])
      .where('match.createdAt > :from', { from })
      .andWhere('match.createdAt <= :now', { now })
      .andWhere('match.score >= :threshold', { threshold: this.config.NOTIFY_MATCH_MIN_SCORE })
      .andWhere('match.status IN (:...open)', { open: [MatchStatus.PROPOSED, MatchStatus.DONOR_INTERESTED] })
      .andWhere(`NOT EXISTS (SELECT 1 FROM notifications told WHERE told.match_id = match.id AND told.kind IN (:...strongKinds))`, {
        strongKinds: [NotificationKind.STRONG_MATCH_FOR_NEED, NotificationKind.STRONG_MATCH_FOR_OFFER],
      })
      .orderBy('match.createdAt', 'ASC')
      .addOrderBy('match.id', 'ASC')
      .limit(BATCH)
      .getMany();
    for (const match of proposals) {
      for (const kind of [NotificationKind.STRONG_MATCH_FOR_NEED, NotificationKind.STRONG_MATCH_FOR_OFFER]) {
        await this.dispatcher.dispatch({ kind, eventKey: `${kind}:${match.id}`, matchId: match.id, params: { score: match.score } });
      }
    }
    const reached = proposals.length === BATCH ? proposals[proposals.length - 1].createdAt : now;
    if (reached > cursor.position) await this.moveCursor(reached);
  }

  // In a transaction of its own: on SQLite a save outside one would start a transaction on the shared
  // connection beside the queued ones (src/database/sqlite-transaction-queue.ts).
  private moveCursor(position: Date): Promise<unknown> {
    return this.dataSource.transaction((manager) => manager.save(NotificationCursor, { name: CURSOR, position }));
  }
}

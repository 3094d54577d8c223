import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Actor } from '../../access/actor';
import { BadUserInputError, ConflictError } from '../../common/errors/domain-errors';
import { Match } from '../../matching/entities/match.entity';
import { ProgressReportInput } from './dto/progress-report.input';
import { ProgressReport } from './progress-report.entity';
import { MatchEventMessage } from '../../matching/events/match-event';
import { inDecisionTransaction } from '../decisions/decision-transaction';
import { nextPairingStatus, PairingAction } from '../decisions/pairing-transitions';
import { overduePairings } from './overdue-pairings';
import { PairingsService, statusChange } from '../decisions/pairings.service';

/** A running pairing that has not been reported on for too long. */
export interface OverdueReporting {
  match: Match;
  lastReportAt: Date | null;
}

/**
 * Follow-up of running pairings (000 para 95). Either party reports; the first report makes the
 * pairing ACTIVE and a report marked completed closes it as COMPLETED. What has been disbursed in all
 * reports together never exceeds the allocation.
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pairings: PairingsService,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, matchId: string, input: ProgressReportInput): Promise<ProgressReport> {
    const { report, announcement } = await inDecisionTransaction(this.dataSource, async (manager) => {
      const locked = await this.pairings.lockPairing(manager, actor, matchId);
      const { match } = locked;
      const from = match.status;
      const action = input.completed ? PairingAction.COMPLETE : PairingAction.REPORT_PROGRESS;
      const to = nextPairingStatus(action, from, this.pairings.partiesIn(actor, locked));
      if (match.allocatedUsd === null) throw new ConflictError('This pairing has no allocation to report on.');
      const { total } = (await manager
        .createQueryBuilder(ProgressReport, 'report')
        .select('COALESCE(SUM(report.disbursedUsd), 0)', 'total')
        .where('report.matchId = :matchId', { matchId })
        .getRawOne<{ total: number | string }>())!;
      const disbursedBefore = Number(total);
      if (disbursedBefore + input.disbursedUsd > match.allocatedUsd) {
        throw BadUserInputError.forField(
          'input.disbursedUsd',
          `USD ${disbursedBefore} of the USD ${match.allocatedUsd} allocated is already reported as disbursed; at most USD ${match.allocatedUsd - disbursedBefore} more can be.`,
        );
      }
      const report = manager.create(ProgressReport, {
        matchId,
        authorId: actor.userId,
        periodEnd: input.periodEnd,
        narrative: input.narrative,
        disbursedUsd: input.disbursedUsd,
        indicators: input.indicators?.map(({ name, value, target }) => ({ name, value, target: target ?? null })) ?? null,
        completed: input.completed ?? false,
      });
      await manager.save(report);
      let announcement: MatchEventMessage | null = null;
      if (to !== from) {
        match.status = to;
        match.version += 1;
        await manager.save(match);
        announcement = statusChange(match, from, locked);
      }
      await this.audit.record(manager, actor, {
        action: 'match.progress_report',
        entityType: 'Match',
        entityId: match.id,
        detail: {
          reportId: report.id,
          from,
          to,
          periodEnd: report.periodEnd,
          disbursedUsd: report.disbursedUsd,
          totalDisbursedUsd: disbursedBefore + report.disbursedUsd,
          allocatedUsd: match.allocatedUsd,
          completed: report.completed,
        },
      });
      return { report, announcement };
    });
    if (announcement) await this.pairings.announce([announcement]);
    return report;
  }

  /**
   * CONFIRMED and ACTIVE pairings with no report filed in the last `days` days and no status change
   * either (a freshly confirmed pairing is not yet late), the longest silent first.
   */
  async overdue(days: number): Promise<OverdueReporting[]> {
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw BadUserInputError.forField('days', 'days must be a whole number from 1 to 3650.');
    return overduePairings(this.dataSource, days);
  }

  /** Reports per pairing in period order, for the `Match.progressReports` loader. */
  async byMatch(matchIds: readonly string[]): Promise<Map<string, ProgressReport[]>> {
    const reports = await this.dataSource
      .getRepository(ProgressReport)
      .find({ where: { matchId: In([...matchIds]) }, order: { periodEnd: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const grouped = new Map<string, ProgressReport[]>(matchIds.map((id) => [id, []]));
    for (const report of reports) grouped.get(report.matchId)!.push(report);
    return grouped;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { AuditService } from '../../audit/audit.service';
import { definedOnly } from '../../common/defined-only';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Connection, PageArgs, pageWindow, toConnection } from '../../common/pagination/connection';
import { MatchingWeightsInput } from './dto/matching-weights.input';
import { MatchingRun, MatchingRunStatus } from '../entities/matching-run.entity';
import { OutboxWriter } from '../../queue/outbox/outbox-writer';
import { FULL_RUN_JOB, FullRunJobData } from '../engine/jobs/full-run.job';
import { resolveWeights } from '../engine/scoring';

/** Full runs as the Secretariat sees them: started through the queue, read back by id. */
@Injectable()
export class FullRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
  ) {}

  /** Records a QUEUED run and its job in one transaction; a worker (or, without Redis, the API) runs it. */
  async startRun(actor: Actor, input: MatchingWeightsInput | null): Promise<MatchingRun> {
    const weights = resolveWeights(definedOnly(input ?? {}));
    return this.dataSource.transaction(async (manager) => {
      const run = await manager.save(
        Object.assign(new MatchingRun(), { startedById: actor.userId, weights, status: MatchingRunStatus.QUEUED }),
      );
      // In the run's own transaction: a run is never recorded without the job that carries it out.
      await this.outbox.add(manager, FULL_RUN_JOB, { runId: run.id } satisfies FullRunJobData);
      await this.audit.record(manager, actor, {
        action: 'matching.run.start',
        entityType: 'MatchingRun',
        entityId: run.id,
        detail: { weights },
      });
      return run;
    });
  }

  async findRun(id: string): Promise<MatchingRun> {
    const run = await this.dataSource.getRepository(MatchingRun).findOneBy({ id });
    if (!run) throw new NotFoundError('MatchingRun', id);
    return run;
  }

  /** Newest first; the id settles runs requested in the same instant, so cursors never repeat or skip one. */
  async listRuns(page: PageArgs): Promise<Connection<MatchingRun>> {
    const { skip, take } = pageWindow(page);
    const [items, total] = await this.dataSource
      .getRepository(MatchingRun)
      .findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, skip, take });
    return toConnection(items, total, skip);
  }
}

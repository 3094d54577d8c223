import { Injectable } from '@nestjs/common';
import { reconfirmationDueDays } from '../../needs/need-lifecycle';
import { NeedsService } from '../../needs/needs.service';
import { NotificationDispatcher } from '../delivery/notification-dispatcher';
import { NotificationKind } from '../notification-kind';

/**
 * Once a day: needs not reconfirmed by their validUntil day become STALE, then the state of each
 * live need is asked to reconfirm it on the days the need lifecycle names (a year after it was last
 * confirmed, and 30 days before it would become stale). Each notice is keyed by the need and the day
 * it was asked on, so a run repeated, or one that catches up after missed days, tells each once; the
 * dispatcher tells only those who may see the need.
 */
@Injectable()
export class NeedReconfirmation {
  constructor(
    private readonly needs: NeedsService,
    private readonly dispatcher: NotificationDispatcher,
  ) {}

  async run(now = new Date()): Promise<void> {
    await this.needs.expireUnconfirmed(now);
    for (const need of await this.needs.awaitingReconfirmation(now)) {
      for (const day of reconfirmationDueDays(need, now)) {
        await this.dispatcher.dispatch({
          kind: NotificationKind.NEED_RECONFIRMATION_DUE,
          eventKey: `${NotificationKind.NEED_RECONFIRMATION_DUE}:${need.id}:${day}`,
          needId: need.id,
          params: { date: need.validUntil },
        });
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import { BurstAllowance } from './burst-allowance';

/** How many changes an account may put in the person lane at once. */
export const PERSON_LANE_BURST = 20;
/** How fast that comes back: a person's pace, not a script's. */
export const PERSON_LANE_PER_SECOND = 1;

/**
 * People go ahead of bulk work. An account's changes join the person lane up to a burst, given back
 * at a person's pace; what it changes beyond that (a script, an import, a plan applied at once) joins
 * the bulk lane, behind every account's person lane. So a client writing as fast as it can delays
 * what another person just did by no more than its own burst. Work that no account asked for
 * (scheduled expiry) joins the bulk lane.
 *
 * Kept in each API process's memory: with several processes each allows its own burst, which only
 * widens the person lane a little, and a restart gives every account its burst again.
 */
@Injectable()
export class PersonLane {
  private readonly allowance = new BurstAllowance(PERSON_LANE_BURST, PERSON_LANE_PER_SECOND);

  /** Whether a change made by `accountId` (null: by no account) joins the person lane. */
  admits(accountId: string | null): boolean {
    return accountId !== null && this.allowance.take(accountId);
  }
}

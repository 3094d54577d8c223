import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../access/actor';
import { CurrentActor, Roles, StaffOnly } from '../../access/access.decorators';
import { ReasonArgs } from '../../common/reason.args';
import { Match } from '../../matching/entities/match.entity';
import { ApproveMatchArgs } from './dto/approve-match.args';
import { ProgressReportInput } from '../progress/dto/progress-report.input';
import { ProgressReport } from '../progress/progress-report.entity';
import { PairingsService } from './pairings.service';
import { PairingAction, rolesDeciding } from './pairing-transitions';
import { OverdueReporting } from '../progress/overdue-reporting.type';
import { ProgressReportsService } from '../progress/progress-reports.service';

const DEFAULT_OVERDUE_DAYS = 180;

/** The pairing workflow; who may take each decision is the transition table's (pairing-transitions.ts), checked in the services. */
@Resolver()
export class PairingsResolver {
  constructor(
    private readonly pairings: PairingsService,
    private readonly progressReports: ProgressReportsService,
  ) {}

  @Roles(...rolesDeciding(PairingAction.EXPRESS_INTEREST))
  @Mutation(() => Match, { description: "The offer's donor is interested in a PROPOSED pairing (→ DONOR_INTERESTED)." })
  expressInterest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Match> {
    return this.pairings.expressInterest(actor, id);
  }

  @Roles(...rolesDeciding(PairingAction.APPROVE))
  @Mutation(() => Match, {
    description:
      "Approves a PROPOSED or DONOR_INTERESTED pairing (→ APPROVED), reserving allocatedUsd of the offer's remaining capacity for the need. Refused with BAD_USER_INPUT when the amount exceeds what the offer has left or what the need lacks, or falls outside the offer's grant limits; with CONFLICT on a stale expectedVersion.",
  })
  approveMatch(@CurrentActor() actor: Actor, @Args() { id, allocatedUsd, expectedVersion, note }: ApproveMatchArgs): Promise<Match> {
    return this.pairings.approve(actor, id, allocatedUsd, expectedVersion, note);
  }

  @Roles(...rolesDeciding(PairingAction.REJECT))
  @Mutation(() => Match, {
    description: 'Rejects a PROPOSED, DONOR_INTERESTED or APPROVED pairing (→ REJECTED); an approved allocation goes back to the offer.',
  })
  rejectMatch(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args() { reason }: ReasonArgs,
    @Args('expectedVersion', { type: () => Int, description: 'The version you decided on; a stale one is refused with CONFLICT.' })
    expectedVersion: number,
  ): Promise<Match> {
    return this.pairings.reject(actor, id, reason, expectedVersion);
  }

  @Roles(...rolesDeciding(PairingAction.CONFIRM))
  @Mutation(() => Match, {
    description: 'The requesting state accepts an APPROVED pairing (→ CONFIRMED): nothing goes ahead without its consent.',
  })
  confirmMatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Match> {
    return this.pairings.confirm(actor, id);
  }

  @Roles(...rolesDeciding(PairingAction.DECLINE))
  @Mutation(() => Match, {
    description:
      'The requesting state refuses a pairing (→ DECLINED): an APPROVED one, whose allocation goes back to the offer, or one still PROPOSED or DONOR_INTERESTED.',
  })
  declineMatch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args() { reason }: ReasonArgs): Promise<Match> {
    return this.pairings.decline(actor, id, reason);
  }

  @Roles(...rolesDeciding(PairingAction.REPORT_PROGRESS, PairingAction.COMPLETE))
  @Mutation(() => ProgressReport, {
    description:
      'Either party reports on a CONFIRMED or ACTIVE pairing: the first report makes it ACTIVE, completed: true makes it COMPLETED. Disbursements over all reports never exceed the allocation.',
  })
  addProgressReport(
    @CurrentActor() actor: Actor,
    @Args('matchId', { type: () => ID }) matchId: string,
    @Args('input') input: ProgressReportInput,
  ): Promise<ProgressReport> {
    return this.progressReports.add(actor, matchId, input);
  }

  @StaffOnly()
  @Query(() => [OverdueReporting], {
    description:
      'CONFIRMED and ACTIVE pairings without a progress report (or any change) in the last `days` days, the longest silent first.',
  })
  overdueProgressReports(
    @Args('days', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_OVERDUE_DAYS,
      description: 'How many days of silence make a pairing overdue (1–3650).',
    })
    days: number | null,
  ): Promise<OverdueReporting[]> {
    return this.progressReports.overdue(days ?? DEFAULT_OVERDUE_DAYS);
  }
}

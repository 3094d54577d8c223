import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Donor } from '../../accounts/entities/donor.entity';
import { AuditEvent } from '../../audit/audit-event.entity';
import { Actor } from '../../access/actor';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { Match } from '../../matching/entities/match.entity';
import { Need } from '../../needs/entities/need.entity';
import { NEED_ALIAS, NeedsService } from '../../needs/needs.service';
import { Offer } from '../../offers/entities/offer.entity';
import { ProgressReport } from '../../pairings/progress/progress-report.entity';
import { ProgressReportsService } from '../../pairings/progress/progress-reports.service';
import { ReferenceService } from '../../reference/reference.service';
import { Role } from '../../domain/role';
import { analysisLanguage } from '../../reports/analysis/detect-language';
import { addDays, addYears, IatiActivityInput, iatiActivitiesXml } from './iati-activities-xml';
import { donorToExport } from './iati-export-policy';
import { organisationType, PolicySignificance, REPORTED_PAIRING_STATUSES, ReportedPairingStatus } from './iati-codes';

const GENDER_THEME = 'GENDER';
/** Who the need policy is asked about: any donor sees the same of a need (none owns one). */
const A_DONOR = { role: Role.DONOR, countryIso3: null };

const dateOf = (moment: Date) => moment.toISOString().slice(0, 10);
const latest = (first: string, second: string) => (first > second ? first : second);
const earliest = (first: string, second: string) => (first < second ? first : second);

/** The IATI export of one donor's confirmed pairings. */
@Injectable()
export class IatiExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressReportsService,
    private readonly reference: ReferenceService,
    private readonly needs: NeedsService,
  ) {}

  /** A donor exports its own pairings; the Secretariat names the donor (iati-export-policy.ts). */
  async activitiesXml(actor: Actor, requestedDonorId: string | undefined): Promise<string> {
    const donor = await this.donorFor(actor, requestedDonorId);
    if (!donor.iatiOrganisationRef) {
      throw new ConflictError(
        `${donor.name} has no IATI organisation reference yet; the Secretariat records it (setDonorIatiReference) before its activities can be exported.`,
      );
    }
    const activities = await this.activities(donor);
    return iatiActivitiesXml(
      { ref: donor.iatiOrganisationRef, type: organisationType(donor.kind), name: donor.name },
      activities,
      new Date(),
    );
  }

  private async donorFor(actor: Actor, requestedDonorId: string | undefined): Promise<Donor> {
    const donorId = donorToExport(actor, requestedDonorId);
    const donor = await this.dataSource.getRepository(Donor).findOne({ where: { id: donorId } });
    if (!donor) throw new NotFoundError('Donor', donorId);
    return donor;
  }

  /**
   * The donor's reported pairings as the donor sees them, whoever exports them: the file is the
   * donor's to publish, so a pairing whose need it may not see (shown to the Secretariat only, or
   * stale) is left out, as it is from the donor's list of matches.
   */
  private async activities(donor: Donor): Promise<IatiActivityInput[]> {
    const query = this.dataSource
      .getRepository(Match)
      .createQueryBuilder('match')
      .innerJoin(Offer, 'offer', 'offer.id = match.offerId AND offer.donorId = :donorId', { donorId: donor.id })
      .innerJoin(Need, NEED_ALIAS, `${NEED_ALIAS}.id = match.needId`)
      .where('match.status IN (:...reported)', { reported: REPORTED_PAIRING_STATUSES })
      .orderBy('match.createdAt', 'ASC')
      .addOrderBy('match.id', 'ASC');
    const matches = await this.needs.restrictToVisibleNeeds(query, A_DONOR).getMany();
    if (!matches.length) return [];
    const ids = matches.map((match) => match.id);
    const [needs, reports, decisions] = await Promise.all([
      this.dataSource
        .getRepository(Need)
        .find({ where: { id: In(matches.map((match) => match.needId)) }, relations: { themeLinks: true } }),
      this.progress.byMatch(ids),
      this.decisionDates(ids),
    ]);
    const needsById = new Map(needs.map((need) => [need.id, need]));
    return matches.map((match) =>
      this.activity(match, needsById.get(match.needId)!, reports.get(match.id) ?? [], decisions.get(match.id) ?? {}),
    );
  }

  private activity(match: Match, need: Need, reports: ProgressReport[], decided: DecisionDates): IatiActivityInput {
    const country = this.reference.getCountry(need.countryIso3);
    // The audit trail records every approval and confirmation; a pairing stored without one (data
    // loaded by hand) falls back on its last change, so the export still validates.
    const approvedOn = decided.approvedOn ?? dateOf(match.updatedAt);
    const confirmedOn = latest(decided.confirmedOn ?? dateOf(match.updatedAt), approvedOn);
    const plannedStart = need.startDate ?? confirmedOn;
    const plannedEnd = latest(need.endDate ?? addDays(addYears(plannedStart, 1), -1), plannedStart);
    // Money is reported at the end of the period it was spent in, but never later than the report itself.
    const reportedOn = (report: ProgressReport) => earliest(report.periodEnd, dateOf(report.createdAt));
    const completion = reports.find((report) => report.completed);
    return {
      pairingId: match.id,
      status: match.status as ReportedPairingStatus,
      lastUpdated: [match.updatedAt, need.updatedAt, ...reports.map((report) => report.createdAt)].reduce((a, b) => (a > b ? a : b)),
      allocatedUsd: match.allocatedUsd ?? 0,
      language: analysisLanguage(`${need.title}\n${need.description}`),
      title: need.title,
      description: need.description,
      countryIso2: country.iso2,
      countryName: country.name,
      gender: need.themeCodes.includes(GENDER_THEME)
        ? PolicySignificance.PRINCIPAL
        : need.genderComponent
          ? PolicySignificance.SIGNIFICANT
          : PolicySignificance.NOT_TARGETED,
      plannedStart,
      plannedEnd,
      approvedOn,
      confirmedOn,
      completedOn: completion ? latest(reportedOn(completion), confirmedOn) : null,
      disbursements: reports
        .filter((report) => report.disbursedUsd > 0)
        .map((report) => ({ on: reportedOn(report), usd: report.disbursedUsd })),
    };
  }

  /** When each pairing was last approved and confirmed, from the audit trail. */
  private async decisionDates(matchIds: string[]): Promise<Map<string, DecisionDates>> {
    const events = await this.dataSource.getRepository(AuditEvent).find({
      where: { entityType: 'Match', entityId: In(matchIds), action: In(['match.approve', 'match.confirm']) },
      order: { at: 'ASC' },
    });
    const dates = new Map<string, DecisionDates>();
    for (const event of events) {
      const entry = dates.get(event.entityId) ?? {};
      if (event.action === 'match.approve') entry.approvedOn = dateOf(event.at);
      else entry.confirmedOn = dateOf(event.at);
      dates.set(event.entityId, entry);
    }
    return dates;
  }
}

interface DecisionDates {
  approvedOn?: string;
  confirmedOn?: string;
}

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Actor, isStaff } from '../../access/actor';
import { Donor } from '../../accounts/entities/donor.entity';
import { Match } from '../../matching/entities/match.entity';
import { MatchSides, ownedSide } from '../../matching/match-policy';
import { Need } from '../../needs/entities/need.entity';
import { NEED_ALIAS, NeedsService } from '../../needs/needs.service';
import { Offer } from '../../offers/entities/offer.entity';
import { ReferenceService } from '../../reference/reference.service';
import { NationalReport } from '../../reports/entities/national-report.entity';
import { MONEY_HOLDING_STATUSES } from '../decisions/pairing-transitions';
import { ProgressReport } from '../progress/progress-report.entity';
import { needYear, PairingMoney, summariseMoney } from './financial-summary';
import { CycleFinances, DonorFinances, FinancialSummary, StateFinances, YearFinances } from './financial-summary.types';
import { cycleOfYear } from '../../domain/reporting-cycles';

/** Where each side of a pairing is in the query below. */
const SIDE_COLUMNS: Record<keyof MatchSides, string> = { needCountryIso3: 'need.countryIso3', offerDonorId: 'offer.donorId' };

/**
 * The financial summary over the pairings the caller is party to: the Secretariat sees all, a donor
 * those of its own offers, a state those on its own needs. Pairings that hold money number in the
 * thousands at most, so they are read once and added up here.
 */
@Injectable()
export class FinancialSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly needs: NeedsService,
  ) {}

  async summary(actor: Actor): Promise<FinancialSummary> {
    const pairings = await this.pairingsOf(actor);
    const { totals, byDonor, byCountry, byYear, byCycle } = summariseMoney(pairings);
    const donors = byDonor.size ? await this.dataSource.getRepository(Donor).findBy({ id: In([...byDonor.keys()]) }) : [];
    return {
      totals,
      byDonor: donors
        .map((donor) => Object.assign(new DonorFinances(), byDonor.get(donor.id), { donor }))
        .sort((a, b) => a.donor.name.localeCompare(b.donor.name)),
      byState: [...byCountry.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([iso3, figures]) => {
          const country = this.reference.findCountry(iso3);
          return country ? [Object.assign(new StateFinances(), figures, { country })] : [];
        }),
      byYear: [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, figures]) => Object.assign(new YearFinances(), figures, { year })),
      byCycle: [...byCycle.entries()]
        .sort(([a], [b]) => a - b)
        .map(([cycleYear, figures]) => Object.assign(new CycleFinances(), figures, { cycle: cycleOfYear(cycleYear) })),
    };
  }

  private async pairingsOf(actor: Actor): Promise<PairingMoney[]> {
    const query = this.dataSource
      .getRepository(Match)
      .createQueryBuilder('match')
      .innerJoin(Need, NEED_ALIAS, `${NEED_ALIAS}.id = match.needId`)
      .innerJoin(Offer, 'offer', 'offer.id = match.offerId')
      .leftJoin(NationalReport, 'report', 'report.id = need.nationalReportId')
      .select('match.id', 'id')
      .addSelect('match.allocatedUsd', 'approvedUsd')
      .addSelect('offer.donorId', 'donorId')
      .addSelect('need.countryIso3', 'countryIso3')
      .addSelect('need.id', 'needId')
      .addSelect('need.cycleYear', 'cycleYear')
      .addSelect('report.year', 'reportYear')
      .where('match.status IN (:...holding)', { holding: MONEY_HOLDING_STATUSES });
    if (!isStaff(actor)) {
      // The money of a pairing is its parties' to see: the side the actor owns, as the match policy
      // says, and only while they may see its need, as the pairing itself shows.
      const owned = ownedSide(actor);
      if (!owned) return [];
      query.andWhere(`${SIDE_COLUMNS[owned.side]} = :ownKey`, { ownKey: owned.key });
      this.needs.restrictToVisibleNeeds(query, actor);
    }
    const rows = await query.getRawMany<{
      id: string;
      approvedUsd: unknown;
      donorId: string;
      countryIso3: string;
      needId: string;
      cycleYear: unknown;
      reportYear: unknown;
    }>();
    if (!rows.length) return [];
    const [needs, reports] = await Promise.all([
      this.dataSource.getRepository(Need).find({ select: { id: true, createdAt: true }, where: { id: In([...new Set(rows.map((row) => row.needId))]) } }),
      this.dataSource.getRepository(ProgressReport).find({ select: { matchId: true, disbursedUsd: true, createdAt: true }, where: { matchId: In(rows.map((row) => row.id)) } }),
    ]);
    const filedAt = new Map(needs.map((need) => [need.id, need.createdAt]));
    const reported = new Map<string, { disbursedUsd: number; lastReportAt: Date }>();
    for (const report of reports) {
      const sofar = reported.get(report.matchId);
      reported.set(report.matchId, {
        disbursedUsd: (sofar?.disbursedUsd ?? 0) + report.disbursedUsd,
        lastReportAt: sofar && sofar.lastReportAt > report.createdAt ? sofar.lastReportAt : report.createdAt,
      });
    }
    return rows.map((row) => ({
      donorId: row.donorId,
      countryIso3: row.countryIso3,
      year: needYear(row.reportYear === null ? null : Number(row.reportYear), filedAt.get(row.needId)!),
      cycleYear: Number(row.cycleYear),
      approvedUsd: Number(row.approvedUsd ?? 0),
      disbursedUsd: reported.get(row.id)?.disbursedUsd ?? 0,
      lastReportAt: reported.get(row.id)?.lastReportAt ?? null,
    }));
  }
}

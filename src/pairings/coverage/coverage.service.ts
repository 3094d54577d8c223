import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Match } from '../../matching/entities/match.entity';
import { Need } from '../../needs/entities/need.entity';
import { NeedStatus } from '../../domain/statuses';
import { NeedTheme } from '../../needs/entities/need-theme.entity';
import { LIVE_NEED_STATUSES } from '../../needs/need-lifecycle';
import { Country } from '../../reference/entities/country.entity';
import { ReferenceService } from '../../reference/reference.service';
import { ProgressReport } from '../progress/progress-report.entity';
import { MONEY_HOLDING_STATUSES } from '../decisions/pairing-transitions';
import { Coverage, CoverageArgs, RegionCoverage, ThemeCoverage } from './coverage.types';

/** Needs that have been published and not withdrawn. */
const PUBLISHED_NEED_STATUSES = [NeedStatus.OPEN, NeedStatus.PARTLY_FUNDED, NeedStatus.FUNDED, NeedStatus.CLOSED];

interface Figures {
  openNeeds: number;
  requestedUsd: number;
  approvedUsd: number;
  disbursedUsd: number;
}

/** Groups rows that reach a `need` alias by one key (a region code or a theme code), exposed as `key`. */
type Grouping = <T extends object>(query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;

const BY_REGION: Grouping = (query) =>
  query.innerJoin(Country, 'country', 'country.iso3 = need.countryIso3').addSelect('country.regionCode', 'key').groupBy('country.regionCode');

const BY_THEME: Grouping = (query) =>
  query.innerJoin(NeedTheme, 'link', 'link.needId = need.id').addSelect('link.themeCode', 'key').groupBy('link.themeCode');

/** Aggregates computed in the database, three grouped queries per dimension, whatever the number of needs. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
  ) {}

  async coverage(filter: CoverageArgs = {}): Promise<Coverage> {
    const narrow = this.needsOf(filter);
    const [regions, themes] = await Promise.all([this.figures(BY_REGION, narrow), this.figures(BY_THEME, narrow)]);
    const byRegion = [...regions.entries()]
      .flatMap(([code, figures]) => {
        const region = this.reference.findRegion(code);
        return region ? [Object.assign(new RegionCoverage(), { region, ...figures })] : [];
      })
      .sort((a, b) => a.region.code.localeCompare(b.region.code));
    const byTheme = this.reference
      .listThemes()
      .filter((theme) => themes.has(theme.code))
      .map((theme) => Object.assign(new ThemeCoverage(), { theme, ...themes.get(theme.code)! }));
    return { byRegion, byTheme };
  }

  /** Keeps the needs the filter asks for, on every query that reaches a `need` alias. */
  private needsOf(filter: CoverageArgs): Grouping {
    if (filter.region) this.reference.requireRegion(filter.region, 'region');
    const countries = filter.region ? this.reference.countryCodesIn(filter.region) : null;
    const year = filter.year;
    return (query) => {
      if (countries) query.andWhere('need.countryIso3 IN (:...coverageCountries)', { coverageCountries: countries });
      if (year !== undefined && year !== null) {
        // Bounds as parameters rather than a year function: SQLite and PostgreSQL name theirs differently.
        query.andWhere(
          new Brackets((ofYear) =>
            ofYear
              .where('EXISTS (SELECT 1 FROM national_reports coverage_report WHERE coverage_report.id = need.national_report_id AND coverage_report.year = :coverageYear)')
              .orWhere(
                new Brackets((filedByHand) =>
                  filedByHand
                    .where('need.nationalReportId IS NULL')
                    .andWhere('need.createdAt >= :coverageYearStart')
                    .andWhere('need.createdAt < :coverageYearEnd'),
                ),
              ),
          ),
          { coverageYear: year, coverageYearStart: new Date(Date.UTC(year, 0, 1)), coverageYearEnd: new Date(Date.UTC(year + 1, 0, 1)) },
        );
      }
      return query;
    };
  }

  private async figures(groupBy: Grouping, narrow: Grouping): Promise<Map<string, Figures>> {
    const needs = groupBy(
      this.dataSource
        .getRepository(Need)
        .createQueryBuilder('need')
        .select('SUM(CASE WHEN need.status IN (:...open) THEN 1 ELSE 0 END)', 'openNeeds')
        .addSelect('SUM(need.estimatedBudgetUsd)', 'requestedUsd')
        .where('need.status IN (:...published)', { published: PUBLISHED_NEED_STATUSES, open: LIVE_NEED_STATUSES }),
    );
    narrow(needs);
    const approved = groupBy(
      this.dataSource
        .getRepository(Match)
        .createQueryBuilder('match')
        .innerJoin(Need, 'need', 'need.id = match.needId')
        .select('SUM(match.allocatedUsd)', 'approvedUsd')
        .where('match.status IN (:...holding)', { holding: MONEY_HOLDING_STATUSES }),
    );
    narrow(approved);
    const disbursed = groupBy(
      this.dataSource
        .getRepository(ProgressReport)
        .createQueryBuilder('report')
        .innerJoin(Match, 'match', 'match.id = report.matchId')
        .innerJoin(Need, 'need', 'need.id = match.needId')
        .select('SUM(report.disbursedUsd)', 'disbursedUsd')
        .where('match.status IN (:...holding)', { holding: MONEY_HOLDING_STATUSES }),
    );
    narrow(disbursed);
    const [needRows, approvedRows, disbursedRows] = await Promise.all([
      needs.getRawMany<{ key: string; openNeeds: unknown; requestedUsd: unknown }>(),
      approved.getRawMany<{ key: string; approvedUsd: unknown }>(),
      disbursed.getRawMany<{ key: string; disbursedUsd: unknown }>(),
    ]);
    const result = new Map<string, Figures>(
      needRows.map((row) => [
        row.key,
        { openNeeds: Number(row.openNeeds), requestedUsd: Number(row.requestedUsd), approvedUsd: 0, disbursedUsd: 0 },
      ]),
    );
    // Money only reaches needs that were published, so every key below already has its entry.
    for (const row of approvedRows) {
      const figures = result.get(row.key);
      if (figures) figures.approvedUsd = Number(row.approvedUsd);
    }
    for (const row of disbursedRows) {
      const figures = result.get(row.key);
      if (figures) figures.disbursedUsd = Number(row.disbursedUsd);
    }
    return result;
  }
}

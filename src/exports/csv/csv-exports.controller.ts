import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { IsEnum, IsOptional } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { Actor } from '../../access/actor';
import { CurrentActor, Public, StaffOnly } from '../../access/access.decorators';
import { HttpErrorFilter } from '../../common/errors/http-error.filter';
import { MatchFilter } from '../../matching/api/dto/match-filter.input';
import { NeedFilter } from '../../needs/dto/need-filter.input';
import { NeedSort } from '../../needs/dto/need-sort.args';
import { CoverageArgs } from '../../pairings/coverage/coverage.types';
import { asQueryParameterErrors, parseQueryParameters, ParameterSpec } from '../query-parameters';
import { sendCsv } from './csv-download';
import { CsvExportsService } from './csv-exports.service';

/** The needs list's filter and its order, as query parameters. */
class NeedsExportParameters extends NeedFilter {
  @IsOptional()
  @IsEnum(NeedSort)
  sort?: NeedSort;
}

const NEEDS_PARAMETERS: ParameterSpec<NeedsExportParameters> = {
  countryIso3: 'text',
  region: 'text',
  themeCodes: 'list',
  status: 'list',
  search: 'text',
  minBudgetUsd: 'integer',
  maxBudgetUsd: 'integer',
  sort: 'text',
};

const MATCHES_PARAMETERS: ParameterSpec<MatchFilter> = {
  needId: 'text',
  offerId: 'text',
  donorId: 'text',
  status: 'list',
  minScore: 'number',
  countryIso3: 'text',
  region: 'text',
  themeCodes: 'list',
};

const COVERAGE_PARAMETERS: ParameterSpec<CoverageArgs> = { year: 'integer', region: 'text' };

/** A date in the file name, so downloads taken on different days do not overwrite each other. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * CSV downloads of the needs and matches lists with the lists' own filters as query parameters,
 * and of the Secretariat's coverage figures. Each holds what the caller may see in the list.
 */
@Controller('exports')
@UseFilters(HttpErrorFilter)
export class CsvExportsController {
  constructor(private readonly exports: CsvExportsService) {}

  /** Like the needs list: without a token, published PUBLIC needs only. */
  @Public()
  @Get('needs.csv')
  async needs(
    @CurrentActor() actor: Actor | null,
    @Query() query: Record<string, unknown>,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const { sort, ...filter } = await parseQueryParameters(NeedsExportParameters, NEEDS_PARAMETERS, query);
    await asQueryParameterErrors(() =>
      sendCsv(response, `needs-${today()}.csv`, this.exports.needColumns, this.exports.needRows(actor, filter, sort)),
    );
  }

  @Get('matches.csv')
  async matches(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() response: ServerResponse): Promise<void> {
    const filter = await parseQueryParameters(MatchFilter, MATCHES_PARAMETERS, query);
    await asQueryParameterErrors(() =>
      sendCsv(response, `matches-${today()}.csv`, this.exports.matchColumns, this.exports.matchRows(actor, filter)),
    );
  }

  /** The figures include needs whose visibility keeps them from donors and other states, as the coverage query does. */
  @StaffOnly()
  @Get('coverage.csv')
  async coverage(@Query() query: Record<string, unknown>, @Res() response: ServerResponse): Promise<void> {
    const filter = await parseQueryParameters(CoverageArgs, COVERAGE_PARAMETERS, query);
    await asQueryParameterErrors(() =>
      sendCsv(response, `coverage-${today()}.csv`, this.exports.coverageColumns, this.exports.coverageRows(filter)),
    );
  }
}

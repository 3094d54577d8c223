import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { problemsOf } from '../../ui/api-errors';
import { themeLabel } from '../../ui/enum-labels';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/fields';
import { Loading, Page } from '../../ui/page';
import { regionTree } from '../match-queue/queue-filters';
import { CoverageChart, type CoverageRow } from './CoverageChart';
import { coverageSearch, coverageVariables, parseCoverageQuery, yearChoices, type CoverageQuery } from './coverage-rules';
import { DownloadButton } from '../exports/DownloadButton';
import { useAreaName } from '../../ui/areas';

const CoverageDashboardQuery = graphql(`
  query CoverageDashboard($year: Int, $region: String) {
    coverage(year: $year, region: $region) {
      byRegion {
        region {
          code
          name
        }
        requestedUsd
        approvedUsd
        disbursedUsd
        openNeeds
      }
      byTheme {
        theme {
          code
          labels {
            en
            fr
            es
            ru
            zh
            ar
          }
        }
        requestedUsd
        approvedUsd
        disbursedUsd
        openNeeds
      }
    }
  }
`);

const CoverageRegionsQuery = graphql(`
  query CoverageRegions {
    regions {
      code
      name
      parentCode
    }
  }
`);

export default function CoveragePage() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseCoverageQuery(search), [search]);
  const [result] = useQuery({ query: CoverageDashboardQuery, variables: coverageVariables(query) });
  const coverage = result.data?.coverage;

  const areaName = useAreaName();
  const byRegion: CoverageRow[] = useMemo(
    () => (coverage?.byRegion ?? []).map(({ region, ...figures }) => ({ key: region.code, name: areaName(region), ...figures })),
    [coverage, areaName],
  );
  const byTheme: CoverageRow[] = useMemo(
    () => (coverage?.byTheme ?? []).map(({ theme, ...figures }) => ({ key: theme.code, name: themeLabel(theme, locale), ...figures })),
    [coverage, locale],
  );

  return (
    <Page title={t('coverage.page.title')} wide>
      <p>{t('coverage.page.intro')}</p>
      <CoverageFilters key={search} query={query} onApply={(next) => navigate(`/coverage${coverageSearch(next)}`)} />
      <DownloadButton
        id="coverage-download"
        path="/exports/coverage.csv"
        parameters={coverageVariables(query)}
        fileName="coverage.csv"
        label={t('exports.list.coverage')}
      />
      {result.error ? <ErrorSummary problems={problemsOf(result.error, t)} /> : null}
      {!coverage ? (
        result.fetching ? <Loading /> : null
      ) : (
        <div aria-busy={result.fetching || undefined}>
          <CoverageChart
            id="coverage-regions"
            heading={t('coverage.byRegion.heading')}
            chartCaption={t('coverage.byRegion.chart')}
            tableCaption={t('coverage.byRegion.table')}
            nameHeader={t('coverage.byRegion.name')}
            rows={byRegion}
          />
          <CoverageChart
            id="coverage-themes"
            heading={t('coverage.byTheme.heading')}
            chartCaption={t('coverage.byTheme.chart')}
            tableCaption={t('coverage.byTheme.table')}
            nameHeader={t('coverage.byTheme.name')}
            rows={byTheme}
          />
        </div>
      )}
    </Page>
  );
}

/** Year and M49 area, applied together so the address changes once. */
function CoverageFilters({ query, onApply }: { query: CoverageQuery; onApply: (next: CoverageQuery) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [form, setForm] = useState(query);
  const [{ data }] = useQuery({ query: CoverageRegionsQuery, requestPolicy: 'cache-first' });
  const areaName = useAreaName();
  const regions = useMemo(() => {
    if (!data) return [];
    // "001" is the world: choosing it is choosing no filter.
    return regionTree(
      data.regions.filter((region) => region.code !== '001'),
      areaName,
      new Intl.Collator(locale),
    ).map(({ region, depth }) => ({ code: region.code, label: `${'– '.repeat(depth)}${areaName(region)}` }));
  }, [data, locale, areaName]);

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply(form);
  }

  return (
    <form className="filters-form" onSubmit={apply} noValidate aria-labelledby="coverage-filters-heading">
      <h2 id="coverage-filters-heading" className="visually-hidden">
        {t('coverage.filters.heading')}
      </h2>
      <div className="filters">
        <SelectField id="coverage-year" label={t('coverage.filters.year')} hint={t('coverage.filters.yearHint')} value={form.year} onChange={(event) => setForm({ ...form, year: event.target.value })}>
          <option value="">{t('coverage.filters.anyYear')}</option>
          {yearChoices().map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </SelectField>
        <SelectField id="coverage-region" label={t('coverage.filters.region')} hint={t('coverage.filters.regionHint')} value={form.region} onChange={(event) => setForm({ ...form, region: event.target.value })}>
          <option value="">{t('coverage.filters.anyRegion')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.label}
            </option>
          ))}
        </SelectField>
        <div className="button-group filters__actions">
          <button type="submit" className="button">
            {t('coverage.filters.apply')}
          </button>
          <Link href="/coverage" className="button button--secondary">
            {t('coverage.filters.clear')}
          </Link>
        </div>
      </div>
    </form>
  );
}

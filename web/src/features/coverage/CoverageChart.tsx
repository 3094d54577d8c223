import { useLocale, useT } from '../../i18n/I18nProvider';
import { formatNumber, formatUsd } from '../../i18n/format';
import type { Locale } from '../../i18n/locales';
import type { MessageId } from '../../i18n/message-ids';
import { barShare, chartScales, COVERAGE_SERIES, type CoverageFigures, type CoverageSeries } from './coverage-rules';

export interface CoverageRow extends CoverageFigures {
  key: string;
  name: string;
}

const SERIES_LABELS: Record<CoverageSeries, MessageId> = {
  requestedUsd: 'coverage.series.requestedUsd',
  approvedUsd: 'coverage.series.approvedUsd',
  disbursedUsd: 'coverage.series.disbursedUsd',
  openNeeds: 'coverage.series.openNeeds',
};

function formatted(locale: Locale, series: CoverageSeries, value: number): string {
  return series === 'openNeeds' ? formatNumber(locale, value) : formatUsd(locale, value);
}

/**
 * One dimension of the dashboard: grouped horizontal bars and, beside them, a table with the same
 * figures. Every bar carries its series name and value in text, and each series has its own pattern
 * and place in the group, so nothing depends on telling colours apart.
 */
export function CoverageChart({
  id,
  heading,
  chartCaption,
  tableCaption,
  nameHeader,
  rows,
}: {
  id: string;
  heading: string;
  chartCaption: string;
  tableCaption: string;
  nameHeader: string;
  rows: CoverageRow[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const scales = chartScales(rows);
  return (
    <section className="coverage-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {rows.length === 0 ? (
        <p>{t('coverage.empty')}</p>
      ) : (
        <div className="coverage-pair">
          <figure className="coverage-chart" aria-labelledby={`${id}-chart-caption`}>
            <figcaption id={`${id}-chart-caption`} className="coverage-chart__caption">
              {chartCaption}
            </figcaption>
            <div className="coverage-legend">
              <p className="coverage-legend__title">{t('coverage.legend.heading')}</p>
              <ul className="coverage-legend__list">
                {COVERAGE_SERIES.map((series) => (
                  <li key={series} className="coverage-legend__item">
                    <span className={`coverage-swatch coverage-bar--${series}`} aria-hidden="true" />
                    {t(SERIES_LABELS[series])}
                  </li>
                ))}
              </ul>
              <p className="coverage-legend__note">{t('coverage.legend.scales')}</p>
            </div>
            <ul className="coverage-chart__groups">
              {rows.map((row) => (
                <li key={row.key} className="coverage-chart__group">
                  <p className="coverage-chart__name">{row.name}</p>
                  <ul className="coverage-chart__bars">
                    {COVERAGE_SERIES.map((series) => (
                      <li key={series} className="coverage-chart__row">
                        <span className="coverage-chart__series">{t(SERIES_LABELS[series])}</span>
                        <span className="coverage-chart__track" aria-hidden="true">
                          <span className={`coverage-bar coverage-bar--${series}`} style={{ inlineSize: `${barShare(series, row[series], scales) * 100}%` }} />
                        </span>
                        <span className="coverage-chart__value num">{formatted(locale, series, row[series])}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </figure>
          <div className="coverage-table-scroll">
            <table className="table coverage-table">
              <caption>{tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{nameHeader}</th>
                  {COVERAGE_SERIES.map((series) => (
                    <th key={series} scope="col" className="num">
                      {t(SERIES_LABELS[series])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    {COVERAGE_SERIES.map((series) => (
                      <td key={series} className="num">
                        {formatted(locale, series, row[series])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

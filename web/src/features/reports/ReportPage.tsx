import { useQuery } from 'urql';
import { Link } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/locales';
import { formatDateTime, formatNumber, regionName } from '../../i18n/format';
import { problemsOf } from '../../ui/api-errors';
import { INSTRUMENT_LABELS, NEED_STATUS_LABELS, themeLabel } from '../../ui/enum-labels';
import { Loading, Page } from '../../ui/page';

/** What the import page tells this page through the history entry: whether the report is new or was already stored. */
export type ImportOutcome = 'new' | 'existing';

const NationalReportQuery = graphql(`
  query NationalReportPage($id: ID!) {
    nationalReport(id: $id) {
      id
      year
      instrument
      language
      format
      fileName
      createdAt
      paragraphCount
      needPassageCount
      passagesWithoutTheme
      country {
        iso3
        iso2
        name
      }
      needs {
        id
        title
        status
        themes {
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
      }
    }
  }
`);

/** The report's detected language in the reader's language ("und" when the service could not tell). */
function languageName(locale: Locale, code: string): string | null {
  if (code === 'und') return null;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export default function ReportPage({ params }: { params: Record<string, string | undefined> }) {
  const t = useT();
  const { locale } = useLocale();
  const history = useHistoryState<{ importOutcome?: ImportOutcome } | null>();
  const [{ data, error, fetching }] = useQuery({
    query: NationalReportQuery,
    variables: { id: params.id ?? '' },
    requestPolicy: 'cache-and-network',
  });

  if (!data && fetching) return <Loading />;
  const report = data?.nationalReport;
  if (!report) {
    return (
      <Page title={t('reports.report.fallbackTitle')}>
        <div className="notice notice--warning" role="alert">
          {problemsOf(error, t)[0]?.message ?? t('common.error.notFound')}
        </div>
      </Page>
    );
  }

  const countryName = regionName(locale, report.country.iso2, report.country.name);
  const language = languageName(locale, report.language);
  const drafts = report.needs.filter((need) => need.status === 'DRAFT').length;

  return (
    <Page title={t('reports.report.title', { country: countryName, year: report.year })} wide>
      {history?.importOutcome === 'new' ? (
        <div className="notice notice--success" role="status">
          {t('reports.report.imported', { count: report.needs.length })}
        </div>
      ) : null}
      {history?.importOutcome === 'existing' ? (
        <div className="notice" role="status">
          {t('reports.report.alreadyImported', { date: formatDateTime(locale, report.createdAt) })}
        </div>
      ) : null}

      <dl className="summary-list">
        <dt>{t('common.country')}</dt>
        <dd>{countryName}</dd>
        <dt>{t('reports.report.year')}</dt>
        <dd>{report.year}</dd>
        <dt>{t('reports.report.instrument')}</dt>
        <dd>{t(INSTRUMENT_LABELS[report.instrument])}</dd>
        <dt>{t('reports.report.language')}</dt>
        <dd>{language ?? t('reports.report.languageUnknown')}</dd>
        <dt>{t('reports.report.file')}</dt>
        <dd dir={report.fileName ? 'auto' : undefined}>{report.fileName ?? t('reports.report.pastedText')}</dd>
        <dt>{t('reports.report.importedAt')}</dt>
        <dd>{formatDateTime(locale, report.createdAt)}</dd>
        <dt>{t('reports.report.paragraphs')}</dt>
        <dd>{formatNumber(locale, report.paragraphCount)}</dd>
        <dt>{t('reports.report.needPassages')}</dt>
        <dd>{formatNumber(locale, report.needPassageCount)}</dd>
        <dt>{t('reports.report.passagesWithoutTheme')}</dt>
        <dd>{formatNumber(locale, report.passagesWithoutTheme)}</dd>
      </dl>

      <h2>{t('reports.report.reviewHeading')}</h2>
      <p>{t('reports.report.reviewIntro')}</p>
      {report.passagesWithoutTheme > 0 ? (
        <div className="notice notice--warning">
          <p className="notice__text">{t('reports.report.withoutThemeNotice', { count: report.passagesWithoutTheme })}</p>
          <Link href="/needs/new">{t('reports.report.fileByHand')}</Link>
        </div>
      ) : null}

      {report.needs.length ? (
        <table className="table task-table">
          <caption>{t('reports.report.needsCaption', { count: report.needs.length, drafts })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.report.needColumn')}</th>
              <th scope="col">{t('reports.report.themesColumn')}</th>
              <th scope="col">{t('reports.report.statusColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {report.needs.map((need) => (
              <tr key={need.id}>
                <td>
                  <Link href={`/needs/${need.id}`} dir="auto">
                    {need.title}
                  </Link>
                </td>
                <td>
                  {need.themes.map((theme) => (
                    <span key={theme.code} className="tag">
                      {themeLabel(theme, locale)}
                    </span>
                  ))}
                </td>
                <td>
                  <span className={need.status === 'DRAFT' ? 'tag tag--draft' : 'tag tag--open'}>{t(NEED_STATUS_LABELS[need.status])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('reports.report.noNeeds')}</p>
      )}

      <p>
        <Link href="/reports/import">{t('reports.report.importAnother')}</Link>
      </p>
    </Page>
  );
}

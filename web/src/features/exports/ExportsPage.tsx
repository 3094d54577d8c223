import { useState } from 'react';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { DonorSelect } from '../../ui/donors';
import { Page } from '../../ui/page';
import { useSignedIn } from '../session/SessionProvider';
import { actsForOthers } from '../session/session-store';
import { DownloadButton } from './DownloadButton';
import { exportAddress } from './export-address';

/**
 * Every download in one place, each holding what the reader may see: the lists as CSV (the lists'
 * own buttons keep their filters), a donor's IATI activities, the Secretariat's coverage figures
 * and the public compendium in the reader's language.
 */
export default function ExportsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const staff = actsForOthers(user.role);
  const [donorId, setDonorId] = useState('');

  return (
    <Page title={t('exports.page.title')}>
      <p>{t('exports.page.intro')}</p>

      <section className="export" aria-labelledby="exports-needs">
        <h2 id="exports-needs">{t('exports.needs.heading')}</h2>
        <p>{user.role === 'STATE' ? t('exports.needs.introState') : t('exports.needs.intro')}</p>
        <DownloadButton
          id="exports-needs-download"
          path="/exports/needs.csv"
          // A state's needs list is its own country's; so is its download here.
          parameters={{ countryIso3: user.role === 'STATE' ? user.country?.iso3 : undefined }}
          fileName="needs.csv"
          label={t('exports.needs.download')}
        />
      </section>

      <section className="export" aria-labelledby="exports-matches">
        <h2 id="exports-matches">{t('exports.matches.heading')}</h2>
        <p>{t('exports.matches.intro')}</p>
        <DownloadButton
          id="exports-matches-download"
          path="/exports/matches.csv"
          fileName="matches.csv"
          label={t('exports.matches.download')}
        />
      </section>

      {user.role === 'STATE' ? null : (
        <section className="export" aria-labelledby="exports-iati">
          <h2 id="exports-iati">{t('exports.iati.heading')}</h2>
          <p>{t('exports.iati.intro')}</p>
          {staff ? (
            <DonorSelect
              id="exports-iati-donor"
              label={t('exports.iati.donor')}
              empty={t('exports.iati.chooseDonor')}
              className="select select--compact"
              value={donorId}
              onChange={(event) => setDonorId(event.target.value)}
            />
          ) : null}
          <DownloadButton
            id="exports-iati-download"
            path="/exports/iati/activities.xml"
            parameters={{ donorId: staff ? donorId : undefined }}
            fileName="iati-activities.xml"
            label={t('exports.iati.download')}
            check={() => (staff && !donorId ? t('exports.iati.donorMissing') : null)}
          />
        </section>
      )}

      {staff ? (
        <section className="export" aria-labelledby="exports-coverage">
          <h2 id="exports-coverage">{t('exports.coverage.heading')}</h2>
          <p>{t('exports.coverage.intro')}</p>
          <DownloadButton
            id="exports-coverage-download"
            path="/exports/coverage.csv"
            fileName="coverage.csv"
            label={t('exports.coverage.download')}
          />
        </section>
      ) : null}

      <section className="export" aria-labelledby="exports-compendium">
        <h2 id="exports-compendium">{t('exports.compendium.heading')}</h2>
        <p>{t('exports.compendium.intro')}</p>
        {/* The compendium is public: plain links, no token needed. */}
        <ul className="export__links">
          <li>
            <a href={exportAddress('/compendium', { lang: locale })}>{t('exports.compendium.html')}</a>
          </li>
          <li>
            <a href={exportAddress('/compendium.pdf', { lang: locale })}>{t('exports.compendium.pdf')}</a>
          </li>
        </ul>
      </section>
    </Page>
  );
}

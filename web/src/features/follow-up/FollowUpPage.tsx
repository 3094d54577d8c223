import { useT } from '../../i18n/I18nProvider';
import { Page } from '../../ui/page';
import { AuditTrailSection } from './AuditTrailSection';
import { JobQueueSection } from './JobQueueSection';
import { OverdueSection } from './OverdueSection';

/** What the Secretariat follows once pairings run: reports that stopped coming, who did what, and the job queue. */
export default function FollowUpPage() {
  const t = useT();
  return (
    <Page title={t('follow-up.page.title')} wide>
      <p>{t('follow-up.page.intro')}</p>
      <OverdueSection />
      <AuditTrailSection />
      <JobQueueSection />
    </Page>
  );
}

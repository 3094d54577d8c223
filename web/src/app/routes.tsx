import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../features/session/session-store';
import { CHANGE_PASSWORD_PATH } from '../features/shell/navigation';
import { NOTIFICATION_PREFERENCES_PATH, NOTIFICATIONS_PATH } from '../features/notifications/notification-paths';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string | undefined> }>>;

export interface SignedInRoute {
  path: string;
  page: Page;
  roles: readonly Role[];
}

/** Also the only page of a session that must change its one-time password first (App.tsx). */
export const ChangePasswordPage: Page = lazy(() => import('../features/session/ChangePasswordPage'));

const STATE_WORK: readonly Role[] = ['STATE', 'SECRETARIAT', 'ADMIN'];
const DONOR_WORK: readonly Role[] = ['DONOR', 'SECRETARIAT', 'ADMIN'];
const EVERYONE: readonly Role[] = ['STATE', 'DONOR', 'SECRETARIAT', 'ADMIN'];

/**
 * Every page after sign-in, each its own chunk: the sign-in page loads none of them, and a role
 * downloads only the pages it opens. More specific paths come first (wouter takes the first match).
 */
export const SIGNED_IN_ROUTES: readonly SignedInRoute[] = [
  { path: '/queue', page: lazy(() => import('../features/match-queue/QueuePage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/offer-matches', page: lazy(() => import('../features/match-queue/OfferMatchesPage')), roles: DONOR_WORK },
  { path: '/offers/new', page: lazy(() => import('../features/offers/NewOfferPage')), roles: DONOR_WORK },
  { path: '/offers/:id', page: lazy(() => import('../features/offers/OfferPage')), roles: DONOR_WORK },
  { path: '/offers', page: lazy(() => import('../features/offers/OffersListPage')), roles: DONOR_WORK },
  { path: '/browse/:id', page: lazy(() => import('../features/browse/BrowseNeedPage')), roles: DONOR_WORK },
  { path: '/browse', page: lazy(() => import('../features/browse/BrowseNeedsPage')), roles: DONOR_WORK },
  { path: '/donor-pairings', page: lazy(() => import('../features/donor-pairings/DonorPairingsPage')), roles: DONOR_WORK },
  { path: CHANGE_PASSWORD_PATH, page: ChangePasswordPage, roles: EVERYONE },
  { path: NOTIFICATIONS_PATH, page: lazy(() => import('../features/notifications/NotificationsPage')), roles: EVERYONE },
  {
    path: NOTIFICATION_PREFERENCES_PATH,
    page: lazy(() => import('../features/notifications/NotificationPreferencesPage')),
    roles: EVERYONE,
  },
  { path: '/welcome', page: lazy(() => import('../features/shell/WelcomePage')), roles: EVERYONE },
  { path: '/needs/new', page: lazy(() => import('../features/needs/NewNeedPage')), roles: STATE_WORK },
  { path: '/needs/:id/matches', page: lazy(() => import('../features/matches/NeedMatchesPage')), roles: STATE_WORK },
  { path: '/needs/:id', page: lazy(() => import('../features/needs/NeedPage')), roles: STATE_WORK },
  { path: '/needs', page: lazy(() => import('../features/needs/NeedsListPage')), roles: STATE_WORK },
  { path: '/reports/import', page: lazy(() => import('../features/reports/ImportReportPage')), roles: STATE_WORK },
  { path: '/reports/:id', page: lazy(() => import('../features/reports/ReportPage')), roles: STATE_WORK },
  { path: '/pairings/:id/progress', page: lazy(() => import('../features/pairings/ProgressReportPage')), roles: ['STATE'] },
  { path: '/pairings', page: lazy(() => import('../features/pairings/PairingsPage')), roles: ['STATE'] },
  { path: '/coverage', page: lazy(() => import('../features/coverage/CoveragePage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/follow-up', page: lazy(() => import('../features/follow-up/FollowUpPage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/admin/accounts', page: lazy(() => import('../features/admin/AccountsPage')), roles: ['ADMIN'] },
  { path: '/admin/donors', page: lazy(() => import('../features/admin/DonorsPage')), roles: ['ADMIN'] },
  { path: '/runs/:id', page: lazy(() => import('../features/matching-runs/MatchingRunPage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/runs', page: lazy(() => import('../features/matching-runs/MatchingRunsPage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/allocation/:id', page: lazy(() => import('../features/allocation/AllocationPlanPage')), roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/money', page: lazy(() => import('../features/money/FinancialSummaryPage')), roles: EVERYONE },
  { path: '/downloads', page: lazy(() => import('../features/exports/ExportsPage')), roles: EVERYONE },
  { path: '/allocation', page: lazy(() => import('../features/allocation/AllocationPlansPage')), roles: ['SECRETARIAT', 'ADMIN'] },
];

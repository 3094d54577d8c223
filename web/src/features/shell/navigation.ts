import type { MessageId } from '../../i18n/message-ids';
import type { Role } from '../session/session-store';

export interface NavItem {
  path: string;
  label: MessageId;
  roles: readonly Role[];
}

const STATE_WORK: readonly Role[] = ['STATE', 'SECRETARIAT', 'ADMIN'];

/** The console's sections; the navigation shows a reader only those their role may use (the API checks again). */
export const NAV_ITEMS: readonly NavItem[] = [
  // A donor's day starts with its own offers.
  { path: '/offers', label: 'offers.nav.myOffers', roles: ['DONOR'] },
  { path: '/browse', label: 'browse.nav.browse', roles: ['DONOR'] },
  { path: '/donor-pairings', label: 'donor-pairings.nav.myPairings', roles: ['DONOR'] },
  // First for the Secretariat: the queue of matches to decide is where its day starts.
  { path: '/queue', label: 'match-queue.nav.queue', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/needs', label: 'shell.nav.needs', roles: STATE_WORK },
  { path: '/needs/new', label: 'shell.nav.newNeed', roles: STATE_WORK },
  { path: '/reports/import', label: 'shell.nav.importReport', roles: STATE_WORK },
  { path: '/offers', label: 'offers.nav.offers', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/offer-matches', label: 'match-queue.nav.donorMatches', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/donor-pairings', label: 'donor-pairings.nav.donorPairings', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/coverage', label: 'coverage.nav.coverage', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/follow-up', label: 'follow-up.nav.followUp', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/runs', label: 'matching-runs.nav.runs', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/allocation', label: 'allocation.nav.plans', roles: ['SECRETARIAT', 'ADMIN'] },
  { path: '/admin/accounts', label: 'admin.nav.accounts', roles: ['ADMIN'] },
  { path: '/admin/donors', label: 'admin.nav.donors', roles: ['ADMIN'] },
  { path: '/pairings', label: 'shell.nav.pairings', roles: ['STATE'] },
  { path: '/offer-matches', label: 'match-queue.nav.offerMatches', roles: ['DONOR'] },
  { path: '/money', label: 'money.nav.summary', roles: ['STATE', 'DONOR', 'SECRETARIAT', 'ADMIN'] },
  { path: '/downloads', label: 'exports.nav.exports', roles: ['STATE', 'DONOR', 'SECRETARIAT', 'ADMIN'] },
];

/** The reader's own password: in the account menu, and the only page until a one-time password is changed. */
export const CHANGE_PASSWORD_PATH = '/change-password';

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** Where a reader lands after sign-in: the first section their role has, or the welcome page. */
export function homePathFor(role: Role): string {
  return navItemsFor(role)[0]?.path ?? '/welcome';
}

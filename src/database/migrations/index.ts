import type { MigrationInterface } from 'typeorm';
import { Foundation1795413496569 } from './1795413496569-foundation';
import { Matches1795414364092 } from './1795414364092-matches';
import { NationalReports1795414607688 } from './1795414607688-national-reports';
import { MatchingRunsAndOutbox1795414698470 } from './1795414698470-matching-runs-and-outbox';
import { Pairings1795415483655 } from './1795415483655-pairings';
import { OutboxJobIndex1795422261505 } from './1795422261505-outbox-job-index';
import { MatchesListedByScore1796236248143 } from './1796236248143-matches-listed-by-score';
import { Notifications1796408960463 } from './1796408960463-notifications';
import { NotificationCursors1796411169086 } from './1796411169086-notification-cursors';
import { DonorIatiReference1796414322245 } from './1796414322245-donor-iati-reference';
import { AccountSecurity1796457619684 } from './1796457619684-account-security';
import { OtherFunding1796460367137 } from './1796460367137-other-funding';
import { NeedCycles1796470093655 } from './1796470093655-need-cycles';

/** Applied in order at start-up; generate new ones with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Foundation1795413496569, Matches1795414364092, NationalReports1795414607688, MatchingRunsAndOutbox1795414698470, Pairings1795415483655, OutboxJobIndex1795422261505, MatchesListedByScore1796236248143, Notifications1796408960463, NotificationCursors1796411169086, DonorIatiReference1796414322245, AccountSecurity1796457619684, OtherFunding1796460367137, NeedCycles1796470093655];

import { Donor } from '../accounts/entities/donor.entity';
import { User } from '../accounts/entities/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Match } from '../matching/entities/match.entity';
import { MatchingRun } from '../matching/entities/matching-run.entity';
import { Need } from '../needs/entities/need.entity';
import { EmailDelivery } from '../notifications/entities/email-delivery.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationCursor } from '../notifications/entities/notification-cursor.entity';
import { NotificationPreferences } from '../notifications/entities/notification-preferences.entity';
import { NeedTheme } from '../needs/entities/need-theme.entity';
import { OtherFunding } from '../needs/entities/other-funding.entity';
import { Offer } from '../offers/entities/offer.entity';
import { OfferEligibility } from '../offers/entities/offer-eligibility.entity';
import { OfferTheme } from '../offers/entities/offer-theme.entity';
import { AllocationPlan } from '../pairings/allocation/plans/allocation-plan.entity';
import { ProgressReport } from '../pairings/progress/progress-report.entity';
import { Country } from '../reference/entities/country.entity';
import { Region } from '../reference/entities/region.entity';
import { OutboxMessage } from '../queue/outbox/outbox-message.entity';
import { Theme } from '../reference/entities/theme.entity';
import { NationalReport } from '../reports/entities/national-report.entity';

/** Every persisted entity; migrations and the schema drift test are checked against this list. */
export const ENTITIES = [
  Region,
  Country,
  Theme,
  Donor,
  User,
  AuditEvent,
  Need,
  NeedTheme,
  OtherFunding,
  Offer,
  OfferTheme,
  OfferEligibility,
  Match,
  MatchingRun,
  OutboxMessage,
  NationalReport,
  ProgressReport,
  AllocationPlan,
  Notification,
  NotificationPreferences,
  EmailDelivery,
  NotificationCursor,
];

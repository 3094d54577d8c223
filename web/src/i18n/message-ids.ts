import type session from '../features/session/messages/en.json';
import type shell from '../features/shell/messages/en.json';
import type common from '../features/common/messages/en.json';
import type needs from '../features/needs/messages/en.json';
import type pairings from '../features/pairings/messages/en.json';
import type reports from '../features/reports/messages/en.json';
import type matches from '../features/matches/messages/en.json';
import type offers from '../features/offers/messages/en.json';
import type matchQueue from '../features/match-queue/messages/en.json';
import type browse from '../features/browse/messages/en.json';
import type donorPairings from '../features/donor-pairings/messages/en.json';
import type coverage from '../features/coverage/messages/en.json';
import type followUp from '../features/follow-up/messages/en.json';
import type admin from '../features/admin/messages/en.json';
import type live from '../features/live/messages/en.json';
import type matchingRuns from '../features/matching-runs/messages/en.json';
import type allocation from '../features/allocation/messages/en.json';
import type notifications from '../features/notifications/messages/en.json';
import type otherFunding from '../features/other-funding/messages/en.json';
import type exportsFeature from '../features/exports/messages/en.json';
import type money from '../features/money/messages/en.json';

/**
 * Every message id the console may ask for: a typo in an id is a type error. Each feature adds the
 * English catalog of its messages here; the catalog test checks the other five languages have them all.
 */
export type MessageId =
  | keyof typeof common
  | keyof typeof needs
  | keyof typeof pairings
  | keyof typeof session
  | keyof typeof shell
  | keyof typeof reports
  | keyof typeof matches
  | keyof typeof matchQueue
  | keyof typeof offers
  | keyof typeof coverage
  | keyof typeof followUp
  | keyof typeof admin
  | keyof typeof browse
  | keyof typeof donorPairings
  | keyof typeof live
  | keyof typeof matchingRuns
  | keyof typeof allocation
  | keyof typeof notifications
  | keyof typeof otherFunding
  | keyof typeof exportsFeature
  | keyof typeof money;

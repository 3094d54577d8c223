import { INestApplicationContext } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, IsNull } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { CreateDonorInput } from '../accounts/dto/create-donor.input';
import { CreateUserInput } from '../accounts/dto/create-user.input';
import { Donor } from '../accounts/entities/donor.entity';
import { User } from '../accounts/entities/user.entity';
import { Role } from '../domain/role';
import { Actor } from '../access/actor';
import { actorOf } from '../accounts/account-state';
import { validateOrReport } from '../cli/validate-or-report';
import { AppConfig } from '../config/app-config';
import { MatchingRun } from '../matching/entities/matching-run.entity';
import { FullRunExecutor } from '../matching/engine/full-run/full-run-executor';
import { CreateNeedInput } from '../needs/dto/create-need.input';
import { Need } from '../needs/entities/need.entity';
import { NeedStatus } from '../domain/statuses';
import { NeedsService } from '../needs/needs.service';
import { CreateOfferInput } from '../offers/dto/create-offer.input';
import { Offer } from '../offers/entities/offer.entity';
import { OfferStatus } from '../domain/statuses';
import { OffersService } from '../offers/offers.service';
import { JobQueue } from '../queue/job-queue';
import { OutboxMessage } from '../queue/outbox/outbox-message.entity';
import { OutboxRelay } from '../queue/outbox/outbox-relay';
import { ReferenceService } from '../reference/reference.service';
import {
  DEMO_DONORS,
  DEMO_EMAIL_DOMAIN,
  DEMO_NEEDS,
  DEMO_OFFERS,
  DEMO_PASSWORD,
  DEMO_STATE_ACCOUNT_COUNTRIES,
  DemoDonor,
  DemoNeed,
  DemoOffer,
} from './demo-data';

export interface DemoAccount {
  email: string;
  role: Role;
  /** What the account acts for: a country (name and code), a donor's name, or nothing for staff. */
  actsFor: string | null;
  /** False when the account already existed: its password is whatever it was set to then. */
  created: boolean;
}

/** How many of a kind of record the demo asked for, and how many of them it had to create. */
export interface DemoTally {
  total: number;
  created: number;
}

export interface DemoSeedResult {
  accounts: DemoAccount[];
  donors: DemoTally;
  needs: DemoTally;
  offers: DemoTally;
  /** The full matching run over everything that is open, demo data or not. */
  matchingRun: MatchingRun;
}

export class DemoRefusedError extends Error {}

/**
 * Loads the demonstration through the application's own services, so every validation rule,
 * authorisation check and audit event applies as if people had typed it in. Idempotent: accounts,
 * donors, needs and offers already there (by e-mail, name, country + title, donor + title) are
 * reused, drafts left by an interrupted run are published, and only what is missing is created;
 * the closing full matching run upserts. Refuses to run in production (the demo password is public).
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoSeedResult> {
  assertDemoAllowed(app.get(AppConfig));
  await app.get(ReferenceService).syncToDatabase();
  const seeder = new DemoSeeder(app);
  const admin = await seeder.ensureAccount(null, { email: demoEmail('admin'), role: Role.ADMIN });
  const adminActor = actorOf(admin);
  const secretariat = await seeder.ensureAccount(adminActor, { email: demoEmail('secretariat'), role: Role.SECRETARIAT });

  const { donorsByKey, tally: donors } = await seeder.ensureDonors(adminActor, DEMO_DONORS);
  const donorAccounts = new Map<string, Actor>();
  for (const donor of DEMO_DONORS) {
    const account = await seeder.ensureAccount(adminActor, {
      email: demoEmail(`donor.${donor.key}`),
      role: Role.DONOR,
      donorId: donorsByKey.get(donor.key)!.id,
    });
    donorAccounts.set(donor.key, actorOf(account));
  }
  const stateAccounts = new Map<string, Actor>();
  for (const iso3 of DEMO_STATE_ACCOUNT_COUNTRIES) {
    const account = await seeder.ensureAccount(adminActor, {
      email: demoEmail(`state.${iso3.toLowerCase()}`),
      role: Role.STATE,
      countryIso3: iso3,
    });
    stateAccounts.set(iso3, actorOf(account));
  }

  const secretariatActor = actorOf(secretariat);
  // A state with a demo account files its own needs (national ownership); the Secretariat files for the others.
  const needs = await seeder.ensureNeeds(DEMO_NEEDS, (need) => stateAccounts.get(need.countryIso3) ?? secretariatActor);
  const offers = await seeder.ensureOffers(DEMO_OFFERS, donorsByKey, donorAccounts);
  const matchingRun = await runFullMatching(app, secretariatActor);
  return { accounts: seeder.accounts, donors, needs, offers, matchingRun };
}

/** The demo accounts share a published password, so they never go into a production database. */
export function assertDemoAllowed(config: AppConfig): void {
  if (config.isProduction) {
    throw new DemoRefusedError('Refusing to load demo data with NODE_ENV=production: the demo accounts share a published password.');
  }
}

/** The full run, in this process and awaited, so the summary can report what it produced. */
async function runFullMatching(app: INestApplicationContext, actor: Actor): Promise<MatchingRun> {
  await waitForQueuedRescoring(app);
  return app.get(FullRunExecutor).runFull(null, actor);
}

/** Long enough for the rescoring the demo queues; a queue that stays stuck past it does not block the run. */
const RESCORING_WAIT_MS = 120_000;
const RESCORING_POLL_MS = 100;

/**
 * Without Redis, the rescoring jobs that creating and publishing queued run in this process, one at
 * a time; the full run waits for them so that the two never write matches at the same moment. The
 * in-process queue accepts a job only once it has run, and the relay marks an outbox row dispatched
 * only once the queue accepted it, so no pending row means no rescoring left. With Redis the workers
 * take those jobs, and the full run goes ahead at once.
 */
async function waitForQueuedRescoring(app: INestApplicationContext): Promise<void> {
  if (!app.get(JobQueue).consumesHere) return;
  const relay = app.get(OutboxRelay);
  const outbox = app.get(DataSource).getRepository(OutboxMessage);
  const giveUpAt = Date.now() + RESCORING_WAIT_MS;
  while (Date.now() < giveUpAt && (await outbox.existsBy({ dispatchedAt: IsNull() }))) {
    relay.nudge();
    await sleep(RESCORING_POLL_MS);
  }
}

const demoEmail = (localPart: string): string => `${localPart}@${DEMO_EMAIL_DOMAIN}`;

class DemoSeeder {
  readonly accounts: DemoAccount[] = [];
  private readonly dataSource: DataSource;
  private readonly accountsService: AccountsService;
  private readonly needsService: NeedsService;
  private readonly offersService: OffersService;
  private readonly reference: ReferenceService;

  constructor(app: INestApplicationContext) {
    this.reference = app.get(ReferenceService);
    this.dataSource = app.get(DataSource);
    this.accountsService = app.get(AccountsService);
    this.needsService = app.get(NeedsService);
    this.offersService = app.get(OffersService);
  }

  async ensureAccount(actor: Actor | null, binding: Omit<CreateUserInput, 'password'>): Promise<User> {
    const existing = await this.dataSource.getRepository(User).findOneBy({ email: binding.email });
    if (existing && existing.role !== binding.role) {
      throw new DemoRefusedError(
        `The account ${binding.email} exists with role ${existing.role}, not ${binding.role}; remove it or use another database.`,
      );
    }
    const user =
      existing ??
      (await this.accountsService.createUser(actor, await validateOrReport(CreateUserInput, { ...binding, password: DEMO_PASSWORD })));
    this.accounts.push({ email: user.email, role: user.role, actsFor: await this.actsFor(user), created: !existing });
    return user;
  }

  private async actsFor(user: User): Promise<string | null> {
    if (user.countryIso3) return `${this.reference.getCountry(user.countryIso3).name} (${user.countryIso3})`;
    if (user.donorId) return (await this.dataSource.getRepository(Donor).findOneBy({ id: user.donorId }))?.name ?? null;
    return null;
  }

  async ensureDonors(actor: Actor, donors: readonly DemoDonor[]): Promise<{ donorsByKey: Map<string, Donor>; tally: DemoTally }> {
    const existing = new Map((await this.accountsService.listDonors()).map((donor) => [donor.name, donor]));
    const donorsByKey = new Map<string, Donor>();
    let created = 0;
    for (const { key, ...fields } of donors) {
      let donor = existing.get(fields.name);
      if (!donor) {
        donor = await this.accountsService.createDonor(actor, await validateOrReport(CreateDonorInput, fields));
        created++;
      }
      donorsByKey.set(key, donor);
    }
    return { donorsByKey, tally: { total: donors.length, created } };
  }

  async ensureNeeds(needs: readonly DemoNeed[], filerOf: (need: DemoNeed) => Actor): Promise<DemoTally> {
    let created = 0;
    for (const demoNeed of needs) {
      const actor = filerOf(demoNeed);
      let need = await this.dataSource.getRepository(Need).findOneBy({ countryIso3: demoNeed.countryIso3, title: demoNeed.title });
      if (!need) {
        need = await this.needsService.create(actor, await validateOrReport(CreateNeedInput, demoNeed));
        created++;
      }
      if (need.status === NeedStatus.DRAFT) await this.needsService.publish(actor, need.id);
    }
    return { total: needs.length, created };
  }

  async ensureOffers(offers: readonly DemoOffer[], donorsByKey: Map<string, Donor>, donorAccounts: Map<string, Actor>): Promise<DemoTally> {
    let created = 0;
    for (const { donorKey, ...terms } of offers) {
      const actor = donorAccounts.get(donorKey)!;
      const donorId = donorsByKey.get(donorKey)!.id;
      let offer = await this.dataSource.getRepository(Offer).findOneBy({ donorId, title: terms.title });
      if (!offer) {
        offer = await this.offersService.create(actor, await validateOrReport(CreateOfferInput, terms));
        created++;
      }
      if (offer.status === OfferStatus.DRAFT) await this.offersService.publish(actor, offer.id);
    }
    return { total: offers.length, created };
  }
}

/** What the operator reads at the end: the accounts with the password, what was loaded, what to query next. */
export function formatDemoSummary(result: DemoSeedResult, graphqlUrl: string): string {
  const tally = (label: string, { total, created }: DemoTally) =>
    `  ${label.padEnd(8)} ${total} (${created} created, ${total - created} already there)`;
  const run = result.matchingRun;
  const accountLines = result.accounts.map(
    (account) =>
      `  ${account.role.padEnd(11)} ${account.email.padEnd(44)} ${account.actsFor ?? ''}${account.created ? '' : '  (already existed; password unchanged)'}`,
  );
  const donorEmail = demoEmail(`donor.${DEMO_DONORS[0].key}`);
  return [
    '',
    'Demo data loaded (seeds 000 para 15, 002 paras 13–29):',
    tally('donors', result.donors),
    tally('needs', result.needs),
    tally('offers', result.offers),
    `  matching run ${run.id}: ${run.status}, ${run.pairsScored} pairs scored, ${run.matchesUpserted} matches written${run.error ? ` (${run.error})` : ''}`,
    '',
    `Demo accounts (password for every new one: ${DEMO_PASSWORD}):`,
    ...accountLines,
    '',
    `Next: start the API (npm start) and open ${graphqlUrl}`,
    `  mutation { login(email: "${donorEmail}", password: "${DEMO_PASSWORD}") { accessToken } }`,
    '  then, with the header Authorization: Bearer <accessToken>:',
    '  { matches(first: 5) { totalCount edges { node { score explanation need { title country { iso3 } } offer { title } } } } }',
    '  { needs(filter: { region: "002" }) { totalCount edges { node { title country { name } } } } }',
    `  as ${demoEmail('secretariat')}: { coverage { byRegion { region { name } openNeeds requestedUsd } } }`,
    '',
  ].join('\n');
}

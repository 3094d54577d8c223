import { createClient, Client } from 'graphql-ws';
import { DataSource, IsNull } from 'typeorm';
import { WebSocket } from 'ws';
import { Match } from '../src/matching/entities/match.entity';
import { MatchStatus } from '../src/domain/statuses';
import { EmailDelivery } from '../src/notifications/entities/email-delivery.entity';
import { DailySummary } from '../src/notifications/periodic/daily-summary';
import { JobQueue } from '../src/queue/job-queue';
import { eventually } from './support/matching-helpers';
import { startSmtpServer, TestSmtpServer } from './support/smtp-server';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import {
  Account,
  badInputFields,
  contractOperation,
  dataOf,
  donorAccount,
  needInput,
  offerInput,
  secretariatAccount,
  stateAccount,
} from './support/fixtures';

const NOTIFICATIONS = `query($unreadOnly: Boolean, $language: String, $first: Int) {
  notifications(unreadOnly: $unreadOnly, language: $language, first: $first) {
    totalCount unreadCount edges { node { id kind title body matchId needId readAt createdAt } }
  }
}`;
const MARK_READ = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { ids unreadCount } }';
const PREFERENCES = 'query { notificationPreferences { language emailEnabled kinds { kind email digest alwaysDigest } } }';
const UPDATE_PREFERENCES = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { language kinds { kind email digest } }
}`;
const NOTIFICATION_ADDED = 'subscription($language: String) { notificationAdded(language: $language) { id kind title matchId } }';

interface NotificationNode {
  id: string;
  kind: string;
  title: string;
  body: string;
  matchId: string | null;
  needId: string | null;
  readAt: string | null;
}

let serial = 0;

describe('notifications: in the application and by e-mail through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let dataSource: DataSource;
  let secretariat: Account;
  let nigeria: Account;
  let nigeriaFr: Account;
  let ghana: Account;
  let donor: Account & { donorId: string };
  let otherDonor: Account & { donorId: string };
  const clients: Client[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Every proposal is a strong one, so each pairing is one the strong-match scan tells of.
    t = await startTestApp({
      MATCH_TOP_K: '1000',
      MATCH_MIN_SCORE: '0',
      NOTIFY_MATCH_MIN_SCORE: '0',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'poa-match <notify@e2e.test>',
    });
    dataSource = t.app.get(DataSource);
    secretariat = await secretariatAccount(t);
    nigeria = await stateAccount(t, 'NGA');
    nigeriaFr = await stateAccount(t, 'NGA');
    ghana = await stateAccount(t, 'GHA');
    donor = await donorAccount(t, `Government of Norway ${Date.now()}`);
    otherDonor = await donorAccount(t);
    dataOf(await t.gql(UPDATE_PREFERENCES, { input: { language: 'fr' } }, nigeriaFr.token));
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await t.close();
    await smtp.close();
  });

  /** A published need and offer of the two parties, and the engine's proposal for them. */
  async function pairing(
    needOverrides: Record<string, unknown> = {},
  ): Promise<{ matchId: string; needTitle: string; offerTitle: string; needId: string }> {
    const needTitle = `Armoury doors ${++serial}`;
    const offerTitle = `Stockpile fund ${serial}`;
    const { createNeed } = dataOf(
      await t.gql(contractOperation('CreateNeed'), { input: needInput({ title: needTitle, ...needOverrides }) }, nigeria.token),
    );
    dataOf(await t.gql(contractOperation('PublishNeed'), { id: createNeed.id }, nigeria.token));
    const { createOffer } = dataOf(
      await t.gql(contractOperation('CreateOffer'), { input: offerInput({ title: offerTitle }) }, donor.token),
    );
    dataOf(await t.gql(contractOperation('PublishOffer'), { id: createOffer.id }, donor.token));
    const match = await eventually(
      () =>
        dataSource
          .getRepository(Match)
          .findOneBy({ needId: createNeed.id, offerId: createOffer.id })
          .then((row) => row ?? undefined),
      20_000,
      'the proposal',
    );
    return { matchId: match.id, needTitle, offerTitle, needId: createNeed.id };
  }

  async function approve(matchId: string, allocatedUsd = 120000): Promise<void> {
    const { version } = await dataSource.getRepository(Match).findOneByOrFail({ id: matchId });
    dataOf(
      await t.gql(
        contractOperation('ApproveMatch'),
        { id: matchId, allocatedUsd, expectedVersion: version, note: 'Fits the plan.' },
        secretariat.token,
      ),
    );
  }

  async function notificationsOf(account: Account, variables: Record<string, unknown> = {}) {
    return dataOf(
      await t.gql<{ notifications: { totalCount: number; unreadCount: number; edges: { node: NotificationNode }[] } }>(
        NOTIFICATIONS,
        variables,
        account.token,
      ),
    ).notifications;
  }

  const aboutMatch = (account: Account, matchId: string, kind: string) =>
    eventually(
      async () =>
        (await notificationsOf(account, { first: 100 })).edges
          .map((edge) => edge.node)
          .find((node) => node.matchId === matchId && node.kind === kind),
      20_000,
      `${kind} for ${account.email}`,
    );

  const mailsTo = (account: Account, text: string) =>
    smtp.received.filter((mail) => mail.envelopeTo.includes(account.email) && (mail.parsed.text ?? '').includes(text));

  const mailTo = (account: Account, text: string) =>
    eventually(async () => mailsTo(account, text)[0], 30_000, `an e-mail to ${account.email} about ${text}`);

  /** Every outbox row handed over and every e-mail job run: what is not here by now is not coming. */
  const settled = () =>
    eventually(
      async () => ((await dataSource.getRepository(EmailDelivery).countBy({ sentAt: IsNull() })) === 0 ? true : undefined),
      30_000,
      'every e-mail sent',
    );

  it('asks the requesting state for consent when a pairing is approved: each of its users, in their language, in the application and by e-mail; nobody else', async () => {
    const { matchId, needTitle, offerTitle } = await pairing();
    await approve(matchId);

    const english = await aboutMatch(nigeria, matchId, 'CONSENT_REQUESTED');
    expect(english.title).toBe('A pairing awaits your consent');
    expect(english.body).toContain(`“${needTitle}”`);
    expect(english.body).toContain(`“${offerTitle}”`);
    expect(english.body).toContain('$120,000');
    const french = await aboutMatch(nigeriaFr, matchId, 'CONSENT_REQUESTED');
    expect(french.title).toBe('Un appariement attend votre accord');
    // The reader's language of the moment, when the console asks for one.
    const arabic = (await notificationsOf(nigeria, { language: 'ar' })).edges.find((edge) => edge.node.id === english.id)!.node;
    expect(arabic.title).toBe('اقتران ينتظر موافقتك');

    const mail = await mailTo(nigeria, needTitle);
    expect(mail.parsed.subject).toBe('A pairing awaits your consent');
    expect(mail.parsed.from?.value).toEqual([{ name: 'poa-match', address: 'notify@e2e.test' }]);
    expect(mail.parsed.text).toContain(`“${offerTitle}”`);
    expect(mail.parsed.text).toContain('$120,000');
    expect(mail.parsed.headers.get('content-language')).toBe('en');
    expect(mail.parsed.html).toContain('dir="ltr"');
    const frenchMail = await mailTo(nigeriaFr, needTitle);
    expect(frenchMail.parsed.subject).toBe('Un appariement attend votre accord');
    expect(frenchMail.parsed.text).toContain(`« ${needTitle} »`);
    expect(frenchMail.parsed.text).toMatch(/120\s000\s\$US/);
    expect(frenchMail.parsed.headers.get('content-language')).toBe('fr');

    await settled();
    for (const outsider of [ghana, donor, otherDonor, secretariat]) {
      expect((await notificationsOf(outsider)).edges.filter((edge) => edge.node.matchId === matchId)).toEqual([]);
      expect(mailsTo(outsider, needTitle)).toEqual([]);
    }
    expect(mailsTo(nigeria, needTitle)).toHaveLength(1);
  });

  it('tells the donor, and only that donor, that the state gave or refused its consent', async () => {
    const given = await pairing();
    await approve(given.matchId);
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: given.matchId }, nigeria.token));
    const confirmed = await aboutMatch(donor, given.matchId, 'CONSENT_GIVEN');
    expect(confirmed.body).toBe(
      `Nigeria confirmed the pairing of your offer “${given.offerTitle}” with its need “${given.needTitle}” ($120,000).`,
    );
    expect((await mailTo(donor, given.needTitle)).parsed.subject).toBe('Pairing confirmed');

    const refused = await pairing();
    await approve(refused.matchId);
    dataOf(
      await t.gql(contractOperation('DeclineMatch'), { id: refused.matchId, reason: 'Covered by the national budget.' }, nigeria.token),
    );
    const declined = await aboutMatch(donor, refused.matchId, 'CONSENT_DECLINED');
    expect(declined.body).toContain('Reason given: Covered by the national budget.');
    expect((await mailTo(donor, refused.needTitle)).parsed.text).toContain('Covered by the national budget.');

    await settled();
    expect((await notificationsOf(otherDonor)).totalCount).toBe(0);
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(otherDonor.email))).toEqual([]);
  });

  it('marks notifications read, counts the unread, and refuses ids that are not the reader’s, changing nothing', async () => {
    const { matchId } = await pairing();
    await approve(matchId);
    const notification = await aboutMatch(nigeria, matchId, 'CONSENT_REQUESTED');
    const before = await notificationsOf(nigeria, { unreadOnly: true });
    expect(before.edges.map((edge) => edge.node.id)).toContain(notification.id);

    const ghanaOwn = await notificationsOf(ghana);
    expect(errorCode(await t.gql(MARK_READ, { ids: [notification.id] }, ghana.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(MARK_READ, { ids: [notification.id, 'not-mine'] }, nigeria.token))).toBe('NOT_FOUND');
    expect(badInputFields(await t.gql(MARK_READ, { ids: [] }, nigeria.token))).toEqual(['ids']);
    expect(errorCode(await t.gql(MARK_READ, { ids: [notification.id] }))).toBe('UNAUTHENTICATED');
    expect((await notificationsOf(nigeria)).unreadCount).toBe(before.unreadCount);
    expect((await notificationsOf(ghana)).totalCount).toBe(ghanaOwn.totalCount);

    const { markNotificationsRead } = dataOf(await t.gql(MARK_READ, { ids: [notification.id, notification.id] }, nigeria.token));
    expect(markNotificationsRead).toEqual({ ids: [notification.id], unreadCount: before.unreadCount - 1 });
    const after = await notificationsOf(nigeria, { unreadOnly: true });
    expect(after.edges.map((edge) => edge.node.id)).not.toContain(notification.id);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect((await notificationsOf(nigeria)).edges.find((edge) => edge.node.id === notification.id)!.node.readAt).not.toBeNull();
  });

  it("saves a user's first preferences sent from several tabs at the same moment, each of them", async () => {
    const senegal = await stateAccount(t, 'SEN');
    const saves = ['fr', 'es', 'ar', 'zh'].map((language) => t.gql(UPDATE_PREFERENCES, { input: { language } }, senegal.token));
    const languages = (await Promise.all(saves)).map((response) => dataOf(response).updateNotificationPreferences.language);
    expect(languages.sort()).toEqual(['ar', 'es', 'fr', 'zh']);
    expect(['ar', 'es', 'fr', 'zh']).toContain(dataOf(await t.gql(PREFERENCES, {}, senegal.token)).notificationPreferences.language);
  });

  it('keeps preferences per user and kind: validated, and an e-mail turned off is not sent while the notification still arrives', async () => {
    const defaults = dataOf(await t.gql(PREFERENCES, {}, ghana.token)).notificationPreferences;
    expect(defaults).toMatchObject({ language: 'en', emailEnabled: true });
    expect(defaults.kinds).toEqual([
      { kind: 'STRONG_MATCH_FOR_NEED', email: true, digest: true, alwaysDigest: false },
      { kind: 'CONSENT_REQUESTED', email: true, digest: false, alwaysDigest: false },
      { kind: 'PROGRESS_REPORT_DUE', email: true, digest: false, alwaysDigest: false },
      { kind: 'NEED_RECONFIRMATION_DUE', email: true, digest: false, alwaysDigest: false },
    ]);
    const summary = dataOf(await t.gql(PREFERENCES, {}, secretariat.token)).notificationPreferences.kinds.find(
      (kind: { kind: string }) => kind.kind === 'DAILY_SUMMARY',
    );
    expect(summary).toEqual({ kind: 'DAILY_SUMMARY', email: true, digest: true, alwaysDigest: true });

    const refusals: [Record<string, unknown>, string][] = [
      [{ language: 'de' }, 'input.language'],
      [{ kinds: [{ kind: 'CONSENT_GIVEN', email: false, digest: false }] }, 'input.kinds.0.kind'],
      [
        {
          kinds: [
            { kind: 'CONSENT_REQUESTED', email: false, digest: false },
            { kind: 'CONSENT_REQUESTED', email: true, digest: false },
          ],
        },
        'input.kinds.1.kind',
      ],
    ];
    for (const [input, field] of refusals) {
      const response = await t.gql(UPDATE_PREFERENCES, { input }, ghana.token);
      expect({ field, code: errorCode(response), fields: badInputFields(response) }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        fields: [field],
      });
    }
    expect(
      badInputFields(
        await t.gql(UPDATE_PREFERENCES, { input: { kinds: [{ kind: 'DAILY_SUMMARY', email: true, digest: false }] } }, secretariat.token),
      ),
    ).toEqual(['input.kinds.0.digest']);
    expect(dataOf(await t.gql(PREFERENCES, {}, ghana.token)).notificationPreferences).toEqual(defaults);

    const { updateNotificationPreferences } = dataOf(
      await t.gql(
        UPDATE_PREFERENCES,
        { input: { language: 'ru', kinds: [{ kind: 'CONSENT_REQUESTED', email: false, digest: false }] } },
        nigeria.token,
      ),
    );
    expect(updateNotificationPreferences.language).toBe('ru');
    expect(updateNotificationPreferences.kinds).toContainEqual({ kind: 'CONSENT_REQUESTED', email: false, digest: false });
    try {
      const { matchId, needTitle } = await pairing();
      await approve(matchId);
      const inApp = await aboutMatch(nigeria, matchId, 'CONSENT_REQUESTED');
      expect(inApp.title).toBe('Пара ожидает вашего согласия');
      await mailTo(nigeriaFr, needTitle);
      await settled();
      expect(mailsTo(nigeria, needTitle)).toEqual([]);
    } finally {
      dataOf(
        await t.gql(
          UPDATE_PREFERENCES,
          { input: { language: 'en', kinds: [{ kind: 'CONSENT_REQUESTED', email: true, digest: false }] } },
          nigeria.token,
        ),
      );
    }
  });

  it('loses no e-mail while the SMTP server is down, retries with backoff, and sends each once it is back', async () => {
    const { matchId, needTitle } = await pairing();
    await smtp.stop();
    try {
      await approve(matchId);
      await aboutMatch(nigeria, matchId, 'CONSENT_REQUESTED');
      const failing = await eventually(
        async () =>
          (await dataSource.getRepository(EmailDelivery).find()).find((row) => row.sentAt === null && row.attempts > 0 && row.lastError),
        20_000,
        'a failed attempt',
      );
      expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await smtp.start();
    }
    const mail = await mailTo(nigeria, needTitle);
    expect(mail.parsed.subject).toBe('A pairing awaits your consent');
    await mailTo(nigeriaFr, needTitle);
    await settled();
    // Long enough for any stray copy to have arrived.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsTo(nigeria, needTitle)).toHaveLength(1);
    expect(mailsTo(nigeriaFr, needTitle)).toHaveLength(1);
    const messageIds = smtp.received.map((received) => received.parsed.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it('never tells a donor of a pairing whose need it may no longer see, and stops showing one it could see before', async () => {
    const first = await pairing();
    await approve(first.matchId);
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: first.matchId }, nigeria.token));
    const visible = await aboutMatch(donor, first.matchId, 'CONSENT_GIVEN');
    expect(visible.body).toContain(first.needTitle);

    dataOf(await t.gql(contractOperation('UpdateNeed'), { id: first.needId, input: { visibility: 'SECRETARIAT' } }, nigeria.token));
    const hidden = (await notificationsOf(donor)).edges.find((edge) => edge.node.id === visible.id)!.node;
    expect(hidden).toMatchObject({ title: 'Notification no longer available', matchId: null, needId: null });
    expect(hidden.body).not.toContain(first.needTitle);

    const second = await pairing({ visibility: 'SECRETARIAT' });
    await approve(second.matchId);
    dataOf(await t.gql(contractOperation('ConfirmMatch'), { id: second.matchId }, nigeria.token));
    await aboutMatch(nigeria, second.matchId, 'CONSENT_REQUESTED');
    await settled();
    expect((await notificationsOf(donor)).edges.filter((edge) => edge.node.matchId === second.matchId)).toEqual([]);
    expect(mailsTo(donor, second.needTitle)).toEqual([]);
    expect((await dataSource.getRepository(Match).findOneByOrFail({ id: second.matchId })).status).toBe(MatchStatus.CONFIRMED);
  });

  it('streams each user their own new notifications over graphql-ws, and nobody else’s', async () => {
    const received = (account: Account, language?: string) => {
      const events: { kind: string; title: string; matchId: string }[] = [];
      const client = createClient({
        url: t.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { Authorization: `Bearer ${account.token}` },
      });
      clients.push(client);
      client.subscribe<{ notificationAdded: { kind: string; title: string; matchId: string } }>(
        { query: NOTIFICATION_ADDED, variables: { language } },
        {
          next: (message) => message.data && events.push(message.data.notificationAdded),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return events;
    };
    const nigeriaEvents = received(nigeria, 'zh');
    const ghanaEvents = received(ghana);
    // Subscriptions are open once a round trip over each socket has been answered.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { matchId } = await pairing();
    await approve(matchId);
    const event = await eventually(
      async () => nigeriaEvents.find((item) => item.matchId === matchId && item.kind === 'CONSENT_REQUESTED'),
      20_000,
      'the notification over graphql-ws',
    );
    expect(event).toMatchObject({ kind: 'CONSENT_REQUESTED', title: '有一项配对等待您的同意' });
    await settled();
    expect(ghanaEvents).toEqual([]);
  });

  /** Runs a periodic job now, through the queue like its clock would (one job at a time). */
  let tick = 0;
  const runPeriodic = (jobName: string) => t.app.get(JobQueue).add(jobName, {}, { jobId: `${jobName}-now-${++tick}` });

  it('tells a state and a donor of each strong new match once, as far as each may see it, and gathers them in a daily digest e-mail', async () => {
    await runPeriodic('notify-strong-matches');
    const open = await pairing();
    const hidden = await pairing({ visibility: 'SECRETARIAT' });
    await runPeriodic('notify-strong-matches');
    await runPeriodic('notify-strong-matches');

    const forNeed = await aboutMatch(nigeria, open.matchId, 'STRONG_MATCH_FOR_NEED');
    expect(forNeed.body).toMatch(new RegExp(`offer “${open.offerTitle}” fits your need “${open.needTitle}” with a score of \\d+%`));
    const forOffer = await aboutMatch(donor, open.matchId, 'STRONG_MATCH_FOR_OFFER');
    expect(forOffer.body).toContain(`The need “${open.needTitle}” of Nigeria fits your offer “${open.offerTitle}”`);
    const forHiddenNeed = await aboutMatch(nigeria, hidden.matchId, 'STRONG_MATCH_FOR_NEED');
    // Newest first, also within the second to which SQLite stores the time: the hidden pairing was proposed, and told, later.
    const nigeriaIds = (await notificationsOf(nigeria, { first: 100 })).edges.map((edge) => edge.node.id);
    expect(nigeriaIds.indexOf(forHiddenNeed.id)).toBeLessThan(nigeriaIds.indexOf(forNeed.id));
    const donorKinds = (await notificationsOf(donor, { first: 100 })).edges
      .map((edge) => edge.node)
      .filter((node) => node.kind === 'STRONG_MATCH_FOR_OFFER');
    expect(donorKinds.filter((node) => node.matchId === open.matchId)).toHaveLength(1);
    expect(donorKinds.filter((node) => node.matchId === hidden.matchId)).toEqual([]);
    // A digest by default: nothing by e-mail yet.
    await settled();
    expect(mailsTo(nigeria, 'fits your need')).toEqual([]);

    await runPeriodic('notification-digest');
    const digest = await eventually(
      async () =>
        smtp.received.find(
          (mail) => mail.envelopeTo.includes(nigeria.email) && /notifications? from poa-match$/.test(mail.parsed.subject ?? ''),
        ),
      20_000,
      'the digest',
    );
    expect(digest.parsed.text).toContain('Here is what happened since your last e-mail from poa-match:');
    expect(digest.parsed.text).toContain(`your need “${open.needTitle}”`);
    expect(digest.parsed.text).toContain(`your need “${hidden.needTitle}”`);
    const frenchDigest = await eventually(
      async () =>
        smtp.received.find((mail) => mail.envelopeTo.includes(nigeriaFr.email) && / de poa-match$/.test(mail.parsed.subject ?? '')),
      20_000,
      'the French digest',
    );
    expect(frenchDigest.parsed.text).toContain(`votre besoin « ${open.needTitle} »`);
    const donorDigest = await eventually(
      async () => smtp.received.find((mail) => mail.envelopeTo.includes(donor.email) && /from poa-match$/.test(mail.parsed.subject ?? '')),
      20_000,
      'the donor digest',
    );
    expect(donorDigest.parsed.text).toContain(open.needTitle);
    expect(donorDigest.parsed.text).not.toContain(hidden.needTitle);

    await runPeriodic('notification-digest');
    await settled();
    expect(
      smtp.received.filter((mail) => mail.envelopeTo.includes(nigeria.email) && /from poa-match$/.test(mail.parsed.subject ?? '')),
    ).toHaveLength(1);
  });

  it('sends the Secretariat a summary of the day before, counted from the audit trail, once', async () => {
    const { matchId } = await pairing();
    await approve(matchId);
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    await t.app.get(DailySummary).run(tomorrow);
    await t.app.get(DailySummary).run(tomorrow);
    const today = new Date().toISOString().slice(0, 10);
    const summaries = await eventually(
      async () => {
        const found = (await notificationsOf(secretariat)).edges.map((edge) => edge.node).filter((node) => node.kind === 'DAILY_SUMMARY');
        return found.length ? found : undefined;
      },
      20_000,
      'the summary',
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0].title).toBe(
      `Daily summary: ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`))}`,
    );
    expect(summaries[0].body).toMatch(
      /^Needs published: \d+\. Offers published: \d+\. Strong new matches: \d+\. Pairings approved: [1-9]\d*, confirmed: \d+, declined: \d+\.$/,
    );
    const mail = await eventually(
      async () =>
        smtp.received.find(
          (received) => received.envelopeTo.includes(secretariat.email) && (received.parsed.subject ?? '').startsWith('Daily summary'),
        ),
      20_000,
      'the summary e-mail',
    );
    expect(mail.parsed.text).toContain(summaries[0].body);
    expect((await notificationsOf(nigeria)).edges.filter((edge) => edge.node.kind === 'DAILY_SUMMARY')).toEqual([]);
  });

  it('keeps trying an e-mail after the queue’s own retries are spent, and sends it once the SMTP server is back', async () => {
    const { matchId, needTitle } = await pairing();
    await smtp.stop();
    const deliveries = dataSource.getRepository(EmailDelivery);
    let key: string;
    try {
      await approve(matchId);
      const notification = await aboutMatch(nigeria, matchId, 'CONSENT_REQUESTED');
      key = `notification:${notification.id}`;
      // The sweep leaves an e-mail to its job while the queue is still trying it.
      await runPeriodic('retry-notification-emails');
      // The queue's five attempts (1 s, 2 s, 4 s, 8 s apart) all fail; the row waits for the sweep.
      const waiting = await eventually(
        async () => deliveries.findOneBy({ key, attempts: 5 }).then((row) => row ?? undefined),
        40_000,
        'the queue to give up',
      );
      expect(waiting).toMatchObject({ sentAt: null });
      expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
      await runPeriodic('retry-notification-emails');
      expect(await deliveries.findOneByOrFail({ key })).toMatchObject({ sentAt: null, attempts: 5 });
    } finally {
      await smtp.start();
    }
    // Due now rather than in half a minute (the French user's copy waited the same way).
    await deliveries.update({ sentAt: IsNull() }, { nextAttemptAt: new Date() });
    await runPeriodic('retry-notification-emails');
    await mailTo(nigeria, needTitle);
    expect(await deliveries.findOneByOrFail({ key: key! })).toMatchObject({ attempts: 6, sentTo: nigeria.email, lastError: null });
    await runPeriodic('retry-notification-emails');
    await settled();
    expect(mailsTo(nigeria, needTitle)).toHaveLength(1);
  }, 90_000);
});

/**
 * The console in Chromium, as its readers meet it: the built service (`npm run build`, then
 * `node dist/main.js` with NODE_ENV=production) on a scratch SQLite file seeded with the demo data.
 *
 *   1. the sign-in page's compressed JavaScript (and CSS and fonts), and what each role's first page
 *      adds after sign-in;
 *   2. the needs list of one state with 500 needs, shown all at once ("Needs per page: All"), from the
 *      last GraphQL response's end to the first frame with every row, beside a plain innerHTML table of
 *      the same rows written in the same page;
 *   3. the Secretariat's queue with more than 1,000 matches (a page of 20, as the queue shows them),
 *      and a need published through the API until its match shows in an open donor page.
 *
 *   node bench/.build/bench/console-bench.js [--runs 5] [--needs 500] [--live 20] [--skip-build]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../test/browser/support/chromium';
import type { Service } from '../test/browser/support/service';
import { describeMachine, loadAverage, percentile, summarise, verdict } from './bench-report';
import { GraphQLClient, sleep } from './service-process';

const ROOT = join(__dirname, '..', '..', '..');
const DIST = join(ROOT, 'dist');
const PASSWORD = 'poa-demo-password-2022';
const ACCOUNTS = {
  STATE: { email: 'state.nga@demo.poa-match.local', firstPage: '/needs' },
  DONOR: { email: 'donor.germany@demo.poa-match.local', firstPage: '/offers' },
  SECRETARIAT: { email: 'secretariat@demo.poa-match.local', firstPage: '/queue' },
} as const;
type Role = keyof typeof ACCOUNTS;

const KB = 1024;
const SIGN_IN_JS_TARGET = 250 * KB;
const NEEDS_LIST_TARGET_MS = 300;
const QUEUE_TARGET_MS = 500;
const LIVE_TARGET_MS = 1_000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const RUNS = option('--runs', 5);
const NEEDS = option('--needs', 500);
const LIVE_NEEDS = option('--live', 20);

let service: Service | undefined;
let browser: Browser | undefined;

async function cleanUp(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await service?.stop();
  service = undefined;
}

// ---------------------------------------------------------------------------------------------
// The service

function build(): void {
  console.log('npm run build (the console measured is the current code)…');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal})`);
}

/**
 * The browser tests' service: the seed without NODE_ENV (it refuses production), then the service as
 * deployed (CSP, compressed assets), on a scratch SQLite file it deletes when stopped.
 */
async function startConsoleService(): Promise<string> {
  // Compiled, the support module sits under bench/.build; the build it runs is the tree's dist/, which
  // it reads from BROWSER_DIST when it is loaded.
  process.env.BROWSER_DIST = DIST;
  const { startService } = await import('../test/browser/support/service');
  service = await startService();
  return service.origin;
}

async function signedInClient(origin: string, role: Role): Promise<GraphQLClient> {
  const client = new GraphQLClient(`${origin}/graphql`);
  await client.login({ email: ACCOUNTS[role].email, password: PASSWORD });
  return client;
}

/** Germany's demo offer for Africa, which the benchmark's needs (NEED_INPUT) are written to fit. */
const FITTING_OFFER = 'Africa Amnesty Month and Silencing the Guns';

// Themes and region of Germany's demo offer for Africa, so each need is matched to it and to the global offers.
const NEED_INPUT = {
  description: 'Collection and destruction of surplus small arms held by local defence groups, with storage upgrades for the rest.',
  themeCodes: ['COLLECTION', 'DESTRUCTION', 'STOCKPILE_MANAGEMENT'],
  assistanceTypes: ['FINANCIAL', 'EQUIPMENT'],
};

async function fileNeeds(client: GraphQLClient, count: number, label: string, publish: boolean): Promise<string[]> {
  const ids: string[] = [];
  const batch = 25;
  for (let start = 0; start < count; start += batch) {
    const created = await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, offset) =>
        createNeed(
          client,
          `${label} ${String(start + offset + 1).padStart(3, '0')}: surplus collection in the north-east`,
          150_000 + ((start + offset) % 40) * 10_000,
        ),
      ),
    );
    if (publish) await Promise.all(created.map((id) => publishNeed(client, id)));
    ids.push(...created);
  }
  return ids;
}

async function createNeed(client: GraphQLClient, title: string, budget: number): Promise<string> {
  const { createNeed } = await client.request<{ createNeed: { id: string } }>(
    'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    {
      input: { ...NEED_INPUT, title, estimatedBudgetUsd: budget },
    },
  );
  return createNeed.id;
}

async function publishNeed(client: GraphQLClient, id: string): Promise<void> {
  await client.request('mutation($id: ID!) { publishNeed(id: $id) { id } }', { id });
}

async function withdrawNeed(client: GraphQLClient, id: string): Promise<void> {
  await client.request('mutation($id: ID!) { withdrawNeed(id: $id, reason: "Benchmark need, measured.") { id } }', { id });
}

async function fittingOfferId(client: GraphQLClient): Promise<string> {
  const { offers } = await client.request<{ offers: { edges: { node: { id: string; title: string } }[] } }>(
    'query { offers(first: 100) { edges { node { id title } } } }',
  );
  const offer = offers.edges.find(({ node }) => node.title === FITTING_OFFER);
  if (!offer) throw new Error(`the demo data has no offer "${FITTING_OFFER}"`);
  return offer.node.id;
}

// ---------------------------------------------------------------------------------------------
// The browser

/** Responses seen through the DevTools protocol: type, encoding and bytes received (headers and compressed body). */
class NetworkLog {
  private readonly responses = new Map<string, { type: string; url: string; encoding: string; bytes: number; done: boolean }>();
  private inFlight = new Set<string>();
  private lastActivity = Date.now();

  static async attach(context: BrowserContext, page: Page): Promise<NetworkLog> {
    const log = new NetworkLog();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (event) => {
      log.inFlight.add(event.requestId);
      log.lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
      );
      log.responses.set(event.requestId, {
        type: event.type ?? 'Other',
        url: event.response.url,
        encoding: headers['content-encoding'] ?? 'identity',
        bytes: 0,
        done: false,
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const response = log.responses.get(event.requestId);
      if (response) Object.assign(response, { bytes: event.encodedDataLength, done: true });
      log.inFlight.delete(event.requestId);
      log.lastActivity = Date.now();
    });
    cdp.on('Network.loadingFailed', (event) => {
      log.inFlight.delete(event.requestId);
      log.lastActivity = Date.now();
    });
    return log;
  }

  /** Waits until nothing has been in flight for `quietMs` (the page is idle). */
  async idle(quietMs = 700, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 || Date.now() - this.lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`the page was not idle within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** The files of a type after a mark that came without a content encoding. */
  uncompressed(type: string, mark = 0): string[] {
    return [...this.responses.values()]
      .slice(mark)
      .filter((response) => response.type === type && response.encoding === 'identity')
      .map((response) => `${new URL(response.url).pathname.split('/').pop()} ${kilobytes(response.bytes)}`);
  }

  mark(): number {
    return this.responses.size;
  }

  /** Bytes by resource type of the responses after a mark. */
  since(mark = 0): Map<string, { bytes: number; count: number; encodings: Set<string> }> {
    const totals = new Map<string, { bytes: number; count: number; encodings: Set<string> }>();
    for (const response of [...this.responses.values()].slice(mark)) {
      const total = totals.get(response.type) ?? { bytes: 0, count: 0, encodings: new Set<string>() };
      total.bytes += response.bytes;
      total.count += 1;
      total.encodings.add(response.encoding);
      totals.set(response.type, total);
    }
    return totals;
  }
}

const kilobytes = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const byType = (totals: ReturnType<NetworkLog['since']>, type: string) =>
  totals.get(type) ?? { bytes: 0, count: 0, encodings: new Set<string>() };
const describeBytes = (total: { bytes: number; count: number; encodings: Set<string> }) =>
  `${kilobytes(total.bytes).padStart(9)} in ${total.count} file(s)${total.count ? `, ${[...total.encodings].join('/')}` : ''}`;

async function newContext(): Promise<BrowserContext> {
  return browser!.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
}

async function signIn(page: Page, origin: string, role: Role): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto(`${origin}/sign-in`);
  await page.locator('input[type=email]').fill(ACCOUNTS[role].email);
  await page.locator('input[type=password]').fill(PASSWORD);
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
}

async function measurePayload(origin: string): Promise<void> {
  console.log('\n1. What the sign-in page downloads (a fresh context, until the page is idle), and what each role’s first page adds');
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    const context = await newContext();
    try {
      const page = await context.newPage();
      const log = await NetworkLog.attach(context, page);
      await page.goto(`${origin}/sign-in`);
      await log.idle();
      const signInPage = log.since();
      if (role === 'STATE') {
        const signInScript = byType(signInPage, 'Script').bytes;
        console.log(`  sign-in page  JavaScript ${describeBytes(byType(signInPage, 'Script'))}`);
        console.log(`                CSS        ${describeBytes(byType(signInPage, 'Stylesheet'))}`);
        console.log(`                fonts      ${describeBytes(byType(signInPage, 'Font'))}`);
        console.log(`                document   ${describeBytes(byType(signInPage, 'Document'))}`);
        console.log(`                GraphQL    ${describeBytes(byType(signInPage, 'Fetch'))}`);
        console.log(
          `                scripts sent without compression (headers included): ${log.uncompressed('Script').join(', ') || 'none'}`,
        );
        console.log(
          `  sign-in page JavaScript ≤ ${kilobytes(SIGN_IN_JS_TARGET)}: ${kilobytes(signInScript)}, ${verdict(signInScript <= SIGN_IN_JS_TARGET)}`,
        );
      }
      const mark = log.mark();
      await signIn(page, origin, role);
      await page.waitForURL((url) => url.pathname === ACCOUNTS[role].firstPage, { timeout: 30_000 });
      await log.idle();
      const added = log.since(mark);
      console.log(
        `  ${role.padEnd(11)} ${ACCOUNTS[role].firstPage.padEnd(7)} adds JavaScript ${describeBytes(byType(added, 'Script'))}; CSS ${kilobytes(byType(added, 'Stylesheet').bytes)}; fonts ${kilobytes(byType(added, 'Font').bytes)}; GraphQL ${kilobytes(byType(added, 'Fetch').bytes)} in ${byType(added, 'Fetch').count}`,
      );
    } finally {
      await context.close();
    }
  }
}

/**
 * Installed before any script of the page: once `expected` elements match `selector`, the time in the
 * next animation frame (the first frame that paints them), after its style and layout are forced, is
 * kept in `window.__allRowsAt`.
 */
function watchRows({ selector, expected }: { selector: string; expected: number }): void {
  const scope = globalThis as unknown as {
    __allRowsAt: number | null;
    document: { querySelectorAll(selector: string): { length: number }; body: { getBoundingClientRect(): unknown } };
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    requestAnimationFrame(callback: (time: number) => void): void;
    performance: { now(): number };
  };
  scope.__allRowsAt = null;
  let seen = false;
  const observer = new scope.MutationObserver(() => {
    if (seen || scope.document.querySelectorAll(selector).length < expected) return;
    seen = true;
    observer.disconnect();
    scope.requestAnimationFrame(() => {
      scope.document.body.getBoundingClientRect();
      scope.__allRowsAt = scope.performance.now();
    });
  });
  observer.observe(scope.document, { childList: true, subtree: true });
}

interface RenderTiming {
  renderMs: number;
  graphqlRequests: number;
  loadToRowsMs: number;
}

/** Loads `path` and times the last /graphql response's end to the frame with every row. */
async function timeRender(page: Page, origin: string, path: string): Promise<RenderTiming> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => typeof (globalThis as unknown as { __allRowsAt: number | null }).__allRowsAt === 'number', undefined, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      __allRowsAt: number;
      performance: { getEntriesByType(type: string): { name: string; responseEnd: number }[] };
    };
    const rowsAt = scope.__allRowsAt;
    const graphql = scope.performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/graphql') && entry.responseEnd <= rowsAt);
    const lastEnd = Math.max(...graphql.map((entry) => entry.responseEnd));
    return { renderMs: rowsAt - lastEnd, graphqlRequests: graphql.length, loadToRowsMs: rowsAt };
  });
}

/** The peer: the same rows as a plain HTML table written with innerHTML, from their JSON text to the frame that paints them. */
function plainTable(json: string): Promise<number> {
  const scope = globalThis as unknown as {
    document: {
      createElement(tag: string): { innerHTML: string; remove(): void };
      body: { append(node: unknown): void; getBoundingClientRect(): unknown };
    };
    requestAnimationFrame(callback: () => void): void;
    performance: { now(): number };
  };
  const started = scope.performance.now();
  const needs = JSON.parse(json) as {
    title: string;
    status: string;
    estimatedBudgetUsd: number;
    fundedUsd: number;
    themes: { code: string }[];
    matches: { totalCount: number };
  }[];
  const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat('en-GB', { style: 'percent' });
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let html =
    '<table class="table"><thead><tr><th>Title</th><th>Status</th><th>Themes</th><th>Budget</th><th>Funded</th><th>Matches</th></tr></thead><tbody>';
  for (const need of needs) {
    const share = need.estimatedBudgetUsd ? need.fundedUsd / need.estimatedBudgetUsd : 0;
    html += `<tr><td><a href="#">${escape(need.title)}</a></td><td><strong class="tag">${need.status}</strong></td><td>${need.themes.map((theme) => theme.code).join(', ')}</td><td class="num">${money.format(need.estimatedBudgetUsd)}</td><td><span class="meter"><span style="width:${(share * 100).toFixed(0)}%"></span></span> ${percent.format(share)}</td><td class="num"><a href="#">${need.matches.totalCount}</a></td></tr>`;
  }
  const container = scope.document.createElement('div');
  container.innerHTML = `${html}</tbody></table>`;
  scope.document.body.append(container);
  return new Promise((resolve) =>
    scope.requestAnimationFrame(() => {
      scope.document.body.getBoundingClientRect();
      const ended = scope.performance.now();
      container.remove();
      resolve(ended - started);
    }),
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function measureNeedsList(origin: string, state: GraphQLClient): Promise<void> {
  const { needs } = await state.request<{ needs: { totalCount: number } }>(
    'query { needs(filter: { countryIso3: "NGA" }, first: 1) { totalCount } }',
  );
  console.log(
    `\n2. The needs list of Nigeria with ${needs.totalCount} needs (${NEEDS} filed for the benchmark), "Needs per page: All" (/needs?first=all: pages of 100 walked, shown as one table)`,
  );
  const rows: unknown[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page: { needs: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: unknown }[] } } =
      await state.request(
        'query($after: String) { needs(filter: { countryIso3: "NGA" }, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { title status estimatedBudgetUsd fundedUsd themes { code } matches(first: 1) { totalCount } } } } }',
        { after },
      );
    rows.push(...page.needs.edges.map((edge) => edge.node));
    more = page.needs.pageInfo.hasNextPage;
    after = page.needs.pageInfo.endCursor;
  }
  const json = JSON.stringify(rows);

  const context = await newContext();
  try {
    const page = await context.newPage();
    await signIn(page, origin, 'STATE');
    await page.addInitScript(watchRows, { selector: 'table.needs-table tbody tr', expected: needs.totalCount });
    // One load before the measured ones, so every run finds the scripts in the HTTP cache.
    await timeRender(page, origin, '/needs?first=all');
    const react: RenderTiming[] = [];
    const peer: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      react.push(await timeRender(page, origin, '/needs?first=all'));
      peer.push(await page.evaluate(plainTable, json));
    }
    const console_ = summarise(react.map((timing) => timing.renderMs));
    const plain = summarise(peer);
    const load = summarise(react.map((timing) => timing.loadToRowsMs));
    console.log(`  runs: ${react.map((timing) => ms(timing.renderMs)).join(', ')} (after ${react[0].graphqlRequests} GraphQL requests)`);
    console.log(
      `  console, last GraphQL response → frame with all ${needs.totalCount} rows: best ${ms(console_.best)}, median ${ms(console_.median)}, worst ${ms(console_.worst)}`,
    );
    console.log(
      `  peer, the same rows as a plain table by innerHTML (JSON text → frame): best ${ms(plain.best)}, median ${ms(plain.median)}; console / peer at the median ${(console_.median / plain.median).toFixed(1)}×`,
    );
    console.log(
      `  whole page load (navigation start → frame with all rows, scripts cached): best ${ms(load.best)}, median ${ms(load.median)}`,
    );
    console.log(
      `  needs list with ${needs.totalCount} needs renders in ≤ ${NEEDS_LIST_TARGET_MS} ms (median): ${ms(console_.median)}, ${verdict(console_.median <= NEEDS_LIST_TARGET_MS)}`,
    );
  } finally {
    await context.close();
  }
}

const QUEUE_SIZE = 1_000;

async function measureQueue(origin: string, secretariat: GraphQLClient, state: GraphQLClient): Promise<void> {
  const proposed = async () =>
    (
      await secretariat.request<{ matches: { totalCount: number } }>(
        'query { matches(filter: { status: [PROPOSED] }, first: 1) { totalCount } }',
      )
    ).matches.totalCount;
  // The list's needs bring about two proposals each; a few more are filed until the queue holds 1,000.
  for (let round = 1; (await proposed()) < QUEUE_SIZE && round <= 20; round++) await fileNeeds(state, 25, `Queue need ${round}`, true);
  const matches = { totalCount: await proposed() };
  const shown = Math.min(20, matches.totalCount);
  console.log(
    `\n3a. The Secretariat's queue (/queue, proposed matches) with ${matches.totalCount} matches: the queue shows pages of 20, so a page of ${shown} is what renders`,
  );
  const context = await newContext();
  try {
    const page = await context.newPage();
    await signIn(page, origin, 'SECRETARIAT');
    await page.addInitScript(watchRows, { selector: 'li.match-card', expected: shown });
    await timeRender(page, origin, '/queue');
    const runs: RenderTiming[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await timeRender(page, origin, '/queue'));
    const render = summarise(runs.map((timing) => timing.renderMs));
    const load = summarise(runs.map((timing) => timing.loadToRowsMs));
    console.log(`  runs: ${runs.map((timing) => ms(timing.renderMs)).join(', ')} (after ${runs[0].graphqlRequests} GraphQL requests)`);
    console.log(
      `  last GraphQL response → frame with the page's ${shown} matches: best ${ms(render.best)}, median ${ms(render.median)}; whole page load, scripts cached: median ${ms(load.median)}`,
    );
    console.log(
      `  queue with ${matches.totalCount} matches renders in ≤ ${QUEUE_TARGET_MS} ms (median, a page of ${shown}): ${ms(render.median)}, ${verdict(render.median <= QUEUE_TARGET_MS)}`,
    );
  } finally {
    await context.close();
  }
}

/** Whether the title shows on the page within the time allowed (or, `shown` false, is gone from it); the time it took, in ms, from `started`. */
async function appears(page: Page, title: string, started: number, timeoutMs: number, shown = true): Promise<number | null> {
  try {
    await page.waitForFunction(
      ({ text, shown }) =>
        (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(text) === shown,
      { text: title, shown },
      { polling: 'raf', timeout: timeoutMs },
    );
    return performance.now() - started;
  } catch {
    return null;
  }
}

/**
 * The donor's page shows the offer's matches best first, 20 to a page. It is opened on the offer the
 * needs fit ("Matches of this offer"), and each need is withdrawn once its row has shown and gone
 * again: the offer's list then holds one benchmark need at a time, whose match is always on the
 * first page, so every need's row is measured.
 */
async function measureLiveRow(origin: string, state: GraphQLClient, donor: GraphQLClient): Promise<void> {
  console.log(
    `\n3b. A need published through the API until its match shows in an open donor page (/offer-matches?offer=… as Germany, the offer "${FITTING_OFFER}")`,
  );
  const context = await newContext();
  try {
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await signIn(page, origin, 'DONOR');
    await page.goto(`${origin}/offer-matches?offer=${encodeURIComponent(await fittingOfferId(donor))}&status=PROPOSED`);
    await page.locator('li.match-card').first().waitFor({ timeout: 30_000 });
    await sleep(1_000);
    const live = sockets.length > 0;
    const needs = live ? LIVE_NEEDS : 1;
    if (!live)
      console.log(
        '  the page opened no WebSocket (no live updates): one need is published to show whether its match appears without a reload',
      );
    const latencies: number[] = [];
    const samples: (number | null)[] = [];
    let missing = 0;
    for (let index = 0; index < needs; index++) {
      // A budget inside Germany's grant range and a title of its own; it is matched on publish, in the service's process.
      const title = `Live ${Date.now().toString(36)}-${index}: surplus collection in the north-east`;
      const id = await createNeed(state, title, 300_000);
      const started = performance.now();
      await publishNeed(state, id);
      const latency = await appears(page, title, started, live ? 10_000 : 5_000);
      samples.push(latency);
      if (latency === null) missing++;
      else latencies.push(latency);
      // Out of the list again before the next one, so the next need's reload is not one of this one's.
      await withdrawNeed(state, id);
      if (live) await appears(page, title, performance.now(), 10_000, false);
    }
    if (!live) {
      console.log(
        `  publish → match row in the open donor page ≤ ${LIVE_TARGET_MS} ms at p95: NOT MEASURED — ${missing ? 'the match did not appear within 5 s without a reload' : 'it appeared'}; this figure needs the donor page's live updates (the API's Subscription over graphql-ws)`,
      );
      return;
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    if (!sorted.length) {
      console.log(
        `  publish → match row in the open donor page ≤ ${LIVE_TARGET_MS} ms at p95: TARGET MISSED — no match appeared within 10 s`,
      );
      return;
    }
    const p95 = missing ? Number.POSITIVE_INFINITY : percentile(sorted, 95);
    console.log(
      `  ${needs} needs over ${sockets[0]}: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1])}${missing ? `; ${missing} never appeared within 10 s` : ''}`,
    );
    console.log(`  each need, in the order published: ${samples.map((sample) => (sample === null ? 'never' : ms(sample))).join(', ')}`);
    console.log(`  publish → match row in the open donor page ≤ ${LIVE_TARGET_MS} ms at p95: ${verdict(p95 <= LIVE_TARGET_MS)}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  console.log(describeMachine());
  if (!process.argv.includes('--skip-build')) build();
  const origin = await startConsoleService();
  browser = await launchChromium();
  console.log(
    `\nservice ${origin} (node dist/main.js, NODE_ENV=production, SQLite, demo data), Chromium ${browser.version()}, load ${loadAverage()}`,
  );

  await measurePayload(origin);

  const state = await signedInClient(origin, 'STATE');
  const secretariat = await signedInClient(origin, 'SECRETARIAT');
  // On the demo market, before the benchmark's own needs: they fit the same offer, and hundreds of
  // proposals of the same score would push a new need's match off the offer's first page.
  await measureLiveRow(origin, state, await signedInClient(origin, 'DONOR'));
  const filing = performance.now();
  // Published, so that they are matched: the queue fills with proposals from them.
  await fileNeeds(state, NEEDS, 'Benchmark need', true);
  console.log(
    `\nfiled and published ${NEEDS} needs for Nigeria through the API in ${((performance.now() - filing) / 1000).toFixed(1)} s (25 at a time; load ${loadAverage()})`,
  );

  await measureNeedsList(origin, state);
  await measureQueue(origin, secretariat, state);
  console.log(`\nload ${loadAverage()}`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { Service, startService } from './service';

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results/screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Harness {
  readonly service: Service;
  /** A new browser context (its own storage) and page, watched by the guards until the test ends. */
  open(options?: BrowserContextOptions): Promise<Page>;
  /** axe with the WCAG 2.1 A/AA rules; serious and critical violations fail the test when it ends, after its other steps ran. */
  checkA11y(page: Page, where: string): Promise<void>;
  /** A full-page screenshot at test-results/screenshots/<lang>/<name>.png. */
  screenshot(page: Page, lang: string, name: string): Promise<void>;
  /** Both of the above, for a page of a journey. */
  capture(page: Page, lang: string, name: string): Promise<void>;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Starts one service and one Chromium for the spec file, and checks every test for what its steps
 * would not notice: a request to another host (aborted and recorded), a WebSocket to another host,
 * an error in the browser console or an uncaught page error, and serious accessibility violations.
 */
export function useBrowserHarness(): Harness {
  let service: Service | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];
  let a11y: string[] = [];

  beforeAll(async () => {
    const started = await Promise.allSettled([startService(), launchChromium()]);
    if (started[0].status === 'fulfilled') service = started[0].value;
    if (started[1].status === 'fulfilled') browser = started[1].value;
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  }, 60_000);

  beforeEach(() => {
    problems = [];
    a11y = [];
  });

  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    contexts = [];
    const found = [...problems, ...(a11y.length ? [`accessibility (axe, WCAG 2.1 A/AA, serious or critical):\n${a11y.join('\n')}`] : [])];
    if (found.length) throw new Error(`the browser saw what a reader must not:\n${found.join('\n')}`);
  }, 60_000);

  function watch(page: Page, origin: string): void {
    const host = new URL(origin).host;
    page.on('console', (message) => {
      if (message.type() === 'error')
        problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url || 'no source'})`);
    });
    // The console only says "400 (Bad Request)"; the service's answer says why.
    page.on('response', async (response) => {
      if (response.status() < 400 || !response.url().startsWith(`${origin}/graphql`)) return;
      const body = await response.text().catch(() => '(no body)');
      const operation =
        /"operationName":"(\w+)"/.exec(response.request().postData() ?? '')?.[1] ??
        new URL(response.url()).searchParams.get('operationName');
      problems.push(`${response.status()} from /graphql (${operation ?? 'no operation name'}): ${body.slice(0, 600)}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.stack ?? error.message}`));
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).host !== host) problems.push(`WebSocket to another host: ${socket.url()}`);
    });
  }

  const harness: Harness = {
    get service() {
      if (!service) throw new Error('the service did not start');
      return service;
    },
    async open(options = {}) {
      if (!browser) throw new Error('Chromium did not start');
      const origin = harness.service.origin;
      const context = await browser.newContext({
        locale: 'en-GB',
        viewport: { width: 1280, height: 900 },
        serviceWorkers: 'block',
        ...options,
      });
      contexts.push(context);
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        problems.push(`request to another host: ${route.request().method()} ${url}`);
        return route.abort('blockedbyclient');
      });
      context.on('page', (page) => watch(page, origin));
      const page = await context.newPage();
      return page;
    },
    async checkA11y(page, where) {
      // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not cover (a script tag would be refused).
      if (await page.evaluate(`typeof axe === 'undefined'`)) await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate<AxeViolation[]>(
        `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} }, resultTypes: ['violations'] }).then((r) => r.violations)`,
      );
      for (const violation of violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
        a11y.push(`  ${where} (${page.url()}): ${violation.id} [${violation.impact}] ${violation.help} — ${targets}`);
      }
    },
    async screenshot(page, lang, name) {
      const dir = join(SCREENSHOT_DIR, lang);
      mkdirSync(dir, { recursive: true });
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    },
    async capture(page, lang, name) {
      await harness.checkA11y(page, `${name} [${lang}]`);
      await harness.screenshot(page, lang, name);
    },
  };
  return harness;
}

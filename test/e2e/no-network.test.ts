// No network, end to end in Chromium: every request made while the extension is installed, scans a
// page, shows a claim in it and changes a setting is recorded — from its service worker, its
// popup and options pages, and the article tab. The only requests allowed are the extension's own
// chrome-extension:// files, and the article tab loading its own page from the fixture server.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRADICTING,
  chromiumEvaluate,
  type FixtureServer,
  findBrowser,
  launchChromiumWithExtension,
  POPUP_VIEWPORT,
  serveFixtures,
  shouldSkip,
  tabIdFor,
  waitForPopupDone,
} from './support';

const binary = findBrowser('chromium');

const evaluateIn = chromiumEvaluate;

interface Recorded {
  url: string;
  method: string;
  /** `service-worker`, `extension-page`, `article` or `other`. */
  by: string;
}

describe.skipIf(shouldSkip(binary))('Chromium: the extension makes no network requests', () => {
  let context: BrowserContext | undefined;
  let server: FixtureServer | undefined;
  let close: (() => Promise<void>) | undefined;
  const requests: Recorded[] = [];
  let articlePage: Page | undefined;
  const serverRequests: string[] = [];

  beforeAll(async () => {
    // Playwright reports a Chromium service worker's own requests only with this switch.
    process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
    server = await serveFixtures();
    ({ context, close } = await launchChromiumWithExtension(binary, 'no-network'));
    const classify = (request: Request): string => {
      if (request.serviceWorker()) return 'service-worker';
      let page: Page | null = null;
      try {
        page = request.frame().page();
      } catch {
        return 'other';
      }
      if (page.url().startsWith('chrome-extension://')) return 'extension-page';
      if (articlePage && page === articlePage) return 'article';
      return 'other';
    };
    context.on('request', (request) => {
      requests.push({ url: request.url(), method: request.method(), by: classify(request) });
      if (server && request.url().startsWith(server.origin)) serverRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('during install, a scan, showing a claim and changing the strictness setting', async () => {
    if (!context || !server) throw new Error('setup failed');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const own = `chrome-extension://${extensionId}/`;

    articlePage = await context.newPage();
    const articleUrl = server.url(CONTRADICTING.file);
    await articlePage.goto(articleUrl);
    const tabId = await tabIdFor(evaluateIn(worker), articleUrl);

    const popup = await context.newPage();
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    await popup.goto(`${own}popup.html?tabId=${tabId}`);
    await waitForPopupDone(evaluateIn(popup));

    // show a claim in the page
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('li.claim button')?.click());
    await articlePage.waitForTimeout(500);

    // change the strictness setting, then scan again with it
    const select = popup.locator('select[name="strictness"]');
    if ((await select.count()) > 0) {
      const current = await select.inputValue();
      await select.selectOption(current === 'balanced' ? 'conservative' : 'balanced');
      await popup.waitForTimeout(300);
      await popup.reload();
      await waitForPopupDone(evaluateIn(popup));
      expect(await popup.locator('select[name="strictness"]').inputValue()).not.toBe(current);
    }

    // the options page, if the build has one
    const options = await context.newPage();
    const response = await options.goto(`${own}options.html`).catch(() => null);
    if (response) {
      await options.waitForTimeout(1_000);
      const selects = options.locator('select');
      if ((await selects.count()) > 0) {
        const first = selects.first();
        const values = await first.locator('option').evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
        const current = await first.inputValue();
        const other = values.find((v) => v !== current);
        if (other !== undefined) await first.selectOption(other);
        await options.waitForTimeout(300);
      }
    }
    await articlePage.waitForTimeout(500);

    expect(requests.length, 'the recorder saw the page load at least').toBeGreaterThan(0);
    const offending = requests.filter((r) => {
      if (r.url.startsWith(own)) return false;
      // the article tab loading its own page and its same-origin resources
      if (r.by === 'article' && r.url.startsWith(`${server?.origin}/`)) return false;
      if (/^(data|blob|about):/.test(r.url) && r.by !== 'service-worker') return false;
      return true;
    });
    expect(offending, JSON.stringify(offending, null, 2)).toEqual([]);
    // the fixture server saw only the article itself: nothing else fetched it
    expect(serverRequests.filter((u) => !u.startsWith(articleUrl))).toEqual([]);
  });

  it("sees a service worker's own request (so the test above can fail)", async () => {
    if (!context || !server) throw new Error('setup failed');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const probe = server.url('no-such-probe.html');
    await worker.evaluate(
      (u) =>
        fetch(u).then(
          () => undefined,
          () => undefined,
        ),
      probe,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(requests.filter((r) => r.url === probe).map((r) => r.by)).toEqual(['service-worker']);
  });
});

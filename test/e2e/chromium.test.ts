// End to end in Chromium (MV3): the e2e build loaded unpacked into the system Chromium, driven by
// playwright-core. The popup page is opened in a tab as popup.html?tabId=N for the fixture's tab.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContradictingReport } from './contract';
import {
  CONTRADICTING,
  chromiumArgs,
  clickClaim,
  type Evaluate,
  e2eExtensionDir,
  type FixtureServer,
  findBrowser,
  POPUP_VIEWPORT,
  RESULTS_DIR,
  readPopup,
  requireBrowser,
  serveFixtures,
  shouldSkip,
  tabIdFor,
  waitForMark,
  waitForPopupDone,
} from './support';

const binary = findBrowser('chromium');

function evaluateIn(target: Page | Worker): Evaluate {
  // Page and Worker evaluate alike; TypeScript cannot call a union of their overloads.
  return <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (target as Page).evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
}

describe.skipIf(shouldSkip(binary))('Chromium: popup on a contradicting report', () => {
  let context: BrowserContext | undefined;
  let server: FixtureServer | undefined;
  let profile: string | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    const executablePath = requireBrowser(binary);
    const extensionDir = e2eExtensionDir('chrome-mv3');
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumArgs(extensionDir),
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('flags the contradicted figures, quotes the references, and marks the sentence in the page', async () => {
    if (!context || !server) throw new Error('setup failed');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;

    const article = await context.newPage();
    const articleUrl = server.url(CONTRADICTING.file);
    await article.goto(articleUrl);
    const tabId = await tabIdFor(evaluateIn(worker), articleUrl);
    expect(tabId, `tab id of ${articleUrl}`).toEqual(expect.any(Number));

    const popup = await context.newPage();
    popup.on('console', (m) => logs.push(`[popup console.${m.type()}] ${m.text()}`));
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e.message}`));
    article.on('console', (m) => logs.push(`[page console.${m.type()}] ${m.text()}`));
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);

    const inPopup = evaluateIn(popup);
    await waitForPopupDone(inPopup, 60_000, () => (logs.length ? `\n${logs.join('\n')}` : ''));
    mkdirSync(RESULTS_DIR, { recursive: true });
    await popup.screenshot({ path: join(RESULTS_DIR, 'popup-chromium.png'), fullPage: false });

    expectContradictingReport(await readPopup(inPopup));

    expect(await clickClaim(inPopup, CONTRADICTING.missiles.page), 'clicked the missiles claim').toBe(true);
    const marked = await waitForMark(evaluateIn(article), CONTRADICTING.missiles.page);
    expect(marked).toContain(CONTRADICTING.missiles.page);
  });
});

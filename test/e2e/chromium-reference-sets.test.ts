// End to end in Chromium (MV3), issue 5: the reader adds a page as a reference from the popup, then
// a second page that contradicts it is flagged, the contradiction cited to the added source.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumEvaluate,
  type FixtureServer,
  findBrowser,
  launchChromiumWithExtension,
  POPUP_VIEWPORT,
  readPopup,
  serveFixtures,
  shouldSkip,
  tabIdFor,
  waitForPopupDone,
} from './support';

const binary = findBrowser('chromium');

const evaluateIn = chromiumEvaluate;

describe.skipIf(shouldSkip(binary))('Chromium: a reference set the reader builds', () => {
  let context: BrowserContext | undefined;
  let server: FixtureServer | undefined;
  let close: (() => Promise<void>) | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    ({ context, close } = await launchChromiumWithExtension(binary, 'refsets'));
  });

  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  /** Opens the popup for the tab showing `file` and waits until it is done. */
  async function popupFor(file: string, extensionId: string, worker: Worker): Promise<Page> {
    if (!context || !server) throw new Error('setup failed');
    const page = await context.newPage();
    const url = server.url(file);
    await page.goto(url);
    const tabId = await tabIdFor(evaluateIn(worker), url);
    const popup = await context.newPage();
    popup.on('console', (m) => logs.push(`[popup console.${m.type()}] ${m.text()}`));
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e.message}`));
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await waitForPopupDone(evaluateIn(popup), 60_000, () => (logs.length ? `\n${logs.join('\n')}` : ''));
    return popup;
  }

  it('adds a page as a reference, then cites it against a page that contradicts it', async () => {
    if (!context) throw new Error('setup failed');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;

    // before: the harbour story is covered by no reference set
    const first = await popupFor('harbour-fire-report.html', extensionId, worker);
    expect((await readPopup(evaluateIn(first))).relevance ?? '').toContain("isn't about a story");
    await first.getByRole('button', { name: 'Add this page as a reference' }).click();
    await first.getByLabel('Name of the set').fill('Northport fire');
    await first.getByRole('button', { name: 'Add', exact: true }).click();
    await first.getByText(/Added Harbour Gazette to “Northport fire”/).waitFor({ timeout: 60_000 });

    const second = await popupFor('harbour-fire-contradicting.html', extensionId, worker);
    const view = await readPopup(evaluateIn(second));
    const injured = view.claims.find((c) => c.sentence.includes('Thirty people were injured'));
    expect(injured, view.text).toBeDefined();
    expect(injured?.verdict).toBe('contradict');
    expect(injured?.text).toContain('Harbour Gazette');
    expect(injured?.text).toContain('Northport fire');
    expect(injured?.evidence.map((e) => e.quote).join(' ')).toContain('Twelve people were injured');
  });
});

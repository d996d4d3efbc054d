// End to end in Chromium (MV3): the e2e build loaded unpacked into the system Chromium, driven by
// playwright-core. The popup page is opened in a tab as popup.html?tabId=N for the fixture's tab.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContradictingReport } from './contract';
import {
  AXE_SOURCE_PATH,
  activeMark,
  CONTRADICTING,
  chromiumEvaluate,
  clickClaim,
  type FixtureServer,
  findBrowser,
  launchChromiumWithExtension,
  POPUP_VIEWPORT,
  RESULTS_DIR,
  readCard,
  readMarks,
  readPopup,
  runAxe,
  serveFixtures,
  shouldSkip,
  tabIdFor,
  WCAG_TAGS,
  waitForMark,
  waitForMarks,
  waitForPopupDone,
} from './support';

const binary = findBrowser('chromium');

const evaluateIn = chromiumEvaluate;

describe.skipIf(shouldSkip(binary))('Chromium: popup on a contradicting report', () => {
  let context: BrowserContext | undefined;
  let server: FixtureServer | undefined;
  let close: (() => Promise<void>) | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    ({ context, close } = await launchChromiumWithExtension(binary, 'chromium'));
  });

  afterAll(async () => {
    await close?.();
    await server?.close();
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

  it('marks the verdicts in the page, opens a card by keyboard, clears back to the original page, follows settings, passes axe', async () => {
    if (!context || !server) throw new Error('setup failed');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const axeSource = readFileSync(AXE_SOURCE_PATH, 'utf8');
    const diagnostics = () => (logs.length ? `\n${logs.join('\n')}` : '');

    const article = await context.newPage();
    const articleUrl = `${server.url(CONTRADICTING.file)}?marks`;
    await article.goto(articleUrl);
    article.on('console', (m) => logs.push(`[page console.${m.type()}] ${m.text()}`));
    const inArticle = evaluateIn(article);
    const original = await article.evaluate(() => document.body.innerHTML);
    const tabId = await tabIdFor(evaluateIn(worker), articleUrl);

    const popup = await context.newPage();
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e.message}`));
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
    await popup.goto(popupUrl);
    const inPopup = evaluateIn(popup);
    await waitForPopupDone(inPopup, 60_000, diagnostics);

    // Marks: each flagged sentence with its verdict and an accessible name saying it.
    const marks = await waitForMarks(inArticle);
    const missiles = marks.find((m) => m.text.includes(CONTRADICTING.missiles.page) && m.focusable);
    expect(missiles, JSON.stringify(marks)).toBeDefined();
    expect(missiles?.verdict).toBe('contradict');
    expect(missiles?.role).toBe('group');
    expect(missiles?.label).toMatch(/^Contradicted by references: .+/);
    const agreeing = marks.filter((m) => m.verdict === 'agree' && m.focusable);
    expect(agreeing.length, JSON.stringify(marks)).toBeGreaterThanOrEqual(1);
    expect(agreeing[0]?.label).toMatch(/^Backed by references: .+/);
    for (const sentence of CONTRADICTING.agreeing) {
      expect(marks.find((m) => m.text.includes(sentence))?.verdict ?? 'agree').not.toBe('contradict');
    }
    expect((await readPopup(inPopup)).text).toMatch(/Marked \d+ sentences in the page/);

    // The card, by keyboard: Tab to the missiles mark, the card shows; Escape hides it.
    await article.bringToFront();
    let focused: Awaited<ReturnType<typeof activeMark>> = null;
    for (let i = 0; i < 80; i++) {
      await article.keyboard.press('Tab');
      focused = await activeMark(inArticle);
      if (focused?.tag === 'crosscheck-mark' && focused.verdict === 'contradict' && focused.label === missiles?.label) break;
    }
    expect(focused?.tag, 'Tab reaches the contradicted mark').toBe('crosscheck-mark');
    const card = await readCard(inArticle);
    expect(card.visible, JSON.stringify(card)).toBe(true);
    expect(card.verdict).toBe('contradict');
    expect(card.text).toContain(CONTRADICTING.missiles.reference);
    expect(card.text).toMatch(/Sky News|UK news site/);
    await article.screenshot({ path: join(RESULTS_DIR, 'marked-page-chromium.png') });

    await article.evaluate(axeSource);
    const pageViolations = await runAxe(inArticle, { include: ['crosscheck-mark', 'crosscheck-card'], tags: WCAG_TAGS });
    expect(pageViolations, JSON.stringify(pageViolations, null, 2)).toEqual([]);

    await article.keyboard.press('Escape');
    expect((await readCard(inArticle)).visible).toBe(false);
    expect((await activeMark(inArticle))?.tag, 'focus stays on the mark').toBe('crosscheck-mark');

    // The popup: filters, axe.
    await popup.bringToFront();
    await popup.evaluate(axeSource);
    const popupViolations = await runAxe(inPopup);
    expect(popupViolations, JSON.stringify(popupViolations, null, 2)).toEqual([]);
    await popup.click('button[data-filter="contradict"]');
    const filtered = await readPopup(inPopup);
    expect(filtered.claims.some((c) => c.verdict === 'contradict')).toBe(false);
    expect(filtered.claims.length).toBeGreaterThan(0);
    await popup.click('button[data-filter="contradict"]');

    // Clear marks: the page's DOM is what it was.
    await popup.click('button[data-action="clear-marks"]');
    await popup.waitForFunction(() => document.querySelector('.action-status')?.textContent?.includes('removed'));
    expect(await readMarks(inArticle)).toEqual([]);
    expect(await article.evaluate(() => document.querySelector('crosscheck-card'))).toBeNull();
    expect(await article.evaluate(() => document.body.innerHTML)).toBe(original);

    // Options page: axe, then marks off; the next check leaves the page unmarked.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('[data-state="ready"]');
    await options.evaluate(axeSource);
    const optionsViolations = await runAxe(evaluateIn(options));
    expect(optionsViolations, JSON.stringify(optionsViolations, null, 2)).toEqual([]);
    await options.screenshot({ path: join(RESULTS_DIR, 'options-chromium.png'), fullPage: true });
    await options.uncheck('input[name="marks-enabled"]');
    await options.waitForFunction(() => document.querySelector('.saved')?.textContent !== '');

    await popup.goto(popupUrl);
    await waitForPopupDone(inPopup, 60_000, diagnostics);
    await popup.waitForFunction(() => document.querySelector('.action-status')?.textContent?.includes('off'));
    expect(await readMarks(inArticle)).toEqual([]);
    expect(await article.evaluate(() => document.body.innerHTML)).toBe(original);

    await options.check('input[name="marks-enabled"]');
  });
});

// End to end in Firefox (MV2): the e2e build installed as a temporary add-on into the system
// Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver).
//
// Firefox quirks this works around:
// - Since Firefox 153, WebDriver may navigate only to http(s), file, blob and about:blank unless
//   Firefox runs with --remote-allow-system-access; moz-extension:// needs it.
// - A BiDi navigation to a moz-extension:// page never reports completion, so page.goto() would
//   hang: the tab is navigated with `wait: "none"` and the test polls the new document instead.
// - The add-on's internal UUID is random per profile; the `extensions.webextensions.uuids` pref
//   pins it so the popup's URL is known.
// - Tab ids come from the extension's own tabs API (an extension page opened first).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContradictingReport } from './contract';
import {
  AXE_SOURCE_PATH,
  activeMark,
  CONTRADICTING,
  clickClaim,
  type Evaluate,
  e2eExtensionDir,
  FIREFOX_EXTENSION_UUID,
  type FixtureServer,
  findBrowser,
  firefoxPrefs,
  GECKO_ID,
  POPUP_VIEWPORT,
  RESULTS_DIR,
  readCard,
  readMarks,
  readPopup,
  requireBrowser,
  runAxe,
  serveFixtures,
  shouldSkip,
  tabIdFor,
  WCAG_TAGS,
  waitForMark,
  waitForMarks,
  waitForPopupDone,
} from './support';

const binary = findBrowser('firefox');
const EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

function evaluateIn(page: Page): Evaluate {
  return <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
}

/** Navigates a tab to an extension page without waiting on BiDi's never-finishing navigation. */
async function openExtensionPage(page: Page, url: string, timeoutMs = 20_000): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<unknown> } })
    .browsingContext;
  if (context && typeof context.navigate === 'function') {
    await context.navigate(url, 'none');
  } else {
    // Puppeteer's internals moved: fall back to goto, which starts the navigation but may never settle.
    page.goto(url, { timeout: timeoutMs }).catch(() => {});
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const href = await page.evaluate(() => (document.readyState === 'loading' ? '' : location.href)).catch(() => '');
    if (href === url) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Firefox did not open ${url} within ${timeoutMs} ms`);
}

/** The marks setting as stored in the extension's local storage (read from an extension page); unset means on, the default. */
function storedMarksEnabled(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } })
      .browser;
    const stored = (await api.storage.local.get('marks')).marks as { enabled?: unknown } | undefined;
    return typeof stored?.enabled === 'boolean' ? stored.enabled : true;
  });
}

/**
 * Waits until `fn` holds in the page, polling through evaluate. Puppeteer's waitForFunction,
 * waitForSelector, click and $eval build their in-page helpers with new Function, which an
 * extension page's policy (script-src 'self') forbids in Firefox 140: these stand in for them there.
 */
async function pollIn<A>(page: Page, fn: (arg: A) => boolean, arg: A, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn as (arg: unknown) => boolean, arg)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const waitForSelectorIn = (page: Page, selector: string, timeout?: number) =>
  pollIn(page, (s: string) => document.querySelector(s) !== null, selector, timeout);

async function clickIn(page: Page, selector: string): Promise<void> {
  const found = await page.evaluate((s: string) => {
    const el = document.querySelector(s) as HTMLElement | null;
    el?.click();
    return el !== null;
  }, selector);
  if (!found) throw new Error(`nothing to click: ${selector}`);
}

const checkedIn = (page: Page, selector: string) =>
  page.evaluate((s: string) => (document.querySelector(s) as HTMLInputElement | null)?.checked ?? null, selector);

/** Turns "marks in the page" on or off in the options page, and waits until storage holds it. */
async function setMarksEnabled(options: Page, on: boolean): Promise<void> {
  await options.bringToFront();
  await waitForSelectorIn(options, '[data-state="ready"]');
  const checked = await checkedIn(options, 'input[name="marks-enabled"]');
  if (checked !== on) await clickIn(options, 'input[name="marks-enabled"]');
  const deadline = Date.now() + 15_000;
  let stored = await storedMarksEnabled(options);
  while (stored !== on && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    stored = await storedMarksEnabled(options);
  }
  expect(stored, `stored marks setting after turning marks ${on ? 'on' : 'off'}`).toBe(on);
  expect(await checkedIn(options, 'input[name="marks-enabled"]')).toBe(on);
}

/** The verdicts of the listed claims and the filter buttons' pressed states, once both agree with `shown`. */
async function waitForFilter(popup: Page, shown: string[]): Promise<void> {
  await pollIn(
    popup,
    (want: string[]) => {
      const buttons = Array.from(document.querySelectorAll('button[data-filter]'));
      const pressedOk = buttons.every(
        (b) => (b.getAttribute('aria-pressed') === 'true') === want.includes(b.getAttribute('data-filter') ?? ''),
      );
      const listed = Array.from(document.querySelectorAll('li.claim')).map((li) => li.getAttribute('data-verdict') ?? '');
      return pressedOk && listed.length > 0 && listed.every((v) => want.includes(v));
    },
    shown,
  );
}

describe.skipIf(shouldSkip(binary))('Firefox: popup on a contradicting report', () => {
  let browser: Browser | undefined;
  let server: FixtureServer | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    const executablePath = requireBrowser(binary);
    const extensionDir = e2eExtensionDir('firefox-mv2');
    server = await serveFixtures();
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs(),
    });
    const id = await browser.installExtension(extensionDir);
    expect(id).toBe(GECKO_ID);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('flags the contradicted figures, quotes the references, and marks the sentence in the page', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const article = await browser.newPage();
    const articleUrl = server.url(CONTRADICTING.file);
    await article.goto(articleUrl);
    article.on('console', (m) => logs.push(`[page console.${m.type()}] ${m.text()}`));

    // The popup's own page, opened once to reach the tabs API, then pointed at the article's tab.
    const popup = await browser.newPage();
    popup.on('console', (m) => logs.push(`[popup console.${m.type()}] ${m.text()}`));
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e instanceof Error ? e.message : String(e)}`));
    await popup.setViewport({ ...POPUP_VIEWPORT });
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`);
    const inPopup = evaluateIn(popup);
    const tabId = await tabIdFor(inPopup, articleUrl);
    expect(tabId, `tab id of ${articleUrl}`).toEqual(expect.any(Number));

    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
    await waitForPopupDone(inPopup, 60_000, () => (logs.length ? `\n${logs.join('\n')}` : ''));
    mkdirSync(RESULTS_DIR, { recursive: true });
    await popup.screenshot({ path: join(RESULTS_DIR, 'popup-firefox.png'), fullPage: false });

    expectContradictingReport(await readPopup(inPopup));

    expect(await clickClaim(inPopup, CONTRADICTING.missiles.page), 'clicked the missiles claim').toBe(true);
    const marked = await waitForMark(evaluateIn(article), CONTRADICTING.missiles.page);
    expect(marked).toContain(CONTRADICTING.missiles.page);
  });

  it('marks the verdicts in the page, opens a card by keyboard, clears back to the original page, filters verdicts, follows settings, passes axe', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const axeSource = readFileSync(AXE_SOURCE_PATH, 'utf8');
    const diagnostics = () => (logs.length ? `\n${logs.join('\n')}` : '');
    const article = await browser.newPage();
    const articleUrl = `${server.url(CONTRADICTING.file)}?marks`;
    await article.goto(articleUrl);
    const inArticle = evaluateIn(article);
    const original = await article.evaluate(() => document.body.innerHTML);

    const popup = await browser.newPage();
    await popup.setViewport({ ...POPUP_VIEWPORT });
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html`);
    const inPopup = evaluateIn(popup);
    const tabId = await tabIdFor(inPopup, articleUrl);
    await openExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
    await waitForPopupDone(inPopup, 60_000, diagnostics);

    const marks = await waitForMarks(inArticle);
    const missiles = marks.find((m) => m.text.includes(CONTRADICTING.missiles.page) && m.focusable);
    expect(missiles?.verdict, JSON.stringify(marks)).toBe('contradict');
    expect(missiles?.label).toMatch(/^Contradicted by references: .+/);
    expect(marks.some((m) => m.verdict === 'agree' && m.focusable)).toBe(true);

    await article.bringToFront();
    let focused: Awaited<ReturnType<typeof activeMark>> = null;
    for (let i = 0; i < 80; i++) {
      await article.keyboard.press('Tab');
      focused = await activeMark(inArticle);
      if (focused?.tag === 'crosscheck-mark' && focused.label === missiles?.label) break;
    }
    expect(focused?.tag, 'Tab reaches the contradicted mark').toBe('crosscheck-mark');
    const card = await readCard(inArticle);
    expect(card.visible, JSON.stringify(card)).toBe(true);
    expect(card.text).toContain(CONTRADICTING.missiles.reference);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await article.screenshot({ path: join(RESULTS_DIR, 'marked-page-firefox.png') });

    await article.evaluate(axeSource);
    const pageViolations = await runAxe(inArticle, { include: ['crosscheck-mark', 'crosscheck-card'], tags: WCAG_TAGS });
    expect(pageViolations, JSON.stringify(pageViolations, null, 2)).toEqual([]);

    await article.keyboard.press('Escape');
    expect((await readCard(inArticle)).visible).toBe(false);

    await popup.bringToFront();
    await popup.evaluate(axeSource);
    const popupViolations = await runAxe(inPopup);
    expect(popupViolations, JSON.stringify(popupViolations, null, 2)).toEqual([]);

    // Verdict filters: with every other verdict toggled off, only the contradicted claims remain listed.
    const before = await readPopup(inPopup);
    const contradicted = before.claims.filter((c) => c.verdict === 'contradict');
    expect(contradicted.length, before.text).toBeGreaterThan(0);
    expect(
      before.claims.some((c) => c.verdict !== 'contradict'),
      'claims of other verdicts are listed before filtering',
    ).toBe(true);
    const filters = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('button[data-filter]')).map((b) => b.getAttribute('data-filter') ?? ''),
    );
    expect(filters).toContain('contradict');
    const others = filters.filter((f) => f !== 'contradict');
    for (const verdict of others) await clickIn(popup, `button[data-filter="${verdict}"]`);
    await waitForFilter(popup, ['contradict']);
    const filtered = await readPopup(inPopup);
    expect(filtered.claims.map((c) => c.verdict)).toEqual(contradicted.map(() => 'contradict'));
    expect(filtered.claims.map((c) => c.sentence)).toEqual(contradicted.map((c) => c.sentence));
    for (const verdict of others) await clickIn(popup, `button[data-filter="${verdict}"]`);
    await waitForFilter(popup, filters);
    expect((await readPopup(inPopup)).claims.map((c) => c.sentence)).toEqual(before.claims.map((c) => c.sentence));

    await clickIn(popup, 'button[data-action="clear-marks"]');
    await pollIn(popup, () => document.querySelector('.action-status')?.textContent?.includes('removed') ?? false, null);
    expect(await readMarks(inArticle)).toEqual([]);
    expect(await article.evaluate(() => document.body.innerHTML)).toBe(original);

    const options = await browser.newPage();
    await openExtensionPage(options, `${EXTENSION_ORIGIN}/options.html`);
    await waitForSelectorIn(options, '[data-state="ready"]');
    await options.evaluate(axeSource);
    const optionsViolations = await runAxe(evaluateIn(options));
    expect(optionsViolations, JSON.stringify(optionsViolations, null, 2)).toEqual([]);

    // Marks off in the options page: a new check of the page leaves it unmarked. The setting lives
    // in the profile's storage for the rest of the run, so it is turned back on whatever happens.
    try {
      await setMarksEnabled(options, false);
      const recheck = await browser.newPage();
      recheck.on('pageerror', (e) => logs.push(`[popup error] ${e instanceof Error ? e.message : String(e)}`));
      await recheck.setViewport({ ...POPUP_VIEWPORT });
      await openExtensionPage(recheck, `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
      const inRecheck = evaluateIn(recheck);
      await waitForPopupDone(inRecheck, 60_000, diagnostics);
      await pollIn(recheck, () => document.querySelector('.action-status')?.textContent?.includes('off') ?? false, null, 30_000);
      expect((await readPopup(inRecheck)).claims.length, 'the new check still lists its claims').toBeGreaterThan(0);
      expect(await readMarks(inArticle)).toEqual([]);
      expect(await article.evaluate(() => document.querySelector('crosscheck-card'))).toBeNull();
      expect(await article.evaluate(() => document.body.innerHTML)).toBe(original);
      await recheck.close();
    } finally {
      await setMarksEnabled(options, true);
    }
  });
});

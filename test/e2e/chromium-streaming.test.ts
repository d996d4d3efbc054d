// End to end in Chromium (MV3), issue 6: on a long page the results stream to the popup. The
// ~2,000-word article is made fifty times as long in the page itself; the popup must show a progress
// line and the claims flagged so far (data-state="checking") before the final report, and the
// final report must be the same as the claims found while streaming, only complete.
import type { BrowserContext } from 'playwright-core';
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

interface Seen {
  state: string;
  progress: string | null;
  claims: number;
}

/**
 * Run in every page before its own scripts: in the popup, every data-state the root takes, with
 * the progress line and the number of claims shown at that moment (window.__seen).
 */
function instrument(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as unknown as { __seen?: Seen[] };
  w.__seen = [];
  new MutationObserver(() => {
    const root = document.querySelector('[data-state]');
    const state = root?.getAttribute('data-state');
    if (!state) return;
    const progress = document.querySelector('.progress-line')?.textContent ?? null;
    const claims = document.querySelectorAll('li.claim').length;
    const last = w.__seen?.at(-1);
    if (!last || last.state !== state || last.progress !== progress || last.claims !== claims) w.__seen?.push({ state, progress, claims });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
}

describe.skipIf(shouldSkip(binary))('Chromium: results stream in on a long page', () => {
  let context: BrowserContext | undefined;
  let server: FixtureServer | undefined;
  let close: (() => Promise<void>) | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    ({ context, close } = await launchChromiumWithExtension(binary, 'streaming'));
    await context.addInitScript(instrument);
  });

  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('shows "Checked N of about M sentences…" and the claims so far, then the whole report', async () => {
    if (!context || !server) throw new Error('setup failed');
    const diagnostics = () => (logs.length ? `\n${logs.join('\n')}` : '');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;

    const article = await context.newPage();
    const articleUrl = server.url('long-article.html');
    await article.goto(articleUrl, { waitUntil: 'load' });
    // fifty times the article's paragraphs, about 100,000 words: long enough that the engine runs past
    // the popup's 250 ms before it shows partial results
    const words = await evaluateIn(article)(() => {
      const body = document.querySelector('article');
      const paragraphs = Array.from(body?.querySelectorAll('p') ?? []);
      for (let i = 0; i < 49; i++) for (const p of paragraphs) body?.appendChild(p.cloneNode(true));
      return (body?.textContent ?? '').split(/\s+/).filter(Boolean).length;
    }, null);
    expect(words).toBeGreaterThan(75_000);
    const tabId = await tabIdFor(evaluateIn(worker), articleUrl);
    expect(tabId, `tab id of ${articleUrl}`).toEqual(expect.any(Number));

    const popup = await context.newPage();
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e.message}`));
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    const inPopup = evaluateIn(popup);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`, { waitUntil: 'commit' });
    await waitForPopupDone(inPopup, 90_000, diagnostics);

    const seen = await inPopup(() => (window as unknown as { __seen?: Seen[] }).__seen ?? [], null);
    const view = await readPopup(inPopup);
    const context_ = `\n--- states seen ---\n${JSON.stringify(seen, null, 1)}\n--- popup text ---\n${view.text.slice(0, 1500)}${diagnostics()}`;
    const partial = seen.filter((s) => s.state === 'checking');
    expect(partial.length, `partial results were shown${context_}`).toBeGreaterThan(0);
    for (const s of partial) expect(s.progress ?? '', context_).toMatch(/^Checked \d+ of about \d+ sentences…$/);
    const checked = partial.map((s) => Number(/Checked (\d+)/.exec(s.progress ?? '')?.[1]));
    expect(
      [...checked].sort((a, b) => a - b),
      `the count only goes up${context_}`,
    ).toEqual(checked);
    expect(Math.max(...partial.map((s) => s.claims)), `claims were listed while checking${context_}`).toBeGreaterThan(0);
    expect(view.state).toBe('done');
    expect(view.claims.length, context_).toBeGreaterThanOrEqual(Math.max(...partial.map((s) => s.claims)));
    expect(await inPopup(() => document.querySelector('.progress') === null, null), `no progress line once done${context_}`).toBe(true);
  });
});

// Hostile pages end to end in Chromium: each page of test/fixtures/hostile/ is opened, scanned by
// the popup and a flagged claim clicked. The popup's DOM and what the extension adds to the page
// must hold no injected nodes (script, img, iframe, javascript: links, on* handlers), and no
// alert() may run in the popup or the page.

import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumEvaluate,
  FIXTURES_DIR,
  findBrowser,
  launchChromiumWithExtension,
  POPUP_VIEWPORT,
  shouldSkip,
  tabIdFor,
  waitForPopupDone,
} from './support';

const binary = findBrowser('chromium');
const HOSTILE_DIR = join(FIXTURES_DIR, 'hostile');
const PAGES = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.html'));

const evaluateIn = chromiumEvaluate;

/** Serves test/fixtures/hostile/*.html on 127.0.0.1. */
async function serveHostile(): Promise<{ url: (f: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
    if (!/^[\w.-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    readFile(join(HOSTILE_DIR, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (f) => `http://127.0.0.1:${port}/${f}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Counts alert/confirm/prompt calls in every page and extension page, before any page script runs. */
const ALERT_SPY = `(() => {
  window.__crosscheckAlerts = 0;
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = () => { window.__crosscheckAlerts += 1; return null; };
  }
})();`;

/** Injected markup under `selector` (self-contained: runs in the browser). */
const findInjected = (selector: string) => {
  const found: string[] = [];
  for (const root of Array.from(document.querySelectorAll(selector))) {
    for (const el of Array.from(root.querySelectorAll('script, img, iframe, object, embed, svg, math, style, link, base, form, input'))) {
      found.push(`<${el.tagName.toLowerCase()}>`);
    }
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (/^(href|src|action|formaction)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
          found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`);
        }
      }
    }
  }
  return found;
};

describe.skipIf(shouldSkip(binary))('Chromium: hostile pages', () => {
  let context: BrowserContext | undefined;
  let server: Awaited<ReturnType<typeof serveHostile>> | undefined;
  let close: (() => Promise<void>) | undefined;
  let extensionId = '';
  let worker: Worker | undefined;

  beforeAll(async () => {
    server = await serveHostile();
    ({ context, close } = await launchChromiumWithExtension(binary, 'hostile'));
    await context.addInitScript({ content: ALERT_SPY });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  });

  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  it('has hostile pages to try', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(PAGES)('%s: text only in the popup and the marks, no alert', async (file) => {
    if (!context || !server || !worker) throw new Error('setup failed');
    const logs: string[] = [];
    const article = await context.newPage();
    const url = server.url(file);
    await article.goto(url);
    const tabId = await tabIdFor(evaluateIn(worker), url);
    expect(tabId).toEqual(expect.any(Number));

    const popup = await context.newPage();
    popup.on('pageerror', (e) => logs.push(`[popup error] ${e.message}`));
    await popup.setViewportSize({ ...POPUP_VIEWPORT });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await waitForPopupDone(evaluateIn(popup), 60_000, () => (logs.length ? `\n${logs.join('\n')}` : ''));

    const claims = await popup.evaluate(() => Array.from(document.querySelectorAll('li.claim')).length);
    expect(claims, 'the page is on the reference story and has flagged claims').toBeGreaterThan(0);
    expect(await popup.evaluate(findInjected, 'body')).toEqual([]);

    // Show a claim in the page: the marks the extension adds are text too.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('li.claim button')?.click());
    await article.waitForTimeout(500);
    expect(await article.evaluate(findInjected, 'mark, [data-crosscheck-mark], [class*="crosscheck"], [id*="crosscheck"]')).toEqual([]);

    const alerts = async (page: Page) =>
      page.evaluate(() => (window as unknown as { __crosscheckAlerts?: number }).__crosscheckAlerts ?? 0);
    expect(await alerts(popup), 'alert() in the popup').toBe(0);
    expect(await alerts(article), 'alert() in the page').toBe(0);
    // self-rewriting.html counts its own alert() and any call of its poisoned scrollIntoView
    expect(await article.evaluate(() => (window as unknown as { __alerts?: number }).__alerts ?? 0)).toBe(0);
    expect(logs).toEqual([]);
    // control: the spy is in place in the popup, so a call would have been counted
    await popup.evaluate(() => window.alert('control'));
    expect(await alerts(popup)).toBe(1);
    await popup.close();
    await article.close();
  });
});

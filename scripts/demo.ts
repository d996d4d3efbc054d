// `npm start`: builds the e2e extension (package.json does that first), then shows Crosscheck
// working on test/fixtures/sample-article.html in the system Chromium.
//
// The page is served on 127.0.0.1, opened in a tab, and the popup is opened for that tab in a
// second tab (popup.html?tabId=N). Its screenshot goes to demo-output/popup.png and its visible
// text to stdout. With $DISPLAY set the browser is shown and stays open until Ctrl-C; without one
// it runs headless and exits.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import {
  chromiumArgs,
  type Evaluate,
  e2eExtensionDir,
  type FixtureServer,
  findBrowser,
  POPUP_VIEWPORT,
  type PopupView,
  REPO_ROOT,
  readPopup,
  serveFixtures,
  tabIdFor,
  waitForPopupDone,
} from '../test/e2e/support';

const FIXTURE = 'sample-article.html';
const OUTPUT_DIR = join(REPO_ROOT, 'demo-output');

/** What the popup shows, as plain text: title, story, counts, then each flagged claim and its evidence. */
function summarise(url: string, view: PopupView): string {
  const lines = [`Crosscheck on ${url}`, ''];
  if (view.title) lines.push(view.title);
  if (view.relevance) lines.push(view.relevance);
  const counts = Object.entries(view.counts).map(([verdict, n]) => `${verdict} ${n ?? '?'}`);
  if (counts.length) lines.push(counts.join(' · '));
  if (view.claims.length === 0) {
    // No claims listed: show the popup's own words (a notice, "nothing to flag", an error).
    lines.push('', view.text);
  }
  for (const claim of view.claims) {
    lines.push('', `[${claim.verdict ?? '?'}] ${claim.sentence}`);
    for (const evidence of claim.evidence) {
      lines.push(`    > ${evidence.quote}`);
      if (evidence.reason) lines.push(`      (${evidence.reason})`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const binary = findBrowser('chromium');
  if (!binary.path) {
    console.error(`demo: ${binary.missing}`);
    return 1;
  }
  const extensionDir = e2eExtensionDir('chrome-mv3');
  const headed = Boolean(process.env.DISPLAY);

  let server: FixtureServer | undefined;
  let context: BrowserContext | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-demo-'));
  const cleanUp = async () => {
    await context?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    server = await serveFixtures();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: binary.path,
      headless: !headed,
      viewport: headed ? null : { width: 1280, height: 800 },
      args: chromiumArgs(extensionDir),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const inWorker: Evaluate = (fn, arg) => worker.evaluate(fn as (a: unknown) => never, arg);

    const articleUrl = server.url(FIXTURE);
    const article = context.pages()[0] ?? (await context.newPage());
    await article.goto(articleUrl);
    const tabId = await tabIdFor(inWorker, articleUrl);
    if (tabId === null) throw new Error(`could not find the tab showing ${articleUrl}`);

    const popup = await context.newPage();
    if (!headed) await popup.setViewportSize({ ...POPUP_VIEWPORT });
    const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
    await popup.goto(popupUrl);
    const inPopup: Evaluate = (fn, arg) => popup.evaluate(fn as (a: unknown) => never, arg);
    await waitForPopupDone(inPopup, 60_000);

    mkdirSync(OUTPUT_DIR, { recursive: true });
    const screenshot = join(OUTPUT_DIR, 'popup.png');
    await popup.screenshot({ path: screenshot, fullPage: false });
    const view = await readPopup(inPopup);

    console.log(summarise(articleUrl, view));
    console.log(`\nPopup screenshot: ${relative(process.cwd(), screenshot) || screenshot}`);

    if (headed) {
      console.log('The browser stays open: the article and its popup are in two tabs. Press Ctrl-C to quit.');
      await popup.bringToFront();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
        context?.once('close', () => resolve());
      });
    }
    return 0;
  } catch (error) {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

main().then((code) => {
  process.exitCode = code;
});

// Shared pieces of the end-to-end tests: the fixture server, where the e2e builds are, which
// browser binaries exist, and the popup contract (read and asserted the same way in both
// browsers, through nothing but `evaluate`).
//
// Functions handed to `evaluate` are serialised and run in the browser: they must not close over
// anything, call helpers from this module, or declare named inner functions (tsx's keepNames
// would wrap those in a `__name()` call that does not exist in the page).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

/** In CI a missing browser or build is a failure; on a developer's machine a missing browser is a skip. */
export const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

// ---------------------------------------------------------------------------------------------
// Browsers

const BROWSERS = {
  chromium: {
    env: 'CHROMIUM_PATH',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    apt: 'chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    apt: 'firefox-esr',
  },
} as const;

export type BrowserKind = keyof typeof BROWSERS;

export interface BrowserBinary {
  /** Absolute path of the executable, or null when none was found. */
  path: string | null;
  /** Why it is missing and how to get it, when it is. */
  missing: string | null;
}

/** Finds a system browser: `$CHROMIUM_PATH` / `$FIREFOX_PATH` first, then Debian's usual paths. */
export function findBrowser(kind: BrowserKind): BrowserBinary {
  const spec = BROWSERS[kind];
  const fromEnv = process.env[spec.env];
  const candidates = fromEnv ? [fromEnv] : spec.candidates;
  const path = candidates.find((candidate) => existsSync(candidate)) ?? null;
  if (path) return { path, missing: null };
  const where = fromEnv ? `$${spec.env}=${fromEnv} does not exist` : `none of ${spec.candidates.join(', ')} exists`;
  return {
    path: null,
    missing: `${kind} not found (${where}). Install it with \`apt-get install -y ${spec.apt}\` or set $${spec.env}.`,
  };
}

/**
 * Whether a browser's e2e suite should be skipped. Locally a missing browser skips with a
 * message; in CI it does not skip, and the suite's `requireBrowser` fails instead.
 */
export function shouldSkip(binary: BrowserBinary): boolean {
  if (binary.path) return false;
  if (IN_CI) return false;
  console.warn(`[e2e] SKIPPED: ${binary.missing}`);
  return true;
}

export function requireBrowser(binary: BrowserBinary): string {
  if (!binary.path) throw new Error(`[e2e] ${binary.missing}${IN_CI ? ' (CI=true: a missing browser is a failure)' : ''}`);
  return binary.path;
}

/** Chromium flags for a quiet, offline run with one unpacked extension. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** The gecko id in wxt.config.ts, and the internal UUID the Firefox tests pin it to. */
/**
 * Chromium with the e2e build of the extension loaded, in a throwaway profile named after the test
 * file; `close` shuts the browser and removes the profile.
 */
export async function launchChromiumWithExtension(
  binary: BrowserBinary,
  name: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = requireBrowser(binary);
  const profile = mkdtempSync(join(tmpdir(), `crosscheck-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(e2eExtensionDir('chrome-mv3')),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const GECKO_ID = 'crosscheck@crosscheck.invalid';
export const FIREFOX_EXTENSION_UUID = '0c5e7a1e-3b7d-4c2a-9f4e-5d6b8a9c0e1f';

/**
 * Firefox prefs for an automated run: the pinned extension UUID (so moz-extension:// URLs are
 * known before install) and no first-run or network chatter.
 */
export function firefoxPrefs(): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
}

// ---------------------------------------------------------------------------------------------
// Builds

/**
 * The unpacked extension built by `npm run build:e2e`. WXT writes a non-production mode to
 * `.output/<target>-<mode>`; the unsuffixed folder is used only if it too carries the e2e host
 * permission, so a shipped build is never tested by mistake.
 */
export function e2eExtensionDir(target: 'chrome-mv3' | 'firefox-mv2'): string {
  // $CROSSCHECK_E2E_OUTPUT points the tests at another output folder (a build made elsewhere).
  const output = resolve(REPO_ROOT, process.env.CROSSCHECK_E2E_OUTPUT || '.output');
  const candidates = [join(output, `${target}-e2e`), join(output, target)];
  for (const dir of candidates) {
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      permissions?: string[];
      host_permissions?: string[];
    };
    const granted = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
    if (granted.some((p) => p.startsWith('http://127.0.0.1/'))) return dir;
  }
  throw new Error(
    `[e2e] no e2e build of ${target} (looked in ${candidates.join(', ')} for a manifest granting http://127.0.0.1/*). ` +
      'Run `npm run build:e2e` first (`npm run test:e2e` does).',
  );
}

// ---------------------------------------------------------------------------------------------
// Fixture server

export interface FixtureServer {
  origin: string;
  url(file: string): string;
  close(): Promise<void>;
}

/** Serves test/fixtures/*.html on 127.0.0.1 at an ephemeral port. */
export async function serveFixtures(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '');
    if (!/^[\w.-]+\.html$/.test(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(join(FIXTURES_DIR, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The popup contract

/** A toolbar popup's size: the popup's body is 400 px wide and scrolls past 600 px, as Chrome's popups do. */
export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;

/** Runs a self-contained function in a page: Playwright's and Puppeteer's `evaluate` both fit. */
export type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/** Evaluate in a Chromium page or the extension's service worker (playwright-core). */
export function chromiumEvaluate(target: Page | Worker): Evaluate {
  // Page and Worker evaluate alike; TypeScript cannot call a union of their overloads.
  return <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (target as Page).evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
}

export interface EvidenceView {
  quote: string;
  reason: string | null;
}

export interface ClaimView {
  verdict: string | null;
  /** All the text of the `li.claim`: verdict label, sentence, evidence. */
  text: string;
  /** The page sentence: `.claim-text` if there is one, else the button's text. */
  sentence: string;
  hasButton: boolean;
  evidence: EvidenceView[];
}

export interface PopupView {
  state: string | null;
  title: string | null;
  relevance: string | null;
  counts: Record<string, number | null>;
  claims: ClaimView[];
  /** The popup's visible text, for messages and the demo. */
  text: string;
}

/** Waits until the popup's root says `done`; fails at once, with its text, if it says `error`. */
export async function waitForPopupDone(evaluate: Evaluate, timeoutMs = 60_000, diagnostics: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A popup that shows no [data-state] root at all for this long does not implement the contract.
  const noRootDeadline = Date.now() + Math.min(timeoutMs, 20_000);
  let last: { state: string | null; text: string } = { state: null, text: '' };
  while (Date.now() < deadline) {
    try {
      last = await evaluate(() => {
        const root = document.querySelector('[data-state]');
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, for failure messages
        return { state: root?.getAttribute('data-state') ?? null, text: (document.body?.innerText ?? '').slice(0, 2000) };
      }, null);
    } catch {
      // The page may still be navigating.
    }
    if (last.state === 'done') return;
    if (last.state === null && Date.now() > noRootDeadline) {
      throw new Error(`popup has no [data-state] root element (loading | error | done):\n${last.text}${diagnostics()}`);
    }
    if (last.state === 'error') {
      throw new Error(`popup reached data-state="error":\n${last.text}${diagnostics()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `popup did not reach data-state="done" within ${timeoutMs} ms (last state: ${last.state ?? 'no [data-state] element'}):\n${last.text}${diagnostics()}`,
  );
}

/** Reads what the popup shows, per the contract, into plain data. */
export function readPopup(evaluate: Evaluate): Promise<PopupView> {
  return evaluate(() => {
    // No named inner helpers here (see the top of this file): whitespace is collapsed inline.
    const root = document.querySelector('[data-state]');
    const title = document.querySelector('.article-title');
    const relevance = document.querySelector('.relevance');
    const counts: Record<string, number | null> = {};
    for (const el of Array.from(document.querySelectorAll('[data-count]'))) {
      const m = (el.textContent ?? '').match(/\d+/);
      counts[el.getAttribute('data-count') ?? ''] = m ? Number(m[0]) : null;
    }
    const claims = Array.from(document.querySelectorAll('li.claim')).map((li) => ({
      verdict: li.getAttribute('data-verdict'),
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      sentence: ((li.querySelector('.claim-text') ?? li.querySelector('button') ?? li).textContent ?? '').replace(/\s+/g, ' ').trim(),
      hasButton: li.querySelector('button') !== null,
      evidence: Array.from(li.querySelectorAll('blockquote.evidence')).map((q) => {
        // The reason belongs to the evidence: inside the quote, or beside it in the quote's container.
        const reason = q.querySelector('.reason') ?? q.parentElement?.querySelector('.reason');
        return {
          quote: ((q.querySelector('.quote') ?? q).textContent ?? '').replace(/\s+/g, ' ').trim(),
          reason: reason ? (reason.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
        };
      }),
    }));
    return {
      state: root?.getAttribute('data-state') ?? null,
      title: title ? (title.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
      relevance: relevance ? (relevance.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
      counts,
      claims,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, not hidden markup
      text: (document.body?.innerText ?? '').trim(),
    };
  }, null);
}

/** Clicks the button of the first `li.claim` whose text contains `needle`. */
export function clickClaim(evaluate: Evaluate, needle: string): Promise<boolean> {
  return evaluate((n: string) => {
    const li = Array.from(document.querySelectorAll('li.claim')).find((el) => (el.textContent ?? '').replace(/\s+/g, ' ').includes(n));
    const button = li?.querySelector('button');
    if (!button) return false;
    button.click();
    return true;
  }, needle);
}

/** Waits for a `<mark>` in the article page whose text contains `needle`. */
export async function waitForMark(evaluate: Evaluate, needle: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let marks: string[] = [];
  while (Date.now() < deadline) {
    marks = await evaluate(
      () => Array.from(document.querySelectorAll('mark')).map((m) => (m.textContent ?? '').replace(/\s+/g, ' ').trim()),
      null,
    );
    const joined = marks.join(' ');
    if (marks.some((m) => m.includes(needle)) || joined.includes(needle)) return joined;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no <mark> containing "${needle}" appeared in the article page within ${timeoutMs} ms (marks: ${JSON.stringify(marks)})`);
}

/** The tab id of the tab showing `url`, from a tabs API reachable in the given extension context. */
export function tabIdFor(evaluate: Evaluate, url: string): Promise<number | null> {
  return evaluate(async (u: string) => {
    const g = globalThis as unknown as {
      browser?: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
      chrome?: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
    };
    const api = g.browser ?? g.chrome;
    if (!api) throw new Error('no tabs API in this context');
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
}

/** The article page's sentences the tests look for, and the reference figures that contradict them. */
export const CONTRADICTING = {
  file: 'contradicting-report.html',
  title: 'Trump and Putin to discuss Syria',
  /** Figures the page gets wrong: each must be contradicted, quoting the reference's figure. */
  missiles: { page: '39 cruise missiles', reference: '59 cruise missiles' },
  gasAttack: { page: 'killed 30 people', reference: ['more than 80 people', '90 people'] },
  metroBombing: { page: 'killed 25 people', reference: ['killed 15 people'] },
  /** Sentences that say what the references say: never contradicted. */
  agreeing: ['12:30pm ET', 'Angela Merkel in Sochi'],
  /** Text from the reader comments, which are not the article and must never be checked. */
  comment: 'over a hundred missiles',
} as const;

// ---------------------------------------------------------------------------------------------
// Marks in the page, the evidence card, axe

export const AXE_SOURCE_PATH = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

export interface MarkView {
  verdict: string | null;
  text: string;
  label: string | null;
  role: string | null;
  focusable: boolean;
}

/** The marks in the article page: verdict, text, accessible name. */
export function readMarks(evaluate: Evaluate): Promise<MarkView[]> {
  return evaluate(
    () =>
      Array.from(document.querySelectorAll('crosscheck-mark')).map((m) => ({
        verdict: m.getAttribute('data-crosscheck-verdict'),
        text: (m.textContent ?? '').replace(/\s+/g, ' ').trim(),
        label: m.getAttribute('aria-label'),
        role: m.getAttribute('role'),
        focusable: m.getAttribute('tabindex') === '0',
      })),
    null,
  );
}

/** Waits until the article page has at least one mark. */
export async function waitForMarks(evaluate: Evaluate, timeoutMs = 15_000): Promise<MarkView[]> {
  const deadline = Date.now() + timeoutMs;
  // marks go in in slices: the set is whole once two reads a moment apart find the same marks
  let last = -1;
  while (Date.now() < deadline) {
    const marks = await readMarks(evaluate);
    if (marks.length > 0 && marks.length === last) return marks;
    last = marks.length;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no crosscheck-mark appeared in the article page within ${timeoutMs} ms`);
}

export interface CardView {
  present: boolean;
  visible: boolean;
  text: string;
  verdict: string | null;
}

/** The evidence card in the page's shadow root. */
export function readCard(evaluate: Evaluate): Promise<CardView> {
  return evaluate(() => {
    const card = document.querySelector('crosscheck-card')?.shadowRoot?.querySelector('.card');
    if (!card) return { present: false, visible: false, text: '', verdict: null };
    const box = card.getBoundingClientRect();
    return {
      present: true,
      visible: !(card as HTMLElement).hidden && box.width > 0 && box.height > 0,
      text: (card.textContent ?? '').replace(/\s+/g, ' ').trim(),
      verdict: card.getAttribute('data-verdict'),
    };
  }, null);
}

/** The focused element, as seen through shadow roots: tag, verdict, name. */
export function activeMark(evaluate: Evaluate): Promise<{ tag: string; verdict: string | null; label: string | null } | null> {
  return evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    return { tag: el.tagName.toLowerCase(), verdict: el.getAttribute('data-crosscheck-verdict'), label: el.getAttribute('aria-label') };
  }, null);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (already evaluated into the page) and returns its violations. `include` limits the
 * audit to some elements; `tags` to some rule sets (default: all of axe's default rules).
 */
export function runAxe(evaluate: Evaluate, options: { include?: string[]; tags?: string[] } = {}): Promise<AxeViolation[]> {
  return evaluate(async (opts: { include?: string[]; tags?: string[] }) => {
    interface RawNode {
      node: { selector?: unknown } | unknown;
    }
    interface RawRule {
      id: string;
      impact?: string | null;
      help: string;
      passes: RawNode[];
      violations: RawNode[];
    }
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<RawRule[]> } }).axe;
    const context = opts.include ? { include: opts.include.map((s) => [s]) } : document;
    // the raw reporter: the default one words its messages through templates compiled with
    // new Function, which an extension page's policy (script-src 'self') forbids in Firefox
    const runOptions = { reporter: 'raw', ...(opts.tags ? { runOnly: { type: 'tag', values: opts.tags } } : {}) };
    const rules = await axe.run(context, runOptions);
    // An audit that checked nothing (an empty context) must not pass as clean.
    if (!rules.some((r) => r.passes.length + r.violations.length > 0)) throw new Error('axe ran no rule on anything');
    return rules
      .filter((r) => r.violations.length > 0)
      .map((r) => ({
        id: r.id,
        impact: r.impact ?? null,
        help: r.help,
        nodes: r.violations.map((n) => {
          const node = n.node as { selector?: unknown };
          return JSON.stringify(node.selector ?? node);
        }),
      }));
  }, options);
}

/** WCAG 2.x A and AA: what the in-page card and marks are audited against (the page around them is not ours). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

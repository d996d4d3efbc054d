// Opt-in automatic scanning: the setting asks for and gives back host access, and the background
// scans a page that finished loading only with both the setting and the access, on http(s) pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT } from '@/components/connector';
import background from '@/entrypoints/background';
import { extractArticle } from '@/lib/extract';
import type { Article } from '@/lib/types';
import { AUTO_SCAN_ORIGINS, autoScanItem, createAutoScanSetting, isScannablePage, originPattern } from '@/utils/auto-scan';
import { must, REPO_ROOT } from '../helpers/engine';
import { ARTICLE } from '../helpers/sample-report';

const ORIGINS = { origins: ['http://*/*', 'https://*/*'] };

function fixtureArticle(name: string, url: string): Article {
  const { document } = parseHTML(readFileSync(join(REPO_ROOT, 'test', 'fixtures', name), 'utf8'));
  return must(extractArticle(document as unknown as Document, url), `an article in ${name}`);
}

/** The reference story's page with three contradictions (`npm run crosscheck` says so too). */
const CONTRADICTING = fixtureArticle('contradicting-report.html', 'https://news.example/trump-putin');
/** An article about a story no enabled set covers. */
const OFF_TOPIC = fixtureArticle('harbour-fire-report.html', 'https://news.example/harbour-fire');

/** fakeBrowser has no permissions API: a granted set of origins, spied on. */
function stubPermissions(initial: { all?: boolean; grant?: boolean } = {}) {
  let granted = initial.all ?? false;
  return {
    contains: vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => granted) as never),
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => {
      granted = initial.grant ?? true;
      return granted;
    }) as never),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((async () => {
      const had = granted;
      granted = false;
      return had;
    }) as never),
  };
}

/** fakeBrowser implements neither scripting nor tabs.sendMessage: the page's side, per test. */
function stubPage(answer: () => unknown, inject: () => Promise<unknown> = async () => []) {
  return {
    executeScript: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((() => inject()) as never),
    sendMessage: vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation((async (_tabId: number, message: unknown) =>
        (message as { type?: string }).type === 'extract' ? answer() : undefined) as never),
  };
}

/** The browser's "tab finished loading" event; resolves once the background's scan is done. */
async function pageLoaded(tabId: number, url: string, status: 'complete' | 'loading' = 'complete') {
  const tab = { ...(await fakeBrowser.tabs.get(0)), id: tabId, url, status };
  await fakeBrowser.tabs.onUpdated.trigger(tabId, { status }, tab);
}

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the auto-scan setting', () => {
  it('is off by default', async () => {
    stubPermissions({ all: true });
    expect(await autoScanItem.getValue()).toBe(false);
    expect(await createAutoScanSetting(fakeBrowser.permissions).get()).toBe(false);
  });

  it('turning it on asks for host access to web pages, from the click itself, and saves the choice', async () => {
    const permissions = stubPermissions({ grant: true });
    const saving = createAutoScanSetting(fakeBrowser.permissions).set(true);
    // already asked, before anything was awaited: browsers prompt only during the reader's action
    expect(permissions.request).toHaveBeenCalledWith(ORIGINS);
    expect(await saving).toBe(true);
    expect(await autoScanItem.getValue()).toBe(true);
    expect(await createAutoScanSetting(fakeBrowser.permissions).get()).toBe(true);
  });

  it('stays off when the reader declines the prompt', async () => {
    const permissions = stubPermissions({ grant: false });
    expect(await createAutoScanSetting(fakeBrowser.permissions).set(true)).toBe(false);
    expect(permissions.request).toHaveBeenCalledOnce();
    expect(await autoScanItem.getValue()).toBe(false);
  });

  it('stays off when the request fails', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('not allowed'));
    expect(await createAutoScanSetting(fakeBrowser.permissions).set(true)).toBe(false);
    expect(await autoScanItem.getValue()).toBe(false);
  });

  it('turning it off gives the access back and saves the choice', async () => {
    const permissions = stubPermissions({ grant: true });
    const setting = createAutoScanSetting(fakeBrowser.permissions);
    await setting.set(true);
    expect(await setting.set(false)).toBe(false);
    expect(permissions.remove).toHaveBeenCalledWith(ORIGINS);
    expect(await autoScanItem.getValue()).toBe(false);
    expect(await setting.get()).toBe(false);
    expect(permissions.request).toHaveBeenCalledOnce(); // turning off never prompts
  });

  it('reads as off when the browser no longer grants the access (revoked in its settings)', async () => {
    stubPermissions({ all: false });
    await autoScanItem.setValue(true);
    expect(await createAutoScanSetting(fakeBrowser.permissions).get()).toBe(false);
  });

  it('asks only for web pages, the optional host permission the manifest declares', () => {
    expect([...AUTO_SCAN_ORIGINS]).toEqual(ORIGINS.origins);
  });
});

describe('which pages are scanned', () => {
  it.each([
    ['https://news.example/story', true],
    ['http://news.example/story', true],
    ['http://127.0.0.1:4000/article.html', true],
    ['file:///home/me/article.html', false],
    ['chrome://settings', false],
    ['about:blank', false],
    ['chrome-extension://abc/popup.html', false],
    ['moz-extension://abc/options.html', false],
    ['view-source:https://news.example/', false],
    ['data:text/html,<p>hi</p>', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', false],
    ['https://news.example/report.pdf', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isScannablePage(url)).toBe(expected);
  });

  it('checks access for the page’s own origin', () => {
    expect(originPattern('https://news.example:8443/a/b?c#d')).toBe('https://news.example/*');
  });
});

describe('background: automatic scanning on tabs.onUpdated', () => {
  beforeEach(() => {
    background.main();
  });

  it('does nothing without the host permission, even with the setting on', async () => {
    const permissions = stubPermissions({ all: false });
    await autoScanItem.setValue(true);
    const page = stubPage(() => ({ article: CONTRADICTING }));
    await pageLoaded(7, CONTRADICTING.url);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['https://news.example/*'] });
    expect(page.executeScript).not.toHaveBeenCalled();
    expect(page.sendMessage).not.toHaveBeenCalled();
    expect(await badge(7)).toBe('');
  });

  it('does nothing with the permission but the setting off (the default)', async () => {
    stubPermissions({ all: true });
    const page = stubPage(() => ({ article: CONTRADICTING }));
    await pageLoaded(7, CONTRADICTING.url);
    expect(page.executeScript).not.toHaveBeenCalled();
    expect(await badge(7)).toBe('');
  });

  it('with both, injects the content script, reads the article, checks it and badges the contradictions', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const page = stubPage(() => ({ article: CONTRADICTING }));
    await pageLoaded(7, CONTRADICTING.url);
    expect(page.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [CONTENT_SCRIPT] });
    expect(page.sendMessage).toHaveBeenCalledWith(7, { type: 'extract' });
    expect(await badge(7)).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([0xb3, 0x26, 0x1e, 255]);
    expect(await badge(8)).toBe('');
  });

  it('uses the enabled reference sets: with the bundled set off, the page is about nothing and gets no badge', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    await fakeBrowser.storage.local.set({ bundledSetEnabled: false });
    stubPage(() => ({ article: CONTRADICTING }));
    await pageLoaded(7, CONTRADICTING.url);
    expect(await badge(7)).toBe('');
  });

  it('turning the setting on through the options code, then loading a page, badges it', async () => {
    stubPermissions({ grant: true });
    await createAutoScanSetting(fakeBrowser.permissions).set(true);
    stubPage(() => ({ article: CONTRADICTING }));
    await pageLoaded(4, CONTRADICTING.url);
    expect(await badge(4)).toBe('3');
  });

  it.each([
    ['chrome://newtab/'],
    ['about:blank'],
    ['file:///home/me/article.html'],
    ['chrome-extension://abc/popup.html'],
    ['https://chromewebstore.google.com/detail/x'],
    ['https://addons.mozilla.org/en-US/firefox/'],
  ])('skips %s without asking for access or injecting', async (url) => {
    const permissions = stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const page = stubPage(() => ({ article: ARTICLE }));
    await pageLoaded(7, url);
    expect(permissions.contains).not.toHaveBeenCalled();
    expect(page.executeScript).not.toHaveBeenCalled();
    expect(await badge(7)).toBe('');
  });

  it('skips a tab without a visible address and a page still loading', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const page = stubPage(() => ({ article: CONTRADICTING }));
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { ...(await fakeBrowser.tabs.get(0)), id: 7, url: undefined });
    await pageLoaded(7, CONTRADICTING.url, 'loading');
    expect(page.executeScript).not.toHaveBeenCalled();
  });

  it.each([
    ['a page that is not an article', () => ({ article: null })],
    ['an article no enabled set is about', () => ({ article: OFF_TOPIC })],
    ['a malformed answer', () => ({ article: { title: 3 } })],
    ['no answer', () => undefined],
  ])('sets no badge for %s', async (_name, answer) => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const page = stubPage(answer);
    await pageLoaded(7, 'https://news.example/page');
    expect(page.sendMessage).toHaveBeenCalled();
    expect(await badge(7)).toBe('');
  });

  it('clears the badge a previous article left when the tab moves on to a page that is not one', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    let answer: unknown = { article: CONTRADICTING };
    stubPage(() => answer);
    await pageLoaded(7, CONTRADICTING.url);
    expect(await badge(7)).toBe('3');
    answer = { article: null };
    await pageLoaded(7, 'https://news.example/');
    expect(await badge(7)).toBe('');
  });

  it('survives a page that refuses injection', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const page = stubPage(
      () => ({ article: CONTRADICTING }),
      async () => {
        throw new Error('Cannot access contents of the page');
      },
    );
    await pageLoaded(7, CONTRADICTING.url);
    expect(page.sendMessage).not.toHaveBeenCalled();
    expect(await badge(7)).toBe('');
  });

  it('badges only the latest page when a tab loads twice before the first check ends', async () => {
    stubPermissions({ all: true });
    await autoScanItem.setValue(true);
    const answers: unknown[] = [{ article: CONTRADICTING }, { article: OFF_TOPIC }];
    stubPage(() => answers.shift());
    await Promise.all([pageLoaded(7, CONTRADICTING.url), pageLoaded(7, OFF_TOPIC.url)]);
    expect(await badge(7)).toBe('');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT, createConnector, findTargetTab, strictnessItem, tabIdFromSearch } from '@/components/connector';
import { ARTICLE, CLAIMS } from '../helpers/sample-report';

let windowId = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  // tabs.query in the fake needs a current and a last-focused window: focus two in turn.
  await fakeBrowser.windows.create({ focused: true });
  windowId = (await fakeBrowser.windows.create({ focused: true }))?.id ?? 0;
});

function openTab(url: string, active = false) {
  return fakeBrowser.tabs.create({ url, active, windowId });
}
afterEach(() => {
  vi.restoreAllMocks();
});

/** fakeBrowser does not implement scripting or tabs.sendMessage: fill them in per test. */
function stubPage(options: { inject?: () => Promise<unknown>; respond?: (message: unknown) => unknown }) {
  const executeScript = vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockImplementation((() => (options.inject ?? (async () => []))()) as never);
  const sendMessage = vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation((async (_tabId: number, message: unknown) => options.respond?.(message)) as never);
  return { executeScript, sendMessage };
}

describe('tabIdFromSearch', () => {
  it.each([
    ['?tabId=12', 12],
    ['?foo=1&tabId=0', 0],
    ['', null],
    ['?tabId=', null],
    ['?tabId=-3', null],
    ['?tabId=1.5', null],
    ['?tabId=12abc', null],
    ['?tabId=99999999999999999999', null],
  ])('%j → %j', (search, expected) => {
    expect(tabIdFromSearch(search)).toBe(expected);
  });
});

describe('findTargetTab', () => {
  it('uses the active tab of the current window by default', async () => {
    await openTab('https://news.example/other');
    const active = await openTab('https://news.example/fire', true);
    expect(await findTargetTab('')).toEqual({ id: active.id, url: 'https://news.example/fire' });
  });

  it('uses the tab named by ?tabId= instead, even when another tab is active', async () => {
    const named = await openTab('http://127.0.0.1:4000/article.html');
    await openTab('chrome-extension://x/popup.html', true);
    expect(await findTargetTab(`?tabId=${named.id}`)).toEqual({ id: named.id, url: 'http://127.0.0.1:4000/article.html' });
  });

  it('gives null for a tab that does not exist', async () => {
    expect(await findTargetTab('?tabId=4242')).toBeNull();
  });
});

describe('connector.loadArticle', () => {
  it('injects the content script into the tab and returns its article', async () => {
    const tab = await openTab(ARTICLE.url, true);
    const page = stubPage({ respond: (m) => ((m as { type: string }).type === 'extract' ? { article: ARTICLE } : undefined) });
    const result = await createConnector('').loadArticle();
    expect(result).toEqual({ kind: 'article', tabId: tab.id, article: ARTICLE });
    expect(page.executeScript).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] });
    expect(page.sendMessage).toHaveBeenCalledWith(tab.id, { type: 'extract' });
  });

  it('reports a page without an article', async () => {
    const tab = await openTab('https://news.example/', true);
    stubPage({ respond: () => ({ article: null }) });
    expect(await createConnector('').loadArticle()).toEqual({ kind: 'no-article', tabId: tab.id });
  });

  it('does not try to inject into a page extensions may not read', async () => {
    await openTab('https://chromewebstore.google.com/detail/abc', true);
    const page = stubPage({});
    expect(await createConnector('').loadArticle()).toEqual({ kind: 'unreadable' });
    expect(page.executeScript).not.toHaveBeenCalled();
  });

  it('treats a failed injection as an unreadable page', async () => {
    await openTab('https://news.example/fire', true);
    stubPage({
      inject: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    expect(await createConnector('').loadArticle()).toEqual({ kind: 'unreadable' });
  });

  it('treats an answer that breaks the contract as unreadable', async () => {
    await openTab('https://news.example/fire', true);
    stubPage({ respond: () => ({ article: { title: 'only a title' } }) });
    expect(await createConnector('').loadArticle()).toEqual({ kind: 'unreadable' });
  });
});

describe('connector.highlight', () => {
  it('sends the claim position and text to the tab and passes on whether it was found', async () => {
    const page = stubPage({ respond: () => ({ found: false }) });
    expect(await createConnector('').highlight(9, CLAIMS.contradict)).toBe(false);
    expect(page.sendMessage).toHaveBeenCalledWith(9, {
      type: 'highlight',
      block: CLAIMS.contradict.block,
      start: CLAIMS.contradict.start,
      end: CLAIMS.contradict.end,
      text: CLAIMS.contradict.text,
    });
  });

  it('is true when the content script found the sentence', async () => {
    stubPage({ respond: () => ({ found: true }) });
    expect(await createConnector('').highlight(9, CLAIMS.agree)).toBe(true);
  });
});

describe('connector strictness', () => {
  it('is balanced until the reader chooses', async () => {
    expect(await createConnector('').getStrictness()).toBe('balanced');
  });

  it('remembers the reader’s choice in local storage', async () => {
    const connector = createConnector('');
    await connector.setStrictness('conservative');
    expect(await fakeBrowser.storage.local.get('strictness')).toEqual({ strictness: 'conservative' });
    expect(await connector.getStrictness()).toBe('conservative');
  });

  it('ignores a stored value that is not a strictness', async () => {
    await fakeBrowser.storage.local.set({ strictness: 'paranoid' });
    expect(await strictnessItem.getValue()).toBe('paranoid');
    expect(await createConnector('').getStrictness()).toBe('balanced');
  });
});

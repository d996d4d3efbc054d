import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_SCRIPT,
  createConnector,
  createOptionsConnector,
  findTargetTab,
  strictnessItem,
  tabIdFromSearch,
} from '@/components/connector';
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

describe('connector.loadArticle when the tab goes away mid-read', () => {
  type Tab = Awaited<ReturnType<typeof openTab>>;
  const close = (tab: Tab) => fakeBrowser.tabs.remove(tab.id ?? -1);
  const navigate = (url: string) => (tab: Tab) => fakeBrowser.tabs.update(tab.id ?? -1, { url }).then(() => {});
  const nothing = async () => {};
  const fail = (message: string) => {
    throw new Error(message);
  };

  it.each([
    // [case, when it happens, what happens to the tab, what the browser answers, the result]
    ['closed while reading', 'extract', close, 'Could not establish connection. Receiving end does not exist.', 'closed'],
    ['closed before injection', 'inject', close, 'No tab with id: 1.', 'closed'],
    [
      'navigated away while reading',
      'extract',
      navigate('https://news.example/other'),
      'A listener indicated an asynchronous response',
      'closed',
    ],
    ['navigated to a browser page before injection', 'inject', navigate('chrome://newtab/'), 'Cannot access a chrome:// URL', 'closed'],
    [
      'reloaded while reading (the script went with the page)',
      'extract',
      nothing,
      'Could not establish connection. Receiving end does not exist.',
      'closed',
    ],
    [
      'an in-page anchor is not another page',
      'inject',
      navigate('https://news.example/fire#comments'),
      'Cannot access contents of the page',
      'unreadable',
    ],
    ['still there, injection refused', 'inject', nothing, 'Cannot access contents of the page', 'unreadable'],
    ['still there, some other failure', 'extract', nothing, 'Something unexpected', 'unreadable'],
  ] as const)('%s (fails at %s)', async (_name, when, change, error, kind) => {
    const tab = await openTab('https://news.example/fire', true);
    stubPage({
      inject: async () => {
        if (when !== 'inject') return [];
        await change(tab);
        return fail(error);
      },
      respond: async () => {
        await change(tab);
        return fail(error);
      },
    });
    expect(await createConnector('').loadArticle()).toEqual({ kind });
  });

  it.each([
    ['the tab closed', close, { kind: 'closed' }],
    ['the tab moved to another page', navigate('https://news.example/other'), { kind: 'closed' }],
  ] as const)('gives up on a page that never answers: %s → closed', async (_name, change, expected) => {
    const tab = await openTab('https://news.example/fire', true);
    const page = stubPage({ respond: () => new Promise(() => {}) });
    const loading = createConnector('', { extractTimeoutMs: 500 }).loadArticle();
    await vi.waitFor(() => expect(page.sendMessage).toHaveBeenCalled(), { interval: 1 });
    await change(tab);
    expect(await loading).toEqual(expected);
  });

  it('gives up on a page that is still there but never answers, with an error the popup shows', async () => {
    await openTab('https://news.example/fire', true);
    stubPage({ respond: () => new Promise(() => {}) });
    await expect(createConnector('', { extractTimeoutMs: 30 }).loadArticle()).rejects.toThrow(/did not answer within 30 ms/);
  });

  it('waits about 15 seconds by default before giving up', async () => {
    vi.useFakeTimers();
    try {
      await openTab('https://news.example/fire', true);
      stubPage({ respond: () => new Promise(() => {}) });
      let settled = false;
      const loading = createConnector('').loadArticle();
      const settle = () => {
        settled = true;
      };
      loading.then(settle, settle);
      await vi.advanceTimersByTimeAsync(14_900);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
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

describe('connector marks', () => {
  const claims = [{ text: CLAIMS.contradict.text, verdict: 'contradict' as const, evidence: [] }];

  it('adds the marks stylesheet and sends the claims to the tab', async () => {
    const page = stubPage({ respond: () => ({ marked: 1, missing: 0 }) });
    const insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation((async () => {}) as never);
    expect(await createConnector('').mark(9, claims)).toEqual({ marked: 1, missing: 0 });
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 9 }, css: expect.stringContaining('crosscheck-mark') });
    expect(page.sendMessage).toHaveBeenCalledWith(9, { type: 'mark', claims });
  });

  it.each([
    ['an answer that breaks the contract', () => ({ marked: 'all' }), null],
    ['no content script', () => undefined, null],
  ])('gives null for %s', async (_name, respond, expected) => {
    stubPage({ respond });
    vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation((async () => {}) as never);
    expect(await createConnector('').mark(9, claims)).toEqual(expected);
  });

  it('clears marks and takes the stylesheet out again', async () => {
    const page = stubPage({ respond: () => ({ ok: true }) });
    const removeCSS = vi.spyOn(fakeBrowser.scripting, 'removeCSS').mockImplementation((async () => {}) as never);
    expect(await createConnector('').clearMarks(9)).toBe(true);
    expect(page.sendMessage).toHaveBeenCalledWith(9, { type: 'clearMarks' });
    expect(removeCSS).toHaveBeenCalled();
  });

  it.each([
    ['nothing stored', undefined, { enabled: true, verdicts: ['contradict', 'disputed', 'agree'] }],
    ['marks off', { enabled: false, verdicts: ['agree'] }, { enabled: false, verdicts: ['agree'] }],
    ['garbage', { enabled: 1 }, { enabled: true, verdicts: ['contradict', 'disputed', 'agree'] }],
  ])('reads mark settings: %s', async (_name, stored, expected) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ marks: stored });
    expect(await createConnector('').getMarkSettings()).toEqual(expected);
  });

  it('shares settings with the options page through local storage', async () => {
    await createOptionsConnector().setMarkSettings({ enabled: false, verdicts: ['contradict'] });
    expect(await createConnector('').getMarkSettings()).toEqual({ enabled: false, verdicts: ['contradict'] });
  });
});

describe('connector feedback', () => {
  const input = {
    url: 'https://news.example/fire',
    title: 'Blaze',
    claim: CLAIMS.contradict.text,
    verdict: 'contradict' as const,
    suggested: 'agree' as const,
    note: 'The council said twelve.',
    strictness: 'balanced' as const,
    sources: ['The Daily Record'],
  };

  it('keeps reports in local:feedback, lists them in the options page, deletes one and all', async () => {
    const popup = createConnector('');
    const options = createOptionsConnector();
    await popup.addFeedback(input);
    await popup.addFeedback({ ...input, suggested: 'disputed' });
    const list = await options.listFeedback();
    expect(list.map((e) => e.suggested)).toEqual(['agree', 'disputed']);
    expect(list[0]).toMatchObject({ ...input, id: expect.any(String), createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(((await fakeBrowser.storage.local.get('feedback')) as { feedback: unknown[] }).feedback).toHaveLength(2);
    await options.removeFeedback(list[0]?.id ?? '');
    expect((await options.listFeedback()).map((e) => e.suggested)).toEqual(['disputed']);
    await options.clearFeedback();
    expect(await options.listFeedback()).toEqual([]);
  });

  it('tells the options page when a report is saved', async () => {
    const seen: number[] = [];
    const unwatch = createOptionsConnector().watchFeedback((list) => seen.push(list.length));
    await createConnector('').addFeedback(input);
    await vi.waitFor(() => expect(seen).toEqual([1]));
    unwatch();
  });
});

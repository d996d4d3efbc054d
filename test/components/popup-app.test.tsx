// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connector, LoadResult } from '@/components/connector';
import { PopupApp } from '@/components/popup-app';
import type { Analysis } from '@/components/popup-view';
import type { Article, Strictness } from '@/lib/types';
import type { MarkClaim } from '@/utils/messages';
import type { MarkSettings } from '@/utils/settings';
import { REPO_ROOT } from '../helpers/engine';
import { ARTICLE, CLAIMS, sampleAnalysis } from '../helpers/sample-report';
import { t } from '../helpers/translate';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** An in-memory stand-in for the browser side, recording what the popup asked of it. */
function fakeConnector(load: LoadResult, options: { stored?: Strictness; found?: boolean; marks?: MarkSettings } = {}) {
  let stored: Strictness = options.stored ?? 'balanced';
  const connector = {
    loadArticle: vi.fn(async () => load),
    getStrictness: vi.fn(async () => stored),
    setStrictness: vi.fn(async (value: Strictness) => {
      stored = value;
    }),
    highlight: vi.fn(async () => options.found ?? true),
    setBadge: vi.fn(async () => {}),
    getMarkSettings: vi.fn(
      async (): Promise<MarkSettings> => options.marks ?? { enabled: true, verdicts: ['contradict', 'disputed', 'agree'] },
    ),
    mark: vi.fn(async (_tabId: number, claims: MarkClaim[]) => ({ marked: claims.length, missing: 0 })),
    clearMarks: vi.fn(async () => true),
    copyText: vi.fn(async () => true),
    addFeedback: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
  } satisfies Connector;
  return connector;
}

function engine(result: (article: Article, strictness: Strictness) => Analysis = () => sampleAnalysis()) {
  return vi.fn(async (article: Article, strictness: Strictness) => result(article, strictness));
}

const rootState = (container: Element) => container.querySelector('.popup')?.getAttribute('data-state');

describe('PopupApp', () => {
  it('reads the page, checks it with the stored strictness and shows the report', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE }, { stored: 'conservative' });
    const analyse = engine();
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    expect(rootState(container)).toBe('loading');
    expect(container.textContent).toContain('Reading the page…');
    await waitFor(() => expect(rootState(container)).toBe('done'));
    expect(analyse).toHaveBeenCalledWith(ARTICLE, 'conservative', expect.anything());
    expect(container.querySelectorAll('li.claim')).toHaveLength(3);
    expect((container.querySelector('select[name="strictness"]') as HTMLSelectElement).value).toBe('conservative');
  });

  it('puts the number of contradictions on the badge of the checked tab', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const analyse = engine(() => sampleAnalysis({ counts: { agree: 1, contradict: 4, disputed: 0, unverified: 0 } }));
    render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(connector.setBadge).toHaveBeenCalledWith(7, 4));
  });

  it.each([
    ['unreadable page', { kind: 'unreadable' } as const, 'error', 'unreadable', "Crosscheck can't read this page"],
    ['tab closed mid-scan', { kind: 'closed' } as const, 'error', 'closed', 'The page was closed before Crosscheck could read it'],
    ['no article', { kind: 'no-article', tabId: 3 } as const, 'done', 'no-article', 'No article found on this page'],
  ])('%s: says so and never runs the engine', async (_name, load, state, reason, text) => {
    const connector = fakeConnector(load);
    const analyse = engine();
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(rootState(container)).toBe(state));
    expect(container.querySelector('.popup')?.getAttribute('data-reason')).toBe(reason);
    expect(container.querySelector('[role="status"]')?.textContent).toContain(text);
    expect(analyse).not.toHaveBeenCalled();
  });

  it('a read that gives up (the connector timed out on a silent page) ends in an error, not a spinner', async () => {
    const connector = fakeConnector({ kind: 'unreadable' });
    connector.loadArticle.mockRejectedValueOnce(new Error('The page did not answer within 15000 ms'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('error'));
    expect(container.querySelector('.popup')?.getAttribute('data-reason')).toBe('failed');
    expect(container.querySelector('.popup')?.getAttribute('aria-busy')).toBe('false');
  });

  it('clears the badge when the page has no article', async () => {
    const connector = fakeConnector({ kind: 'no-article', tabId: 3 });
    render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(connector.setBadge).toHaveBeenCalledWith(3, 0));
  });

  it('shows an error instead of a blank popup when the engine throws', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const analyse = vi.fn(async () => {
      throw new Error('boom');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(rootState(container)).toBe('error'));
    expect(container.querySelector('.popup')?.getAttribute('data-reason')).toBe('failed');
    expect(connector.setBadge).not.toHaveBeenCalled();
  });

  it('stores a new strictness and checks the article again with it', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const analyse = engine((_article, strictness) =>
      strictness === 'conservative' ? sampleAnalysis({ claims: [CLAIMS.contradict] }) : sampleAnalysis(),
    );
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(container.querySelectorAll('li.claim')).toHaveLength(3));
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    fireEvent.change(select);
    await waitFor(() => expect(container.querySelectorAll('li.claim')).toHaveLength(1));
    expect(connector.setStrictness).toHaveBeenCalledWith('conservative');
    expect(analyse).toHaveBeenLastCalledWith(ARTICLE, 'conservative', expect.anything());
    expect(connector.loadArticle).toHaveBeenCalledTimes(1); // the page is not read again
  });

  /** An engine whose runs finish (or fail) only when the test says so, one pending run per strictness. */
  function controlledEngine() {
    const pending = new Map<Strictness, { resolve: (a: Analysis) => void; reject: (e: Error) => void }>();
    const analyse = vi.fn(
      (_article: Article, strictness: Strictness) =>
        new Promise<Analysis>((resolve, reject) => {
          pending.set(strictness, { resolve, reject });
        }),
    );
    const settle = (strictness: Strictness) => {
      const run = pending.get(strictness);
      if (!run) throw new Error(`no ${strictness} run pending`);
      return run;
    };
    return { analyse, settle };
  }

  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
  const BALANCED = sampleAnalysis(); // three flagged claims
  const CONSERVATIVE = sampleAnalysis({ claims: [CLAIMS.contradict], counts: { agree: 0, contradict: 1, disputed: 0, unverified: 0 } });

  it.each([
    ['the slow first check finishes after the second', ['conservative', 'balanced'], 'resolve'],
    ['the slow first check fails after the second', ['conservative', 'balanced'], 'reject'],
    ['the slow first check finishes while the second still runs', ['balanced', 'conservative'], 'resolve'],
    ['the slow first check fails while the second still runs', ['balanced', 'conservative'], 'reject'],
  ] as const)('changing strictness mid-check, %s: only the newest result is shown, badged and marked', async (_name, order, firstEnds) => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { analyse, settle } = controlledEngine();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(analyse).toHaveBeenCalledWith(ARTICLE, 'balanced', expect.anything()));
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    fireEvent.change(select);
    await waitFor(() => expect(analyse).toHaveBeenCalledWith(ARTICLE, 'conservative', expect.anything()));
    for (const level of order) {
      if (level === 'conservative') settle('conservative').resolve(CONSERVATIVE);
      else if (firstEnds === 'resolve') settle('balanced').resolve(BALANCED);
      else settle('balanced').reject(new Error('stale run failed'));
      await tick();
      // Until the newest check is in, the popup keeps saying it is working, never the stale result.
      if (level === 'balanced' && order[1] === 'conservative') expect(rootState(container)).toBe('loading');
    }
    expect(rootState(container)).toBe('done');
    expect(container.querySelectorAll('li.claim')).toHaveLength(1);
    expect(container.querySelector('li.claim')?.getAttribute('data-verdict')).toBe('contradict');
    expect(connector.setBadge.mock.calls).toEqual([[7, 1]]);
    expect(connector.mark).toHaveBeenCalledTimes(1);
    expect(connector.mark.mock.calls[0]?.[1].map((c) => c.text)).toEqual([CLAIMS.contradict.text]);
  });

  it('a check already shown does not go on to mark the page once a newer one has started', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    // The first badge update is slow: the reader changes strictness while it is under way.
    let releaseBadge: () => void = () => {};
    connector.setBadge.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          releaseBadge = resolve;
        }),
    );
    const analyse = engine((_article, strictness) => (strictness === 'conservative' ? CONSERVATIVE : BALANCED));
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(connector.setBadge).toHaveBeenCalledWith(7, 1));
    expect(container.querySelectorAll('li.claim')).toHaveLength(3);
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    fireEvent.change(select);
    await waitFor(() => expect(connector.mark).toHaveBeenCalledTimes(1));
    releaseBadge();
    await tick();
    expect(connector.mark).toHaveBeenCalledTimes(1);
    expect(connector.mark.mock.calls[0]?.[1].map((c) => c.text)).toEqual([CLAIMS.contradict.text]);
    expect(container.querySelectorAll('li.claim')).toHaveLength(1);
    expect(container.querySelector('.action-status')?.textContent).toBe('Marked 1 sentences in the page.');
  });

  it('opening the popup twice on one tab: each reads the page once and shows one report', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const analyse = engine();
    const first = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    const second = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    for (const { container } of [first, second]) {
      await waitFor(() => expect(rootState(container)).toBe('done'));
      expect(container.querySelectorAll('.popup')).toHaveLength(1);
      expect(container.querySelectorAll('li.claim')).toHaveLength(3);
    }
    expect(connector.loadArticle).toHaveBeenCalledTimes(2);
    expect(analyse).toHaveBeenCalledTimes(2);
    expect(connector.mark).toHaveBeenCalledTimes(2); // the same marks twice: marking replaces, so harmless
  });

  it('a popup closed mid-read does nothing when the read finishes', async () => {
    let finishRead: (load: LoadResult) => void = () => {};
    const connector = fakeConnector({ kind: 'unreadable' });
    connector.loadArticle.mockImplementationOnce(
      () =>
        new Promise<LoadResult>((resolve) => {
          finishRead = resolve;
        }),
    );
    const analyse = engine();
    const { unmount } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(connector.loadArticle).toHaveBeenCalled());
    unmount();
    await tick(); // Preact runs effect cleanups after the unmount returns
    finishRead({ kind: 'article', tabId: 7, article: ARTICLE });
    await tick();
    expect(analyse).not.toHaveBeenCalled();
    expect(connector.setBadge).not.toHaveBeenCalled();
  });

  it('asks the page to highlight a clicked claim', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    fireEvent.click(container.querySelector('li.claim[data-verdict="agree"] button') as Element);
    await waitFor(() => expect(connector.highlight).toHaveBeenCalledWith(7, CLAIMS.agree));
    await waitFor(() =>
      expect(container.querySelector('li.claim[data-verdict="agree"] button')?.getAttribute('aria-current')).toBe('true'),
    );
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('tells the reader when the page no longer has the clicked sentence', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE }, { found: false });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    fireEvent.click(container.querySelector('li.claim button') as Element);
    await waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toContain("Couldn't find"));
  });

  it('marks the flagged claims in the page after a check, only the verdicts chosen', async () => {
    const connector = fakeConnector(
      { kind: 'article', tabId: 7, article: ARTICLE },
      { marks: { enabled: true, verdicts: ['contradict', 'agree'] } },
    );
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(connector.mark).toHaveBeenCalled());
    expect(connector.mark).toHaveBeenCalledWith(7, [
      { text: CLAIMS.contradict.text, verdict: 'contradict', evidence: CLAIMS.contradict.evidence.map(({ source: _s, ...e }) => e) },
      { text: CLAIMS.agree.text, verdict: 'agree', evidence: CLAIMS.agree.evidence.map(({ source: _s, ...e }) => e) },
    ]);
    await waitFor(() => expect(container.querySelector('.action-status')?.textContent).toBe('Marked 2 sentences in the page.'));
  });

  it('with marks off, clears any marks instead and says so', async () => {
    const connector = fakeConnector(
      { kind: 'article', tabId: 7, article: ARTICLE },
      { marks: { enabled: false, verdicts: ['contradict'] } },
    );
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(connector.clearMarks).toHaveBeenCalledWith(7));
    expect(connector.mark).not.toHaveBeenCalled();
    await waitFor(() => expect(container.textContent).toContain('Marks in the page are off'));
  });

  it.each([
    ['contradict', ['disputed', 'agree']],
    ['agree', ['contradict', 'disputed']],
  ] as const)('the %s filter hides those claims and shows them again', async (verdict, rest) => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(container.querySelectorAll('li.claim')).toHaveLength(3));
    const button = container.querySelector(`button[data-filter="${verdict}"]`) as HTMLButtonElement;
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect([...container.querySelectorAll('li.claim')].map((li) => li.getAttribute('data-verdict'))).toEqual(rest);
    fireEvent.click(button);
    expect(container.querySelectorAll('li.claim')).toHaveLength(3);
  });

  it('says how many sentences were checked, and which references were used', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const analyse = engine(() => sampleAnalysis({ references: [{ id: 'w', outlet: 'Wire Service', title: 'Fire', date: '2024-03-02' }] }));
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    expect(container.querySelector('.summary')?.textContent).toBe('4 sentences checked: 1 contradicted, 1 disputed, 1 agree.');
    expect(container.querySelector('.references')?.textContent).toBe('References: Wire Service (2024-03-02)');
  });

  it('copies the report as Markdown and clears the marks on request', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    fireEvent.click(container.querySelector('button[data-action="copy"]') as HTMLButtonElement);
    await waitFor(() => expect(connector.copyText).toHaveBeenCalledWith(expect.stringContaining('# Crosscheck report: Blaze rips')));
    await waitFor(() => expect(container.querySelector('.action-status')?.textContent).toBe('Report copied as Markdown.'));
    fireEvent.click(container.querySelector('button[data-action="clear-marks"]') as HTMLButtonElement);
    await waitFor(() => expect(connector.clearMarks).toHaveBeenCalledWith(7));
    await waitFor(() => expect(container.querySelector('.action-status')?.textContent).toBe('Marks removed from the page.'));
  });

  it('keeps a "this verdict is wrong" report with the right verdict and a note', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    const claim = container.querySelector('li.claim[data-verdict="contradict"]') as HTMLElement;
    fireEvent.click(claim.querySelector('button.report-wrong') as HTMLButtonElement);
    const radios = [...claim.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['disputed', 'agree', 'unverified']);
    fireEvent.click(radios[1] as HTMLInputElement);
    fireEvent.input(claim.querySelector('textarea') as HTMLTextAreaElement, { target: { value: '  The council said twelve.  ' } });
    fireEvent.submit(claim.querySelector('form') as HTMLFormElement);
    await waitFor(() =>
      expect(connector.addFeedback).toHaveBeenCalledWith({
        url: ARTICLE.url,
        title: ARTICLE.title,
        claim: CLAIMS.contradict.text,
        verdict: 'contradict',
        suggested: 'agree',
        note: 'The council said twelve.',
        strictness: 'balanced',
        sources: ['The Daily Record'],
      }),
    );
    await waitFor(() => expect(claim.textContent).toContain('Saved on this device only.'));
    expect(claim.querySelector('button.report-wrong')).toBeNull();
  });

  it('Cancel closes the feedback form without saving', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine()} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    fireEvent.click(container.querySelector('button.report-wrong') as HTMLButtonElement);
    fireEvent.click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Cancel') as HTMLButtonElement);
    expect(container.querySelector('form')).toBeNull();
    expect(connector.addFeedback).not.toHaveBeenCalled();
  });
});

describe('page text with bidi controls', () => {
  const RLO = '\u202E';
  const hostile = sampleAnalysis({
    title: `Harbour ${RLO}erif ni deruj ni 3`,
    claims: [
      {
        ...CLAIMS.contradict,
        text: `Twelve ${RLO}deruj ni elpoep`,
        evidence: [
          {
            ...(CLAIMS.contradict.evidence[0] as (typeof CLAIMS.contradict.evidence)[number]),
            outlet: `Daily ${RLO}droceR`,
            text: `Three ${RLO}truh`,
          },
        ],
      },
    ],
    counts: { agree: 0, contradict: 1, disputed: 0, unverified: 0 },
  });

  it.each(['.article-title', '.claim-text', '.quote', '.outlet'])('%s carrying U+202E is isolated with dir="auto"', async (selector) => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    const { container } = render(<PopupApp t={t} connector={connector} analyse={engine(() => hostile)} />);
    await waitFor(() => expect(rootState(container)).toBe('done'));
    const element = container.querySelector(selector);
    expect(element?.textContent).toContain(RLO); // shown as written, not stripped…
    expect(element?.getAttribute('dir')).toBe('auto'); // …but in its own direction
    // The override stays inside the isolated element: no popup text shares a text node with it.
    for (const node of [...container.querySelectorAll('*')].flatMap((el) => [...el.childNodes])) {
      if (node.nodeType === 3 && node.textContent?.includes(RLO)) expect(node.parentElement?.closest('[dir="auto"]')).not.toBeNull();
    }
  });

  it.each(['.article-title', '.claim-text', '.quote', '.outlet'])('the popup stylesheet isolates %s', (selector) => {
    const css = readFileSync(join(REPO_ROOT, 'entrypoints', 'popup', 'style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selectors = '', body = '']) => ({
      selectors: selectors.split(',').map((x) => x.trim()),
      body,
    }));
    expect(rules.some((r) => r.selectors.includes(selector) && /unicode-bidi:\s*isolate\b/.test(r.body))).toBe(true);
  });
});

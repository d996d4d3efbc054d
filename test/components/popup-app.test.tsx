// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connector, LoadResult } from '@/components/connector';
import { PopupApp } from '@/components/popup-app';
import type { Analysis } from '@/components/popup-view';
import type { Article, Strictness } from '@/lib/types';
import type { MarkClaim } from '@/utils/messages';
import type { MarkSettings } from '@/utils/settings';
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
    expect(analyse).toHaveBeenCalledWith(ARTICLE, 'conservative');
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
    ['unreadable page', { kind: 'unreadable' } as const, 'error', "Crosscheck can't read this page"],
    ['no article', { kind: 'no-article', tabId: 3 } as const, 'done', 'No article found on this page'],
  ])('%s: says so and never runs the engine', async (_name, load, state, text) => {
    const connector = fakeConnector(load);
    const analyse = engine();
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(rootState(container)).toBe(state));
    expect(container.textContent).toContain(text);
    expect(analyse).not.toHaveBeenCalled();
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
    expect(analyse).toHaveBeenLastCalledWith(ARTICLE, 'conservative');
    expect(connector.loadArticle).toHaveBeenCalledTimes(1); // the page is not read again
  });

  it('shows the result for the latest strictness even when an earlier check finishes last', async () => {
    const connector = fakeConnector({ kind: 'article', tabId: 7, article: ARTICLE });
    let finishSlow: (analysis: Analysis) => void = () => {};
    const analyse = vi.fn((_article: Article, strictness: Strictness) =>
      strictness === 'balanced'
        ? new Promise<Analysis>((resolve) => {
            finishSlow = resolve;
          })
        : Promise.resolve(sampleAnalysis({ claims: [CLAIMS.contradict] })),
    );
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    await waitFor(() => expect(analyse).toHaveBeenCalledWith(ARTICLE, 'balanced'));
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    fireEvent.change(select);
    await waitFor(() => expect(container.querySelectorAll('li.claim')).toHaveLength(1));
    finishSlow(sampleAnalysis());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelectorAll('li.claim')).toHaveLength(1);
    expect(connector.setBadge).toHaveBeenCalledTimes(1);
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

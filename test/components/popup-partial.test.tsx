// @vitest-environment happy-dom
// A long page streams: the popup shows how far the check has got and the claims flagged so far,
// then the final report; a partial report never offers actions on a report not finished.
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '@/components/connector';
import { type AnalyseProgress, PopupApp } from '@/components/popup-app';
import { type Analysis, type PartialAnalysis, PopupView } from '@/components/popup-view';
import type { Article, Strictness } from '@/lib/types';
import type { MarkSettings } from '@/utils/settings';
import { ARTICLE, CLAIMS, sampleAnalysis } from '../helpers/sample-report';
import { t } from '../helpers/translate';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const partial = (analysis: Analysis, checked: number, total: number): PartialAnalysis => ({ analysis, checked, total });

function renderPartial(p: PartialAnalysis) {
  return render(
    <PopupView
      t={t}
      view={{ state: 'checking', partial: p }}
      strictness="balanced"
      onStrictnessChange={vi.fn()}
      selectedClaim={null}
      onSelectClaim={vi.fn()}
      highlightMissing={false}
      actions={{ onCopy: vi.fn(), onClearMarks: vi.fn(), status: null }}
    />,
  );
}

describe('PopupView: a partial report', () => {
  it.each([
    {
      name: 'two claims flagged so far',
      partial: partial(
        sampleAnalysis({ claims: [CLAIMS.agree, CLAIMS.contradict], counts: { agree: 1, contradict: 1, disputed: 0, unverified: 0 } }),
        120,
        800,
      ),
      line: 'Checked 120 of about 800 sentences…',
      claims: 2,
    },
    {
      name: 'nothing flagged yet',
      partial: partial(
        sampleAnalysis({ claims: [CLAIMS.unverified], counts: { agree: 0, contradict: 0, disputed: 0, unverified: 1 } }),
        40,
        800,
      ),
      line: 'Checked 40 of about 800 sentences…',
      claims: 0,
    },
    {
      // too few sentences read to say the page is about the story: no "not about" line yet
      name: 'not about the story so far',
      partial: partial(sampleAnalysis({ relevant: false, story: null, notice: 'not-relevant', claims: [CLAIMS.unverified] }), 12, 300),
      line: 'Checked 12 of about 300 sentences…',
      claims: 0,
    },
    {
      // the estimate fell short: never "121 of about 100"
      name: 'more sentences than estimated',
      partial: partial(sampleAnalysis(), 121, 100),
      line: 'Checked 121 of about 121 sentences…',
      claims: 3,
    },
  ])('$name', ({ partial: p, line, claims }) => {
    const { container } = renderPartial(p);
    const root = container.querySelector('.popup');
    expect(root?.getAttribute('data-state')).toBe('checking');
    expect(root?.getAttribute('data-reason')).toBe('checking');
    expect(root?.getAttribute('aria-busy')).toBe('true');
    const progress = container.querySelector('.progress[role="status"]');
    expect(progress?.querySelector('.progress-line')?.textContent).toBe(line);
    const bar = progress?.querySelector('progress');
    expect(Number(bar?.getAttribute('value'))).toBe(p.checked);
    expect(Number(bar?.getAttribute('max'))).toBe(Math.max(p.checked, p.total));
    expect(container.querySelectorAll('li.claim')).toHaveLength(claims);
    expect(container.querySelector('.relevance[data-relevant="false"]')).toBeNull();
    // copying, clearing marks and "this verdict is wrong" wait for the final report
    expect(container.querySelector('[data-action="copy"]')).toBeNull();
    expect(container.querySelector('[data-action="clear-marks"]')).toBeNull();
    expect(container.textContent).not.toContain(t('reportWrong'));
  });

  it('counts the claims flagged so far in its summary', () => {
    const { container } = renderPartial(
      partial(sampleAnalysis({ claims: [CLAIMS.contradict], counts: { agree: 0, contradict: 1, disputed: 0, unverified: 119 } }), 120, 800),
    );
    expect(container.querySelector('.summary')?.textContent).toBe('120 sentences checked: 1 contradicted, 0 disputed, 0 agree.');
    expect(container.querySelector('li.claim')?.getAttribute('data-verdict')).toBe('contradict');
  });
});

function fakeConnector(): Connector {
  return {
    loadArticle: vi.fn(async () => ({ kind: 'article' as const, tabId: 7, article: ARTICLE })),
    getStrictness: vi.fn(async (): Promise<Strictness> => 'balanced'),
    setStrictness: vi.fn(async () => {}),
    highlight: vi.fn(async () => true),
    setBadge: vi.fn(async () => {}),
    getMarkSettings: vi.fn(async (): Promise<MarkSettings> => ({ enabled: true, verdicts: ['contradict', 'disputed', 'agree'] })),
    mark: vi.fn(async () => ({ marked: 3, missing: 0 })),
    clearMarks: vi.fn(async () => true),
    copyText: vi.fn(async () => true),
    addFeedback: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
  };
}

describe('PopupApp: results stream in for a long page', () => {
  it('shows the claims found so far with the progress line, then the final report', async () => {
    let progress: AnalyseProgress | null = null;
    let finish: (a: Analysis) => void = () => {};
    const analyse = vi.fn(
      (_article: Article, _strictness: Strictness, p: AnalyseProgress) =>
        new Promise<Analysis>((resolve) => {
          progress = p;
          finish = resolve;
        }),
    );
    const connector = fakeConnector();
    const { container } = render(<PopupApp t={t} connector={connector} analyse={analyse} />);
    const state = () => container.querySelector('.popup')?.getAttribute('data-state');
    await waitFor(() => expect(progress).not.toBeNull());
    expect(state()).toBe('loading');

    const send = (p: PartialAnalysis) => (progress as AnalyseProgress | null)?.onPartial(p);
    send(
      partial(sampleAnalysis({ claims: [CLAIMS.contradict], counts: { agree: 0, contradict: 1, disputed: 0, unverified: 29 } }), 30, 90),
    );
    await waitFor(() => expect(state()).toBe('checking'));
    expect(container.querySelector('.progress-line')?.textContent).toBe('Checked 30 of about 90 sentences…');
    expect(container.querySelectorAll('li.claim')).toHaveLength(1);
    // nothing is badged or marked before the report is final
    expect(connector.setBadge).not.toHaveBeenCalled();
    expect(connector.mark).not.toHaveBeenCalled();

    send(
      partial(
        sampleAnalysis({ claims: [CLAIMS.agree, CLAIMS.contradict], counts: { agree: 1, contradict: 1, disputed: 0, unverified: 58 } }),
        60,
        90,
      ),
    );
    await waitFor(() => expect(container.querySelector('.progress-line')?.textContent).toBe('Checked 60 of about 90 sentences…'));
    expect(container.querySelectorAll('li.claim')).toHaveLength(2);

    finish(sampleAnalysis());
    await waitFor(() => expect(state()).toBe('done'));
    expect(container.querySelector('.progress')).toBeNull();
    expect(container.querySelectorAll('li.claim')).toHaveLength(3);
    expect(container.querySelector('[data-action="copy"]')).not.toBeNull();
    await waitFor(() => expect(connector.mark).toHaveBeenCalledTimes(1));
  });

  it('stops a run the reader superseded and shows none of its partial results', async () => {
    const runs: { strictness: Strictness; progress: AnalyseProgress; finish: (a: Analysis) => void }[] = [];
    const analyse = vi.fn(
      (_article: Article, strictness: Strictness, progress: AnalyseProgress) =>
        new Promise<Analysis>((resolve) => {
          runs.push({ strictness, progress, finish: resolve });
        }),
    );
    const { container } = render(<PopupApp t={t} connector={fakeConnector()} analyse={analyse} />);
    await waitFor(() => expect(runs).toHaveLength(1));
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(runs).toHaveLength(2));
    const [first, second] = runs;
    expect(first?.progress.signal.aborted).toBe(true);
    expect(second?.progress.signal.aborted).toBe(false);
    first?.progress.onPartial(partial(sampleAnalysis(), 50, 100));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('.popup')?.getAttribute('data-state')).toBe('loading');
    second?.progress.onPartial(partial(sampleAnalysis({ claims: [CLAIMS.disputed] }), 10, 100));
    await waitFor(() => expect(container.querySelector('.progress-line')?.textContent).toBe('Checked 10 of about 100 sentences…'));
  });
});

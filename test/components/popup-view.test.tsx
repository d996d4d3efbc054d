// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PopupState, PopupView } from '@/components/popup-view';
import { CLAIMS, STORY, sampleAnalysis } from '../helpers/sample-report';
import { t } from '../helpers/translate';

afterEach(cleanup);

function renderView(view: PopupState, extra: { highlightMissing?: boolean } = {}) {
  return render(
    <PopupView
      t={t}
      view={view}
      strictness="balanced"
      onStrictnessChange={vi.fn()}
      selectedClaim={null}
      onSelectClaim={vi.fn()}
      highlightMissing={extra.highlightMissing ?? false}
    />,
  );
}

interface Case {
  name: string;
  view: PopupState;
  state: 'loading' | 'error' | 'done';
  reason: string;
  text: string;
  claims: number;
  counts: boolean;
}

const cases: Case[] = [
  { name: 'loading', view: { state: 'loading' }, state: 'loading', reason: 'loading', text: 'Reading the page…', claims: 0, counts: false },
  {
    name: 'page extensions may not read',
    view: { state: 'error', reason: 'unreadable' },
    state: 'error',
    reason: 'unreadable',
    text: "Crosscheck can't read this page",
    claims: 0,
    counts: false,
  },
  {
    name: 'tab closed mid-scan',
    view: { state: 'error', reason: 'closed' },
    state: 'error',
    reason: 'closed',
    text: 'The page was closed before Crosscheck could read it',
    claims: 0,
    counts: false,
  },
  {
    name: 'engine failure',
    view: { state: 'error', reason: 'failed' },
    state: 'error',
    reason: 'failed',
    text: 'Something went wrong while checking this page',
    claims: 0,
    counts: false,
  },
  {
    name: 'no article',
    view: { state: 'done', reason: 'no-article' },
    state: 'done',
    reason: 'no-article',
    text: 'No article found on this page',
    claims: 0,
    counts: false,
  },
  {
    name: 'engine notice: not English',
    view: {
      state: 'done',
      reason: 'report',
      analysis: sampleAnalysis({ relevant: false, story: null, notice: 'not-english', claims: [] }),
    },
    state: 'done',
    reason: 'notice',
    text: "This page isn't in English. Crosscheck can only check articles written in English.",
    claims: 0,
    counts: false,
  },
  {
    name: 'engine notice the popup has no text for',
    view: {
      state: 'done',
      reason: 'report',
      analysis: sampleAnalysis({ relevant: false, story: null, notice: 'Page too long to check.', claims: [] }),
    },
    state: 'done',
    reason: 'notice',
    text: 'Page too long to check.',
    claims: 0,
    counts: false,
  },
  {
    name: 'article about another story',
    view: { state: 'done', reason: 'report', analysis: sampleAnalysis({ relevant: false, story: null, claims: [] }) },
    state: 'done',
    reason: 'irrelevant',
    text: `This article isn't about a story the references cover (${STORY.title})`,
    claims: 0,
    counts: false,
  },
  {
    name: "article about another story, with the engine's not-relevant notice",
    view: {
      state: 'done',
      reason: 'report',
      analysis: sampleAnalysis({ relevant: false, story: null, notice: 'not-relevant', claims: [CLAIMS.unverified] }),
    },
    state: 'done',
    reason: 'irrelevant',
    text: `This article isn't about a story the references cover (${STORY.title})`,
    claims: 0,
    counts: false,
  },
  {
    name: 'relevant, nothing flagged',
    view: {
      state: 'done',
      reason: 'report',
      analysis: sampleAnalysis({ claims: [CLAIMS.unverified], counts: { agree: 0, contradict: 0, disputed: 0, unverified: 1 } }),
    },
    state: 'done',
    reason: 'nothing-flagged',
    text: 'Nothing to flag',
    claims: 0,
    counts: true,
  },
  {
    name: 'relevant with flagged claims',
    view: { state: 'done', reason: 'report', analysis: sampleAnalysis() },
    state: 'done',
    reason: 'flagged',
    text: 'Flagged claims',
    claims: 3,
    counts: true,
  },
];

describe('PopupView states', () => {
  it.each(cases)('$name', ({ view, state, reason, text, claims, counts }) => {
    const { container } = renderView(view);
    const root = container.querySelector('.popup');
    expect(root?.getAttribute('data-state')).toBe(state);
    expect(root?.getAttribute('data-reason')).toBe(reason);
    expect(root?.textContent).toContain(text);
    expect(container.querySelectorAll('li.claim')).toHaveLength(claims);
    expect(container.querySelector('[data-count]') !== null).toBe(counts);
    // Never a blank popup: there is always a heading and a message or report.
    expect(container.querySelector('.popup-body')?.textContent?.trim()).not.toBe('');
    // Engine notice codes are never shown raw when the popup has words for them.
    expect(container.textContent).not.toMatch(/not-english|not-relevant/);
  });

  it('always offers the strictness setting', () => {
    for (const { view } of cases) {
      const { container, unmount } = renderView(view);
      expect(container.querySelector('select[name="strictness"]')).not.toBeNull();
      unmount();
    }
  });

  it('says so when a clicked sentence is not in the page', () => {
    const { getByRole } = renderView({ state: 'done', reason: 'report', analysis: sampleAnalysis() }, { highlightMissing: true });
    expect(getByRole('alert').textContent).toBe("Couldn't find that sentence in the page.");
  });

  it('marks the popup busy only while loading', () => {
    const loading = renderView({ state: 'loading' });
    expect(loading.container.querySelector('.popup')?.getAttribute('aria-busy')).toBe('true');
    loading.unmount();
    const done = renderView({ state: 'done', reason: 'no-article' });
    expect(done.container.querySelector('.popup')?.getAttribute('aria-busy')).toBe('false');
  });
});

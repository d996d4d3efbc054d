// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flaggedClaims } from '@/components/claim-list';
import { ReportView, reportOutcome } from '@/components/report-view';
import type { ClaimResult, Report } from '@/lib/types';
import { CLAIMS, STORY, sampleReport } from '../helpers/sample-report';
import { t } from '../helpers/translate';

afterEach(cleanup);

function renderReport(report: Report, onSelectClaim = vi.fn(), selected: string | null = null) {
  const utils = render(<ReportView t={t} report={report} story={STORY} selected={selected} onSelectClaim={onSelectClaim} />);
  return { ...utils, onSelectClaim };
}

describe('ReportView with a sample report', () => {
  it('shows the title and the story the page is about', () => {
    const { container } = renderReport(sampleReport());
    expect(container.querySelector('.article-title')?.textContent).toBe('Blaze rips through harbour depot');
    const relevance = container.querySelector('.relevance');
    expect(relevance?.textContent).toBe(`Checked against the references for: ${STORY.title}`);
    expect(relevance?.getAttribute('data-relevant')).toBe('true');
  });

  it('falls back to a placeholder for an untitled article', () => {
    const { container } = renderReport(sampleReport({ title: '  ' }));
    expect(container.querySelector('.article-title')?.textContent).toBe('Untitled article');
  });

  it.each([
    ['agree', '4'],
    ['contradict', '7'],
    ['disputed', '2'],
  ] as const)('shows the %s count', (verdict, expected) => {
    const { container } = renderReport(sampleReport({ counts: { agree: 4, contradict: 7, disputed: 2, unverified: 9 } }));
    expect(container.querySelector(`[data-count="${verdict}"]`)?.textContent).toBe(expected);
  });

  it('lists flagged claims contradictions first, then disputed, then agree, leaving out unverified', () => {
    const { container } = renderReport(sampleReport());
    const items = [...container.querySelectorAll('li.claim')];
    expect(items.map((li) => li.getAttribute('data-verdict'))).toEqual(['contradict', 'disputed', 'agree']);
    expect(items.map((li) => li.querySelector('.claim-text')?.textContent)).toEqual([
      CLAIMS.contradict.text,
      CLAIMS.disputed.text,
      CLAIMS.agree.text,
    ]);
    expect(container.textContent).not.toContain(CLAIMS.unverified.text);
  });

  it('labels every verdict in words, not colour alone', () => {
    const { container } = renderReport(sampleReport());
    const badges = [...container.querySelectorAll('li.claim .verdict')].map((b) => b.textContent);
    expect(badges).toEqual(['Contradicted', 'Disputed', 'Agrees']);
  });

  it('shows each evidence item with its quote, outlet, stance and reason', () => {
    const { container } = renderReport(sampleReport());
    const disputed = container.querySelector('li.claim[data-verdict="disputed"]');
    const evidence = [...(disputed?.querySelectorAll('blockquote.evidence') ?? [])];
    expect(evidence.map((e) => e.getAttribute('data-source'))).toEqual(['wire-1', 'radio-3']);
    const second = evidence[1];
    expect(second?.querySelector('.quote')?.textContent).toBe('Two night workers were inside the depot.');
    expect(second?.querySelector('.outlet')?.textContent).toBe('Harbour Radio');
    expect(second?.querySelector('.stance')?.textContent).toBe('Contradicts');
    expect(second?.querySelector('.reason')?.textContent).toBe('Says people were inside.');
  });

  it('sends the clicked claim to the handler, from a real button', () => {
    const { container, onSelectClaim } = renderReport(sampleReport());
    const button = container.querySelector('li.claim[data-verdict="disputed"] button');
    expect(button?.tagName).toBe('BUTTON');
    expect(button?.getAttribute('type')).toBe('button');
    fireEvent.click(button as Element);
    expect(onSelectClaim).toHaveBeenCalledTimes(1);
    expect(onSelectClaim).toHaveBeenCalledWith(CLAIMS.disputed);
  });

  it('marks the selected claim', () => {
    const { container } = renderReport(sampleReport(), vi.fn(), '0:35:62');
    const current = container.querySelectorAll('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.closest('li.claim')?.getAttribute('data-verdict')).toBe('contradict');
  });

  it('renders page and reference text as text, never as markup', () => {
    const hostile: ClaimResult = {
      ...CLAIMS.contradict,
      text: '<img src=x onerror="alert(1)"> was said',
      evidence: [{ source: 'x', stance: 'contradict', text: '<b>bold</b>', outlet: '<i>Outlet</i>', reason: '<script>x()</script>' }],
    };
    const { container } = renderReport(sampleReport({ claims: [hostile], title: '<em>Title</em>' }));
    expect(container.querySelector('img, b, i, em, script')).toBeNull();
    expect(container.querySelector('.claim-text')?.textContent).toBe(hostile.text);
    expect(container.querySelector('.article-title')?.textContent).toBe('<em>Title</em>');
  });
});

describe('reportOutcome', () => {
  it.each([
    ['notice wins over everything', sampleReport({ notice: 'not-english' }), 'notice'],
    ['an unknown notice is still a notice', sampleReport({ relevant: false, notice: 'too-long' }), 'notice'],
    ['not about the story', sampleReport({ relevant: false, story: null }), 'irrelevant'],
    ['the engine’s not-relevant notice', sampleReport({ relevant: false, story: null, notice: 'not-relevant' }), 'irrelevant'],
    ['only unverified claims', sampleReport({ claims: [CLAIMS.unverified] }), 'nothing-flagged'],
    ['no claims at all', sampleReport({ claims: [] }), 'nothing-flagged'],
    ['one agreement', sampleReport({ claims: [CLAIMS.agree] }), 'flagged'],
  ] as const)('%s', (_name, report, expected) => {
    expect(reportOutcome(report)).toBe(expected);
  });
});

describe('flaggedClaims', () => {
  it('keeps page order within a verdict', () => {
    const later = { ...CLAIMS.contradict, text: 'later', block: 3, start: 0, end: 5 };
    const earlier = { ...CLAIMS.contradict, text: 'earlier', block: 0, start: 0, end: 5 };
    const agree = { ...CLAIMS.agree, block: 0, start: 0 };
    expect(flaggedClaims([agree, later, earlier]).map((c) => c.text)).toEqual(['earlier', 'later', agree.text]);
  });

  it('returns nothing when every claim is unverified', () => {
    expect(flaggedClaims([CLAIMS.unverified, CLAIMS.unverified])).toEqual([]);
  });
});

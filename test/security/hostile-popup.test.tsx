// @vitest-environment happy-dom
// Hostile pages through the engine and into the popup's report: page text (and reference text)
// is only ever rendered as text. Each page in test/fixtures/hostile/ is extracted the way the
// command line does (linkedom), cross-checked, and rendered twice: the real report, and the same
// report with every sentence flagged and hostile evidence, so every string reaches the DOM.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportView } from '@/components/report-view';
import { crosscheck, extractArticle } from '@/lib/index';
import type { Article, Report } from '@/lib/types';
import { bundledPrepared, REPO_ROOT } from '../helpers/engine';
import { STORY } from '../helpers/sample-report';
import { t } from '../helpers/translate';

afterEach(cleanup);

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.html'));

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '</blockquote><iframe src="javascript:alert(1)">',
];

function articleOf(file: string): Article {
  const { document } = parseHTML(readFileSync(join(DIR, file), 'utf8'));
  const article = extractArticle(document as unknown as Document, `http://127.0.0.1/${file}`);
  if (!article) throw new Error(`${file}: no article extracted`);
  return article;
}

/** The report with every claim flagged, quoting hostile evidence from a hostile outlet. */
function everythingFlagged(report: Report): Report {
  const verdicts = ['contradict', 'disputed', 'agree'] as const;
  const claims = report.claims.map((c, i) => ({
    ...c,
    verdict: verdicts[i % 3] ?? 'contradict',
    evidence: HOSTILE_STRINGS.map((h, k) => ({
      source: `src-${k}"><img src=x onerror=alert(1)>`,
      outlet: `Outlet ${h}`,
      text: `Reference says ${h}`,
      stance: k % 2 ? ('agree' as const) : ('contradict' as const),
      reason: `because ${h}`,
    })),
  }));
  return {
    ...report,
    relevant: true,
    notice: null,
    title: `${report.title} ${HOSTILE_STRINGS[0]}`,
    story: `story ${HOSTILE_STRINGS[1]}`,
    claims,
    counts: { agree: claims.length, contradict: claims.length, disputed: claims.length, unverified: 0 },
  };
}

/** Elements and attributes that would mean page text became markup. */
function injected(root: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(
    root.querySelectorAll('script, img, iframe, object, embed, svg, math, style, link, meta, base, form, input, video, audio, source'),
  )) {
    found.push(`<${el.tagName.toLowerCase()}>`);
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value))
        found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

function renderReport(report: Report) {
  return render(<ReportView t={t} report={report} story={STORY} selected={null} onSelectClaim={vi.fn()} />);
}

describe('hostile pages: the popup shows page text as text only', () => {
  it('has the hostile pages to try', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining([
        'script-text.html',
        'javascript-links.html',
        'lookalike-unicode.html',
        'css-hiding.html',
        'self-rewriting.html',
      ]),
    );
  });

  it('the detector does find injected markup (so the checks below can fail)', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>x<img src=x><a href="javascript:alert(1)">y</a><b onclick="x()">z</b></p>';
    expect(injected(div)).toEqual(['<img>', 'a[href=javascript:alert(1)]', 'b[onclick]']);
  });

  describe.each(PAGES)('%s', (file) => {
    const article = articleOf(file);
    const report = crosscheck(article, bundledPrepared());

    it('is read as an article on the reference story', () => {
      expect(report.relevant, JSON.stringify(report.claims.map((c) => c.text))).toBe(true);
    });

    it('extracts text only: no markup from the page survives as elements in the blocks', () => {
      // markup written as text stays text; real elements (links, scripts) leave only their text
      for (const b of article.blocks) {
        expect(b.text).not.toMatch(/window\.__hostileRan|setInterval|scrollIntoView/);
      }
    });

    it.each([
      ['the real report', () => report],
      ['every sentence flagged, with hostile evidence', () => everythingFlagged(report)],
    ])('%s renders without injected nodes', (_name, make) => {
      const r = make();
      const { container } = renderReport(r);
      expect(injected(container)).toEqual([]);
      for (const link of Array.from(container.querySelectorAll('a[href]'))) {
        expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
      // what the page said is all there, as text
      const text = container.textContent ?? '';
      for (const claim of r.claims.filter((c) => c.verdict !== 'unverified')) expect(text).toContain(claim.text);
    });
  });

  it('markup in page text is shown literally, escaped in the DOM', () => {
    const report = everythingFlagged(crosscheck(articleOf('script-text.html'), bundledPrepared()));
    const { container } = renderReport(report);
    const text = container.textContent ?? '';
    for (const h of HOSTILE_STRINGS) expect(text).toContain(h);
    expect(container.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(container.innerHTML).not.toContain('<script>');
  });
});

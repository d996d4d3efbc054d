// The engine in chunks of blocks (crosscheckSteps, crosscheckSetsSteps): the final report is the
// one crosscheck() / crosscheckSets() gives, whatever the chunk size, and each partial report is
// the final one's beginning.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadRefsPath, readLexicon } from '@/cli/load';
import {
  type CrosscheckStep,
  crosscheck,
  crosscheckSets,
  crosscheckSetsSteps,
  crosscheckSteps,
  extractArticle,
  type PreparedReferences,
  prepare,
} from '@/lib/index';
import type { Article, Report } from '@/lib/types';
import { bundledPrepared, must, REPO_ROOT } from '../helpers/engine';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

function page(path: string): Article {
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  return must(extractArticle(document as unknown as Document, path), `an article in ${path}`);
}

/** A long page: the article's blocks over and over. */
const repeated = (article: Article, times: number): Article => ({
  ...article,
  blocks: Array.from({ length: times }, () => article.blocks).flat(),
});

let harbourSet: PreparedReferences | null = null;
const harbour = () => {
  harbourSet ??= prepare(loadRefsPath(join(FIXTURES, 'refs', 'harbour-fire'), readLexicon()));
  return harbourSet;
};

/** Every step and the final report of a chunked run. */
function drain(steps: Generator<CrosscheckStep, Report, void>) {
  const seen: { checked: number; total: number; partial: Report }[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { steps: seen, report: next.value };
    seen.push({ checked: next.value.checked, total: next.value.total, partial: next.value.partial() });
  }
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, article: () => page(join(FIXTURES, f)) }));
const pages = [
  ...fixtures,
  { name: 'long-article.html ×6', article: () => repeated(page(join(FIXTURES, 'long-article.html')), 6) },
  // not about the story: reading stops after the opening, however long the page
  { name: 'an off-topic page ×20', article: () => repeated(page(join(REPO_ROOT, 'test', 'holdout', '06-offtopic-oil.html')), 20) },
];

describe('crosscheckSteps: the final report is crosscheck()’s', () => {
  it.each(pages.flatMap((p) => [1, 3, 8].map((chunkBlocks) => ({ ...p, chunkBlocks }))))(
    '$name in chunks of $chunkBlocks blocks',
    ({ article, chunkBlocks }) => {
      const a = article();
      for (const strictness of ['balanced', 'conservative'] as const) {
        const expected = crosscheck(a, bundledPrepared(), { strictness });
        const { steps, report } = drain(crosscheckSteps(a, bundledPrepared(), { strictness, chunkBlocks }));
        expect(report).toEqual(expected);
        // steps come after each chunk of a page that has more than one, and count up
        const chunks = Math.ceil(a.blocks.length / chunkBlocks);
        expect(steps.length).toBeLessThan(chunks);
        for (const [i, step] of steps.entries()) {
          expect(step.partial.claims).toHaveLength(step.checked);
          expect(step.total).toBeGreaterThanOrEqual(step.checked);
          if (i > 0) expect(step.checked).toBeGreaterThanOrEqual(steps[i - 1]?.checked ?? 0);
          // what a partial report shows is how the final report begins
          const final = report.claims.slice(0, step.checked);
          expect(step.partial.claims.map((c) => c.text)).toEqual(final.map((c) => c.text));
          if (step.partial.relevant && report.relevant) expect(step.partial.claims).toEqual(final);
        }
      }
    },
  );

  it('gives steps for a long page, with the sentences checked and an estimate of all', () => {
    const a = repeated(page(join(FIXTURES, 'long-article.html')), 6);
    const { steps, report } = drain(crosscheckSteps(a, bundledPrepared(), { chunkBlocks: 10 }));
    expect(steps.length).toBeGreaterThan(5);
    expect(report.relevant).toBe(true);
    const last = must(steps.at(-1));
    // the estimate of the sentences to come is within a fifth of the truth
    for (const step of steps) expect(Math.abs(step.total - report.claims.length)).toBeLessThan(report.claims.length / 5);
    expect(last.partial.counts.agree + last.partial.counts.contradict).toBeGreaterThan(0);
  });

  it('by default reads a 2,000-word page in a few chunks', () => {
    const a = page(join(FIXTURES, 'long-article.html'));
    const { steps } = drain(crosscheckSteps(a, bundledPrepared()));
    expect(steps.length).toBe(Math.ceil(a.blocks.length / 8) - 1);
  });
});

describe('crosscheckSetsSteps: the final report is crosscheckSets()’s', () => {
  it.each([
    { name: 'harbour-fire-contradicting.html', chunkBlocks: 1 },
    { name: 'harbour-fire-report.html', chunkBlocks: 2 },
    { name: 'contradicting-report.html', chunkBlocks: 1 },
    { name: 'long-article.html', chunkBlocks: 4 },
  ])('$name against two sets, in chunks of $chunkBlocks blocks', ({ name, chunkBlocks }) => {
    const a = page(join(FIXTURES, name));
    const sets = [bundledPrepared(), harbour()];
    const expected = crosscheckSets(a, sets);
    const { steps, report } = drain(crosscheckSetsSteps(a, sets, { chunkBlocks }));
    expect(report).toEqual(expected);
    for (const step of steps) {
      expect(step.partial.claims.map((c) => c.text)).toEqual(report.claims.slice(0, step.checked).map((c) => c.text));
      if (step.partial.relevant) for (const e of step.partial.claims.flatMap((c) => c.evidence)) expect(e.set).toBeTruthy();
    }
  });

  it('with no set says so at once', () => {
    const a = page(join(FIXTURES, 'sample-article.html'));
    const { steps, report } = drain(crosscheckSetsSteps(a, [], { chunkBlocks: 1 }));
    expect(steps).toEqual([]);
    expect(report).toEqual(crosscheckSets(a, []));
  });
});

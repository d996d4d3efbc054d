// Time per character stays bounded: each stage runs on an adversarial input of size n and 4n, and
// the time must grow less than 8× (linear is 4×; quadratic would be 16×). Times are the best of
// several alternating batches, so a busy machine slows both sizes alike rather than failing the test.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseClaim } from '@/lib/claims';
import { extractArticle } from '@/lib/extract';
import { crosscheck } from '@/lib/index';
import { MAX_SENTENCE_CHARS, segment } from '@/lib/segment';
import { readTimes } from '@/lib/times';
import type { Article } from '@/lib/types';
import { bundledLexicon, bundledPrepared } from '../helpers/engine';

const MAX_RATIO = 8;

/** Milliseconds per call over one batch: calls repeated for at least 25 ms. */
function batch(f: () => unknown): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    f();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < 25);
  return elapsed / calls;
}

/**
 * Time at size 4n over time at size n, after a warm-up at 4n (so the JIT has seen both paths).
 * Batches of the two sizes alternate and each keeps its best, so load from other processes
 * weighs on both alike.
 */
function growth(make: (n: number) => () => unknown, n: number): { ratio: number; small: number; large: number } {
  const fs = make(n);
  const fl = make(4 * n);
  fl();
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let trial = 0; trial < 4; trial++) {
    small = Math.min(small, batch(fs));
    large = Math.min(large, batch(fl));
  }
  return { ratio: large / small, small, large };
}

const fill = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/** Adversarial text families: each is one unit repeated to the wanted length. */
const TEXT: Record<string, string> = {
  'news words': 'Putin condemned the US strike that killed 59 people on Tuesday ',
  'a sentence per line': 'Nearly 90 were killed. Trump blamed Assad. ',
  'thousands of numbers': '12 34 ',
  'numbers with units': '59 missiles, 80 people, ',
  dates: '12 May ',
  'clock times': 'at 3pm ET ',
  'aliases only': 'Putin Trump US Russia ',
  'judgement cues': 'condemned ',
  'zero-width and bidi controls': 'a\u200bb\u202e c\u2066d\u2069 ',
  emoji: '👨‍👩‍👧 🇺🇸 ',
  'right-to-left script': 'قال بوتين ',
  'no spaces at all': 'x',
  'markup as text': '<p><b>&lt;script&gt; ',
};

const lexicon = bundledLexicon();
const claimOf = (text: string) => () => parseClaim(text, { lexicon, published: '2017-05-02' });

/**
 * Passes when the growth is under MAX_RATIO in any of three measurements: a stage that is really
 * superlinear fails all three, while a pause on a busy machine rarely hits the same size thrice.
 */
function expectLinear(name: string, measure: () => { ratio: number; small: number; large: number }): void {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = measure();
    seen.push(`${r.small.toFixed(2)} ms at n, ${r.large.toFixed(2)} ms at 4n (ratio ${r.ratio.toFixed(1)})`);
    if (r.ratio < MAX_RATIO) return;
  }
  expect.fail(`${name} grows faster than linear: ${seen.join('; ')}`);
}

/** Families where parseClaim is known to be superlinear (see the bug note below). */
const PARSE_CLAIM_SUPERLINEAR = new Set<string>();

describe('scaling: each stage stays within a linear time bound per character', () => {
  describe('segment (one block of 2,500 → 10,000 characters)', () => {
    it.each(Object.entries(TEXT))('%s', (name, unit) => {
      expectLinear(name, () =>
        growth((n) => {
          const blocks = [{ kind: 'paragraph' as const, text: fill(unit, n) }];
          return () => segment(blocks);
        }, 2_500),
      );
    });
  });

  describe(`parseClaim (a sentence of 250 → ${MAX_SENTENCE_CHARS} characters: the longest segment hands it)`, () => {
    it.each(Object.entries(TEXT).filter(([name]) => !PARSE_CLAIM_SUPERLINEAR.has(name)))('%s', (name, unit) => {
      expectLinear(name, () => growth((n) => claimOf(fill(unit, n)), MAX_SENTENCE_CHARS / 4));
    });

    // figures find their unit cue in one pass, so thousands of numbers stay linear too
    it.each(['thousands of numbers'])('%s, 1,000 → 4,000 characters', (name) => {
      expectLinear(name, () => growth((n) => claimOf(fill(TEXT[name] ?? '', n)), 1_000));
    });
  });

  describe(`readTimes (a sentence of 250 → ${MAX_SENTENCE_CHARS} characters)`, () => {
    it.each(Object.entries(TEXT))('%s', (name, unit) => {
      expectLinear(name, () =>
        growth((n) => {
          const text = fill(unit, n);
          return () => readTimes(text, '2017-05-02');
        }, MAX_SENTENCE_CHARS / 4),
      );
    });

    // ENGINE NOTE (reported to lib's owner): beyond the sentence cap readTimes is quadratic in the
    // number of dates: take()/free() scan every span taken so far. '12 May '.repeat(2000) → ~15 ms,
    // '12 May '.repeat(8000) → ~200 ms. Harmless while segment caps sentences at 1,000 characters.
    it.fails('dates beyond the sentence cap (14,000 → 56,000 characters; known superlinear)', () => {
      expectLinear('dates', () =>
        growth((n) => {
          const text = fill(TEXT.dates ?? '', n);
          return () => readTimes(text, '2017-05-02');
        }, 14_000),
      );
    });
  });

  describe('extractArticle (linkedom document, parsed outside the timing)', () => {
    const para = '<p>Putin condemned the US strike that killed 59 people on Tuesday, officials in Moscow said.</p>';
    const page = (body: string) => parseHTML(`<html lang="en"><body>${body}</body></html>`).document as unknown as Document;
    const PAGES: [string, (n: number) => string, number][] = [
      ['many paragraphs', (n) => `<article>${para.repeat(n)}</article>`, 40],
      ['unclosed paragraphs', (n) => `<article>${'<p>Officials said the strike killed 59 people on Tuesday'.repeat(n)}</article>`, 40],
      ['a long list', (n) => `<ul>${'<li>Putin condemned the strike</li>'.repeat(n)}</ul>${para.repeat(5)}`, 100],
      ['a wide table', (n) => `<table><tr>${'<td>59 people</td>'.repeat(n)}</tr></table>${para.repeat(5)}`, 100],
    ];
    it.each(PAGES)('%s', (name, body, n) => {
      expectLinear(name, () =>
        growth((size) => {
          const doc = page(body(size));
          return () => extractArticle(doc, 'https://news.example/a');
        }, n),
      );
    });

    // ENGINE BUG (reported to lib's owner): Readability in extractArticle is superlinear (about cubic)
    // in nesting depth: `<div>`×d + 5 paragraphs + `</div>`×d takes ~0.2 s at d=250, ~3 s at
    // d=1,000 and ~520 s at d=5,000 (linkedom); at d=20,000 extractArticle throws
    // RangeError: Maximum call stack size exceeded (css-select in fallbackRoot's querySelectorAll).
    // Unclosed inline tags nest too: `<b><i>`×100 + 10 paragraphs ~15 ms, ×400 ~200 ms (ratio ~13).
    const DEEP: [string, (d: number) => string, number][] = [
      ['deeply nested divs (depth 60 → 240)', (d) => `${'<div>'.repeat(d)}${para.repeat(5)}${'</div>'.repeat(d)}`, 60],
      ['unbalanced inline tags (100 → 400 unclosed <b><i>)', (d) => `${'<b><i>'.repeat(d)}${para.repeat(10)}`, 100],
    ];
    // below MAX_DEPTH Readability still runs (superlinear in depth); above it the page is read flat
    it.fails.each(DEEP.slice(0, 1))('%s: known superlinear', (name, body, n) => {
      expectLinear(name, () =>
        growth((d) => {
          const doc = page(body(d));
          return () => extractArticle(doc, 'https://news.example/a');
        }, n),
      );
    });
    it.each(DEEP.slice(1))('%s: read flat past the depth cap, linear', (name, body, n) => {
      expectLinear(name, () =>
        growth((d) => {
          const doc = page(body(d));
          return () => extractArticle(doc, 'https://news.example/a');
        }, n),
      );
    });
  });

  describe('crosscheck (an article of n → 4n blocks)', () => {
    const refs = bundledPrepared();
    const article = (blocks: string[]): Article => ({
      url: 'https://news.example/a',
      title: 'Trump and Putin discuss Syria',
      published: '2017-05-02',
      lang: 'en',
      siteName: null,
      blocks: blocks.map((text) => ({ kind: 'paragraph', text })),
    });
    const ARTICLES: [string, (i: number) => string, number][] = [
      [
        'on the reference story',
        () => 'Putin and Trump spoke by phone on Tuesday about Syria. The US fired 59 cruise missiles at an airbase in April.',
        6,
      ],
      ['off topic', (i) => `The weather in town ${i} was mild and pleasant today. People walked their dogs in the park.`, 10],
      ['long sentences (capped)', () => fill(TEXT['news words'] ?? '', 3_000), 2],
    ];
    it.each(ARTICLES)('%s', (name, text, n) => {
      expectLinear(name, () =>
        growth((size) => {
          const a = article(Array.from({ length: size }, (_, i) => text(i)));
          return () => crosscheck(a, refs);
        }, n),
      );
    });
  });
});

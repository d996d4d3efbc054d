// match at scale: reference claims with the same terms are one group, and a query walks at most
// QUERY_BUDGET postings however large the reference set, while small sets get exactly the
// candidates a full alignment against every reference claim gives.
import { describe, expect, it } from 'vitest';
import { parseClaim } from '@/lib/claims';
import {
  align,
  buildIndex,
  type Candidate,
  candidates,
  groupClaims,
  PROBE_WIDTH,
  QUERY_BUDGET,
  type QueryWork,
  type RefIndex,
} from '@/lib/match';
import type { ReferenceClaim } from '@/lib/references';
import type { Claim } from '@/lib/types';
import { bundledCompiled, bundledPrepared, must } from '../helpers/engine';

const claimOf = (terms: string[], context?: string[]): Claim => ({
  text: terms.join(' '),
  entities: [],
  terms,
  figures: [],
  times: [],
  frames: [],
  negated: false,
  asserts: true,
  speaker: null,
  ...(context ? { context } : {}),
});

const refClaim = (doc: string, terms: string[]): ReferenceClaim => ({ doc, sentence: terms.join(' '), claim: claimOf(terms) });

/** What candidates() must return when nothing limits it: every claim sharing a term, aligned, best first, ties in reference order. */
function exhaustive(page: Claim, index: RefIndex, limit: number): Candidate[] {
  const asked = new Set([...page.terms, ...(page.context ?? [])]);
  return index.claims
    .map((rc, ref) => ({ rc, ref }))
    .filter(({ rc }) => rc.claim.terms.some((t) => asked.has(t)))
    .map(({ rc, ref }) => ({ ...align(page, rc.claim, index), ref }))
    .sort((a, b) => b.score - a.score || a.ref - b.ref)
    .slice(0, limit);
}

/** A deterministic generator, so every run builds the same sets. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    return a / 2 ** 31;
  };
}

/**
 * `n` reference claims. `near-copies`: the same 30 sentences reprinted by n / 30 outlets (wire
 * copy). `varied`: sentences of 8 terms from 20,000 words, a few of them (w0, w1…) in many
 * claims, as common words are; every claim also has a word of its own.
 */
function referenceSet(kind: 'near-copies' | 'varied', n: number): ReferenceClaim[] {
  const rnd = random(7);
  const out: ReferenceClaim[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'near-copies') {
      const k = i % 30;
      out.push(refClaim(`doc${Math.floor(i / 30)}`, ['s:story', `s:detail${k}`, `s:detail${(k + 1) % 30}`, `e:name${k % 5}`]));
    } else {
      // the k-th word is drawn with weight ~ 1/(k+1): w0 is in about one claim in seven
      const words = new Set<string>([`s:own${i}`]);
      while (words.size < 8) words.add(`s:w${Math.floor(Math.exp(rnd() * Math.log(20_000))) - 1}`);
      out.push(refClaim(`doc${Math.floor(i / 15)}`, [...words]));
    }
  }
  return out;
}

const QUERIES: Claim[] = [
  claimOf(['s:story', 's:detail3', 'e:name3', 's:new']),
  claimOf(['s:w0', 's:w1', 's:w2', 's:w3', 's:w40', 's:w700', 's:own5']),
  claimOf(['s:w0', 's:w1', 's:w2']),
  claimOf(['s:w5', 's:w9'], ['s:w0', 's:story']),
  claimOf(['s:nothing', 's:at-all']),
];

describe('match: groups of reference claims with the same terms', () => {
  it('indexes near-copies once: one group a sentence, its claims in reference order', () => {
    const index = buildIndex(referenceSet('near-copies', 3_000));
    expect(index.groupCount).toBe(30);
    expect([...groupClaims(index, 0).slice(0, 3)]).toEqual([0, 30, 60]);
    expect(Array.from({ length: 30 }, (_, g) => groupClaims(index, g).length)).toEqual(Array(30).fill(100));
    // term weights still count claims, not groups: a term in every claim weighs log 2
    expect(index.idf.get('s:story')).toBeCloseTo(Math.log(2));
  });

  it.each([
    { kind: 'near-copies' as const, n: 60, limit: 12 },
    { kind: 'near-copies' as const, n: 600, limit: 24 },
    { kind: 'near-copies' as const, n: 600, limit: 1 },
    { kind: 'varied' as const, n: 40, limit: 12 },
  ])('returns what aligning every claim returns: $kind, $n claims, limit $limit', ({ kind, n, limit }) => {
    const index = buildIndex(referenceSet(kind, n));
    for (const q of QUERIES) expect(candidates(q, index, limit)).toEqual(exhaustive(q, index, limit));
  });

  it('gives each claim of a group its own candidate, sharing the group’s score', () => {
    const index = buildIndex(referenceSet('near-copies', 300));
    const found = candidates(must(QUERIES[0]), index, 12);
    expect(found).toHaveLength(12);
    expect(new Set(found.map((c) => c.ref)).size).toBe(12);
    // the best group first (detail3 and name3: the ten outlets that carry sentence 3), in reference order
    expect(found.slice(0, 10).map((c) => c.ref)).toEqual([...groupClaims(index, 3)]);
    expect(found.slice(0, 10).every((c) => c.score === found[0]?.score)).toBe(true);
    expect(must(found[10]).score).toBeLessThan(must(found[0]).score);
    expect(must(found[10]).ref).toBeLessThan(must(found[11]).ref);
  });
});

describe('match: the bundled references get every candidate', () => {
  const { index, lexicon } = bundledPrepared();
  const parse = (text: string) => parseClaim(text, { lexicon, published: '2017-05-02' });

  it.each([
    ['The US fired 39 cruise missiles at the Shayrat base.', 12],
    ['Trump and Putin will discuss Syria by phone.', 12],
    ['Trump and Putin will discuss Syria by phone.', 1],
    ['About 90 people died in the Khan Sheikhoun chemical attack.', 24],
    ['The bakery sells bread at dawn.', 12],
  ] as const)('%s (limit %d)', (text, limit) => {
    expect(candidates(parse(text), index, limit)).toEqual(exhaustive(parse(text), index, limit));
  });

  it('finds every reference claim against the bundled index as a full alignment would', () => {
    for (const rc of bundledCompiled().claims) expect(candidates(rc.claim, index, 24)).toEqual(exhaustive(rc.claim, index, 24));
  });
});

describe('match: the work of a query stays bounded as the reference set grows', () => {
  /** Postings walked and checks made by the queries, and the postings their terms have in all. */
  function work(claims: ReferenceClaim[]) {
    const index = buildIndex(claims);
    const w: QueryWork = { postings: 0 };
    let available = 0;
    for (const q of QUERIES) {
      const before = w.postings;
      candidates(q, index, 12, w);
      // walking, then checking the common terms against the best groups the rarer ones found
      const terms = new Set([...q.terms, ...(q.context ?? [])]);
      expect(w.postings - before).toBeLessThanOrEqual(QUERY_BUDGET + PROBE_WIDTH * terms.size);
      for (const t of terms) available += index.postings.get(t)?.length ?? 0;
    }
    return { walked: w.postings, available };
  }

  it.each([
    { kind: 'near-copies' as const, sizes: [1_000, 10_000, 100_000] },
    { kind: 'varied' as const, sizes: [1_000, 10_000, 100_000] },
  ])('$kind: $sizes claims', ({ kind, sizes }) => {
    const [small, , large] = sizes.map((n) => work(referenceSet(kind, n)));
    if (!small || !large) throw new Error('no sizes');
    // a hundred times the claims: the postings there to walk grow (varied) or stay put (near-copies, one group each)
    if (kind === 'varied') expect(large.available).toBeGreaterThan(20 * small.available);
    else expect(large.available).toBe(small.available);
    // the postings walked do not grow with them
    expect(large.walked).toBeLessThanOrEqual(QUERIES.length * (QUERY_BUDGET + PROBE_WIDTH * 8));
    expect(large.walked).toBeLessThanOrEqual(2 * small.walked + 100);
  });

  it('still ranks first the claim that shares the rare terms, past common terms with long postings', () => {
    const claims = referenceSet('varied', 50_000);
    const target = 31_337;
    const index = buildIndex(claims);
    const query = claimOf([...(claims[target]?.claim.terms ?? [])]);
    const found = candidates(query, index, 3);
    expect(found[0]).toMatchObject({ ref: target, score: 1 });
  });

  it('walks the rarest of the terms when every term is common, within the budget', () => {
    const index = buildIndex(referenceSet('near-copies', 60).map((rc, i) => refClaim(rc.doc, ['s:common', `s:unique${i}`])));
    const w: QueryWork = { postings: 0 };
    const found = candidates(claimOf(['s:common']), index, 5, w);
    expect(found.map((c) => c.ref)).toEqual([0, 1, 2, 3, 4]);
    expect(w.postings).toBe(60);
    const big = buildIndex(Array.from({ length: 5_000 }, (_, i) => refClaim('d', ['s:common', `s:unique${i}`])));
    const wBig: QueryWork = { postings: 0 };
    expect(candidates(claimOf(['s:common']), big, 5, wBig)).toHaveLength(5);
    expect(wBig.postings).toBe(QUERY_BUDGET);
  });
});

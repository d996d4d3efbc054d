// Stage 5, match: finds the reference claims a page claim may be about. An inverted index over
// the reference terms answers each query in time proportional to the postings it touches;
// alignment weighs shared terms by how rare they are among the references (IDF).
import type { ReferenceClaim } from './references';
import type { Claim } from './types';

export interface RefIndex {
  claims: ReferenceClaim[];
  idf: Map<string, number>;
  /** Weight of a term no reference uses: such words are what the references cannot vouch for. */
  unseen: number;
  /** For each term, the groups whose claims have it, in ascending order. */
  postings: Map<string, number[]>;
  /**
   * Reference claims with the same terms, each group in ascending order and the groups in order of
   * their first claim. Wire copy reprinted by many outlets is one group: it is found and aligned
   * once, however many outlets carry it.
   */
  groups: number[][];
}

export interface Candidate {
  ref: number;
  /** Share of the page claim's term weight that the reference claim also has (0–1). */
  score: number;
  shared: string[];
}

export function buildIndex(claims: ReferenceClaim[]): RefIndex {
  const postings = new Map<string, number[]>();
  const groups: number[][] = [];
  const byTerms = new Map<string, number>();
  const df = new Map<string, number>();
  claims.forEach((c, i) => {
    const terms = [...new Set(c.claim.terms)];
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    const key = [...terms].sort().join('\u0000');
    const known = byTerms.get(key);
    if (known !== undefined) {
      groups[known]?.push(i);
      return;
    }
    const g = groups.length;
    byTerms.set(key, g);
    groups.push([i]);
    for (const t of terms) {
      const list = postings.get(t);
      if (list) list.push(g);
      else postings.set(t, [g]);
    }
  });
  const n = Math.max(1, claims.length);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  return { claims, idf, unseen: Math.log(1 + n / 0.5), postings, groups };
}

export const weight = (index: RefIndex, term: string): number => index.idf.get(term) ?? index.unseen;

export function align(page: Claim, ref: Claim, index: RefIndex): Candidate {
  const refTerms = new Set(ref.terms);
  const score = (terms: string[], context: Set<string>) => {
    let total = 0;
    let hit = 0;
    const shared: string[] = [];
    for (const t of terms) {
      // inherited topic counts for less than what the sentence says itself
      const w = weight(index, t) * (context.has(t) ? 0.5 : 1);
      total += w;
      if (refTerms.has(t)) {
        hit += w;
        shared.push(t);
      }
    }
    return { ref: -1, score: total ? hit / total : 0, shared };
  };
  const own = score(page.terms, new Set());
  if (!page.context?.length) return own;
  // the topic may place a sentence (its terms anchor it); it must not dilute one that places itself
  const withTopic = score([...page.terms, ...page.context], new Set(page.context));
  return { ref: -1, score: Math.max(own.score, withTopic.score), shared: withTopic.shared };
}

/**
 * Postings a query may walk (each visit of a group in a term's postings, and each check of a
 * deferred term against a group, counts one). Rare terms are walked first and in full; a term whose
 * postings no longer fit is only checked against the groups the rarer terms found. A query's cost
 * is thus bounded whatever the size of the reference set.
 */
export const QUERY_BUDGET = 3_000;

/** How many candidates get a full alignment; the rest are ranked by accumulated weight only. */
const SHORTLIST = 48;

/** Groups ranked on the walked terms alone, before the deferred terms are checked against them. */
const PROBE_WIDTH = 4 * SHORTLIST;

/** Work done by candidate queries, for tests and the benchmark (postings walked and checks made). */
export interface QueryWork {
  postings: number;
}

/** Scores accumulated per group, one array per index, reused by every query on it. */
const scratch = new WeakMap<RefIndex, Float64Array>();

/**
 * Reference claims sharing at least one term with the page claim, best aligned first (ties in
 * reference order). Scores accumulate over the postings of the page's terms, rarest first, within
 * QUERY_BUDGET; only a shortlist of groups is aligned in full, and a group stands for all its claims.
 */
export function candidates(page: Claim, index: RefIndex, limit = 12, work?: QueryWork): Candidate[] {
  let acc = scratch.get(index);
  if (!acc || acc.length < index.groups.length) {
    acc = new Float64Array(index.groups.length);
    scratch.set(index, acc);
  }
  const context = new Set(page.context ?? []);
  const terms = [...new Set(page.context ? [...page.terms, ...page.context] : page.terms)]
    .map((t, order) => ({ t, order, list: index.postings.get(t) ?? [], w: weight(index, t) * (context.has(t) ? 0.5 : 1) }))
    .filter((x) => x.list.length > 0)
    // rare terms find what matters and cost little: they go first, common ones take what budget is left
    .sort((a, b) => a.list.length - b.list.length || a.order - b.order);
  const touched: number[] = [];
  let spent = 0;
  const walk = (list: number[], w: number, end: number) => {
    for (let k = 0; k < end; k++) {
      const g = list[k] as number;
      if (acc[g] === 0) touched.push(g);
      acc[g] = (acc[g] as number) + w;
    }
    spent += end;
  };
  const deferred: typeof terms = [];
  for (const x of terms) {
    if (x.list.length <= QUERY_BUDGET - spent) walk(x.list, x.w, x.list.length);
    else deferred.push(x);
  }
  // every term common: the rarest of them are walked as far as the budget goes
  while (!touched.length && deferred.length && spent < QUERY_BUDGET) {
    const x = deferred.shift() as (typeof terms)[number];
    walk(x.list, x.w, Math.min(x.list.length, QUERY_BUDGET - spent));
  }
  let ranked = topK(touched, acc, deferred.length ? Math.max(PROBE_WIDTH, limit) : Math.max(SHORTLIST, limit));
  if (deferred.length) {
    // the common terms count only for groups the rarer terms found
    const late = new Map(deferred.map((x) => [x.t, x.w]));
    for (const entry of ranked) {
      const rep = index.claims[index.groups[entry[0]]?.[0] ?? -1];
      for (const t of rep?.claim.terms ?? []) entry[1] += late.get(t) ?? 0;
      spent += rep?.claim.terms.length ?? 0;
    }
    ranked = ranked.sort(byScore).slice(0, Math.max(SHORTLIST, limit));
  }
  for (const g of touched) acc[g] = 0;
  if (work) work.postings += spent;
  const first = (g: number) => index.groups[g]?.[0] ?? 0;
  const aligned = ranked
    .map(([g]) => ({ g, cand: align(page, index.claims[first(g)]?.claim ?? page, index) }))
    .sort((a, b) => b.cand.score - a.cand.score || first(a.g) - first(b.g));
  // a group's claims share its alignment; groups of equal score interleave in reference order
  const out: Candidate[] = [];
  for (let i = 0; i < aligned.length && out.length < limit; ) {
    const score = aligned[i]?.cand.score;
    const refs: { ref: number; cand: Candidate }[] = [];
    for (; i < aligned.length && aligned[i]?.cand.score === score; i++) {
      const { g, cand } = aligned[i] as (typeof aligned)[number];
      for (const ref of (index.groups[g] ?? []).slice(0, limit - out.length)) refs.push({ ref, cand });
    }
    refs.sort((a, b) => a.ref - b.ref);
    for (const { ref, cand } of refs.slice(0, limit - out.length)) out.push({ ...cand, ref, shared: [...cand.shared] });
  }
  return out;
}

const byScore = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];

/** The k groups with the largest scores, by a bounded min-heap: no sort of every candidate. Ties go to the earlier group. */
function topK(ids: number[], scores: Float64Array, k: number): [number, number][] {
  const heap: [number, number][] = [];
  // a is below b: smaller score, or the same score and a later group
  const below = (a: [number, number], b: [number, number]) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  const less = (a: number, b: number) => below(heap[a] as [number, number], heap[b] as [number, number]);
  const swap = (a: number, b: number) => {
    const t = heap[a] as [number, number];
    heap[a] = heap[b] as [number, number];
    heap[b] = t;
  };
  for (const id of ids) {
    const entry: [number, number] = [id, scores[id] as number];
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (below(heap[0] as [number, number], entry)) {
      heap[0] = entry;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(byScore);
}

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
  postings: Map<string, number[]>;
}

export interface Candidate {
  ref: number;
  /** Share of the page claim's term weight that the reference claim also has (0–1). */
  score: number;
  shared: string[];
}

export function buildIndex(claims: ReferenceClaim[]): RefIndex {
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => {
    for (const t of c.claim.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const n = Math.max(1, claims.length);
  const idf = new Map<string, number>();
  for (const [t, list] of postings) idf.set(t, Math.log(1 + n / list.length));
  return { claims, idf, unseen: Math.log(1 + n / 0.5), postings };
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

/** A term in more reference claims than this (or 2 % of them) is too common to find candidates by. */
const COMMON_POSTINGS = 500;

/** How many candidates get a full alignment; the rest are ranked by accumulated weight only. */
const SHORTLIST = 48;

/**
 * Reference claims sharing at least one term with the page claim, best aligned first. Scores
 * accumulate over the postings of the page's terms, so the cost follows the postings touched,
 * and only a shortlist is aligned in full.
 */
export function candidates(page: Claim, index: RefIndex, limit = 12): Candidate[] {
  const acc = new Map<number, number>();
  const context = new Set(page.context ?? []);
  const terms = [...new Set(page.context ? [...page.terms, ...page.context] : page.terms)];
  // terms most references share find nothing the rarer ones miss: walk them only when nothing else
  // matched, so a query costs what its rare terms cost, however large the reference set
  const cap = Math.max(COMMON_POSTINGS, Math.floor(index.claims.length * 0.02));
  const walk = (common: boolean) => {
    for (const t of terms) {
      const list = index.postings.get(t) ?? [];
      if (list.length > cap !== common) continue;
      const w = weight(index, t) * (context.has(t) ? 0.5 : 1);
      // a common term is walked only so far: past that, its claims are found by rarer terms or not worth finding
      const end = common ? Math.min(list.length, cap) : list.length;
      for (let k = 0; k < end; k++) {
        const i = list[k] as number;
        acc.set(i, (acc.get(i) ?? 0) + w);
      }
    }
  };
  walk(false);
  if (!acc.size) walk(true);
  const shortlist = topK(acc, Math.max(SHORTLIST, limit));
  const out: Candidate[] = [];
  for (const [i] of shortlist) {
    const ref = index.claims[i];
    if (ref) out.push({ ...align(page, ref.claim, index), ref: i });
  }
  return out.sort((a, b) => b.score - a.score || a.ref - b.ref).slice(0, limit);
}

/** The k entries with the largest values, by a bounded min-heap: no sort of every candidate. */
function topK(scores: Map<number, number>, k: number): [number, number][] {
  const heap: [number, number][] = [];
  const less = (a: number, b: number) => (heap[a]?.[1] ?? 0) < (heap[b]?.[1] ?? 0);
  const swap = (a: number, b: number) => {
    const t = heap[a] as [number, number];
    heap[a] = heap[b] as [number, number];
    heap[b] = t;
  };
  for (const entry of scores) {
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (entry[1] > (heap[0]?.[1] ?? 0)) {
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
  return heap.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

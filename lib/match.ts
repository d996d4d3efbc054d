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
   * Groups: reference claims with the same terms (as the parser lists them), numbered in order of
   * their first claim. Wire copy reprinted by many outlets is one group, found and aligned once
   * however many outlets carry it.
   * Group g's claims, ascending, are `members[memberStart[g]…memberStart[g + 1]]` (see groupClaims).
   */
  groupCount: number;
  memberStart: Int32Array;
  members: Int32Array;
  /** Group g's terms as numbers (`termIds`) are `groupTerms[termStart[g]…termStart[g + 1]]`. */
  termStart: Int32Array;
  groupTerms: Int32Array;
  termIds: Map<string, number>;
}

export interface Candidate {
  ref: number;
  /** Share of the page claim's term weight that the reference claim also has (0–1). */
  score: number;
  shared: string[];
}

/** The reference claims of group g, ascending. */
export const groupClaims = (index: RefIndex, g: number): Int32Array =>
  index.members.subarray(index.memberStart[g] ?? 0, index.memberStart[g + 1] ?? 0);

export function buildIndex(claims: ReferenceClaim[]): RefIndex {
  const termIds = new Map<string, number>();
  const names: string[] = [];
  const df: number[] = [];
  const lists: number[][] = [];
  let total = 0;
  for (const c of claims) total += c.claim.terms.length;
  // packed arrays, not an array per group: a set of 10,000 documents has some 150,000 claims
  const groupTerms = new Int32Array(total);
  const termStart = new Int32Array(claims.length + 1);
  const groupOf = new Int32Array(claims.length);
  const sizes = new Int32Array(claims.length);
  // groups by a hash of their terms, chained: no string key per claim
  const byHash = new Map<number, number>();
  const sameHash = new Int32Array(claims.length);
  let groupCount = 0;
  let end = 0;
  const ids: number[] = [];
  const isGroup = (g: number) => {
    const start = termStart[g] ?? 0;
    if ((termStart[g + 1] ?? 0) - start !== ids.length) return false;
    for (let k = 0; k < ids.length; k++) if (groupTerms[start + k] !== ids[k]) return false;
    return true;
  };
  for (const [i, c] of claims.entries()) {
    ids.length = 0;
    for (const t of c.claim.terms) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = names.length;
        termIds.set(t, id);
        names.push(t);
        df.push(0);
        lists.push([]);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    let hash = ids.length;
    for (const id of ids) {
      df[id] = (df[id] ?? 0) + 1;
      hash = (Math.imul(hash, 0x9e3779b1) ^ id) | 0;
    }
    let g = byHash.get(hash) ?? -1;
    while (g >= 0 && !isGroup(g)) g = sameHash[g] ?? -1;
    if (g < 0) {
      g = groupCount++;
      sameHash[g] = byHash.get(hash) ?? -1;
      byHash.set(hash, g);
      termStart[g] = end;
      for (const id of ids) {
        groupTerms[end++] = id;
        lists[id]?.push(g);
      }
      termStart[g + 1] = end;
    }
    groupOf[i] = g;
    sizes[g] = (sizes[g] ?? 0) + 1;
  }
  // each group's claims in ascending order (a counting sort)
  const memberStart = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) memberStart[g + 1] = (memberStart[g] ?? 0) + (sizes[g] ?? 0);
  const next = memberStart.slice(0, groupCount);
  const members = new Int32Array(claims.length);
  for (let i = 0; i < claims.length; i++) {
    const g = groupOf[i] ?? 0;
    members[next[g] ?? 0] = i;
    next[g] = (next[g] ?? 0) + 1;
  }
  const n = Math.max(1, claims.length);
  const idf = new Map<string, number>();
  const postings = new Map<string, number[]>();
  for (const [id, t] of names.entries()) {
    idf.set(t, Math.log(1 + n / (df[id] ?? 1)));
    postings.set(t, lists[id] ?? []);
  }
  return {
    claims,
    idf,
    unseen: Math.log(1 + n / 0.5),
    postings,
    groupCount,
    memberStart,
    members,
    termStart: termStart.slice(0, groupCount + 1),
    groupTerms: groupTerms.slice(0, end),
    termIds,
  };
}

export const weight = (index: RefIndex, term: string): number => index.idf.get(term) ?? index.unseen;

/** Each reference claim's terms as a set, made once: every query aligns against the same claims. */
const termSets = new WeakMap<Claim, Set<string>>();

export function align(page: Claim, ref: Claim, index: RefIndex, ignore?: ReadonlySet<string>): Candidate {
  let refTerms = termSets.get(ref);
  if (!refTerms) {
    refTerms = new Set(ref.terms);
    termSets.set(ref, refTerms);
  }
  const has = refTerms;
  const score = (terms: string[], context: Set<string>) => {
    let total = 0;
    let hit = 0;
    const shared: string[] = [];
    for (const t of terms) {
      if (ignore?.has(t)) continue;
      // inherited topic counts for less than what the sentence says itself
      const w = weight(index, t) * (context.has(t) ? 0.5 : 1);
      total += w;
      if (has.has(t)) {
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
export const QUERY_BUDGET = 500;

/** How many candidates get a full alignment; the rest are ranked by accumulated weight only. */
const SHORTLIST = 48;

/** How many groups a one-candidate probe aligns. */
const PROBE_SHORTLIST = 4;

/** Groups ranked on the walked terms alone, before the deferred terms are checked against them. */
export const PROBE_WIDTH = 4 * SHORTLIST;

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
  if (!acc || acc.length < index.groupCount) {
    acc = new Float64Array(index.groupCount);
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
  // a probe for the best score alone aligns a few: accumulated weight already ranks them nearly as alignment does
  const shortlist = limit <= 1 ? PROBE_SHORTLIST : Math.max(SHORTLIST, limit);
  let ranked = topK(touched, acc, deferred.length ? Math.max(PROBE_WIDTH, limit) : shortlist);
  if (deferred.length) {
    // the common terms count only for groups the rarer terms found
    const lateIds = deferred.map((x) => index.termIds.get(x.t) ?? -1);
    for (const entry of ranked) {
      const end = index.termStart[entry[0] + 1] ?? 0;
      for (let k = index.termStart[entry[0]] ?? 0; k < end; k++) {
        const j = lateIds.indexOf(index.groupTerms[k] ?? -1);
        if (j >= 0) entry[1] += deferred[j]?.w ?? 0;
      }
      spent += lateIds.length;
    }
    ranked = ranked.sort(byScore).slice(0, shortlist);
  }
  for (const g of touched) acc[g] = 0;
  if (work) work.postings += spent;
  const first = (g: number) => index.members[index.memberStart[g] ?? 0] ?? 0;
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
      for (const ref of groupClaims(index, g).subarray(0, limit - out.length)) refs.push({ ref, cand });
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
    const score = scores[id] as number;
    if (heap.length < k) {
      heap.push([id, score]);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else {
      const min = heap[0] as [number, number];
      if (score < min[1] || (score === min[1] && id > min[0])) continue;
      min[0] = id;
      min[1] = score;
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

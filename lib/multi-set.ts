// Several reference sets at once: the page is checked against each set on its own (each with its
// own lexicon and aliases, and its own relevance test), then the verdicts are combined. A set the
// page is not about says nothing; among the sets that are relevant, a claim is contradicted only
// if no set supports it, and disputed when one set supports it and another contradicts it.
import {
  type ChunkOptions,
  type CrosscheckOptions,
  type CrosscheckStep,
  crosscheckSteps,
  type PreparedReferences,
  prepare,
  runToEnd,
} from './index';
import type { CompiledReferences } from './references';
import type { Article, ClaimResult, Evidence, Report, Verdict } from './types';

/** Combines the verdicts of several sets on one claim (unverified says nothing). */
export function combineVerdicts(verdicts: Verdict[]): Verdict {
  const said = verdicts.filter((v) => v !== 'unverified');
  if (said.length === 0) return 'unverified';
  if (said.includes('disputed')) return 'disputed';
  const agree = said.includes('agree');
  const contradict = said.includes('contradict');
  if (agree && contradict) return 'disputed';
  return contradict ? 'contradict' : 'agree';
}

/**
 * Runs the engine over every set and merges the reports: `relevant` when any set is relevant,
 * `story` the titles of the relevant sets, `stories` their ids and titles, each evidence item
 * tagged with its set. With one set the report is that set's, evidence tagged.
 */
export function crosscheckSets(
  article: Article,
  sets: ReadonlyArray<CompiledReferences | PreparedReferences>,
  options: CrosscheckOptions = {},
): Report {
  return runToEnd(crosscheckSetsSteps(article, sets, { ...options, chunkBlocks: Number.POSITIVE_INFINITY }));
}

/**
 * crosscheckSets() in chunks of blocks, every set reading the same chunk before the next: yields
 * a step after each chunk, whose partial report merges the sets' partial reports, and returns the
 * report crosscheckSets() returns.
 */
export function* crosscheckSetsSteps(
  article: Article,
  sets: ReadonlyArray<CompiledReferences | PreparedReferences>,
  options: ChunkOptions = {},
): Generator<CrosscheckStep, Report, void> {
  const prepared = sets.map((s) => ('index' in s ? s : prepare(s)));
  const strictness = options.strictness ?? 'balanced';
  if (prepared.length === 0) return noReferences(article, strictness);
  const runs = prepared.map((p) => crosscheckSteps(article, p, options));
  const cache: MergeCache = { tagged: new WeakMap(), merged: [], references: null };
  // each set's last step, or its report once it has read all it will read
  const state: (CrosscheckStep | Report)[] = runs.map((run) => {
    const next = run.next();
    return next.value;
  });
  const isReport = (x: CrosscheckStep | Report): x is Report => 'claims' in x;
  while (!state.every(isReport)) {
    const steps = state.map((x) => (isReport(x) ? null : x));
    const at = Math.max(...steps.map((x) => x?.checked ?? 0));
    const reports = state.map((x) => (isReport(x) ? x : null));
    yield {
      checked: at,
      total: Math.max(...steps.map((x) => x?.total ?? 0)),
      partial: () =>
        mergeReports(
          prepared,
          reports.map((r, i) => r ?? (steps[i] as CrosscheckStep).partial()),
          cache,
        ),
    };
    for (const [i, run] of runs.entries()) {
      if (!isReport(state[i] as CrosscheckStep | Report)) state[i] = run.next().value;
    }
  }
  return mergeReports(prepared, state as Report[], cache);
}

/** What one merge can hand the next: a partial report's claims are the next one's beginning. */
interface MergeCache {
  /** A set's claim, its evidence tagged with the set. */
  tagged: WeakMap<ClaimResult, ClaimResult>;
  /** The k-th merged claim, and the sets' claims it was merged from. */
  merged: { from: ClaimResult[]; claim: ClaimResult }[];
  references: Report['references'] | null;
}

/** One report from each set's report on the same article (see crosscheckSets). */
function mergeReports(prepared: PreparedReferences[], reports: Report[], cache: MergeCache): Report {
  const tag = (report: Report, p: PreparedReferences): ClaimResult[] =>
    report.claims.map((c) => {
      const known = cache.tagged.get(c);
      if (known) return known;
      const tagged = { ...c, evidence: c.evidence.map((e): Evidence => ({ ...e, set: p.refs.story.id, setTitle: p.refs.story.title })) };
      cache.tagged.set(c, tagged);
      return tagged;
    });
  const tagged = reports.map((r, i) => tag(r, prepared[i] as PreparedReferences));
  const relevantIdx = reports.flatMap((r, i) => (r.relevant ? [i] : []));
  const first = reports[0] as Report;
  cache.references ??= prepared.flatMap((p) => p.refs.documents.map((d) => ({ ...d, set: p.refs.story.id })));
  const references = cache.references;
  const stories = relevantIdx.map((i) => (prepared[i] as PreparedReferences).refs.story).map(({ id, title }) => ({ id, title }));
  if (relevantIdx.length === 0) {
    // nothing relevant: the first report's claims (all unverified) and notice (not-relevant, not-english…)
    return { ...first, claims: tagged[0] ?? [], story: null, stories: [], references };
  }
  const base = tagged[relevantIdx[0] as number] ?? [];
  const claims: ClaimResult[] = base.map((claim, k) => {
    const perSet = relevantIdx.map((i) => (tagged[i] as ClaimResult[])[k]).filter((c): c is ClaimResult => c !== undefined);
    const known = cache.merged[k];
    if (known && known.from.length === perSet.length && known.from.every((c, i) => c === perSet[i])) return known.claim;
    const verdict = combineVerdicts(perSet.map((c) => c.verdict));
    const evidence = perSet.filter((c) => c.verdict !== 'unverified').flatMap((c) => c.evidence);
    const merged = { ...claim, verdict, evidence: verdict === 'unverified' ? [] : evidence };
    cache.merged[k] = { from: perSet, claim: merged };
    return merged;
  });
  const counts: Record<Verdict, number> = { agree: 0, contradict: 0, disputed: 0, unverified: 0 };
  for (const c of claims) counts[c.verdict]++;
  return {
    ...first,
    relevant: true,
    story: stories.map((s) => s.title).join(' · '),
    stories,
    counts,
    claims,
    references,
    notice: null,
  };
}

function noReferences(article: Article, strictness: Report['strictness']): Report {
  return {
    input: article.url,
    title: article.title,
    published: article.published,
    lang: article.lang,
    relevant: false,
    story: null,
    stories: [],
    strictness,
    counts: { agree: 0, contradict: 0, disputed: 0, unverified: 0 },
    claims: [],
    references: [],
    notice: 'no-references',
  };
}

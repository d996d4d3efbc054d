// The engine: one function per pipeline stage, chained here in order —
// (extract) → segment → claims → match → judge → report.
import { parseClaim, quickTerms } from './claims';
import { type Judgement, judge } from './judge';
import type { Lexicon } from './lexicon';
import { buildIndex, type Candidate, candidates, type RefIndex } from './match';
import { type CompiledReferences, lexiconOf } from './references';
import { buildReport } from './report';
import { segment } from './segment';
import type { Article, Claim, ClaimResult, ReferenceDocumentMeta, Report, Sentence, Strictness } from './types';

export { extractArticle } from './extract';
export { combineVerdicts, crosscheckSets, crosscheckSetsSteps } from './multi-set';
export type { CompiledReferences } from './references';
export * from './types';

export interface CrosscheckOptions {
  strictness?: Strictness;
}

/** A reference set made ready for scanning: lexicon compiled and claims indexed, once. */
export interface PreparedReferences {
  refs: CompiledReferences;
  lexicon: Lexicon;
  index: RefIndex;
  docs: Map<string, ReferenceDocumentMeta>;
}

export function prepare(refs: CompiledReferences): PreparedReferences {
  return { refs, lexicon: lexiconOf(refs), index: buildIndex(refs.claims), docs: new Map(refs.documents.map((d) => [d.id, d])) };
}

/** Below this share of aligned term weight on cheap terms, a sentence is not parsed at all. */
const QUICK_SCORE = 0.05;
const NUMERIC =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|first|second|third|fourth|fifth)\b/i;
const EMPTY_CLAIM: Claim = {
  text: '',
  entities: [],
  terms: [],
  figures: [],
  times: [],
  frames: [],
  negated: false,
  asserts: false,
  speaker: null,
};

/** A sentence opening on what the one before named: "That attack…", "The same strike…". */
const LEANS_BACK = /^(?:that|this|these|those|the same)\s+\p{Ll}/iu;

/** Least alignment of a sentence with some reference for its terms to carry to the next. */
const TOPIC_SCORE = 0.12;

/** A name in this share of the reference sentences is common to the whole story. */
const COMMON_SHARE = 0.15;

/** Words of an article read before deciding that it is about none of the references' story. */
export const RELEVANCE_SAMPLE_WORDS = 3_000;

/** A page is about the reference story when enough of its sentences align well with the references. */
const RELEVANT_SCORE = 0.4;
const RELEVANT_SHARE = 0.1;

/** Words common in English and rare elsewhere ("in", "was" and "die" are German words too). */
const ENGLISH = /\b(the|and|of|to|is|that|for|with|said|has|have|are|from|this|were|which|would)\b/gi;

function notEnglish(article: Article): boolean {
  if (article.lang && !/^en\b/i.test(article.lang)) return true;
  const text = article.blocks
    .map((b) => b.text)
    .join(' ')
    .slice(0, 20_000);
  const words = text.split(/\s+/).length;
  return words > 30 && (text.match(ENGLISH)?.length ?? 0) / words < 0.04;
}

/** Runs segment → claims → match → judge → report on an extracted article. */
export function crosscheck(article: Article, refs: CompiledReferences | PreparedReferences, options: CrosscheckOptions = {}): Report {
  return runToEnd(crosscheckSteps(article, refs, { ...options, chunkBlocks: Number.POSITIVE_INFINITY }));
}

/** Runs a chunked computation through all its steps, in one go, to what it returns. */
export function runToEnd<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Where a chunked run stands, between two chunks of blocks. */
export interface CrosscheckStep {
  /** Sentences read so far. */
  checked: number;
  /** Sentences of the article: those read, and an estimate for the blocks not read yet. */
  total: number;
  /**
   * The report on the sentences read so far. Each verdict is the one the final report gives,
   * provided the page stays about the story (relevance is decided on the sentences read so far).
   */
  partial(): Report;
}

export interface ChunkOptions extends CrosscheckOptions {
  /** Blocks read between two steps (default 8). */
  chunkBlocks?: number;
}

/** Sentences in a block not read yet, roughly: its sentence ends, at least one. */
const SENTENCE_END = /[.!?]["'\u201d\u2019)\]]*(?:\s|$)/g;
const estimateSentences = (text: string) => Math.max(1, text.match(SENTENCE_END)?.length ?? 0);

/**
 * crosscheck() in chunks of blocks: a generator that yields a step after each chunk (so a caller
 * can give the event loop a turn and show the claims so far) and returns the report crosscheck()
 * returns. Nothing is done twice: a verdict given in a partial report is kept for the final one.
 */
export function* crosscheckSteps(
  article: Article,
  refs: CompiledReferences | PreparedReferences,
  options: ChunkOptions = {},
): Generator<CrosscheckStep, Report, void> {
  const prepared = 'index' in refs ? refs : prepare(refs);
  const strictness = options.strictness ?? 'balanced';
  const chunk = Math.max(1, options.chunkBlocks ?? 8);
  if (notEnglish(article)) {
    const claims = segment(article.blocks).map((s) => ({ ...s, verdict: 'unverified' as const, evidence: [] }));
    return buildReport({ article, claims, relevant: false, refs: prepared.refs, strictness, notice: 'not-english' });
  }
  // the topic: terms of the last sentence that named something, in this block or the one before
  let topic: { block: number; terms: string[] } | null = null;
  // the topic carries to the next block, and on through a list ("At least 80 died." "Another counted 86.")
  const near = (from: number, to: number) => to - from <= 1 || article.blocks.slice(from + 1, to + 1).every((b) => b.kind === 'item');
  let quickTopic: string[] = [];
  let words = 0;
  let aligned = 0;
  const isAligned = (cands: Candidate[]) => (cands[0]?.score ?? 0) >= RELEVANT_SCORE && (cands[0]?.shared.length ?? 0) >= 3;
  // names in many of the references ("Syria", "the US") do not say what a sentence is about: a
  // toll that names only those ("a Syrian American charity recorded at least 84 dead", source
  // after source) still takes its topic from the sentences before; other counts may be local
  // ("Somerset has welcomed 42 Syrian refugees")
  const commonAt = Math.max(2, prepared.index.claims.length * COMMON_SHARE);
  const common = (e: string) => (prepared.index.postings.get(`e:${e}`)?.length ?? 0) >= commonAt;
  const read = (s: Sentence) => {
    // retrieval first, on cheap terms: most sentences of most pages match nothing
    const quick = quickTerms(s.text, prepared.lexicon);
    const numeric = NUMERIC.test(s.text);
    const probe: Claim = { ...EMPTY_CLAIM, text: s.text, terms: quick, ...(numeric ? { context: quickTopic } : {}) };
    if (quick.length >= 3) quickTopic = quick;
    if ((candidates(probe, prepared.index, 1)[0]?.score ?? 0) < QUICK_SCORE) return { s, claim: null, cands: [] };
    const claim = parseClaim(s.text, { lexicon: prepared.lexicon, published: article.published });
    // a figure or date takes the topic of the sentences before ("Nearly 90 were killed"), at half weight
    if (
      topic &&
      near(topic.block, s.block) &&
      claim.asserts &&
      claim.figures.length + claim.times.length > 0 &&
      // ("That attack took place last week": a sentence pointing back at what the one before named)
      (LEANS_BACK.test(s.text) ||
        claim.entities.length === 0 ||
        (claim.entities.every(common) && claim.figures.some((f) => prepared.lexicon.unitKinds.get(f.unit) === 'casualty')))
    ) {
      const own = new Set(claim.terms);
      claim.context = topic.terms.filter((t) => !own.has(t));
    }
    const cands = candidates(claim, prepared.index);
    // a sentence about something the references do not speak of ("Turkish police detained 200 marchers")
    // gives no topic: "the city has been on alert since an attack that killed 39" is not about the story
    if ((claim.entities.length > 0 || claim.terms.length >= 3) && (cands[0]?.score ?? 0) >= TOPIC_SCORE)
      topic = { block: s.block, terms: [...claim.terms, ...(claim.context ?? [])] };
    return { s, claim, cands };
  };
  const parsed: ReturnType<typeof read>[] = [];
  // the claims of a relevant page, kept from a partial report for the next and the final one
  const kept: ClaimResult[] = [];
  const isRelevant = () => aligned >= 2 && aligned >= RELEVANT_SHARE * parsed.length;
  const report = (relevant: boolean, upTo: number): Report => {
    const claims: ClaimResult[] = parsed.slice(0, upTo).map(({ s, claim, cands }, k) => {
      const known = relevant ? kept[k] : undefined;
      if (known) return known;
      const j: Judgement =
        relevant && claim
          ? judge(claim, cands, prepared.index, prepared.docs, prepared.lexicon, strictness)
          : { verdict: 'unverified', evidence: [] };
      const result = { text: s.text, verdict: j.verdict, evidence: j.evidence, block: s.block, start: s.start, end: s.end };
      if (relevant) kept[k] = result;
      return result;
    });
    return buildReport({ article, claims, relevant, refs: prepared.refs, strictness, notice: relevant ? null : 'not-relevant' });
  };
  // sentences the blocks after each block have, roughly (counted when a step is first given)
  let after: number[] | null = null;
  const remaining = (b: number) => {
    if (!after) {
      after = new Array<number>(article.blocks.length + 1).fill(0);
      for (let k = article.blocks.length - 1; k >= 0; k--)
        after[k] = (after[k + 1] ?? 0) + estimateSentences(article.blocks[k]?.text ?? '');
    }
    return after[b + 1] ?? 0;
  };
  for (const [b, block] of article.blocks.entries()) {
    // an article whose opening aligns with nothing is not about the story: reading on cannot change that
    if (words >= RELEVANCE_SAMPLE_WORDS && aligned === 0) break;
    for (const sentence of segment([block])) {
      const p = read({ ...sentence, block: b });
      parsed.push(p);
      words += sentence.text.split(/\s+/).length;
      if (isAligned(p.cands)) aligned++;
    }
    if ((b + 1) % chunk === 0 && b + 1 < article.blocks.length) {
      const checked = parsed.length;
      const relevant = isRelevant();
      yield { checked, total: checked + remaining(b), partial: () => report(relevant, checked) };
    }
  }
  return report(isRelevant(), parsed.length);
}

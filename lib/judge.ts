// Stage 6, judge: compares a page claim with its candidate reference claims detail by detail
// (figures, ordinals, dates and times, judgement frames), takes a stance per source, and
// decides the verdict. A detail is only compared with references about the same slot: the
// reference sentence must align with the page sentence and share an anchor beyond the detail.

import { NUMBER_WORD, parseClaim, pictureCredits, quickTerms, stem, tokenize } from './claims';
import type { Token } from './figures';
import { overlaps } from './figures';
import type { Lexicon } from './lexicon';
import { align, type Candidate, candidates, groupClaims, type RefIndex, weight } from './match';
import { reversedOrder } from './sequence';
import { MONTHS, WEEKDAYS } from './times';
import type { Claim, Evidence, Figure, Frame, ReferenceDocumentMeta, Stance, Strictness, TimeSpan, Verdict } from './types';

export interface Thresholds {
  /** Share of the page sentence's term weight a reference must cover to agree on wording alone. */
  agree: number;
  /** Least alignment for comparing a detail. */
  slot: number;
  /** Least weight of shared terms besides the detail itself. */
  anchor: number;
  /** A reference detail is compared only if its sentence aligns within this ratio of the best. */
  ratio: number;
  /** Least alignment for a date or time to contradict: sentences mention many moments. */
  timeConflict: number;
}

export const THRESHOLDS: Record<Strictness, Thresholds> = {
  balanced: { agree: 0.5, slot: 0.25, anchor: 1.2, ratio: 0.6, timeConflict: 0.45 },
  conservative: { agree: 0.62, slot: 0.28, anchor: 2, ratio: 0.7, timeConflict: 0.5 },
};

interface DetailStance {
  source: string;
  stance: Stance;
  evidence: Evidence;
  /** A conflict too loosely aligned to flag: it only keeps the sentence from agreeing. */
  weak?: boolean;
  /** The reference claim compared, and which of its figures. */
  ref?: number;
  figure?: Figure;
}

export interface Judgement {
  verdict: Verdict;
  evidence: Evidence[];
}

interface Context {
  index: RefIndex;
  docs: Map<string, ReferenceDocumentMeta>;
  lexicon: Lexicon;
  t: Thresholds;
}

/** An outlet, a quoted title and a date: a line of a list of sources. */
const CITATION = /^[^"“”]{1,80},\s[“"][^“”"]{1,300}[”"],?\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4}|\d{1,2}\s[A-Z][a-z]{2,8}\s\d{4})\.?$/;

/** Candidates the caller usually gives, and how many to look through for a date that vouches. */
const VOUCH_SHORTLIST = 12;
const VOUCH_WIDE = 40;

export function judge(
  page: Claim,
  cands: Candidate[],
  index: RefIndex,
  docs: Map<string, ReferenceDocumentMeta>,
  lexicon: Lexicon,
  strictness: Strictness = 'balanced',
): Judgement {
  const ctx: Context = { index, docs, lexicon, t: THRESHOLDS[strictness] };
  // a label ("9:30 a.m. ET", "The gas attack") says nothing to check
  if (!page.asserts && page.terms.length < 2) return { verdict: 'unverified', evidence: [] };
  // nor does a sentence of one word that leans on nothing before it ("Neither is likely to get much today")
  if (page.terms.length < 2 && !page.context?.length) return { verdict: 'unverified', evidence: [] };
  // a citation of a source (Sky News, "Trump and Putin to hold talks on Syria later," May 2, 2017) names a title
  if (CITATION.test(page.text.trim())) return { verdict: 'unverified', evidence: [] };
  // a question ("How many times have they spoken?") asks; it states nothing to check
  if (/\?["'”’)\]]*$/.test(page.text.trim())) return { verdict: 'unverified', evidence: [] };
  let wide: Candidate[] | undefined;
  const details: DetailStance[][] = [
    ...partsApart(page.figures.map((f) => compareFigure(f, page, cands, ctx))),
    ...page.times.map((tm) => {
      const found = compareTime(tm, page, cands, ctx);
      // the event a date is beside ("the US strike two months ago") may be dated in a sentence that shares little
      // else, below a full shortlist
      const event =
        !found.length && tm.kind !== 'clock' && cands.length >= VOUCH_SHORTLIST
          ? eventOfClaim(page, page.text, tm.text, ctx.lexicon)
          : null;
      const wider = (keep: (c: Candidate) => boolean) => {
        const more = candidates(page, ctx.index, VOUCH_WIDE).filter((c) => !cands.some((k) => k.ref === c.ref) && keep(c));
        return more.length ? compareTime(tm, page, [...cands, ...more], ctx) : found;
      };
      if (event) return wider((c) => c.shared.some((t) => event.head.includes(t)));
      // likewise a clock time: the one sentence giving the time of that kind of event ("scheduled to speak at
      // 12:30pm ET") may rank below a long sentence's shortlist
      if (!found.length && tm.kind === 'clock' && cands.length >= VOUCH_SHORTLIST) {
        const kinds = eventConcepts(ctx.lexicon);
        return wider((c) => c.shared.some((t) => kinds.has(t)) && !!ctx.index.claims[c.ref]?.claim.times.some((t) => t.kind === 'clock'));
      }
      // a source may say the page's date in a sentence that ranked below the shortlist: look further
      // (once per sentence, and only at sentences sharing two content terms or names) before letting
      // another date stand against it
      if (!found.some((s) => s.stance === 'contradict') || cands.length < VOUCH_SHORTLIST) return found;
      wide ??= candidates(page, ctx.index, VOUCH_WIDE).filter(
        (c) => !cands.some((k) => k.ref === c.ref) && c.shared.filter((t) => !t.startsWith('a:')).length >= 2,
      );
      return wide.length ? compareTime(tm, page, [...cands, ...wide], ctx) : found;
    }),
    ...page.frames.map((fr) => compareFrame(fr, page, cands, ctx)),
    ...(page.categories ?? []).map((cat) => compareCategory(cat, page, cands, ctx)),
    termNegation(page, cands, ctx),
    roleConflict(page, ctx),
    sequenceConflict(page, cands, ctx),
    datedOrder(page, ctx),
    orderedDate(page, cands, ctx),
    firstOfKind(page, ctx),
  ]
    .map(perSource)
    .filter((d) => d.length > 0);

  const strong = (s: DetailStance) => s.stance === 'contradict' && !s.weak;
  const contradicted = details.filter((d) => d.some(strong)).map((d) => d.filter((s) => !s.weak));
  if (contradicted.length) {
    const disputed = contradicted.every((d) => d.some((s) => s.stance === 'agree'));
    const evidence = uniqueEvidence(contradicted.flat().map((s) => s.evidence));
    return { verdict: disputed ? 'disputed' : 'contradict', evidence };
  }
  // a date that the aligned references only contradict, however loosely, leaves the sentence unsettled
  if (details.some((d) => d.length > 0 && d.every((s) => s.weak))) return { verdict: 'unverified', evidence: [] };
  // someone the references do not quote holds the position: only a figure they report is checked
  const voiced = unknownVoice(page, ctx);
  const agreeing = details.flat().filter((s) => s.stance === 'agree' && (!voiced || !!s.figure));
  if (!agreeing.length) {
    const denied = negationConflict(page, cands, ctx);
    if (denied.length) return { verdict: 'contradict', evidence: denied };
  }
  const wording = wordingAgreement(page, cands, ctx);
  if (agreeing.length || wording.length) {
    return { verdict: 'agree', evidence: uniqueEvidence([...agreeing.map((s) => s.evidence), ...wording]) };
  }
  return { verdict: 'unverified', evidence: [] };
}

/**
 * Two counts of one kind in a sentence ("600,000 Syrians in Germany, of the nearly 5 million who
 * fled") are two quantities: where one matches a reference figure, that figure is not what the other counts.
 */
function partsApart(perFigure: DetailStance[][]): DetailStance[][] {
  const matched = new Set(
    perFigure
      .flat()
      .filter((s) => s.stance === 'agree' && s.figure)
      .map((s) => s.figure),
  );
  return perFigure.map((d) =>
    d.some((s) => s.stance === 'agree') ? d : d.filter((s) => !(s.stance === 'contradict' && s.figure && matched.has(s.figure))),
  );
}

/** One source does not dispute itself: where it has a sentence that agrees, its other sentences were about something else. */
function perSource(stances: DetailStance[]): DetailStance[] {
  const agreeing = new Set(stances.filter((s) => s.stance === 'agree').map((s) => s.source));
  return stances.filter((s) => s.stance === 'agree' || !agreeing.has(s.source));
}

function uniqueEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.source}\u0000${e.text}\u0000${e.stance}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function evidenceFor(c: Candidate, ctx: Context, stance: Stance, reason: string): Evidence {
  const ref = ctx.index.claims[c.ref];
  const doc = ref ? ctx.docs.get(ref.doc) : undefined;
  return { source: ref?.doc ?? '', outlet: doc?.outlet ?? ref?.doc ?? '', text: ref?.sentence ?? '', stance, reason };
}

const outletOf = (c: Candidate, ctx: Context) => {
  const ref = ctx.index.claims[c.ref];
  return (ref && ctx.docs.get(ref.doc)?.outlet) || ref?.doc || 'reference';
};

/**
 * How a reference aligns with the sentence's own words: context inherited from the sentence before
 * helps find the slot, not to say it is the same statement or event.
 */
function ownAlignment(page: Claim, cand: Candidate, ctx: Context): Candidate {
  const ref = ctx.index.claims[cand.ref]?.claim;
  return page.context && ref ? align({ ...page, context: undefined }, ref, ctx.index) : cand;
}

/** Weight of shared terms other than those that only restate the detail being compared. */
function anchorWeight(c: Candidate, exclude: Set<string>, ctx: Context): number {
  let w = 0;
  // judgement words say how, not what about: they never anchor a slot
  for (const t of c.shared) if (!exclude.has(t) && !t.startsWith('a:')) w += weight(ctx.index, t);
  return w;
}

/**
 * The comparisons about the same slot. A contradiction needs a reference that aligns well and
 * nearly as well as the best (tight); a source that has any aligned sentence agreeing (loose) is
 * not counted as contradicting: its other sentence was about something else.
 */
function slotStances<T extends { cand: Candidate }>(
  items: T[],
  exclude: Set<string>,
  ctx: Context,
  stanceOf: (x: T) => DetailStance | null,
  narrow?: (xs: T[]) => T[],
  /** Dates are everywhere: only figures and frames may stand on a strong anchor alone. */
  strongAnchorSuffices: boolean | ((x: T) => boolean) = true,
): DetailStance[] {
  // aligned well enough, or anchored strongly enough that the rest of the sentence is commentary
  let loose = items.filter((x) => {
    const anchor = anchorWeight(x.cand, exclude, ctx);
    const strong = typeof strongAnchorSuffices === 'function' ? strongAnchorSuffices(x) : strongAnchorSuffices;
    return anchor >= ctx.t.anchor && (x.cand.score >= ctx.t.slot || (strong && anchor >= 2 * ctx.t.anchor));
  });
  if (narrow) loose = narrow(loose);
  // outlets word things differently: each source's sentences are ranked against its own best
  const best = new Map<string, number>();
  for (const x of loose) {
    const doc = ctx.index.claims[x.cand.ref]?.doc ?? '';
    best.set(doc, Math.max(best.get(doc) ?? 0, x.cand.score));
  }
  const known = (x: DetailStance | null): x is DetailStance => x !== null;
  const tight = loose
    .filter((x) => x.cand.score >= (best.get(ctx.index.claims[x.cand.ref]?.doc ?? '') ?? 0) * ctx.t.ratio)
    .map(stanceOf)
    .filter(known);
  // vouching needs less: any sentence of the source that shares a content term and agrees
  // (two terms at least: one word in common, "killed", is as likely another event)
  const sharesContent = (x: T) => x.cand.shared.filter((t) => !t.startsWith('a:') && !exclude.has(t)).length >= 2;
  // and is as precise: "last month" does not vouch for "7 April" against "4 April"
  const vouched = new Set(
    (narrow ? narrow(items) : items)
      .filter(sharesContent)
      .map(stanceOf)
      .filter(known)
      .filter((s) => s.stance === 'agree')
      .map((s) => s.source),
  );
  return tight.filter((s) => s.stance === 'agree' || !vouched.has(s.source));
}

function unitTerms(unit: string, ctx: Context): Set<string> {
  const out = new Set([`s:${unit}`, `c:${unit}`]);
  for (const [cue, u] of ctx.lexicon.unitEventCues) if (u === unit) for (const c of ctx.lexicon.concepts.get(cue) ?? []) out.add(c);
  for (const c of ctx.lexicon.concepts.get(unit) ?? []) out.add(c);
  return out;
}

/** Terms of the words that say what kind of event a count belongs to ("attack", "war"). */
const scopeTermsOf = new WeakMap<Lexicon, Set<string>>();
function scopeTerms(ctx: Context): Set<string> {
  let out = scopeTermsOf.get(ctx.lexicon);
  if (!out) {
    out = new Set();
    for (const w of ctx.lexicon.scopeWords.keys()) for (const c of ctx.lexicon.concepts.get(w) ?? [`s:${stem(w)}`]) out.add(c);
    scopeTermsOf.set(ctx.lexicon, out);
  }
  return out;
}

/** Units too general to assume two unanchored figures count the same thing. */
const GENERAL_UNITS = new Set(['people', 'time', 'percent', 'money', 'day', 'week', 'month']);

/**
 * Counts in different kinds of event ("killed in the war", "the attack killed 90") are different
 * quantities, and so are a part and the whole ("30 children" of "86 people").
 */
/** A span of time measures what its scope says: "over three years" is not the "six-year" war. */
const DURATION = new Set(['year', 'month', 'week', 'day', 'hour', 'minute']);
const otherScope = (a: Figure, b: Figure) =>
  (!!a.scope && !!b.scope && a.scope !== b.scope) ||
  (a.part ?? '') !== (b.part ?? '') ||
  (!a.ordinal && DURATION.has(a.unit) && a.scope !== b.scope);

/** Figures the references give for a unit, when they all agree on one value: one slot, whatever the wording. */
const singleSlots = new WeakMap<RefIndex, Map<string, { ref: number; fig: Figure }[] | null>>();
function singleSlot(unit: string, ctx: Context): { ref: number; fig: Figure }[] | null {
  let byUnit = singleSlots.get(ctx.index);
  if (!byUnit) {
    const all = new Map<string, { ref: number; fig: Figure }[]>();
    ctx.index.claims.forEach((c, ref) => {
      for (const fig of c.claim.figures) {
        if (fig.ordinal) continue;
        const list = all.get(fig.unit);
        if (list) list.push({ ref, fig });
        else all.set(fig.unit, [{ ref, fig }]);
      }
    });
    byUnit = new Map();
    // ranges on a line overlap pairwise exactly when the highest low is below the lowest high
    for (const [u, list] of all) {
      // a loop, not a spread: a large set has more figures of a unit than a call takes arguments
      let low = Number.NEGATIVE_INFINITY;
      let high = Number.POSITIVE_INFINITY;
      for (const x of list) {
        low = Math.max(low, x.fig.low);
        high = Math.min(high, x.fig.high);
      }
      byUnit.set(u, list.length && low <= high ? list : null);
    }
    singleSlots.set(ctx.index, byUnit);
  }
  return byUnit.get(unit) ?? null;
}

/**
 * Reference figures of one unit whose sentences share an anchor beyond the unit are statements
 * about the same quantity ("more than 80 people dead" in the chemical attack on Khan Sheikhoun,
 * "the sarin attack, which killed 90"): found once, compared together.
 */
const CLUSTER_CANDIDATES = 24;
const clusters = new WeakMap<RefIndex, Map<string, { ref: number; fig: Figure }[]>>();
function figureCluster(ref: number, fig: Figure | undefined, ctx: Context): { ref: number; fig: Figure }[] {
  if (!fig) return [];
  let byKey = clusters.get(ctx.index);
  if (!byKey) {
    byKey = new Map();
    clusters.set(ctx.index, byKey);
  }
  const key = `${ref}\u0000${fig.unit}\u0000${fig.text}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const home = ctx.index.claims[ref];
  const exclude = unitTerms(fig.unit, ctx);
  const out: { ref: number; fig: Figure }[] = [];
  for (const a of home ? candidates(home.claim, ctx.index, CLUSTER_CANDIDATES) : []) {
    const other = ctx.index.claims[a.ref];
    if (!home || !other || a.ref === ref || other.doc === home.doc) continue;
    const mates = other.claim.figures.filter((g) => g.unit === fig.unit && !g.ordinal && !otherScope(fig, g));
    if (mates.length && anchorWeight(a, exclude, ctx) >= 2 * ctx.t.anchor) for (const g of mates) out.push({ ref: a.ref, fig: g });
  }
  byKey.set(key, out);
  return out;
}

function compareFigure(f: Figure, page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  // a count the page dates to another day ("dozens killed over the weekend") is of another event
  const datedElsewhere = (ref: number) => conflictsWithDetails({ ...page, figures: [] }, ctx.index.claims[ref]?.claim ?? page);
  const pastOf = (ref: number) => {
    const r = ctx.index.claims[ref];
    if (!r || r.claim.times.some((t) => !t.since && !t.implied)) return false;
    const day = reportNoon(r.doc, ctx) - DAY_MS / 2;
    // (not a date of what the count runs since: "the second since Trump took office in January")
    const since = page.text.search(/\bsince\b/i);
    return page.times.some(
      (t) => t.kind !== 'clock' && !t.since && !t.possessive && t.end <= day && (since < 0 || page.text.indexOf(t.text) < since),
    );
  };
  const items: { cand: Candidate; rf: Figure }[] = [];
  // a population counted in a city ("in Amman, where 660,000 Syrians are registered") is that
  // city's, not the country's; the dead of an event are counted wherever the sentence stands
  const population = ctx.lexicon.unitKinds.get(f.unit) === 'population';
  // the names close before the count, in its clause: whose population it is
  const at = page.text.indexOf(f.text);
  const near = population && at >= 0 ? page.text.slice(Math.max(0, at - 60), at).replace(/^.*[,;:]/, '') : '';
  const owners = near ? ctx.lexicon.aliases.find(near).map((m) => m.id) : [];
  const alone = page.figures.filter((g) => g.unit === f.unit).length === 1;
  const cities = population ? (page.categories ?? []).filter((c) => c.group === 'city' && !c.negated).map((c) => c.value) : [];
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref];
    if (cities.length && !cities.some((v) => ref?.claim.categories?.some((c) => c.group === 'city' && c.value === v))) continue;
    // ("Canada has taken in 40,000 Syrian refugees": a count of a place the reference does not name)
    if (population && unnamedIn(page, ref?.sentence ?? '', ctx)) continue;
    // (or one it knows but does not name there: "Germany has pledged to resettle 500 Syrian refugees"; where the
    // sentence gives the whole too, "600,000 Syrians, of the nearly 5 million who fled", parts are told apart below)
    if (population && alone && owners.some((e) => e !== page.speaker && !ref?.claim.entities.includes(e))) continue;
    for (const rf of ref?.claim.figures ?? []) {
      if (rf.unit !== f.unit || !!rf.ordinal !== !!f.ordinal || otherScope(f, rf)) continue;
      // ordinals count within a series: "the third time since he took office"
      if (f.since && rf.since && !f.since.some((t) => rf.since?.includes(t))) continue;
      // and the first of a series is only ever the first of the same series: "their first call came when Mr
      // Putin rang to congratulate…" is neither "the first time since the strike" nor "the third time since…"
      if (f.ordinal && f.low === 1 && !!f.since !== !!rf.since) continue;
      items.push({ cand, rf });
    }
  }
  const stanceOf = ({ cand, rf }: { cand: Candidate; rf: Figure }): DetailStance | null => {
    const stance: Stance = overlaps(f, rf) ? 'agree' : 'contradict';
    if (!f.ordinal && datedElsewhere(cand.ref)) return null;
    // "in their second call, on April 3": a count of an earlier event than the one an undated reference
    // counts ("It will be the third time"), which is the report's own
    if (f.ordinal && pastOf(cand.ref)) return null;
    const reason = `${f.ordinal ? 'how many times' : f.unit}: page says ${f.text}; ${outletOf(cand, ctx)} says ${rf.text}`;
    return {
      source: ctx.index.claims[cand.ref]?.doc ?? '',
      stance,
      evidence: evidenceFor(cand, ctx, stance, reason),
      ref: cand.ref,
      figure: rf,
    };
  };
  // what kind of event the dead are counted in ("attack", "war") does not say which one it was: "a nightclub
  // attack that killed 39" is not the chemical attack; a name, a place or a weapon must anchor it
  const casualties = ctx.lexicon.unitKinds.get(f.unit) === 'casualty';
  // the dead of an attack no name, weapon or sentence before places ("the city has been on alert since a
  // nightclub attack that killed 39"): an attack, but not one the references speak of
  // (a weapon or the like still names it: "the chemical attack killed 20 people")
  if (casualties && !page.entities.length && !page.context?.length && !page.categories?.length) {
    const plain = new Set([...unitTerms(f.unit, ctx), ...scopeTerms(ctx), ...(ctx.lexicon.concepts.get('town') ?? [])]);
    if (!page.terms.some((t) => t.startsWith('c:') && !plain.has(t))) return [];
  }
  const found = slotStances(items, new Set([...unitTerms(f.unit, ctx), ...(casualties ? scopeTerms(ctx) : [])]), ctx, stanceOf);
  if (found.length && !f.ordinal) {
    // what the other sources say of the same quantity: their figures clustered with the ones found
    const sources = new Set(found.map((d) => d.source));
    for (const d of [...found]) {
      for (const mate of figureCluster(d.ref ?? -1, d.figure, ctx)) {
        const doc = ctx.index.claims[mate.ref]?.doc ?? '';
        if (sources.has(doc)) continue;
        sources.add(doc);
        const st = stanceOf({ cand: { ref: mate.ref, score: 0, shared: [] }, rf: mate.fig });
        if (st) found.push(st);
      }
    }
  }
  if (found.length || f.ordinal || GENERAL_UNITS.has(f.unit) || cities.length) return found;
  if (population && unnamedIn(page, '', ctx)) return found;
  // still about the same thing at all: some of the sentence must be in the reference's
  const single = (singleSlot(f.unit, ctx) ?? []).filter(
    ({ ref, fig }) =>
      !otherScope(f, fig) &&
      (cands.find((c) => c.ref === ref)?.score ?? 0) >= ctx.t.slot &&
      !(population && alone && owners.some((e) => e !== page.speaker && !ctx.index.claims[ref]?.claim.entities.includes(e))),
  );
  return single.flatMap(({ ref, fig }) => stanceOf({ cand: { ref, score: 0, shared: [] }, rf: fig }) ?? []);
}

/** A reference whose sentence has the page's own act between the same two actors ("Putin called to congratulate Trump"): the same event. */
function sameAct(page: Claim, ref: Claim): boolean {
  return page.frames.some(
    (fr) =>
      fr.agent &&
      fr.target &&
      ref.frames.some((rf) => rf.axis === fr.axis && rf.agent === fr.agent && rf.target === fr.target && rf.polarity === fr.polarity),
  );
}

const DAY_MS = 86_400_000;

/** Words of dates themselves ("April", "Tuesday"): sharing them says nothing about being the same event. */
const TIME_TERMS = new Set([...MONTHS, ...WEEKDAYS].map((w) => `s:${stem(w)}`));

/**
 * Two events put the other way round from a reference that aligns with the sentence ("complained …, shortly
 * before Moscow vetoed …" against "Trump said after Russia vetoed …"). Only ever a conflict: the same order
 * says nothing more than the words already do.
 */
function sequenceConflict(page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  if (!page.sequences?.length) return [];
  const out: DetailStance[] = [];
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref]?.claim;
    if (!ref?.sequences?.length || cand.score < ctx.t.slot) continue;
    for (const ps of page.sequences) {
      const rs = ref.sequences.find((r) => reversedOrder(ps, r));
      if (!rs) continue;
      const reason = `order: page "${ps.connective}", ${outletOf(cand, ctx)} "${rs.connective}" — the other way round`;
      out.push({
        source: ctx.index.claims[cand.ref]?.doc ?? '',
        stance: 'contradict',
        evidence: evidenceFor(cand, ctx, 'contradict', reason),
      });
      break;
    }
  }
  return out;
}

/**
 * Two events the page puts in an order its references' dates deny ("the St Petersburg metro bombing,
 * which came a day after the gas attack on Khan Sheikhoun": the references date the bombing 3 April and
 * the attack 4 April). Each event is dated by the references' sentences that name it (its noun and a
 * word that says which one) and give one day; any disagreement among them and nothing is said.
 */
function datedOrder(page: Claim, ctx: Context): DetailStance[] {
  for (const seq of page.sequences ?? []) {
    if (seq.dated) continue;
    const first = dateOfEvent(seq.first, ctx);
    const second = dateOfEvent(seq.second, ctx);
    if (!first || !second || first.start < second.end) continue;
    return [first, second].map((d) => {
      const reason = `order: page "${seq.connective}", the other way round by the dates; ${outletOf(d.cand, ctx)}: ${d.text}`;
      return {
        source: ctx.index.claims[d.cand.ref]?.doc ?? '',
        stance: 'contradict',
        evidence: evidenceFor(d.cand, ctx, 'contradict', reason),
      };
    });
  }
  return [];
}

/**
 * A date the references' order of events denies: they put the page's event after another they date
 * ("The chemical attack … on 4 April" and then "In response, the US leader gave orders to fire 59 cruise
 * missiles…"), and the page dates it before that day ("April 3: U.S. warships fire 59 Tomahawk missiles").
 */
function orderedDate(page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  const days = page.times.filter((t) => t.kind === 'day' && !t.since && !t.possessive && !t.implied);
  if (!days.length) return [];
  const content = (ts: string[], own: string[]) =>
    ts.filter((t) => own.includes(t) && !t.startsWith('e:') && !t.startsWith('a:') && !TIME_TERMS.has(t)).length;
  for (const tm of days) {
    // the event the date is of: its clause's, or the sentence's where the date stands alone ("April 3: …")
    const clause = clauseTerms(page, tm.text, ctx);
    const own = clause.length >= 2 ? clause : page.terms;
    for (const cand of cands) {
      const ref = ctx.index.claims[cand.ref]?.claim;
      if (cand.score < ctx.t.slot || !ref?.sequences) continue;
      for (const rs of ref.sequences) {
        const asFirst = content(rs.first, own);
        const asSecond = content(rs.second, own);
        // the page's event is one side, and not the other too
        if (Math.max(asFirst, asSecond) < 2 || Math.min(asFirst, asSecond) > 1) continue;
        const later = asSecond > asFirst;
        const other = dateOfEvent(later ? rs.first : rs.second, ctx);
        // (dated by the same report that orders them: another's date may be of another such event)
        if (!other || ctx.index.claims[other.cand.ref]?.doc !== ctx.index.claims[cand.ref]?.doc) continue;
        if (later ? tm.end > other.start : tm.start < other.end) continue;
        const reason = `page: ${tm.text}; ${outletOf(cand, ctx)}: ${later ? 'after' : 'before'} ${other.text} ("${rs.connective}")`;
        return [
          { source: ctx.index.claims[cand.ref]?.doc ?? '', stance: 'contradict', evidence: evidenceFor(cand, ctx, 'contradict', reason) },
        ];
      }
    }
  }
  return [];
}

/**
 * "The two leaders first spoke in early April", "their first contact was the condolence call … in April":
 * the first of a kind of event, dated by the page, when the references date one of that kind between
 * the same people earlier ("on January 28, the two presidents discussed… after Putin called…").
 */
function firstOfKind(page: Claim, ctx: Context): DetailStance[] {
  // (most sentences say neither: checked on the text before any word is read)
  if (!/\bfirst\b/i.test(page.text) || /\bsince\b/i.test(page.text)) return [];
  const when = page.times.find((t) => t.kind !== 'clock' && !t.since && !t.possessive && !t.implied);
  if (!when) return [];
  const toks = tokenize(page.text);
  const kinds = eventConcepts(ctx.lexicon);
  // the event noun or verb within two words of "first": "first spoke", "the first contact", "first phone call"
  let kind: string | undefined;
  for (const [i, t] of toks.entries()) {
    if (t.lower !== 'first') continue;
    kind = toks
      .slice(Math.max(0, i - 2), i + 3)
      .flatMap((n) => ctx.lexicon.concepts.get(n.lower) ?? [])
      .find((c) => kinds.has(c));
    if (kind) break;
  }
  if (!kind) return [];
  // the references naming that kind of event, in their order
  const refs = [...new Set((ctx.index.postings.get(kind) ?? []).flatMap((g) => [...groupClaims(ctx.index, g)]))].sort((a, b) => a - b);
  for (const i of refs) {
    const ref = ctx.index.claims[i];
    if (!ref || !page.entities.every((e) => ref.claim.entities.some((r) => sameVoice(r, e, ctx)))) continue;
    if (otherParticipant(page, ref.sentence, page.text.indexOf('first'), ctx)) continue;
    const earlier = ref.claim.times.find((t) => t.kind === 'day' && !t.since && !t.implied && t.end <= when.start);
    if (!earlier) continue;
    const cand: Candidate = { ref: i, score: 0, shared: [kind] };
    const reason = `page: the first ${kind.slice(2)} ${when.text}; ${outletOf(cand, ctx)}: one ${earlier.text}`;
    return [{ source: ref.doc, stance: 'contradict', evidence: evidenceFor(cand, ctx, 'contradict', reason) }];
  }
  return [];
}

type EventDate = { start: number; end: number; text: string; cand: Candidate } | null;
/** Dates found per reference index: the walk is linear in the claims naming the event, so it is done once per event. */
const eventDates = new WeakMap<RefIndex, Map<string, EventDate>>();
function dateOfEvent(terms: string[], ctx: Context): EventDate {
  return cachedBy(eventDates, ctx.index, terms.join(' '), () => findDateOfEvent(terms, ctx));
}

/** The one day the references give an event named by these terms, with a sentence that gives it; null if none or several. */
function findDateOfEvent(terms: string[], ctx: Context): EventDate {
  const heads = terms.filter((t) => eventConcepts(ctx.lexicon).has(t));
  if (!heads.length) return null;
  // (less rare than elsewhere: every sentence naming it must give the same day, or nothing is said)
  const rare = Math.max(2, ctx.index.claims.length * 0.25);
  // the word that says which event: one few references use ("Khan Sheikhoun", "metro")
  const postings = (t: string) => ctx.index.postings.get(t)?.length ?? Number.POSITIVE_INFINITY;
  // (or, where nothing else says which, the noun itself if hardly any reference names such an event: "the subway bombing")
  const named = terms.filter((t) => !heads.includes(t) && postings(t) <= rare);
  const which = named.length ? named : heads.filter((t) => postings(t) <= Math.max(1, ctx.index.claims.length * 0.05));
  if (!which.length) return null;
  let found: { start: number; end: number; text: string; cand: Candidate } | null = null;
  const seen = new Set<number>();
  for (const g of ctx.index.postings.get(heads[0] ?? '') ?? []) {
    for (const i of groupClaims(ctx.index, g)) {
      if (seen.has(i)) continue;
      seen.add(i);
      const ref = ctx.index.claims[i];
      if (!ref || !which.some((t) => ref.claim.terms.includes(t))) continue;
      const days = ref.claim.times.filter((t) => t.kind === 'day' && !t.since && !t.implied);
      if (days.length !== 1) continue;
      const day = days[0] as TimeSpan;
      if (found && (found.start !== day.start || found.end !== day.end)) return null;
      const shared = terms.filter((t) => ref.claim.terms.includes(t));
      found ??= { start: day.start, end: day.end, text: day.text, cand: { ref: i, score: 0, shared } };
    }
  }
  return found;
}

/**
 * A name the page sentence gives that is none of the set's and not in the reference sentence
 * ("Erdogan also spoke to Trump", "Canada has taken in 40,000"): the sentence is about someone or
 * somewhere the reference is not. Capitalised words outside the names the set knows (a sentence's
 * first word only as the subject of a verb).
 */
function unnamedIn(page: Claim, sentence: string, ctx: Context): boolean {
  return namesOf(page, ctx).some((n) => !sentence.includes(n.word));
}

/**
 * One the reference sentence does not name takes part in the page's act, in the clause of the words at
 * `near` ("April 12 - Tillerson meets Putin in Moscow; afterwards Trump says…": not in Trump's clause).
 */
function otherParticipant(page: Claim, sentence: string, near: number, ctx: Context): boolean {
  return namesOf(page, ctx).some((n) => {
    if (!n.participant || sentence.includes(n.word)) return false;
    const between = page.text.slice(Math.min(n.at, near), Math.max(n.at, near));
    return !/[;–—]|\s-\s/.test(between);
  });
}

type UnknownName = { word: string; at: number; participant: boolean };
/** The names a page sentence gives that the set does not know, found once per sentence. */
const unknownNames = new WeakMap<Claim, UnknownName[]>();
function namesOf(page: Claim, ctx: Context): UnknownName[] {
  const cached = unknownNames.get(page);
  if (cached) return cached;
  const out: UnknownName[] = [];
  const names = ctx.lexicon.aliases.find(page.text);
  const tokens = tokenize(page.text);
  const credits = pictureCredits(page.text);
  for (const m of page.text.matchAll(/(?<=^|[\s(“"'‘])(\p{Lu}[\p{L}’'-]{2,})/gu)) {
    const word = m[1] ?? '';
    const at = m.index ?? 0;
    if (NOT_A_NAME.test(word.replace(/['’](re|ve|ll|d|m|s)$/, '')) || names.some((n) => at >= n.start && at < n.end)) continue;
    // a word alone in brackets is a wire's credit ("(Reuters) -") or a short form of what was just named; a
    // picture's credit in brackets ("(Reuters file photo)") names no one in the story either
    if (page.text[at - 1] === '(' && page.text[at + word.length] === ')') continue;
    if (credits.some(([a, b]) => at >= a && at < b)) continue;
    // words the lexicon knows, numbers and headline capitals ("Five million", "REFUGEES -") are no names
    const lower = word.toLowerCase();
    if (ctx.lexicon.concepts.has(lower) || ctx.lexicon.personNouns.has(lower) || ctx.lexicon.generic.has(lower)) continue;
    if (NUMBER_WORD.test(lower) || DATE_WORD.has(lower) || ctx.lexicon.concepts.has(stem(lower))) continue;
    // a sentence's first word is capitalised anyway: a name only as the subject of a verb ("Canada has
    // taken in", "Erdogan also spoke"), not "Roughly five million" or "Some 4 million"
    // (and so is a word after a headline's dash or colon: "REFUGEES - Roughly 4.9 million")
    const subject = at === 0 || /[-–—:]\s*$/.test(page.text.slice(0, at));
    // ("Ankara, like Washington, blamed Damascus", "Ankara and Moscow…": a first word set beside a name is one too)
    const rest = page.text.slice(word.length);
    if (
      subject &&
      !/^\s+(has|have|had|is|was|will|would|also|alone|said|says|told|spoke|took|takes|hosted|hosts|met|accepted|received|admitted|welcomed)\b/.test(
        rest,
      ) &&
      !/^,\s(?:like|unlike|as well as|along with|together with)\s/.test(rest) &&
      !/^\sand\s\p{Lu}/u.test(rest)
    )
      continue;
    out.push({ word, at, participant: participant(page.text, tokens, at, ctx) });
  }
  unknownNames.set(page, out);
  return out;
}
/**
 * A name at `at` that takes part in the sentence's act, not one who tells of it: in the subject before
 * the first verb ("The Turkish president is due", "President Erdogan and President Putin at their talks"),
 * or just after a verb or "with", past titles ("telephoned Mr Erdogan", "spoke with President Duterte").
 * "…, said Sean Spicer" and "Spicer told reporters" name a voice, not a participant.
 */
function participant(text: string, tokens: Token[], at: number, ctx: Context): boolean {
  const i = tokens.findIndex((t) => t.start === at);
  if (i < 0) return false;
  const speech = (t: Token | undefined) => !!t && ctx.lexicon.speech.has(t.lower);
  const first = tokens.findIndex((t) => t.verb);
  const verbAt = first < 0 ? Number.POSITIVE_INFINITY : (tokens[first]?.start ?? 0);
  if (at < verbAt) return !/[,;:–—]/.test(text.slice(0, at)) && !speech(tokens[first]);
  let k = i - 1;
  while (k >= 0 && TITLE.has(tokens[k]?.lower ?? '')) k--;
  const before = tokens[k];
  if (!before || /[,;:–—]/.test(text.slice(before.end, at))) return false;
  // ("spoke to Mr Erdogan", "talked to": the one spoken to, after a verb and "to")
  const to = before.lower === 'to' && !!tokens[k - 1]?.verb && !speech(tokens[k - 1]);
  return to || before.lower === 'with' || (before.verb && !speech(before) && !AUX.has(before.lower));
}
const TITLE = new Set([
  'sen',
  'senator',
  'rep',
  'gen',
  'mr',
  'mrs',
  'ms',
  'dr',
  'president',
  'prime',
  'minister',
  'chancellor',
  'king',
  'queen',
  'premier',
  'sheikh',
  'emir',
]);
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would']);
const DATE_WORD = new Set([...MONTHS, ...WEEKDAYS]);
const NOT_A_NAME =
  /^(They|He|She|It|We|You|Its|Their|His|Her|Our|There|Here|Both|All|Some|Many|Most|Each|Neither|Either|Such|What|When|Where|While|Who|Which|But|And|Yet|So|Then|Now|Also|Even|Still|However|Meanwhile|The|This|That|These|Those|President|Prime|Minister|Mr|Mrs|Ms|Dr|Chancellor|Secretary|Director|Foreign|Defence|Defense|Security|Council|Committee|Intelligence|House|Senate|State|States|United|Air|Force|Islamic|Syrian|Russian|American|British|Western|Republican|Democratic|Democrat|Republicans|Democrats|Eastern|Northern|Southern|GMT|BST|UTC|EDT|EST|ET)$/;

/** Terms of the verb nearest a phrase of the sentence; null when that verb says little ("took place", "was"). */
function nearestVerbTerms(text: string, phrase: string, ctx: Context): string[] | null {
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  let best: { d: number; lower: string } | null = null;
  for (const t of tokenize(text)) {
    // "rebel-held": a part of a compound says no act ("air strikes" does: a noun may name the act)
    if (!(t.verb || ctx.lexicon.axisCues.has(t.lower)) || text[t.start - 1] === '-' || (t.start >= at && t.start < at + phrase.length))
      continue;
    const d = t.start < at ? at - t.end : t.start - (at + phrase.length);
    // in the same clause: "confirmed only last month, continues to cast" dates the confirming
    const between = t.start < at ? text.slice(t.end, at) : text.slice(at + phrase.length, t.start);
    if (/[,;:()—–]/.test(between)) continue;
    if (!best || d < best.d) best = { d, lower: t.lower };
  }
  if (!best || ctx.lexicon.generic.has(best.lower) || LIGHT_VERB.test(best.lower)) return null;
  return ctx.lexicon.concepts.get(best.lower) ?? ctx.lexicon.concepts.get(stem(best.lower)) ?? [`s:${stem(best.lower)}`];
}
/** The concepts of the nouns that name one event ("call", "meeting"): what a clock time can be the time of. */
const eventConceptsOf = new WeakMap<Lexicon, Set<string>>();
function eventConcepts(lexicon: Lexicon): Set<string> {
  let found = eventConceptsOf.get(lexicon);
  if (!found) {
    found = new Set([...lexicon.eventNouns].flatMap((w) => lexicon.concepts.get(w) ?? []));
    eventConceptsOf.set(lexicon, found);
  }
  return found;
}

/** Noon on a reference document's own day (its date line), in ms; NaN when it gives none. */
function reportNoon(doc: string, ctx: Context): number {
  return Date.parse(`${ctx.docs.get(doc)?.date ?? ''}T12:00:00Z`);
}

/** A speech verb just before a date ("said yesterday", "told reporters on Tuesday"), read word by word. */
function saidWhen(before: string): boolean {
  const words = before.toLowerCase().split(/\s+/).filter(Boolean);
  while (/^(on|late|early)$/.test(words.at(-1) ?? '')) words.pop();
  if (/^(said|says|added)$/.test(words.at(-1) ?? '')) return true;
  return words.slice(-3).includes('told');
}

export interface DatedEvent {
  /** Concepts of the event noun ("c:attack"). */
  head: string[];
  /** Terms of the words around it, which say which one it was ("chemical", "Khan Sheikhoun", "US"). */
  terms: string[];
}
const EVENT_GAP = /[,;:()—–]/;
/** "That attack took place last week": the subject of a verb that only says it happened. */
const HAPPENED = /^\s+(?:took place|happened|occurred|was carried out|was launched|came)\s+(?:on\s+|in\s+)?$/i;

/** "the metro bombing that killed 15 people on 3 April": the toll is taken the day the event happened. */
const TOLL = /^\s+(?:killed|left)\s(?:at least\s|more than\s|some\s|nearly\s)?\d[\d,]*\s(?:people\s)?(?:dead\s)?(?:on|in)\s+$/i;

/** eventOf for a claim's date, worked out once per claim: a reference's events serve every page sentence. */
const eventsOf = new WeakMap<Claim, Map<string, DatedEvent | null>>();
function eventOfClaim(claim: Claim, text: string, phrase: string, lexicon: Lexicon): DatedEvent | null {
  return cachedBy(eventsOf, claim, phrase, () => eventOf(text, phrase, lexicon));
}

/** What a date beside an event noun is the date of ("the attack on Khan Sheikhoun last week", "the March 4 attack"). */
export function eventOf(text: string, phrase: string, lexicon: Lexicon): DatedEvent | null {
  const nouns = lexicon.eventNouns;
  const at = text.indexOf(phrase);
  if (!nouns.size || at < 0) return null;
  const end = at + phrase.length;
  const toks = tokenize(text);
  const isHead = (i: number): number | null => {
    const t = toks[i];
    if (!t) return null;
    const two = `${toks[i - 1]?.lower ?? ''} ${t.lower}`;
    if (nouns.has(two)) return i - 1;
    return nouns.has(t.lower) ? i : null;
  };
  // a word of a compound ("rebel-held") is no verb of the sentence
  const verb = (i: number) => !!toks[i]?.verb && text[(toks[i]?.start ?? 1) - 1] !== '-';
  let from = -1;
  let to = -1;
  const first = toks.findIndex((t) => t.start >= end);
  // the date before its noun: "the March 4 attack", "last month's American attack"
  for (let k = 0; k < 4 && first >= 0 && from < 0; k++) {
    const i = first + k;
    const t = toks[i];
    if (!t || EVENT_GAP.test(text.slice(end, t.start))) break;
    const h = isHead(i);
    if (h !== null) [from, to] = [h, i];
    else if (verb(i)) break;
  }
  // the date after it: "the attack on Khan Sheikhoun last week", "the strike two months ago", "that attack took place on …"
  const last = toks.findLastIndex((t) => t.end <= at);
  for (let k = 0; k < 12 && last >= 0 && from < 0; k++) {
    const i = last - k;
    const t = toks[i];
    if (!t) break;
    const between = text.slice(t.end, at);
    if (EVENT_GAP.test(between)) break;
    const h = isHead(i);
    if (h !== null) {
      [from, to] = [h, i];
      break;
    }
    const since = text.slice(toks[i - 1]?.end ?? 0, at);
    if (verb(i) && !HAPPENED.test(since) && !HAPPENED.test(between) && !TOLL.test(since)) break;
  }
  if (from < 0) return null;
  const headText = toks
    .slice(from, to + 1)
    .map((t) => t.lower)
    .join(' ');
  // ("air strike": the concept of the whole, or of its last word)
  const lastWord = toks[to]?.lower ?? '';
  const head = lexicon.concepts.get(headText) ??
    lexicon.concepts.get(lastWord) ??
    lexicon.concepts.get(stem(lastWord)) ?? [`s:${stem(headText)}`];
  // the noun phrase: a few words either side, within the clause, the date itself left out
  const a = toks[Math.max(0, from - 4)]?.start ?? 0;
  const b = toks[Math.min(toks.length - 1, to + 6)]?.end ?? text.length;
  const window = `${
    text
      .slice(a, at)
      .split(/[,;:()—–]/)
      .at(-1) ?? ''
  } ${text.slice(end, b).split(/[,;:()—–]/)[0] ?? ''}`;
  const terms = quickTerms(window, lexicon).filter((t) => !head.includes(t) && !TIME_TERMS.has(t));
  // a leader's act is the state's: "Trump ordered the air strike" is the US strike
  for (const t of [...terms]) {
    const state = t.startsWith('e:') ? lexicon.speaksFor.get(t.slice(2)) : undefined;
    if (state && !terms.includes(`e:${state}`)) terms.push(`e:${state}`);
  }
  return { head, terms };
}

const LIGHT_VERB =
  /^(is|are|was|were|be|been|being|has|have|had|do|does|did|took|take|takes|happened|happens|came|comes|occurred|will|would)$/;

function compareTime(tm: TimeSpan, page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  // "Tuesday's call comes as the FBI investigates", "the 2016 election": not when the sentence's event happened
  // (unless the date is of an event the references date too: "last week's attack on Khan Sheikhoun")
  const event = tm.kind === 'clock' ? null : eventOfClaim(page, page.text, tm.text, ctx.lexicon);
  if (tm.possessive && !event) return [];
  // "investigators said yesterday they had detained…": when it was said, not when what they said happened
  const at = page.text.indexOf(tm.text);
  if (at > 0 && saidWhen(page.text.slice(Math.max(0, at - 40), at))) return [];
  const clock = tm.kind === 'clock';
  // a clock time is of its own clause's event ("Trump and Putin speak by phone at 1230 GMT, their first
  // conversation since…"): what else the sentence says does not make the time less the call's
  // (a day too, but not one inside a "since" clause, "since Mr Trump was sworn in on January 20th", which starts
  // a series rather than dating the sentence's event, and only on a clause that says enough to align by)
  const before = page.text.slice(0, Math.max(0, at)).toLowerCase();
  const sinceAt = before.lastIndexOf('since ');
  const inSince = sinceAt >= 0 && !/\p{L}/u.test(before[sinceAt - 1] ?? '') && !/[,;]/.test(before.slice(sinceAt));
  if (clock || (!tm.since && !inSince)) cands = byClause(tm, page, cands, ctx, clock ? 2 : 3);
  // the same event named beside both dates: "the chemical attack on Khan Sheikhoun last week" and "the chemical
  // attack on the rebel-held town of Khan Sheikhoun on 4 April" date one attack, whatever else the sentences say
  const sameNamed = (cand: Candidate, rt: TimeSpan): boolean => {
    const ref = ctx.index.claims[cand.ref];
    if (!event || !ref) return false;
    const other = eventOfClaim(ref.claim, ref.sentence, rt.text, ctx.lexicon);
    return (
      !!other &&
      other.head.some((t) => event.head.includes(t)) &&
      other.terms.some((t) => !t.startsWith('a:') && (event.terms.includes(t) || !!page.context?.includes(t)))
    );
  };
  // (on the sentence's own words when it leans on the one before; aligned once per reference)
  const owned = new Map<number, Candidate>();
  const ownOf = (cand: Candidate): Candidate => {
    let own = owned.get(cand.ref);
    if (!own) {
      own = ownAlignment(page, cand, ctx);
      owned.set(cand.ref, own);
    }
    return own;
  };
  const top = cands.reduce((m, c) => Math.max(m, ownOf(c).score), 0);
  // how well a reference aligns on what the sentences say beyond their months and weekdays: "January 20 -
  // Trump is sworn in" shares "January" with "on January 28, the two presidents discussed…", not an event
  // (on the sentence's own words where it says enough itself: what the one before was about dates nothing here)
  const words = page.terms.filter((t) => !TIME_TERMS.has(t) && !t.startsWith('a:'));
  const self = words.length >= 3 ? { ...page, context: undefined } : page;
  const kinds = clauseTerms(page, tm.text, ctx).filter((t) => eventConcepts(ctx.lexicon).has(t));
  const undatedOf = new Map<number, number>();
  const undated = (cand: Candidate): number => {
    const ref = ctx.index.claims[cand.ref]?.claim;
    if (!ref || !cand.shared.some((t) => TIME_TERMS.has(t))) return cand.score;
    let score = undatedOf.get(cand.ref);
    if (score === undefined) {
      score = align(self, ref, ctx.index, TIME_TERMS).score;
      undatedOf.set(cand.ref, score);
    }
    return score;
  };
  // what the date is the date of: the verb nearest it ("testifies … tomorrow" is not "confirmed in March")
  const verbTerms = event?.head ?? nearestVerbTerms(page.text, tm.text, ctx);
  // the act the date is the date of, shared with the reference, between the same names: "Trump and
  // Putin spoke by telephone yesterday" dates the call, however much else either sentence says
  const datedAct = (cand: Candidate, stance: Stance): boolean => {
    const ref = ctx.index.claims[cand.ref]?.claim;
    const own = ownOf(cand);
    if (!ref || !verbTerms?.some((t) => own.shared.includes(t))) return false;
    const shared = page.entities.filter((e) => ref.entities.includes(e));
    // where the reference says who did what to whom among the page's names, the page must say it too
    // ("who placed the first of those calls: it was Mr Trump, not the Russian leader" is about that)
    const untold = ref.frames.some(
      (rf) =>
        rf.agent &&
        rf.target &&
        page.entities.includes(rf.agent) &&
        page.entities.includes(rf.target) &&
        !page.frames.some((pf) => pf.axis === rf.axis && pf.agent === rf.agent && pf.target === rf.target),
    );
    // a different date on so little is as likely another event ("spoke by phone on Saturday with Duterte"): agreement only
    // and a negation in one and not the other ("it was Mr Trump, and not the Russian leader") is something else said
    return stance === 'agree' && !untold && ref.negated === page.negated && shared.length >= 2 && shared.length === page.entities.length;
  };
  const overlapsTm = (rt: TimeSpan) => tm.start < rt.end && rt.start < tm.end;
  const items: { cand: Candidate; rt: TimeSpan }[] = [];
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref];
    for (const rt of ref?.claim.times ?? []) {
      if ((rt.kind === 'clock') !== clock || !!rt.since !== !!tm.since) continue;
      if ((tm.possessive || rt.possessive) && !sameNamed(cand, rt) && !(!tm.possessive && tm.start < rt.end && rt.start < tm.end)) continue;
      if (clock && !!rt.unzoned !== !!tm.unzoned) continue;
      items.push({ cand, rt });
    }
  }
  // the most precise statement decides: "April" neither confirms nor denies "14 April" when another says "4 April"
  const len = tm.end - tm.start;
  const finest = (xs: typeof items) => {
    const finer = xs.filter(({ rt }) => rt.end - rt.start <= len * 1.01);
    return finer.length ? finer : xs;
  };
  const implied = new Set<DetailStance>();
  const stanceOfTime = ({ cand, rt }: { cand: Candidate; rt: TimeSpan }): DetailStance | null => {
    const stance: Stance = overlapsTm(rt) ? 'agree' : 'contradict';
    // the right date of what the sentence names ("denied meddling in last year's election") is not what it says
    if (tm.possessive && stance === 'agree') return null;
    // a sentence about someone the reference does not name ("Erdogan also spoke to Trump by phone last
    // month") dates another event, however well the rest aligns
    // (not when the date is of an event both name: "the Micex slid … after the April 7 chemical attack")
    if (
      stance === 'contradict' &&
      !sameNamed(cand, rt) &&
      otherParticipant(page, ctx.index.claims[cand.ref]?.sentence ?? '', tm.start, ctx)
    )
      return null;
    // a much coarser date is consistent with the page's but does not say it: "last month" does not confirm
    // "last week" or "4 April" (it does "a month ago")
    if (stance === 'agree' && len <= 7 * DAY_MS && rt.end - rt.start >= 4 * len) return null;
    // too loosely aligned to flag, but enough to forbid agreeing (see judge)
    // a clock time is of one event: a reference on the same day naming the same kind of event
    // ("the call", "scheduled") gives its time, however little else the sentences share
    const sameEvent = clock && cand.score >= ctx.t.slot && cand.shared.some((t) => eventConcepts(ctx.lexicon).has(t));
    const act = sameAct(page, ctx.index.claims[cand.ref]?.claim ?? page);
    // the sentence the page's best matches, naming the same one doing the same thing ("Comey …
    // confirmed … investigation"): the same event, though the rest of the sentences differ
    // (on the sentence's own words: what the sentences before were about does not make it the same event)
    const own = ownOf(cand);
    const content = own.shared.filter((t) => !t.startsWith('a:') && !TIME_TERMS.has(t));
    const closest =
      own.score >= ctx.t.slot &&
      own.score >= top &&
      !unnamedIn(page, ctx.index.claims[cand.ref]?.sentence ?? '', ctx) &&
      content.length >= 3 &&
      content.some((t) => !t.startsWith('e:')) &&
      (verbTerms === null || verbTerms.some((t) => own.shared.includes(t)));
    const weak =
      stance === 'contradict' &&
      !tm.since &&
      !sameNamed(cand, rt) &&
      undated(cand) < ctx.t.timeConflict &&
      !sameEvent &&
      !act &&
      !closest &&
      !datedAct(cand, stance);
    // a loose conflict with a sentence that does not speak of the act the date is the date of ("April 12 –
    // Russia vetoes …" against "the chemical attack … on 4 April") is about another event: no conflict at all
    if (weak && verbTerms && !verbTerms.some((t) => own.shared.includes(t))) return null;
    // nor is a date of a kind of event the reference does not name ("Trump was sworn in on January 20"
    // against "on January 28, the two presidents discussed…")
    // (where no verb nearer the date says what it dates, and the date's clause names one kind of event)
    if (
      stance === 'contradict' &&
      !clock &&
      verbTerms === null &&
      kinds.length === 1 &&
      !sameNamed(cand, rt) &&
      !kinds.some((t) => cand.shared.includes(t) || own.shared.includes(t))
    )
      return null;
    const reason = `page: ${tm.text}; ${outletOf(cand, ctx)}: ${rt.text}`;
    const out: DetailStance = {
      source: ctx.index.claims[cand.ref]?.doc ?? '',
      stance,
      evidence: evidenceFor(cand, ctx, stance, reason),
      ...(weak ? { weak } : {}),
    };
    if (rt.implied) implied.add(out);
    return out;
  };
  // the same event named beside both dates is the slot itself, however little else the sentences share
  const namedItems = items.filter(({ cand, rt }) => sameNamed(cand, rt));
  const found = [
    ...finest(namedItems)
      .map(stanceOfTime)
      .filter((d): d is DetailStance => d !== null),
    ...slotStances(
      items.filter((x) => !namedItems.includes(x)),
      TIME_TERMS,
      ctx,
      stanceOfTime,
      finest,
      ({ cand, rt }) => !!tm.since || datedAct(cand, overlapsTm(rt) ? 'agree' : 'contradict'),
    ),
  ];
  // a written date is the better quote: the report's own day stands in only where none says as much
  return found.filter((d) => !implied.has(d) || !found.some((o) => !implied.has(o) && o.stance === d.stance && !o.weak));
}

/** Candidates aligned on the clause holding a detail where that aligns them better than the whole sentence. */
function byClause(tm: TimeSpan, page: Claim, cands: Candidate[], ctx: Context, least: number): Candidate[] {
  const terms = clauseTerms(page, tm.text, ctx);
  if (terms.length < least || (terms.length === page.terms.length && !page.context?.length)) return cands;
  return cands.map((c) => {
    const ref = ctx.index.claims[c.ref]?.claim;
    const own = ref ? align({ ...page, terms, context: undefined }, ref, ctx.index) : c;
    return own.score > c.score ? { ...c, score: own.score, shared: own.shared } : c;
  });
}

/** A value worked out once per owner (a claim, a reference index) and key. */
function cachedBy<O extends object, V>(store: WeakMap<O, Map<string, V>>, owner: O, key: string, make: () => V): V {
  let known = store.get(owner);
  if (!known) {
    known = new Map();
    store.set(owner, known);
  }
  if (known.has(key)) return known.get(key) as V;
  const value = make();
  known.set(key, value);
  return value;
}

/** The sentence's terms found in the clause holding a phrase of it (all of them where the clause is the sentence). */
const clauseTermsOf = new WeakMap<Claim, Map<string, string[]>>();
function clauseTerms(page: Claim, phrase: string, ctx: Context): string[] {
  return cachedBy(clauseTermsOf, page, phrase, () => readClauseTerms(page, phrase, ctx));
}

function readClauseTerms(page: Claim, phrase: string, ctx: Context): string[] {
  // (a relative clause set off by commas is the subject's description: "The conversation, which took place two
  // days ago, began at 20:30" keeps its subject)
  const clause = page.text
    .replace(/,\s(?:which|who)\s[^,]*,/g, '')
    .split(/[,;()\u2013\u2014]|:\s|\s-\s/)
    .find((c) => c.includes(phrase));
  if (!clause || clause.length === page.text.length) return page.terms;
  const own = new Set(quickTerms(clause, ctx.lexicon));
  return page.terms.filter((t) => own.has(t));
}

/** The name just before a place in a sentence ("Shayrat airfield, which lies outside the port city of Latakia"), or null. */
function placeHolder(text: string, place: string, ctx: Context): string | null {
  const at = text.toLowerCase().indexOf(place.toLowerCase());
  if (at < 0) return null;
  const before = ctx.lexicon.aliases.find(text).filter((m) => m.end <= at && at - m.end <= 48);
  const last = before.at(-1);
  // where it is, not what it is part of: "near", "outside", "southeast of", or set off by a comma ("the Black Sea
  // resort of Sochi" says where Sochi is, not where the Black Sea is); no sentence break between
  const between = last ? text.slice(last.end, at) : '';
  return last &&
    !/[.;]/.test(between) &&
    /,|\b(near|outside|in|at|close to|(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(ern)? of)\s+(the\s+)?$/i.test(
      between.replace(/\b(port|city|town|village|province|region)\s+of\s+$/i, ''),
    )
    ? last.id
    : null;
}

/** One of an exclusive group ("southwest" against "southeast of Homs", "chlorine" against "sarin"). */
function compareCategory(cat: NonNullable<Claim['categories']>[number], page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  const items: { cand: Candidate; value: string; text: string; negated?: boolean }[] = [];
  const { sameNames = false, denyOnly = false } = ctx.lexicon.exclusive?.groups.get(cat.group) ?? {};
  // a sentence naming two places of the kind ("Reporting by … in Washington, … in Sochi") places nothing
  // (and so does one naming two of a kind that only denies: "misled the FBI, faces a Pentagon inquiry")
  if ((sameNames || denyOnly) && (page.categories ?? []).some((c) => c.group === cat.group && c.value !== cat.value)) return [];
  // a value that only denies, given by a reference the page aligns with ("the FBI is examining…, while the Pentagon
  // is carrying out an inquiry"): the page's may be the one that fits, whatever other sentences name
  const has = (c: Candidate) =>
    ctx.index.claims[c.ref]?.claim.categories?.some((rc) => rc.group === cat.group && rc.value === cat.value && !rc.negated);
  if (denyOnly && !cat.negated && cands.some((c) => c.score >= ctx.t.slot && has(c))) return [];
  // a name is rare when it is in few of the references: "the US" and "Syria" are named everywhere
  const rare = Math.max(2, ctx.index.claims.length * 0.1);
  // "the Shayrat air base lies near Aleppo" against "the Sharyat military base, southeast of Homs": where a
  // place the references rarely name is, whoever else either sentence names
  const holder = sameNames ? placeHolder(page.text, cat.text, ctx) : null;
  const located = holder !== null && (ctx.index.postings.get(`e:${holder}`)?.length ?? 0) <= rare;
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref]?.claim;
    const sentence = ctx.index.claims[cand.ref]?.sentence ?? '';
    if (located && ref?.entities.includes(holder)) {
      const there = (ref.categories ?? []).filter((rc) => rc.group === cat.group && placeHolder(sentence, rc.text, ctx) === holder);
      for (const rc of there) items.push({ cand, value: rc.value, text: rc.text, ...(rc.negated ? { negated: true } : {}) });
      if (there.length) continue;
    }
    if (sameNames && ref) {
      // a meeting the page dates to another day than the report's, which dates it no otherwise ("Putin at a
      // Kremlin meeting in Moscow last week"), is another meeting
      const day = reportNoon(ctx.index.claims[cand.ref]?.doc ?? '', ctx);
      const dated = page.times.filter((t) => t.kind !== 'clock' && !t.since && !t.possessive);
      if (dated.length && !ref.times.some((t) => !t.since) && !dated.some((t) => t.start <= day && day < t.end)) continue;
      // "Putin hosted Merkel in Moscow" is about the Sochi meeting; "Putin and Trump will meet in Hamburg" is
      // not: most of the page's names, two at least and one of them rare, are the reference's
      const shared = page.entities.filter((e) => ref.entities.includes(e));
      const distinctive = shared.some((e) => (ctx.index.postings.get(`e:${e}`)?.length ?? 0) <= rare);
      // (or the two say nearly the same thing: "condolences after the bombing on the Moscow metro that killed 15")
      const close = cand.score >= ctx.t.agree;
      if (!close && (shared.length < 2 || page.entities.length - shared.length > 1 || !distinctive)) continue;
    }
    // the same place says little on its own (Putin met Erdogan in Sochi too): such places only ever deny
    // (and where the reference says what lies there, "the Sharyat military base, southeast of Homs", the page
    // must be about that too: "areas north of Homs" are not the base)
    const whose = (rc: { text: string; of?: string }) => {
      const holder = rc.of ? placeHolder(sentence, rc.text, ctx) : null;
      if (!holder || page.entities.includes(holder)) return true;
      // (or names it as the reference does: "the base lies northwest of Homs", "the airfield, northwest of …")
      const at = page.text.indexOf(cat.text);
      const before = quickTerms(page.text.slice(Math.max(0, at - 30), Math.max(0, at)), ctx.lexicon);
      return before.some((t) => t.startsWith('c:') && ref?.terms.includes(t));
    };
    // (and a reference naming the page's value beside others denies nothing, however it aligns)
    if (denyOnly && has(cand)) continue;
    for (const rc of ref?.categories ?? [])
      if (rc.group === cat.group && rc.of === cat.of && !(denyOnly && rc.value === cat.value) && whose(rc))
        items.push({ cand, value: rc.value, text: rc.text, ...(rc.negated ? { negated: true } : {}) });
  }
  return slotStances(items, new Set(), ctx, ({ cand, value, text, negated }) => {
    // "did not veto" denies "vetoed", and says nothing of "abstained"
    if (value !== cat.value && (negated || cat.negated)) return null;
    const stance: Stance = value === cat.value && !negated === !cat.negated ? 'agree' : 'contradict';
    const reason = `${cat.group}: page says ${cat.negated ? 'not ' : ''}${cat.text}; ${outletOf(cand, ctx)} says ${negated ? 'not ' : ''}${text}`;
    return { source: ctx.index.claims[cand.ref]?.doc ?? '', stance, evidence: evidenceFor(cand, ctx, stance, reason) };
  });
}

function compareFrame(fr: Frame, page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  const info = ctx.lexicon.axisInfo.get(fr.axis);
  const items: { cand: Candidate; rf: Frame; stance: Stance }[] = [];
  // a judgement whose holder the sentence does not name ("the president himself said relations might be at
  // an all-time low"): the same judgement on the same thing agrees; without a holder, nothing contradicts
  if (!fr.agent) {
    if (info?.targeted || info?.directed) return [];
    for (const cand of cands)
      for (const rf of ctx.index.claims[cand.ref]?.claim.frames ?? [])
        if (rf.axis === fr.axis && rf.polarity === fr.polarity) items.push({ cand, rf, stance: 'agree' });
  }
  const agent = fr.agent;
  for (const cand of agent ? cands : []) {
    const ref = ctx.index.claims[cand.ref];
    // an act between the same two on another date ("phoned Putin after the bombing in April") is another act
    if (info?.adjacent && ref && conflictsWithDetails({ ...page, figures: [] }, ref.claim)) continue;
    // an act done to or with someone the reference does not name ("telephoned Mr Erdogan to congratulate him") is another act
    if (otherParticipant(page, ref?.sentence ?? '', page.text.indexOf(fr.cue), ctx)) continue;
    for (const rf of ref?.claim.frames ?? []) {
      if (rf.agent === null || rf.axis !== fr.axis) continue;
      let stance: Stance | null = null;
      const swapped = !!fr.target && !!rf.target && sameVoice(rf.agent, fr.target, ctx) && sameVoice(rf.target, agent ?? '', ctx);
      // "Trump telephoned the Kremlin" against "Putin called to congratulate Trump": the other way round
      if (info?.directed && swapped && fr.agent !== fr.target) stance = 'contradict';
      // "Trump placed the first call" against "Putin called to congratulate Trump": the one called did not call
      else if (
        info?.directed &&
        !fr.target &&
        rf.target &&
        sameVoice(rf.target, agent ?? '', ctx) &&
        !sameVoice(rf.agent, agent ?? '', ctx)
      )
        stance = 'contradict';
      // a leader's position is the state's: "Putin said the government was not to blame", "Russia denied it was"
      else if (!sameVoice(rf.agent, agent ?? '', ctx)) {
        // "the US vetoed the text" against "Russia vetoed the resolution": one alone does such a thing
        if (info?.soleAgent && fr.polarity === 1 && rf.polarity === 1) stance = 'contradict';
        else continue;
      } else if (fr.target && rf.target && fr.target !== rf.target) {
        // a different culprit for the same act, both affirmed; another act's object ("called Merkel") is another act
        // (and only for the same act on the same thing: "accused Moscow of directing hackers" is not the gas attack)
        const sameThing = cand.shared.some((t) => !t.startsWith('e:') && !t.startsWith('a:'));
        stance = info?.targeted && fr.polarity === 1 && rf.polarity === 1 && sameThing ? 'contradict' : null;
      } else if (info?.targeted && (!fr.target || !rf.target)) stance = null;
      else stance = rf.polarity === fr.polarity ? 'agree' : 'contradict';
      if (stance) items.push({ cand, rf, stance });
    }
  }
  // who did what to whom is the slot itself: agent and target anchor it; but an everyday act between
  // the same two (a phone call) happens again and again: something else must say which one it was
  const exclude = new Set([`a:${fr.axis}`]);
  if (info?.adjacent) {
    for (const t of page.terms)
      if (t === `e:${fr.agent}` || t === `e:${fr.target}` || (t.startsWith('c:') && actOf(fr, ctx).has(t))) exclude.add(t);
  }
  // (on the sentence's own words: "the Kremlin" in the sentence before does not say which call this was)
  const anchored = info?.adjacent ? items.map((x) => ({ ...x, cand: ownAlignment(page, x.cand, ctx) })) : items;
  return slotStances(anchored, exclude, ctx, ({ cand, rf, stance }) => {
    const reason = `page: ${describeFrame(fr)}; ${outletOf(cand, ctx)}: ${describeFrame(rf)}`;
    return { source: ctx.index.claims[cand.ref]?.doc ?? '', stance, evidence: evidenceFor(cand, ctx, stance, reason) };
  });
}

/** The synonym groups of a frame's cue word ("rang" is a call). */
function actOf(fr: Frame, ctx: Context): Set<string> {
  const cue = fr.cue.toLowerCase();
  return new Set(ctx.lexicon.concepts.get(cue) ?? ctx.lexicon.concepts.get(stem(cue)) ?? []);
}

/** The same one, or one speaking for the other (a president for the country). */
function sameVoice(a: string, b: string, ctx: Context): boolean {
  return a === b || ctx.lexicon.speaksFor.get(a) === b || ctx.lexicon.speaksFor.get(b) === a;
}

function describeFrame(f: Frame): string {
  const who = f.agent ?? 'someone';
  const target = f.target ? ` ${f.target}` : '';
  return `${who} ${f.negated ? 'not ' : ''}${f.cue}${target}`.replace(/-/g, ' ');
}

/** A reference that gives another date or figure for the sentence's own details does not agree with it. */
function conflictsWithDetails(page: Claim, ref: Claim): boolean {
  for (const tm of page.times) {
    if (tm.possessive) continue;
    const same = ref.times.filter(
      (rt) =>
        !rt.possessive && (rt.kind === 'clock') === (tm.kind === 'clock') && !!rt.since === !!tm.since && !!rt.unzoned === !!tm.unzoned,
    );
    if (same.length && !same.some((rt) => tm.start < rt.end && rt.start < tm.end)) return true;
  }
  for (const f of page.figures) {
    const same = ref.figures.filter((rf) => rf.unit === f.unit && !!rf.ordinal === !!f.ordinal && !otherScope(f, rf));
    if (same.length && !same.some((rf) => overlaps(f, rf))) return true;
  }
  return false;
}

/** How much more closely a sentence must match a reference to be its denial than to agree with it. */
const DENIAL_MARGIN = 0.1;

/**
 * The same statement with the negation flipped ("the Pentagon has declined to open any inquiry"
 * against "the Pentagon is carrying out an inquiry"): the same subject, nearly the same words, and
 * no judgement frame (frames carry their own negation). "Since" dates are left alone: "had not been
 * to Russia since 2015" and "her first visit since 2015" say the same thing.
 */
function negationConflict(page: Claim, cands: Candidate[], ctx: Context): Evidence[] {
  if (!page.asserts || page.frames.length || /\bsince\b/i.test(page.text)) return [];
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref]?.claim;
    if (!ref || ref.negated === page.negated || ref.frames.length || /\bsince\b/i.test(ref.text)) continue;
    const subject = page.entities[0];
    if (!subject || !ref.entities.includes(subject) || (page.speaker && ref.speaker && page.speaker !== ref.speaker)) continue;
    const own = ownAlignment(page, cand, ctx);
    const content = own.shared.filter((t) => !t.startsWith('e:') && !t.startsWith('a:'));
    if (own.score < ctx.t.agree + DENIAL_MARGIN || content.length < 2) continue;
    const words = content
      .map((t) => t.slice(2).replace(/-/g, ' '))
      .slice(0, 4)
      .join(', ');
    const [no, yes] = page.negated ? ['page', outletOf(cand, ctx)] : [outletOf(cand, ctx), 'page'];
    return [evidenceFor(cand, ctx, 'contradict', `${no} says not, ${yes} says so (${words})`)];
  }
  return [];
}

/**
 * One word of the same statement denied in one and not the other ("getting along well with Russia"
 * against "not getting along with Russia at all"), however much else of the sentence agrees: the
 * same words nearly throughout, the same speaker, and the word no judgement frame's cue.
 */
function termNegation(page: Claim, cands: Candidate[], ctx: Context): DetailStance[] {
  if (!page.asserts || /\bsince\b/i.test(page.text)) return [];
  const pageNeg = new Set(page.negatedTerms ?? []);
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref]?.claim;
    if (!ref || (!pageNeg.size && !ref.negatedTerms?.length) || /\bsince\b/i.test(ref.text)) continue;
    if (page.speaker && ref.speaker && page.speaker !== ref.speaker) continue;
    const own = ownAlignment(page, cand, ctx);
    if (own.score < ctx.t.agree + DENIAL_MARGIN) continue;
    const refNeg = new Set(ref.negatedTerms ?? []);
    const content = own.shared.filter((t) => t.startsWith('s:') || t.startsWith('c:'));
    const flipped = content.find((t) => pageNeg.has(t) !== refNeg.has(t));
    // (about the same ones: a name in common and more than the one word)
    if (!flipped || content.length < 2 || !page.entities.some((e) => ref.entities.includes(e))) continue;
    const word = flipped.slice(2).replace(/-/g, ' ');
    const [no, yes] = pageNeg.has(flipped) ? ['page', outletOf(cand, ctx)] : [outletOf(cand, ctx), 'page'];
    const reason = `${no} says not ${word}, ${yes} says ${word}`;
    return [
      { source: ctx.index.claims[cand.ref]?.doc ?? '', stance: 'contradict', evidence: evidenceFor(cand, ctx, 'contradict', reason) },
    ];
  }
  return [];
}

/** How an apposition naming an office starts: "the president's former defence secretary", "Trump's former chief of staff". */
const APPOSITION_START = /^(?:(?:the|a|an|his|her|its|their|former)\s|\p{Lu}[\p{L}.]*['’]s\s)/u;

/** Offices named beside a person in a sentence: a title right before the name or an apposition beside it. */
function rolesBeside(text: string, ctx: Context): { id: string; kind: string; former: boolean; phrase: string; name: string }[] {
  const { re, kindOf } = ctx.lexicon.roles;
  if (!re) return [];
  const kindsIn = (phrase: string) =>
    [...phrase.matchAll(re)].flatMap((m) => kindOf.get((m[1] ?? '').toLowerCase().replace(/\s+/g, ' ')) ?? []);
  // whether a phrase ends with an office ("Russian President", "Russia's foreign minister,")
  const endsWithRole = (phrase: string) => {
    const bare = phrase.trimEnd().replace(/,$/, '').trimEnd();
    const last = [...bare.matchAll(re)].at(-1);
    return !!last && (last.index ?? 0) + (last[0] ?? '').length === bare.length;
  };
  const out: { id: string; kind: string; former: boolean; phrase: string; name: string }[] = [];
  for (const m of ctx.lexicon.aliases.find(text)) {
    const name = text.slice(m.start, m.end);
    // (a name that is itself an office, "Russian PM", is the person's own: see held)
    if (kindsIn(name).length) continue;
    const phrases: string[] = [];
    // "Russian President Dmitry Medvedev", "Russia's foreign minister, Dmitry Medvedev", "his former national security adviser, Michael Flynn"
    const before = text
      .slice(Math.max(0, m.start - 60), m.start)
      .split(/[.;:(]/)
      .at(-1)
      ?.trimStart();
    const lead = before?.trimEnd().replace(/,$/, '').split(',').at(-1)?.trim() ?? '';
    if (before && endsWithRole(before) && lead) phrases.push(lead);
    // "Michael Flynn, the president's former defence secretary, received …"
    const rest = text.slice(m.end, m.end + 80);
    if (rest.startsWith(', ')) {
      const close = rest.slice(2).search(/[,;.]/);
      const apposition = close > 0 ? rest.slice(2, 2 + close).trim() : '';
      if (APPOSITION_START.test(apposition) && endsWithRole(apposition)) phrases.push(apposition);
    }
    for (const phrase of phrases) {
      // ("…, said the prime minister": what follows the speech verb)
      const spoken = [...phrase.matchAll(/\b(?:said|says|told)\b/gi)].at(-1);
      const kind = kindsIn(spoken ? phrase.slice((spoken.index ?? 0) + spoken[0].length) : phrase).at(-1);
      if (kind) out.push({ id: m.id, kind, former: /\bformer\b/i.test(phrase), phrase: phrase.trim(), name });
    }
  }
  return out;
}

/** The offices the set gives each person: in its aliases ("Russian PM") and beside names in its reports. */
const heldOf = new WeakMap<RefIndex, Map<string, { kinds: Set<string>; former: boolean; ref: number }>>();
function held(ctx: Context): Map<string, { kinds: Set<string>; former: boolean; ref: number }> {
  let found = heldOf.get(ctx.index);
  if (found) return found;
  found = new Map();
  const { re, kindOf } = ctx.lexicon.roles;
  ctx.index.claims.forEach((r, i) => {
    const add = (id: string, kind: string, former: boolean) => {
      const h = found?.get(id) ?? { kinds: new Set<string>(), former: false, ref: i };
      h.kinds.add(kind);
      h.former ||= former;
      found?.set(id, h);
    };
    for (const b of rolesBeside(r.sentence, ctx)) add(b.id, b.kind, b.former);
    // a name that is itself an office, as written in the report
    for (const m of ctx.lexicon.aliases.find(r.sentence)) {
      const name = r.sentence.slice(m.start, m.end);
      for (const k of re ? name.matchAll(re) : []) {
        const kind = kindOf.get((k[1] ?? '').toLowerCase().replace(/\s+/g, ' '));
        if (kind) add(m.id, kind, /\bformer\b/i.test(name));
      }
    }
  });
  // (and the offices the set's aliases give, quoted from a report that names the person)
  for (const [id, h] of ctx.lexicon.roles.held) {
    const ref = ctx.index.claims.findIndex((r) => r.claim.entities.includes(id));
    const f = found.get(id) ?? (ref >= 0 ? { kinds: new Set<string>(), former: false, ref } : undefined);
    if (!f) continue;
    for (const k of h.kinds) f.kinds.add(k);
    f.former ||= h.former;
    found.set(id, f);
  }
  heldOf.set(ctx.index, found);
  return found;
}

/**
 * An office given to someone the references give another ("Russian President Dmitry Medvedev", "Michael
 * Flynn, the president's former defence secretary,"). A "former" office of one the references know in no
 * former post may be a past one, and is left alone.
 */
function roleConflict(page: Claim, ctx: Context): DetailStance[] {
  const known = held(ctx);
  if (!page.entities.some((e) => known.has(e))) return [];
  for (const b of rolesBeside(page.text, ctx)) {
    const h = known.get(b.id);
    if (!h || h.kinds.has(b.kind) || (b.former && !h.former)) continue;
    const cand: Candidate = { ref: h.ref, score: 0, shared: [] };
    const reason = `${b.name}: page says ${b.phrase}; ${outletOf(cand, ctx)} says ${[...h.kinds].join(', ')}`;
    return [{ source: ctx.index.claims[h.ref]?.doc ?? '', stance: 'contradict', evidence: evidenceFor(cand, ctx, 'contradict', reason) }];
  }
  return [];
}

/** People the references never quote by kind: "analysts said the call was unlikely to shift…". */
const COMMENTATORS = /^(analysts?|experts?|observers?|critics?|commentators?|diplomats?|scholars?)$/;

/**
 * A position voiced by someone the references do not quote ("Prime Minister Bill English had described
 * the strike as proportionate", "analysts in Pretoria said"): theirs, however much its words echo a reference.
 */
function unknownVoice(page: Claim, ctx: Context): boolean {
  const tokens = tokenize(page.text);
  const at = tokens.findIndex((t) => ctx.lexicon.speech.has(t.lower));
  const verb = tokens[at];
  if (!verb) return false;
  const before = page.text.slice(Math.max(0, verb.start - 60), verb.start);
  // a speaker the set knows, named before the verb, speaks ("Mr Putin said"); one after it may be the object
  // ("Bill English had described the US missile strike")
  if (page.speaker && ctx.lexicon.aliases.find(before).some((m) => m.id === page.speaker)) return false;
  if (tokens.slice(Math.max(0, at - 6), at).some((t) => COMMENTATORS.test(t.lower))) return true;
  // and one named just after a verb set after the quotation ("…carries a price," said Sen. Mark Delacroix)
  let k = at + 1;
  while (TITLE.has(tokens[k]?.lower ?? '')) k++;
  const after = tokens[k];
  const inverted = /[,"”'’]\s*$/.test(page.text.slice(0, verb.start));
  if (inverted && after && namesOf(page, ctx).some((n) => n.at === after.start)) return true;
  return namesOf(page, ctx).some((n) => before.includes(n.word));
}

/** Agreement on wording alone: one reference says nearly all that the page sentence says. */
function wordingAgreement(page: Claim, cands: Candidate[], ctx: Context): Evidence[] {
  const out: Evidence[] = [];
  if (unknownVoice(page, ctx)) return out;
  // an aligned reference giving another date or figure for the sentence's details, even one too
  // loosely aligned to flag, means the wording of the others does not settle it
  if (cands.some((c) => c.score >= ctx.t.slot && conflictsWithDetails({ ...page, figures: [] }, ctx.index.claims[c.ref]?.claim ?? page)))
    return out;
  const bySource = new Set<string>();
  for (const cand of cands) {
    const ref = ctx.index.claims[cand.ref];
    if (!ref || bySource.has(ref.doc)) continue;
    if (ref.claim.negated !== page.negated || conflictsWithDetails(page, ref.claim)) continue;
    // the same words judging the other way ("relations are as good as ever" against "at an all-time low")
    const judgedOtherwise = page.frames.some((pf) =>
      ref.claim.frames.some(
        (rf) => rf.axis === pf.axis && rf.polarity !== pf.polarity && (!pf.agent || !rf.agent || sameVoice(rf.agent, pf.agent, ctx)),
      ),
    );
    if (judgedOtherwise) continue;
    // a position is its speaker's: the same words from another speaker are not the same statement
    // (a reference sentence may report two: its subject speaks too, "Mr Putin condemned…, while Washington said…")
    const speaks = (e: string) => e === ref.claim.speaker || e === ref.claim.entities[0];
    if (page.speaker && ref.claim.speaker && !speaks(page.speaker)) continue;
    // what the sentence names, the reference must name too ("also discussed North Korea")
    // (or one speaking for it: "the US President" names the US)
    if (page.entities.some((e) => e !== page.speaker && !ref.claim.entities.some((r) => sameVoice(r, e, ctx)))) continue;
    // context inherited from the previous sentence helps find the slot, not to agree on wording
    const own = ownAlignment(page, cand, ctx);
    if (own.score < ctx.t.agree) continue;
    // a label is not a statement ("Background: the gas attack and the strike"); and nearly all
    // of a statement means more than a couple of names and one common word
    const content = own.shared.filter((t) => !t.startsWith('e:') && !t.startsWith('a:'));
    const names = own.shared.length - content.length;
    // ("Investigations continue", a subheading, says too little to agree with anything)
    if (!page.asserts || page.terms.length < 3 || !(content.length >= 2 || (names >= 3 && content.length >= 1))) continue;
    bySource.add(ref.doc);
    const words = cand.shared.map((t) => t.slice(2).replace(/-/g, ' ')).slice(0, 6);
    out.push(evidenceFor(cand, ctx, 'agree', `${outletOf(cand, ctx)} says the same (${words.join(', ')})`));
  }
  if (out.length || !page.asserts || page.context) return out;
  // a sentence that joins two statements ("will hold a call later today, and the call will focus on
  // Syria") can be said by one source in two sentences: together they must cover it more fully
  for (const [i, a] of cands.entries()) {
    const refA = ctx.index.claims[a.ref];
    if (!refA || a.shared.length < 2 || refA.claim.negated !== page.negated) continue;
    for (const b of cands.slice(i + 1)) {
      const refB = ctx.index.claims[b.ref];
      if (!refB || refB.doc !== refA.doc || b.shared.length < 2 || refB.claim.negated !== page.negated) continue;
      if (conflictsWithDetails(page, refA.claim) || conflictsWithDetails(page, refB.claim)) continue;
      const covered = new Set([...a.shared, ...b.shared]);
      const total = page.terms.reduce((n, t) => n + weight(ctx.index, t), 0);
      const hit = page.terms.reduce((n, t) => n + (covered.has(t) ? weight(ctx.index, t) : 0), 0);
      const content = [...covered].filter((t) => !t.startsWith('e:') && !t.startsWith('a:'));
      if (total && hit / total >= ctx.t.agree + JOINT_MARGIN && content.length >= 3 && !a.shared.every((t) => b.shared.includes(t))) {
        const outlet = outletOf(a, ctx);
        return [
          evidenceFor(a, ctx, 'agree', `${outlet} says this across two sentences`),
          evidenceFor(b, ctx, 'agree', `${outlet} says this across two sentences`),
        ];
      }
    }
  }
  return mainClauseAgreement(page, ctx);
}

/** Where a headline's or sentence's main statement ends and its setting begins ("… as Merkel heads to Sochi"). */
const SETTING = /\s(?:as|while|amid|with|ahead of|(?:hours |days |shortly |just )?before)\s|,?\s[-–—]\s/g;

/**
 * "Trump and Putin to discuss Syria by phone as Merkel heads to Sochi": the main clause said nearly
 * word for word by a reference, and the setting naming nothing the references do not, agrees.
 */
function mainClauseAgreement(page: Claim, ctx: Context): Evidence[] {
  if (page.negated || page.figures.length) return [];
  // the first cut that leaves a clause naming two ("held talks with Vladimir Putin …, hours before …" is not cut at "with")
  let cut: RegExpExecArray | undefined;
  let main: Claim | undefined;
  for (const m of [...page.text.matchAll(SETTING)].slice(0, 3)) {
    // (names counted before the full parse, which only the chosen cut gets)
    if (new Set(ctx.lexicon.aliases.find(page.text.slice(0, m.index)).map((n) => n.id)).size < 2) continue;
    cut = m;
    main = parseClaim(page.text.slice(0, m.index), { lexicon: ctx.lexicon, published: null });
    break;
  }
  if (!cut || !main || main.negated || main.frames.length) return [];
  // (a name the references do not give, anywhere in the sentence, is something they do not say)
  if (unnamedIn(page, '', ctx)) return [];
  const says = (c: Claim, cand: Candidate, least: number): boolean => {
    const ref = ctx.index.claims[cand.ref];
    if (!ref || ref.claim.negated || cand.score < least) return false;
    // an undated clause is of the report's own day: "In January, they discussed…" is another call
    const day = reportNoon(ref.doc, ctx);
    // ("on her first visit to Russia since 2015" dates when the last one was, not this one)
    if (ref.claim.times.some((t) => t.kind !== 'clock' && !t.since && !(t.start <= day && day < t.end))) return false;
    return c.entities.every((e) => ref.claim.entities.some((r) => sameVoice(r, e, ctx)));
  };
  const out: Evidence[] = [];
  const perDoc = new Map<string, number>();
  for (const cand of candidates(main, ctx.index, 8)) {
    const doc = ctx.index.claims[cand.ref]?.doc ?? '';
    if ((perDoc.get(doc) ?? 0) >= 2 || !says(main, cand, ctx.t.agree + JOINT_MARGIN)) continue;
    // (the main clause says something: more than the names)
    if (!cand.shared.some((t) => t.startsWith('c:') || t.startsWith('s:'))) continue;
    perDoc.set(doc, (perDoc.get(doc) ?? 0) + 1);
    const words = cand.shared.map((t) => t.slice(2).replace(/-/g, ' ')).slice(0, 6);
    out.push(evidenceFor(cand, ctx, 'agree', `${outletOf(cand, ctx)} says the same (${words.join(', ')})`));
  }
  if (!out.length) return out;
  // the setting too, where a reference says it ("Putin is also due to meet … Merkel in … Sochi")
  const setting = parseClaim(page.text.slice(cut.index + cut[0].length), { lexicon: ctx.lexicon, published: null });
  const also = setting.entities.length ? candidates(setting, ctx.index, 1)[0] : undefined;
  if (also && says(setting, also, ctx.t.agree)) out.push(evidenceFor(also, ctx, 'agree', `${outletOf(also, ctx)} says so too`));
  return out;
}

/** Two reference sentences together must cover this much more than one alone. */
const JOINT_MARGIN = 0.15;

// Stage 3, claims: parses a sentence into what can be checked — entities (after aliases), content
// terms, figures with what they count, dates and times, judgement frames, negation, speaker.
import { hedgeRange, ORDINALS, own, readHedge, readNumber, type Token } from './figures';
import type { Lexicon } from './lexicon';
import { readSequences } from './sequence';
import { readTimes } from './times';
import type { Claim, Figure, Frame } from './types';

export interface ClaimContext {
  lexicon: Lexicon;
  /** The document's publication date (YYYY-MM-DD) for relative dates. */
  published: string | null;
}

const STOP = new Set(
  `a an the and or but if of to in on at by for with from into onto over under about as is are was were be been being am
  has have had having do does did done this that these those it its it's they them their there here he him his she her
  we our you your i me my who whom whose which what when where why how than then so such not no nor too very can could
  will would shall should may might must just also only own same other others some any each few more most all both never neither cannot
  between after before during while through against up down out off again further once until because since upon via
  per within without among amid around across toward towards behind beyond near onto whether though although yet s
  mr mrs ms dr said says say told according`.split(/\s+/),
);

/** Words after a measure that say how it is meant, not what is counted ("five years old"). */
const MEASURE_WORD = /^(old|long|ago|later|earlier|high|wide|deep|tall|away|apart|running)$/;

/** Judgement cues read per sentence. */
const MAX_CUES = 8;

/** Counts are compared as figures, not as words. */
/** Numbers written as words. */
export const NUMBER_WORD =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions)$/;

const CLAUSE_WORDS = new Set(['while', 'whereas', 'but', 'which', 'when', 'although', 'though', 'whilst', 'after', 'because']);

function categoriesOf(
  text: string,
  names: { start: number; end: number }[],
  lexicon: Lexicon,
  negatedAtChar: (at: number) => boolean,
): Pick<Claim, 'categories'> {
  if (!lexicon.exclusive) return {};
  const found: NonNullable<Claim['categories']> = [];
  for (const m of text.matchAll(lexicon.exclusive.re)) {
    const at = m.index ?? 0;
    const v = lexicon.exclusive.values.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    // "North Korea" is a name, not a direction; a value that needs a word after it ("southeast of") must have it
    const group = v ? lexicon.exclusive.groups.get(v.group) : undefined;
    if (!group?.names && names.some((n) => at >= n.start && at < n.end)) continue;
    // "in Moscow", "the resort of Sochi": a place named where something happens, not "the Moscow metro"
    const need = group?.before;
    if (need) {
      // the word before, skipping "the": split rather than a backwards pattern, which could backtrack
      const before = text
        .slice(Math.max(0, at - 24), at)
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      let word = before.pop();
      const the = word === 'the';
      if (the) word = before.pop();
      // "a bombing on the Moscow metro", "after the Moscow Metro bombing": "on the" places too, where "on
      // Moscow" (sanctions on Moscow) does not
      if (!need.has(word ?? '') && !(the && /^(on|after|before|near)$/.test(word ?? ''))) continue;
    }
    // "backed a Western-drafted resolution" is a vote; "backed Assad" is not
    if (group?.objectForms?.has(m[0].toLowerCase().replace(/\s+/g, ' '))) {
      const rest = text.slice(at + m[0].length).split(/[,;:()—–.]/)[0] ?? '';
      const words = rest
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter(Boolean)
        .slice(0, 8);
      if (!words.some((w) => group.objects?.has(w))) continue;
    }
    // "the Pentagon is carrying out an inquiry", "under Pentagon investigation": the act beside the value
    if (group?.acts) {
      const near = text
        .slice(Math.max(0, at - 40), at + m[0].length + 90)
        .toLowerCase()
        .split(/[^\p{L}]+/u);
      if (!near.some((w) => group.acts?.some((a) => w.startsWith(a)))) continue;
    }
    const after = group?.after;
    // ("northwest of the city of Homs": what the place word is the place of)
    const next = /^\s+(\S+)\s+(?:the\s+)?(?:(?:city|town|village|province|port|capital|region)\s+of\s+)?([\p{L}][\p{L}'’-]*)/u.exec(
      text.slice(at + m[0].length),
    );
    if (after && next?.[1]?.toLowerCase() !== after) continue;
    // "southeast of Homs": what the value is relative to, so "north of Raqqa" is not compared with it
    const of = after ? next?.[2]?.toLowerCase() : undefined;
    if (v && !found.some((f) => f.group === v.group && f.value === v.value && f.of === of)) {
      const negated = negatedAtChar(at);
      found.push({ ...v, text: after && next ? `${m[0]}${next[0]}` : m[0], ...(of ? { of } : {}), ...(negated ? { negated } : {}) });
    }
  }
  return found.length ? { categories: found } : {};
}

/** Stems already worked out: a page repeats its words, and stemming is done per word per sentence. */
const stems = new Map<string, string>();
const STEM_CACHE = 20_000;

/** A crude suffix stripper, applied the same way to page and reference words. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const out = stemOf(word);
  if (stems.size >= STEM_CACHE) stems.clear();
  stems.set(word, out);
  return out;
}

function stemOf(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

interface Mention {
  id: string;
  first: number;
  last: number;
}

function mentions(names: { start: number; end: number; id: string }[], tokens: Token[]): Mention[] {
  const out: Mention[] = [];
  for (const m of names) {
    let first = -1;
    let last = -1;
    tokens.forEach((t, i) => {
      if (t.start < m.end && t.end > m.start) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first >= 0) out.push({ id: m.id, first, last });
  }
  return out;
}

/** Clause boundaries: token indices where a new clause begins. */
function clauseOf(text: string, tokens: Token[], i: number): [number, number] {
  const boundaryAfter = (k: number) => {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (!t || !next) return true;
    const between = text.slice(t.end, next.start);
    return /[,;:()—–]/.test(between) || CLAUSE_WORDS.has(next.lower);
  };
  let a = i;
  while (a > 0 && !boundaryAfter(a - 1)) a--;
  let b = i;
  while (b < tokens.length - 1 && !boundaryAfter(b)) b++;
  return [a, b];
}

/** The verb "to be" a judgement is the predicate of ("were to blame", "was responsible", "were behind"), or -1. */
function predicateAt(tokens: Token[], i: number): number {
  const be = (k: number) => /^(was|were|is|are|be|been)$/.test(tokens[k]?.lower ?? '');
  // "has been accused" is a passive: who accused is another matter (see passive below)
  if (/ed$/.test(tokens[i]?.lower ?? '')) return -1;
  if (be(i)) return i;
  if (be(i - 1)) return i - 1;
  if (tokens[i - 1]?.lower === 'to' && be(i - 2)) return i - 2;
  return -1;
}

/** Where a closing attribution ("…, the Kremlin's spokesman told reporters.") begins; the token count if there is none. */
const ATTRIBUTION_WORDS = 8;
const SOURCE_NOUN =
  /^(spokesman|spokeswoman|spokesperson|agency|ministry|minister|official|source|sources|aide|aides|diplomat|diplomats|correspondent|reporter|reporters|media|television|tv|newspaper|group|statement)$/;

function attributionTail(text: string, tokens: Token[], lexicon: Lexicon): number {
  // a headline's "Putin, Trump to discuss Syria – Kremlin": a source named after a dash at the end
  const dash = / [–—-] [^–—-]+$/.exec(text);
  if (dash) {
    const k = tokens.findIndex((t) => t.start > dash.index);
    if (k > 2 && tokens.length - k <= 3) return k;
  }
  for (let k = tokens.length - 1; k > 0 && k >= tokens.length - ATTRIBUTION_WORDS; k--) {
    if (!lexicon.speech.has(tokens[k]?.lower ?? '')) continue;
    const [a, b] = clauseOf(text, tokens, k);
    // the sentence's last clause, set off by a comma or a closing quote: someone, then the speech
    // verb and little after it ("…, an inquiry Comey first confirmed publicly in February" says more)
    const set = /[,"”]\s*$/.test(text.slice(tokens[a - 1]?.end ?? 0, tokens[a]?.start ?? 0));
    // (someone: a name, a pronoun, or a word for a person or a source; "has never publicly confirmed the
    // inquiry" has no one and is the statement itself)
    const someone = tokens
      .slice(a, k)
      .some(
        (t) =>
          /^\p{Lu}/u.test(t.text) || /^(he|she|they|we|i)$/.test(t.lower) || lexicon.personNouns.has(t.lower) || SOURCE_NOUN.test(t.lower),
      );
    // "…, which Comey publicly confirmed in February": a relative clause says something of its own
    if (/^(which|that|who|whom|when|where)$/.test(tokens[a]?.lower ?? '')) return tokens.length;
    return a > 0 && b === tokens.length - 1 && b - k <= 2 && set && someone ? a : tokens.length;
  }
  return tokens.length;
}

function isNumberLike(t: Token | undefined): boolean {
  return !!t && /^\d/.test(t.text);
}

const AUX_AND_IRREGULAR = new Set(
  `is are was were be been being am has have had having do does did done will would can could may might must shall should
  said says say told tells spoke speaks met meets went goes came comes took takes gave gives made makes saw sees became
  becomes began begins found finds held holds led leads left leaves ran runs sent sends stood stands struck fought brought
  brings thought thinks knew knows won wins lost loses paid pays rang rings kept keeps got gets denied denies insisted
  insists says remain remains continue continues seems seem expect expects sat sits`.split(/\s+/),
);
/** Words that can be either: a verb to find a subject by, a noun to count or to head a figure. */
const EITHER = new Set([
  'strike',
  'strikes',
  'call',
  'calls',
  'talk',
  'talks',
  'attack',
  'attacks',
  'visit',
  'visits',
  'meet',
  'claim',
  'claims',
  'report',
  'reports',
  'fire',
  'fires',
  'set',
  'put',
  'blame',
  'blames',
  'support',
  'supports',
  'back',
  'backs',
  'need',
  'needs',
  'plan',
  'plans',
  'order',
  'orders',
  'hit',
  'hits',
  'cut',
  'cuts',
]);
const NOT_NOUN = new Set(
  `last next this that these those more many most some such only also now then still just even ago later earlier very
  much few several each every any all both either neither other another own same new old dead injured wounded military
  american russian syrian british german presidential deadly latest former official`.split(/\s+/),
);

/**
 * Words with rough parts of speech from spelling and a few word lists: what readFigures, ordinals
 * and frames need (is it a noun to count, a verb to find a subject by), at regular-expression
 * speed. compromise's full tagger costs more than the whole rest of the engine.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\d+(?:[,:]\d+)*(?:\.\d+)?[a-z]*|\p{L}+(?:['’]\p{L}+)?/gu)) {
    const start = m.index ?? 0;
    const word = m[0];
    const lower = word.toLowerCase().replace(/[’]/g, "'");
    const bare = lower.replace(/'s$/, '');
    const isNumber = /^\d/.test(word);
    const either = EITHER.has(bare);
    // "May" written with a capital inside a sentence is the month
    const month = word === 'May' && start > 0;
    const verb =
      !isNumber && !month && (either || AUX_AND_IRREGULAR.has(bare) || (/(ed|ing)$/.test(bare) && bare.length > 3) || bare.endsWith("n't"));
    const adjective = NOT_NOUN.has(bare) || (/ed$/.test(bare) && bare.length > 3);
    const noun = !isNumber && (either || (!verb && !adjective && !STOP.has(bare) && !/ly$/.test(bare)));
    // "Trump to discuss Syria": a plain word after "to" is a verb, whatever its spelling says
    const infinitive = !isNumber && !STOP.has(bare) && /^\p{Ll}/u.test(word) && out.at(-1)?.lower === 'to';
    out.push({ text: word, lower, start, end: start + word.length, noun, verb: verb || infinitive, adjective });
  }
  // "fifty-nine" arrives as two words: join number words written with a hyphen
  for (let i = 0; i < out.length - 1; i++) {
    const a = out[i];
    const b = out[i + 1];
    if (
      a &&
      b &&
      text[a.end] === '-' &&
      b.start === a.end + 1 &&
      /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/.test(a.lower) &&
      /^(one|two|three|four|five|six|seven|eight|nine)$/.test(b.lower)
    ) {
      out.splice(i, 2, { ...a, text: `${a.text}-${b.text}`, lower: `${a.lower}-${b.lower}`, end: b.end });
    }
  }
  return out;
}

/** A picture's credit in brackets ("(Reuters file photo)"): no word of what the caption says. */
const PICTURE_CREDIT = /\([^()]{0,60}\b(?:photo|photograph|picture|image|file|pictured|credit)\b[^()]{0,60}\)/gi;
/** Where a text's picture credits stand, as [start, end) character offsets. */
export const pictureCredits = (text: string): [number, number][] =>
  [...text.matchAll(PICTURE_CREDIT)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
const ZONE_NAME = /((?:\d|noon|midnight)(?: ?[ap]\.?m\.?)? )\p{L}+(?: \p{L}+)? time\b/giu;

export function parseClaim(text: string, ctx: ClaimContext): Claim {
  const { lexicon } = ctx;
  const tokens = tokenize(text);
  // names found once: for entities, and to keep "North Korea" from reading as a direction
  // (a place that names a clock's zone, "at 20:30 Moscow time", is no one taking part, nor a word of the claim;
  // nor is a picture's credit)
  const zones: [number, number][] = [
    ...[...text.matchAll(ZONE_NAME)].map((m): [number, number] => [(m.index ?? 0) + (m[1]?.length ?? 0), (m.index ?? 0) + m[0].length]),
    ...pictureCredits(text),
  ];
  const inZone = (start: number) => zones.some(([a, b]) => start >= a && start < b);
  const names = lexicon.aliases.find(text).filter((n) => !inZone(n.start));
  const ments = mentions(names, tokens);
  const owner = new Array<string | null>(tokens.length).fill(null);
  for (const m of ments) for (let i = m.first; i <= m.last; i++) owner[i] = m.id;

  // phrases (multi-word concepts and cues) first, then single words
  const terms = new Set<string>(ments.map((m) => `e:${m.id}`));
  const used = new Array<boolean>(tokens.length).fill(false);
  const cueAt: { i: number; last: number; key: string }[] = [];
  // where each word stands, so a phrase is only tried where its first word is
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const w = t.lower.replace(/'s$/, '');
    at.set(w, [...(at.get(w) ?? []), i]);
  });
  for (const p of lexicon.phrases) {
    for (const i of at.get(p.words[0] ?? '') ?? []) {
      if (i + p.words.length > tokens.length) continue;
      if (p.words.every((w, k) => !used[i + k] && tokens[i + k]?.lower.replace(/'s$/, '') === w)) {
        for (const c of lexicon.concepts.get(p.key) ?? []) terms.add(c);
        cueAt.push({ i, last: i + p.words.length - 1, key: p.key });
        for (let k = 0; k < p.words.length; k++) used[i + k] = true;
      }
    }
  }
  // "Live: Trump and Putin to talk Syria", "ANALYSIS - …": a page's label for the story, not a word of the claim
  const kicker = KICKER.exec(text);
  if (kicker) for (let i = 0; i < tokens.length && (tokens[i]?.start ?? 0) < kicker[0].length; i++) used[i] = true;
  const tail = attributionTail(text, tokens, lexicon);
  // which token gave which term, for the terms a negation just before denies
  const termAt: { i: number; terms: string[] }[] = [];
  tokens.forEach((t, i) => {
    if (used[i] || owner[i] || inZone(t.start)) return;
    const w = t.lower.replace(/'s$/, '');
    // "a Western-backed resolution": the word describes a thing, nobody in the sentence backs it
    if (lexicon.axisCues.has(w) && text[t.start - 1] !== '-') cueAt.push({ i, last: i, key: w });
    // "…, Kremlin spokesman Dmitry Peskov has confirmed": who says it (kept as the speaker), not what is said
    if (i >= tail) return;
    if (STOP.has(w) || lexicon.generic.has(w) || NUMBER_WORD.test(w) || TIME_WORD.test(w) || w.length < 2 || !/^[a-z][a-z'-]*$/.test(w))
      return;
    const concepts = lexicon.concepts.get(w) ?? lexicon.concepts.get(stem(w));
    const own = concepts ?? (lexicon.generic.has(stem(w)) ? [] : [`s:${stem(w)}`]);
    for (const c of own) terms.add(c);
    termAt.push({ i, terms: own });
  });

  // a word that says not ("not", "never", "refrained", "stopped short of calling them illegal")
  const negates = (k: number) => {
    const w = tokens[k]?.lower ?? '';
    return lexicon.negation.has(w) || w.endsWith("n't") || (w === 'short' && /^stop/.test(tokens[k - 1]?.lower ?? ''));
  };
  // "never closed its inquiry", "did not deny": a particle denying a negating verb, the two cancel
  const verbNeg = (k: number) => negates(k) && !PARTICLE.test(tokens[k]?.lower ?? '');
  const denies = (k: number) => {
    if (!negates(k)) return false;
    if (verbNeg(k)) {
      for (let j = Math.max(0, k - 3); j < k; j++) if (negates(j) && !verbNeg(j)) return false;
      return true;
    }
    for (let j = k + 1; j <= k + 3 && j < tokens.length; j++) if (verbNeg(j)) return false;
    return true;
  };
  const negatedAt = (i: number) => {
    const [a] = clauseOf(text, tokens, i);
    let neg = false;
    for (let k = Math.max(a, i - 10); k < i; k++) {
      const w = tokens[k]?.lower ?? '';
      if (denies(k)) neg = true;
      // "rejected the accusation and pointed the finger at…": a negation ends where the next verb is joined on
      else if ((w === 'and' || w === 'but') && tokens[k + 1]?.verb) neg = false;
    }
    return neg;
  };
  // ("claimed, without presenting evidence, that…": "without" says how, it denies what follows it, not the claim)
  const negated = tokens.some((t, k) => denies(k) && t.lower !== 'without');
  // "not getting along", "never formally accused": a term three words or fewer after a negation in its clause
  const negatedTerms = tokens.some((_, k) => denies(k))
    ? [
        ...new Set(
          termAt
            .filter(({ i }) => {
              const [a] = clauseOf(text, tokens, i);
              for (let k = Math.max(a, i - 3); k < i; k++) if (denies(k)) return true;
              return false;
            })
            .flatMap((x) => x.terms.filter((t) => !t.startsWith('a:'))),
        ),
      ]
    : [];

  // speaker: the entity nearest before the first speech cue, or right after it ("said Mr Putin")
  let speaker: string | null = null;
  const speechIdx = tokens.findIndex((t) => lexicon.speech.has(t.lower));
  // "according to the Kremlin, …": the source named after the phrase
  const according = tokens.findIndex((t, i) => t.lower === 'according' && tokens[i + 1]?.lower === 'to');
  if (according >= 0) speaker = ments.find((m) => m.first > according + 1 && m.first <= according + 4)?.id ?? null;
  if (speechIdx >= 0 && !speaker) {
    // ("'We're not getting along with Russia at all,' he said": a name inside the quote is not who says it)
    const quoteEnd = closingQuoteBefore(text.slice(0, tokens[speechIdx]?.start ?? 0));
    const quoteStart = quoteEnd > 0 ? text.search(/[“"‘']/) : -1;
    const quoted = (m: Mention) => quoteStart >= 0 && (tokens[m.first]?.start ?? 0) > quoteStart && (tokens[m.last]?.end ?? 0) <= quoteEnd;
    const before = ments.filter((m) => m.last < speechIdx && !quoted(m)).at(-1);
    const after = ments.find((m) => m.first > speechIdx && m.first <= speechIdx + 2);
    speaker = before?.id ?? after?.id ?? null;
  }
  // the source a closing attribution names, where no speech verb did ("… – Kremlin")
  if (!speaker && tail < tokens.length) speaker = ments.find((m) => m.first >= tail)?.id ?? null;

  // the subject of a clause that opens with its verb ("while Moscow, Assad's main ally, has said …"): the
  // first name of the run of verbless clauses just before it, past any apposition
  const subjectBefore = (start: number): Mention | undefined => {
    let found: Mention | undefined;
    let s = start;
    while (s > 0) {
      const [pa] = clauseOf(text, tokens, s - 1);
      // a relative clause in between ("Russia, which has backed Damascus, pointed the finger") is apposition too
      // (and so is a participle's: "the Kremlin, echoing Damascus, blamed…", "Moscow, standing by its ally, pinned…")
      const relative = /^(which|who|whom|that)$/.test(tokens[pa]?.lower ?? '') || /^\p{L}+ing$/u.test(tokens[pa]?.lower ?? '');
      if (!relative && tokens.slice(pa, s).some((t, k) => t.verb && !owner[pa + k])) break;
      if (relative) {
        s = pa;
        continue;
      }
      found = ments.find((m) => m.first >= pa && m.last < s) ?? found;
      s = pa;
    }
    return found;
  };
  const frames: Frame[] = [];
  // a sentence states a handful of judgements at most; a cap keeps a page of repeated cue words linear
  for (const cue of cueAt.sort((a, b) => a.i - b.i).slice(0, MAX_CUES)) {
    for (const { axis, polarity } of lexicon.axisCues.get(cue.key) ?? []) {
      const [a, b] = clauseOf(text, tokens, cue.i);
      // "warm words" are not warm relations: some axes need their subject in the clause
      const needs = lexicon.axisInfo.get(axis)?.needs ?? [];
      // a relative clause ("relations with Moscow, which he says are at an all-time low") is about the noun before it
      const from = /^(which|that)$/.test(tokens[a]?.lower ?? '') ? clauseOf(text, tokens, Math.max(0, a - 1))[0] : a;
      if (needs.length && !tokens.slice(from, b + 1).some((t) => needs.includes(t.lower))) continue;
      const inClause = ments.filter((m) => m.first >= a && m.last <= b);
      // the agent is the subject: named before the clause's first verb, else before the sentence's
      const firstVerb = (from: number) => {
        const k = tokens.findIndex((t, idx) => idx >= from && idx <= cue.i && t.verb && !owner[idx]);
        return k < 0 ? cue.i : k;
      };
      const passive =
        /ed$/.test(tokens[cue.last]?.lower ?? '') &&
        (tokens[cue.last + 1]?.lower === 'on' || /^(was|were|been|being|is|are)$/.test(tokens[cue.i - 1]?.lower ?? ''));
      // a clause with no verb before the cue has its subject elided ("Washington, by contrast, holds …")
      // (a cue that is itself the clause's first verb has its subject before it: "when Mr Trump rang Mr Putin")
      const v = firstVerb(a) === cue.i && !tokens[cue.i]?.verb ? a : firstVerb(a);
      // "it was Mr Trump who rang Mr Putin", "Putin, who called Trump": the name before "who" does it
      // ("it is Moscow and Damascus that have pointed the finger": past the auxiliaries to "who" or "that")
      let w = cue.i - 1;
      while (w > 0 && /^(have|has|had|is|are|was|were|did|does|do|also|then)$/.test(tokens[w]?.lower ?? '')) w--;
      const rel = /^(who|that)$/.test(tokens[w]?.lower ?? '') ? w : -1;
      const who = rel > 0 ? ments.filter((m) => m.last >= rel - 4 && m.last < rel).at(0) : undefined;
      const agentM = passive
        ? null
        : (who ??
          inClause.find((m) => m.last < v) ??
          (v === a ? subjectBefore(a) : undefined) ??
          ments.find((m) => m.last < Math.min(firstVerb(0), cue.i)) ??
          null);
      let agent = agentM?.id ?? (passive ? null : speaker);
      const info = lexicon.axisInfo.get(axis);
      let target: string | null = null;
      // "the first call, placed by Trump to the Kremlin": the one after "by" did it, to the one after "to"
      // (only of a noun naming the act just before: "sanctions placed by the US" are no call)
      if (info?.directed && / by$/.test(cue.key)) {
        const noun = tokens.slice(Math.max(0, cue.i - 4), cue.i).some((t) => lexicon.concepts.get(t.lower)?.includes(`c:${axis}`));
        const by = ments.find((m) => m.first > cue.last && m.first <= cue.last + 2);
        if (!noun || !by) continue;
        const to = tokens.findIndex((t, k) => k > by.last && k <= by.last + 2 && t.lower === 'to');
        const whom = to < 0 ? undefined : ments.find((m) => m.first > to && m.first <= to + 2 && m.id !== by.id);
        const f: Frame = { axis, polarity: polarity as 1 | -1, agent: by.id, target: whom?.id ?? null, cue: cue.key };
        if (!frames.some((x) => x.axis === f.axis && x.agent === f.agent && x.target === f.target)) frames.push(f);
        continue;
      }
      // "rebel fighters, not Assad's forces, were to blame", "the Syrian government was responsible": the
      // subject of the verb "to be" is the one blamed; whoever says so (or the sentence's subject) blames
      const beAt = predicateAt(tokens, cue.i);
      const denied: string[] = [];
      if (info?.targeted && beAt >= 0) {
        const before = ments.filter((m) => m.last < beAt);
        const isNot = (m: Mention) => /^not$/.test(tokens[m.first - 1]?.lower ?? '') || /^not$/.test(tokens[m.first - 2]?.lower ?? '');
        const subject = before.filter((m) => !isNot(m)).at(-1);
        if (subject) {
          target = subject.id;
          for (const m of before) if (isNot(m) && m.first > subject.last && m.id !== target) denied.push(m.id);
          const own = agentM && agentM.id !== target && !denied.includes(agentM.id) ? agentM.id : null;
          const teller = own ?? speaker ?? ments.find((m) => m.last < firstVerb(0))?.id ?? null;
          agent = teller !== target ? teller : null;
        }
      }
      // (with the subject of "to be" found, the usual reading of the object below is not wanted)
      const predicated = beAt >= 0 && target !== null;
      if (!predicated && info?.adjacent) {
        // "rang Mr Putin", "called to congratulate the tycoon": the object right after the cue, or after "to" and a verb;
        // "called Trump's decision a mistake" names a possession, not whom was called
        // (the word after "to" is a verb whatever the tagger says, unless it starts a name or a noun phrase)
        const toVerb =
          tokens[cue.last + 1]?.lower === 'to' &&
          !owner[cue.last + 2] &&
          !/^(the|a|an|his|her|mr|mrs|ms)$/.test(tokens[cue.last + 2]?.lower ?? '');
        // ("placed a call to the Russian president": the one called after "to")
        const toWhom = !toVerb && tokens[cue.last + 1]?.lower === 'to' && cue.last > cue.i;
        const to = toVerb ? cue.last + 3 : toWhom ? cue.last + 2 : cue.last + 1;
        const lead = /^(the|mr|mrs|ms|dr|president|chancellor|his|her|their)$/.test(tokens[to]?.lower ?? '') ? 1 : 0;
        const obj = ments.find((m) => m.first >= to && m.first <= to + lead && m.id !== agent);
        // "calls Putin conversation 'very good'": a name before a noun modifies it
        const after = tokens[(obj?.last ?? 0) + 1];
        const modifier =
          !!after &&
          after.noun &&
          !after.verb &&
          !RELATIVE_DAY.test(after.lower) &&
          !text.slice(tokens[obj?.last ?? 0]?.end ?? 0, after.start).trim();
        // "Trump placed the first call": who called, though not whom (a cue of several words names the act itself)
        if (!obj && !passive && cue.last > cue.i) target = null;
        else if (passive || !obj || modifier || /'s$|’s$/.test(tokens[obj.last]?.text ?? '')) continue;
        else target = obj.id;
      } else if (!predicated && info?.targeted) {
        // the object comes before the next plain verb ("congratulate the former reality star … and the two agreed")
        const stop = tokens.findIndex((t, k) => k > cue.last && t.verb && !t.noun && !owner[k]);
        const bound = stop < 0 ? tokens.length : stop;
        let after = inClause.find((m) => m.first > cue.last && m.first < bound && m.id !== agent);
        // "the forces of Syrian President Bashar al-Assad": of names in a row, the last is the head
        for (const m of inClause) if (after && m.first > after.last && m.first <= after.last + 2 && m.id !== agent) after = m;
        const between = inClause.filter((m) => m.last < cue.i && m.id !== agent && m !== agentM).at(-1);
        // "holds the regime in Damascus responsible for the atrocity in Khan Sheikhoun": what follows "for" is the act
        const forAct = tokens[cue.last + 1]?.lower === 'for';
        target = (forAct ? between?.id : undefined) ?? after?.id ?? between?.id ?? null;
      }
      const negated = negatedAt(cue.i);
      const pol = (negated ? -polarity : polarity) as 1 | -1;
      // ("…, not Assad's forces, …": the one set against the subject is said not to be)
      for (const d of denied)
        if (!frames.some((f) => f.axis === axis && f.agent === agent && f.target === d))
          frames.push({ axis, polarity: -pol as 1 | -1, negated: true, agent, target: d, cue: `not ${tokens[cue.i]?.text ?? ''}` });
      if (!frames.some((f) => f.axis === axis && f.agent === agent && f.target === target && f.polarity === pol)) {
        frames.push({
          axis,
          polarity: pol,
          ...(negated ? { negated: true } : {}),
          agent,
          target,
          cue: tokens
            .slice(cue.i, cue.last + 1)
            .map((t) => t.text)
            .join(' '),
        });
      }
    }
  }

  // which of two events came first ("… said after Russia vetoed …")
  const sequences = readSequences(text, lexicon, quickTerms);
  return {
    text,
    entities: [...new Set(ments.map((m) => m.id))],
    terms: [...terms],
    figures: readFigures(text, tokens, owner, lexicon),
    // "…, TASS reported on Tuesday": when it was said, not when it happened
    times: readTimes(tail < tokens.length ? text.slice(0, tokens[tail]?.start ?? text.length) : text, ctx.published),
    frames,
    negated,
    ...(negatedTerms.length ? { negatedTerms } : {}),
    ...(sequences.length ? { sequences } : {}),
    speaker,
    // a statement has a verb; a word that may be either only counts after a name or a pronoun
    // ("Trump and Putin set for…", not "The gas attack")
    asserts: tokens.some((t, k) => {
      if (!t.verb) return false;
      if (!EITHER.has(t.lower)) return true;
      // past an adverb ("activists later put"), the word before says whether this is a verb
      let p = k - 1;
      while (p > 0 && /^(later|also|then|still|now|since|have|has|had|ly)$|ly$/.test(tokens[p]?.lower ?? '')) p--;
      const before = tokens[p];
      return (
        !!owner[p] ||
        /^(they|he|she|it|we|who|to|will|would|may|might|can|could|should|must)$/.test(before?.lower ?? '') ||
        // a plural subject: "opposition activists put the toll at 84"
        (!!before && lexicon.personNouns.has(before.lower) && /s$|^(men|women|people|children)$/.test(before.lower))
      );
    }),
    // a value is denied only by a negation just before it ("did not even bother to veto", "never abstained"):
    // "denied the government was behind the sarin attack" still says the attack was sarin
    ...categoriesOf(text, names, lexicon, (at) => {
      const k = tokens.findIndex((t) => t.start >= at);
      // "found no trace of sarin", "no evidence of chlorine": the value said not to be there ("no doubt" is no denial)
      const none = tokens[k - 3]?.lower === 'no' && NO_TRACE.has(tokens[k - 2]?.lower ?? '') && tokens[k - 1]?.lower === 'of';
      return (
        none ||
        tokens.slice(Math.max(0, k - 5), Math.max(0, k)).some((t) => t.lower === 'not' || t.lower === 'never' || t.lower.endsWith("n't"))
      );
    }),
  };
}

/** Where a quotation closes just before its attribution ("…at all,” he said": the ” before "he"), or -1. */
function closingQuoteBefore(before: string): number {
  let rest = before.trimEnd();
  // past one word of the speaker ("he", "Trump") if it is not the quote itself
  if (!/[”"’']$/.test(rest)) rest = rest.slice(0, rest.lastIndexOf(' ') + 1).trimEnd();
  if (rest.endsWith(',')) rest = rest.slice(0, -1).trimEnd();
  return /[”"’']$/.test(rest) ? rest.length - 1 : -1;
}
const KICKER =
  /^(?:live|breaking(?: news)?|analysis|explainer|watch|opinion|comment|exclusive|updated?|video|factbox|fact check|timeline|latest|in pictures)\s?[:|–—-]\s/i;
/** Negations that are words of their own, not verbs ("never", "didn't"): what may deny a negating verb. */
const PARTICLE = /^(not|never|no|cannot)$|n't$/;
const NO_TRACE = new Set(['trace', 'traces', 'sign', 'signs', 'evidence', 'indication', 'proof']);
const RELATIVE_DAY = /^(yesterday|today|tonight|tomorrow|morning|afternoon|evening|night|last|this|earlier|later)$/;
const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;
const TIME_WORD = /^(am|pm|a\.m\.|p\.m\.|gmt|bst|et|edt|est|pt|pdt|pst|utc|cet|ist|aest)$/i;

/** For a position in the sentence, the value of the nearest word (or its stem) that `words` knows. */
function nearestWord(tokens: Token[], words: Map<string, string>): (from: number) => string | null {
  const found: { at: number; value: string }[] = [];
  tokens.forEach((t, k) => {
    const value = words.get(t.lower) ?? words.get(stem(t.lower));
    if (value) found.push({ at: k, value });
  });
  return (from) => {
    let best: { d: number; value: string } | null = null;
    for (const c of found) if (!best || Math.abs(c.at - from) < best.d) best = { d: Math.abs(c.at - from), value: c.value };
    return best?.value ?? null;
  };
}

function readFigures(text: string, tokens: Token[], owner: (string | null)[], lexicon: Lexicon): Figure[] {
  const out: Figure[] = [];
  // where the sentence says what happened to the people counted; found once, not per figure
  const cueUnit = nearestWord(tokens, lexicon.unitEventCues);
  // what kind of event the counts belong to: the scope word nearest the figure
  const scopeAt = nearestWord(tokens, lexicon.scopeWords);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || owner[i]) continue;
    const ord = own(ORDINALS, t.lower);
    if (ord !== undefined) {
      const fig = readOrdinal(text, tokens, i, ord, owner, lexicon);
      if (fig) out.push(fig);
      continue;
    }
    const n = readNumber(tokens, i);
    if (!n) continue;
    const prev = tokens[i - 1];
    const next = tokens[n.last + 1];
    // dates, clock times and years are read by the times stage
    if (/[:]/.test(t.text) || /(am|pm)$/i.test(t.text) || TIME_WORD.test(next?.text ?? '')) continue;
    if (MONTH_WORD.test(next?.text ?? '') || MONTH_WORD.test(prev?.text ?? '')) continue;
    if (/^(1[89]|20)\d{2}$/.test(t.text) && n.last === i) continue;
    // "G-20", "Su-24", "F-16": a name with a number in it, not a count
    if (/[A-Za-z]-$/.test(text.slice(Math.max(0, t.start - 2), t.start))) continue;
    if (/^\d{4}$/.test(t.text) && /^(gmt|bst|utc|et)$/i.test(next?.text ?? '')) continue;
    // "including 30 children", "among them more than 12 children": a part of a count already given
    const lead = readHedge(tokens, i).first;
    const before = tokens[lead - 1];
    if (/^(including|among|incl)$/.test(before?.lower ?? '') || (before?.lower === 'them' && tokens[lead - 2]?.lower === 'among')) continue;
    // "31 of them children": a part of a count already given, not a count of its own
    if (next?.lower === 'of' && /^(them|whom|those|these|which)$/.test(tokens[n.last + 2]?.lower ?? '')) continue;
    // "one", "the two leaders": words that count nothing checkable
    if (!/^\d/.test(t.text) && n.value <= 2 && n.last === i && !n.vague) continue;
    const { hedge, first } = readHedge(tokens, i);
    const range = n.vague ? { low: n.low, high: n.high } : hedgeRange(n, hedge);
    let unit: string | null = null;
    let j = n.last + 1;
    let head: Token | null = null;
    const hyphenated = text[tokens[n.last]?.end ?? 0] === '-';
    if (
      text.slice(tokens[n.last]?.end ?? 0, (tokens[n.last]?.end ?? 0) + 1) === '%' ||
      (next?.lower === 'per' && tokens[j + 1]?.lower === 'cent') ||
      next?.lower === 'percent'
    )
      unit = 'percent';
    else if (hyphenated && next) {
      unit = next.lower;
      head = next;
    } else {
      if (tokens[j]?.lower === 'of') j++;
      for (let k = j; k < Math.min(tokens.length, j + 4); k++) {
        const w = tokens[k];
        // "eight long years": a measure word before the noun describes it; after ("five years old") it ends the phrase
        if (w && !head && k < j + 2 && MEASURE_WORD.test(w.lower) && tokens[k + 1]?.noun) continue;
        if (!w || (!w.noun && !w.adjective) || (w.verb && !w.noun) || isNumberLike(w) || MEASURE_WORD.test(w.lower)) break;
        // "five years old", "59 cruise missiles": the head is the last plain noun
        if (w.noun && (!w.adjective || !head)) head = w;
        // "5 million Syrians abroad": a count of people ends with the people
        if (head && lexicon.personNouns.has(head.lower)) break;
        if (text.slice(w.end, tokens[k + 1]?.start ?? w.end).trim()) break;
      }
      if (head) unit = head.lower;
    }
    const base = unit ? stem(unit) : null;
    const headCue = unit ? (lexicon.unitEventCues.get(unit) ?? null) : null;
    if (headCue) unit = headCue;
    else if (!unit || lexicon.personNouns.has(unit) || (base && lexicon.personNouns.has(base))) {
      unit = cueUnit(i) ?? (unit ? 'people' : null);
    } else {
      unit = lexicon.unitSynonyms.get(unit) ?? lexicon.unitSynonyms.get(base ?? '') ?? base;
    }
    if (!unit) continue;
    if (/^[$£€]/.test(text.slice(Math.max(0, t.start - 1), t.start))) unit = 'money';
    const end = Math.max(tokens[n.last]?.end ?? t.end, (head as Token | null)?.end ?? 0);
    const scope = scopeAt(i);
    const part = head ? lexicon.partNouns.get(head.lower) : undefined;
    out.push({
      unit,
      ...range,
      text: text.slice(tokens[first]?.start ?? t.start, end),
      ...(scope ? { scope } : {}),
      ...(part ? { part } : {}),
    });
    i = n.last;
  }
  return out;
}

function readOrdinal(text: string, tokens: Token[], i: number, value: number, owner: (string | null)[], lexicon: Lexicon): Figure | null {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // "first spoke": an adverb, not an ordinal of a countable thing
  if (!next || (next.verb && !next.noun && !lexicon.unitSynonyms.has(next.lower))) return null;
  // "the first two calls", "the last 15 years": a count of the earliest ones, not an ordinal
  if (readNumber(tokens, i + 1)) return null;
  let unit: string;
  let headIdx = i + 1;
  if (next.lower === 'since' || next.lower === 'between') unit = 'time';
  else if ((next.noun || lexicon.unitSynonyms.has(next.lower)) && !owner[i + 1]) {
    // the head of the noun phrase: "the second telephone conversation" counts conversations
    let k = i + 1;
    while (tokens[k + 1]?.noun && !owner[k + 1] && k < i + 3 && !text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0).trim()) k++;
    const head = tokens[k] ?? next;
    headIdx = k;
    unit = lexicon.unitSynonyms.get(head.lower) ?? stem(head.lower);
  } else return null;
  // ("the leaders' second conversation": a plural possessive keeps its apostrophe outside the word)
  const possessive = !!prev && /s$/.test(prev.lower) && /^['’]/.test(text.slice(prev.end, prev.end + 1));
  if (!prev || (!possessive && !/^(the|a|their|his|her|its|our|this|that|for)$|'s$/.test(prev.lower))) {
    // bare "first" in a headline ("first call since …") still counts
    // (or after a comma: "Putin and Trump to speak by phone, first time since U.S. strike")
    const afterComma = !!prev && /,\s*$/.test(text.slice(prev.end, tokens[i]?.start ?? prev.end));
    if (prev && !afterComma && !/^(set|for|in|is|be|was|will)$/.test(prev.lower)) return null;
  }
  if (unit === 'call' || unit === 'conversation' || unit === 'talk') unit = 'time';
  // "to meet for the first time" counts meetings, not calls: the nearest word of either kind decides
  if (unit === 'time') {
    let best = Number.POSITIVE_INFINITY;
    tokens.forEach((t, k) => {
      const keys = lexicon.concepts.get(t.lower) ?? [];
      const d = Math.abs(k - i);
      if (d >= best || d > 8) return;
      if (keys.includes('c:meet')) {
        best = d;
        unit = 'meeting';
      } else if (keys.includes('c:call')) {
        best = d;
        unit = 'time';
      }
    });
  }
  if (next.lower === 'since' || next.lower === 'between') headIdx = i;
  const sinceIdx = tokens.findIndex((t, k) => k > headIdx && k <= headIdx + 8 && t.lower === 'since');
  let since: string[] | undefined;
  if (sinceIdx > 0) {
    const [, end] = clauseOf(text, tokens, sinceIdx + 1);
    const clause = text.slice(tokens[sinceIdx + 1]?.start ?? 0, tokens[end]?.end ?? text.length);
    since = quickTerms(clause, lexicon);
  }
  return {
    unit,
    low: value,
    high: value,
    ordinal: true,
    text: text.slice(tokens[i]?.start ?? 0, tokens[Math.min(sinceIdx > 0 ? sinceIdx - 1 : headIdx, tokens.length - 1)]?.end ?? 0),
    ...(since ? { since } : {}),
  };
}

/**
 * Terms of a text through the same lexicon, without tagging: cheap enough for every sentence of
 * a long page, so the full parse is kept for sentences that may match a reference.
 */
export function quickTerms(clause: string, lexicon: Lexicon): string[] {
  const out = new Set<string>();
  let rest = clause.toLowerCase();
  for (const m of lexicon.aliases.find(clause)) out.add(`e:${m.id}`);
  for (const p of lexicon.phrases) {
    if (rest.includes(p.key)) {
      for (const c of lexicon.concepts.get(p.key) ?? []) out.add(c);
      rest = rest.replace(p.key, ' ');
    }
  }
  for (const w of rest.split(/[^a-z']+/)) {
    if (!w || STOP.has(w) || lexicon.generic.has(w)) continue;
    const c = lexicon.concepts.get(w) ?? lexicon.concepts.get(stem(w));
    if (c) for (const k of c) out.add(k);
    else if (w.length > 2) out.add(`s:${stem(w)}`);
  }
  return [...out];
}

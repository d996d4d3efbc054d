// Which came first: a sentence that orders two events with "after", "before", "ahead of", "following"
// ("Trump said … after Russia vetoed …"), read as the terms of the earlier and of the later event, so that
// the judge can tell a page that puts them the other way round ("…, shortly before Moscow vetoed …").
import type { Lexicon } from './lexicon';
import { MONTHS, WEEKDAYS } from './times';
import type { Sequence } from './types';

/** Connectives and which side of them came first. */
const CONNECTIVES: { words: string[]; leftFirst: boolean }[] = [
  { words: ['after'], leftFirst: false },
  { words: ['following'], leftFirst: false },
  { words: ['in', 'the', 'wake', 'of'], leftFirst: false },
  { words: ['before'], leftFirst: true },
  { words: ['ahead', 'of'], leftFirst: true },
  { words: ['prior', 'to'], leftFirst: true },
];

/** The first word of some connective, for a quick look before reading the words. */
const CONNECTIVE_WORD = /\b(?:after|following|wake|before|ahead|prior)\b/i;

/** "Before" of a place ("testified before the committee"), "following" of a list ("the following day"). */
const NOT_TIME_AFTER = new Set([
  'committee',
  'congress',
  'senate',
  'house',
  'panel',
  'court',
  'lawmakers',
  'parliament',
  'cameras',
  'reporters',
]);
const NOT_TIME_PREV = new Set(['the', 'look', 'looking', 'looked', 'looks', 'named', 'after']);
const PERIOD = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'morning', 'evening', 'statement', 'all']);

/** Words that date a side by themselves: a weekday, a relative day, a year (month names are found as terms). */
const DATED =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|ago|last\s(?:week|month|year|night)|(?:19|20)\d\d)\b/i;
/** The terms of month and weekday names, read once with the caller's reader. */
const dateTermsOf = new WeakMap<Lexicon, Set<string>>();

interface Word {
  lower: string;
  start: number;
  end: number;
}

/**
 * The orders of events a sentence states, given a way to read a clause's terms (the claims stage's
 * quickTerms). "After the strike, Medvedev said…" orders the clause before the comma first.
 */
export function readSequences(text: string, lexicon: Lexicon, termsOf: (clause: string, lexicon: Lexicon) => string[]): Sequence[] {
  // (most sentences order nothing: checked on the text before any word is read)
  if (!CONNECTIVE_WORD.test(text)) return [];
  let dates = dateTermsOf.get(lexicon);
  if (!dates) {
    dates = new Set([...MONTHS, ...WEEKDAYS].flatMap((w) => termsOf(w, lexicon)));
    dateTermsOf.set(lexicon, dates);
  }
  const known = dates;
  const eventWord = (t: string) => !known.has(t) && !/^s:\d/.test(t);
  const words: Word[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const start = m.index ?? 0;
    words.push({ lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  const found: { at: number; end: number; leftFirst: boolean; connective: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const c of CONNECTIVES) {
      if (!c.words.every((w, k) => words[i + k]?.lower === w)) continue;
      const last = words[i + c.words.length - 1];
      const prev = words[i - 1]?.lower ?? '';
      const next = words[i + c.words.length]?.lower ?? '';
      const after = words[i + c.words.length + 1]?.lower ?? '';
      if (!last || NOT_TIME_PREV.has(prev) || PERIOD.has(next) || NOT_TIME_AFTER.has(next) || (next === 'the' && NOT_TIME_AFTER.has(after)))
        continue;
      // "shortly before", "only after", "a day after": the words that measure the gap are the connective's
      let from = i;
      while (
        from > 0 &&
        /^(shortly|soon|just|only|long|days?|weeks?|hours?|months?|minutes?|a|an|one|two|three|moments?)$/.test(
          words[from - 1]?.lower ?? '',
        )
      )
        from--;
      const start = words[from]?.start ?? 0;
      found.push({ at: start, end: last.end, leftFirst: c.leftFirst, connective: text.slice(start, last.end) });
    }
  }
  const out: Sequence[] = [];
  found.forEach((f, k) => {
    const prevEnd = found[k - 1]?.end ?? 0;
    const nextAt = found[k + 1]?.at ?? text.length;
    let left: string;
    let right: string;
    const opening = text.slice(prevEnd, f.at).trim() === '' && k === 0;
    if (opening) {
      // "After a US missile attack on a Syrian airbase, Medvedev said…": the clause up to the comma, then the rest
      const comma = text.indexOf(',', f.end);
      if (comma < 0 || comma > nextAt) return;
      right = text.slice(f.end, comma);
      left = text.slice(comma + 1, nextAt);
    } else {
      left = text.slice(prevEnd, f.at);
      // "which came a day after the chemical attack in Syria, killed 15 people": the clause ends at the comma
      right = text.slice(f.end, nextAt).split(/[,;]/)[0] ?? '';
    }
    const lAll = termsOf(left, lexicon);
    const rAll = termsOf(right, lexicon);
    // dates say when, not what: "after conversations on 28 January" is not the January call
    const l = lAll.filter(eventWord);
    const r = rAll.filter(eventWord);
    const lOnly = l.filter((t) => !r.includes(t));
    const rOnly = r.filter((t) => !l.includes(t));
    if (!lOnly.length || !rOnly.length) return;
    // a side that gives its own date ("in January, when Putin rang…, and in April, after…") is dated by the page
    const dated = [...lAll, ...rAll].some((t) => known.has(t)) || DATED.test(`${left} ${right}`);
    out.push({
      connective: f.connective,
      first: f.leftFirst ? lOnly : rOnly,
      second: f.leftFirst ? rOnly : lOnly,
      ...(dated ? { dated } : {}),
    });
  });
  return out;
}

/**
 * Two orders of the same two events put the other way round: the page's first event is the
 * reference's second and the page's second its first, with next to nothing shared straight across.
 */
export function reversedOrder(page: Sequence, ref: Sequence): boolean {
  const shared = (a: string[], b: string[]) => a.filter((t) => b.includes(t));
  // each event must share a word that is not a name: names recur on both sides of most orders
  const said = (ts: string[]) => ts.some((t) => !t.startsWith('e:'));
  const cross1 = shared(page.first, ref.second);
  const cross2 = shared(page.second, ref.first);
  const straight = shared(page.first, ref.first).length + shared(page.second, ref.second).length;
  const cross = cross1.length + cross2.length;
  return said(cross1) && said(cross2) && cross >= 3 && straight <= 1 && straight * 2 < cross;
}

/** "In response, the US leader gave orders to fire…": a sentence set after the one before it. */
const RESPONSE = /^(?:in\s(?:response|retaliation|reply|return)|in\sturn|days\slater|soon\safter(?:wards)?|afterwards)\b/i;

/**
 * The order a sentence opening with a response states between the event of the sentence before and its
 * own (terms both share left out); null when it opens otherwise or the two say the same.
 */
export function responseOrder(text: string, before: string[], own: string[]): Sequence | null {
  const m = RESPONSE.exec(text.trim());
  if (!m) return null;
  const first = before.filter((t) => !own.includes(t) && !t.startsWith('a:'));
  const second = own.filter((t) => !before.includes(t) && !t.startsWith('a:'));
  return first.length && second.length ? { connective: m[0], first, second } : null;
}

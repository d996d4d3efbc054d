// A realistic large reference set for the benchmark: documents on many different made-up stories,
// beside the bundled documents. Each story has its own people, places and words (made-up words
// from a vocabulary of about 9,000), and shares common news words (Zipf-like: a few in many
// stories, most in few) and world names (the US, Russia, Trump, Putin…) with the others, so some
// terms of the bundled story are in thousands of reference claims, as in a real library of news.
import type { ReferenceDocument, ReferenceSetSource } from '../lib/references';

/** A small deterministic generator (mulberry32): the same set on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'ren',
  'tas',
  'mi',
  'vor',
  'del',
  'shan',
  'pra',
  'qui',
  'bel',
  'tor',
  'nix',
  'ga',
  'sul',
  'ber',
  'mon',
  'fi',
  'zar',
  'ul',
  'dre',
  'po',
];
/** Every two- and three-syllable word: about 11,000. */
const MADE_UP: string[] = [];
for (const a of SYLLABLES)
  for (const b of SYLLABLES) {
    MADE_UP.push(a + b);
    for (const c of SYLLABLES) MADE_UP.push(a + b + c);
  }

/** Common news words, most common first. */
const COMMON = `people government president minister police officials talks attack city country report forces military
  election security deal plan court law crisis war protest leaders week year month statement spokesman agency region
  border troops strike children homes company market prices workers union hospital health water power energy oil gas
  school students families village town capital province coast river bridge road airport port ship aircraft fire
  flood storm earthquake aid refugees camp prison trial judge parliament vote party campaign poll budget tax bank
  economy trade tariffs jobs factory farm crops food fuel weapons missiles bombs soldiers rebels militants army navy
  ceasefire sanctions embassy diplomats summit visit call phone meeting agreement investigation inquiry evidence
  victims death toll damage cost rescue search survivors protesters demonstrators residents authorities ministry`
  .split(/\s+/)
  .filter(Boolean);
/** Names the bundled set's aliases know: other stories mention them too. */
const WORLD = [
  'the US',
  'Russia',
  'Donald Trump',
  'Vladimir Putin',
  'Syria',
  'the White House',
  'the Kremlin',
  'Washington',
  'Moscow',
  'Turkey',
];
const NEUTRAL = ['China', 'Britain', 'France', 'Germany', 'the UN', 'the EU', 'Japan', 'India', 'Brazil', 'Nigeria'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const OUTLETS = [
  'Daily Ledger',
  'Evening Post',
  'World Wire',
  'The Courier',
  'Metro Times',
  'Global Herald',
  'Northern Echo',
  'City Journal',
];

const TEMPLATES = [
  '{P} said {n} {c} were {v} in {L} on {D}.',
  'The {w} in {L} {v} the {w2} after {W} {v2} its {c}.',
  '{W} has {v} the {w} {c} in {L}, according to {P}.',
  'Officials in {L} said the {c} would {b} the {w} by {M}.',
  'It was the {o} {w} in {L} since {y}.',
  'At least {n} {c} {v} when the {w} hit {L} on {D}.',
  '{P} and {P2} met in {L} to discuss the {w} and the {c}.',
  'The {w} {c} is expected to cost {n} million dollars, {P} said.',
  '{P} told reporters that the {c} had not {v} the {w}.',
  'More than {n} {c} gathered outside the {w} in {L} on {D}.',
  'The {c} of {L} {v} a {w} {w2} last {M}.',
  '{W} and {N} {v} the {w} {c} in a joint statement.',
  'The {w} began on {D} {dd} {M} and lasted {n} days.',
  '{P} called the {w} {w2} a {c} for {L}.',
];

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * `n` documents: the bundled ones first, then documents on made-up stories, four a story, each
 * of about 15 sentences in the story's words.
 */
export function variedSource(base: ReferenceSetSource, n: number, seed = 6): ReferenceSetSource {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  // Zipf-like: the k-th common word with weight 1/(k+1)
  const zipf = COMMON.map((_, k) => 1 / (k + 1));
  const zipfTotal = zipf.reduce((a, b) => a + b, 0);
  const common = () => {
    let r = rnd() * zipfTotal;
    for (const [k, w] of zipf.entries()) {
      r -= w;
      if (r <= 0) return COMMON[k] as string;
    }
    return COMMON[0] as string;
  };
  const documents: ReferenceDocument[] = base.documents.slice(0, n);
  let story = 0;
  while (documents.length < n) {
    const words = Array.from({ length: 14 }, () => pick(MADE_UP));
    const verbs = Array.from({ length: 5 }, () => pick(MADE_UP));
    const people = Array.from({ length: 3 }, () => `${cap(pick(MADE_UP))} ${cap(pick(MADE_UP))}`);
    const places = Array.from({ length: 2 }, () => cap(pick(MADE_UP)));
    const year = 2000 + Math.floor(rnd() * 17);
    for (let d = 0; d < 4 && documents.length < n; d++) {
      const sentences: string[] = [];
      for (let s = 0; s < 15; s++) {
        const text = pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, slot: string) => {
          switch (slot) {
            case 'P':
            case 'P2':
              return pick(people);
            case 'L':
              return pick(places);
            case 'w':
            case 'w2':
              return rnd() < 0.7 ? pick(words) : common();
            case 'c':
              return common();
            case 'v':
            case 'v2':
              return `${pick(verbs)}ed`;
            case 'b':
              return pick(verbs);
            case 'W':
              return rnd() < 0.4 ? pick(WORLD) : pick(NEUTRAL);
            case 'N':
              return pick(NEUTRAL);
            case 'n':
              return String(2 + Math.floor(rnd() * 300));
            case 'D':
              return pick(DAYS);
            case 'dd':
              return String(1 + Math.floor(rnd() * 28));
            case 'M':
              return pick(MONTHS);
            case 'o':
              return pick(ORDINALS);
            case 'y':
              return String(year);
            default:
              return slot;
          }
        });
        sentences.push(cap(text));
      }
      const paragraphs = [];
      for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
      documents.push({
        id: `story${story}_${d}`,
        outlet: OUTLETS[(story + d) % OUTLETS.length] as string,
        title: `${cap(pick(words))} ${pick(words)} in ${pick(places)}`,
        date: `2017-0${1 + (story % 9)}-1${d}`,
        text: paragraphs.join('\n\n'),
      });
    }
    story++;
  }
  return { ...base, documents };
}

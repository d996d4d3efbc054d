// Reads dates and clock times as spans at the precision written, resolving relative ones
// ("yesterday", "last month", "on Tuesday") against the document's own publication date.
import type { TimeSpan } from './types';

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR: Record<string, number> = Object.fromEntries(
  MONTHS.flatMap((m, i) => [[m, i], [m.slice(0, 3), i], ...(m === 'september' ? [['sept', i]] : [])]),
);
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY = 86_400_000;

/** UTC offsets in hours; summer rules for the zones that have them. Abbreviations are matched in capitals. */
const ZONE_ABBR: Record<string, (d: Date) => number> = {
  ET: (d) => (usDst(d) ? -4 : -5),
  EDT: () => -4,
  EST: () => -5,
  PT: (d) => (usDst(d) ? -7 : -8),
  PDT: () => -7,
  PST: () => -8,
  CT: (d) => (usDst(d) ? -5 : -6),
  CDT: () => -5,
  CST: () => -6,
  MT: (d) => (usDst(d) ? -6 : -7),
  MDT: () => -6,
  MST: () => -7,
  AKDT: () => -8,
  HST: () => -10,
  GMT: () => 0,
  UTC: () => 0,
  WET: () => 0,
  BST: () => 1,
  WEST: () => 1,
  WAT: () => 1,
  CET: () => 1,
  CEST: () => 2,
  EET: () => 2,
  EEST: () => 3,
  SAST: () => 2,
  CAT: () => 2,
  EAT: () => 3,
  IDT: () => 3,
  MSK: () => 3,
  GST: () => 4,
  PKT: () => 5,
  // "IST" is India's more often than Ireland's or Israel's
  IST: () => 5.5,
  WIB: () => 7,
  SGT: () => 8,
  HKT: () => 8,
  AWST: () => 8,
  JST: () => 9,
  KST: () => 9,
  ACST: () => 9.5,
  AEST: () => 10,
  AEDT: () => 11,
  NZT: (d) => (nzDst(d) ? 13 : 12),
  NZST: () => 12,
  NZDT: () => 13,
};
/** "4.30pm UK time", "12.30am Singapore time": places and regions whose clock a newsroom names. */
const ZONE_PLACE: Record<string, (d: Date) => number> = {
  eastern: (d) => (usDst(d) ? -4 : -5),
  washington: (d) => (usDst(d) ? -4 : -5),
  'new york': (d) => (usDst(d) ? -4 : -5),
  central: (d) => (usDst(d) ? -5 : -6),
  chicago: (d) => (usDst(d) ? -5 : -6),
  mountain: (d) => (usDst(d) ? -6 : -7),
  pacific: (d) => (usDst(d) ? -7 : -8),
  'los angeles': (d) => (usDst(d) ? -7 : -8),
  // newsrooms convert "UK time" at GMT, as in "12:30pm ET (4.30pm UK time)"; BST is its own zone
  uk: () => 0,
  british: () => 0,
  london: () => 0,
  irish: (d) => (euDst(d) ? 1 : 0),
  ireland: (d) => (euDst(d) ? 1 : 0),
  dublin: (d) => (euDst(d) ? 1 : 0),
  ...Object.fromEntries(
    [
      'european',
      'central european',
      'paris',
      'berlin',
      'brussels',
      'rome',
      'madrid',
      'german',
      'french',
      'warsaw',
      'polish',
      'poland',
      'vienna',
      'amsterdam',
      'prague',
      'budapest',
      'stockholm',
      'geneva',
      'italian',
      'spanish',
    ].map((k) => [k, (d: Date) => (euDst(d) ? 2 : 1)]),
  ),
  ...Object.fromEntries(
    ['kyiv', 'kiev', 'ukraine', 'athens', 'beirut', 'lebanon', 'damascus', 'syria', 'syrian', 'israel', 'israeli', 'jerusalem'].map((k) => [
      k,
      (d: Date) => (euDst(d) ? 3 : 2),
    ]),
  ),
  ...Object.fromEntries(['cairo', 'egypt', 'johannesburg', 'pretoria', 'south africa'].map((k) => [k, () => 2])),
  ...Object.fromEntries(
    [
      'moscow',
      'russian',
      'sochi',
      'istanbul',
      'ankara',
      'turkey',
      'turkish',
      'nairobi',
      'kenya',
      'riyadh',
      'saudi',
      'doha',
      'qatar',
      'baghdad',
    ].map((k) => [k, () => 3]),
  ),
  ...Object.fromEntries(['dubai', 'gulf', 'abu dhabi'].map((k) => [k, () => 4])),
  ...Object.fromEntries(['pakistan', 'karachi', 'islamabad'].map((k) => [k, () => 5])),
  ...Object.fromEntries(['india', 'delhi', 'new delhi', 'mumbai'].map((k) => [k, () => 5.5])),
  ...Object.fromEntries(['bangkok', 'jakarta', 'hanoi'].map((k) => [k, () => 7])),
  ...Object.fromEntries(
    ['singapore', 'hong kong', 'beijing', 'china', 'manila', 'kuala lumpur', 'perth', 'taipei'].map((k) => [k, () => 8]),
  ),
  ...Object.fromEntries(['tokyo', 'japan', 'seoul', 'korea'].map((k) => [k, () => 9])),
  ...Object.fromEntries(['sydney', 'melbourne', 'canberra'].map((k) => [k, (d: Date) => (auDst(d) ? 11 : 10)])),
  ...Object.fromEntries(['new zealand', 'nz', 'auckland', 'wellington'].map((k) => [k, (d: Date) => (nzDst(d) ? 13 : 12)])),
};

const LOOSE_ABBR = new Set(['EDT', 'EST', 'PDT', 'PST', 'CDT', 'CST', 'GMT', 'UTC', 'BST', 'CET', 'CEST', 'MSK', 'JST', 'AEST', 'AEDT']);

/** Every zone the table knows, as written: abbreviations, and places with "time" (for the test of ZONE_RE). */
export const ZONE_NAMES = [...Object.keys(ZONE_ABBR), ...Object.keys(ZONE_PLACE).map((k) => `${k} time`)];

/** The UTC offset of a zone as written ("ET", "Singapore time", "Eastern Time"), or undefined. */
function zoneOffset(zone: string, at: Date): number | undefined {
  const abbr = ZONE_ABBR[zone.toUpperCase()];
  // "5pm cat", "wet": a short lower-case word is a word, not a zone; "5pm gmt" is one
  if (abbr && (/^[A-Z]+$/.test(zone) || LOOSE_ABBR.has(zone.toUpperCase()))) return abbr(at);
  const words = zone.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.at(-1) === 'time') words.pop();
  const place = words.join(' ');
  return ZONE_PLACE[place]?.(at);
}

function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}
function usDst(d: Date): boolean {
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 2, nthSunday(y, 2, 2));
  const end = Date.UTC(y, 10, nthSunday(y, 10, 1));
  return d.getTime() >= start && d.getTime() < end;
}
/** The last Sunday of a month (1-based day). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}
/** European summer time: last Sunday of March to last Sunday of October. */
function euDst(d: Date): boolean {
  const y = d.getUTCFullYear();
  return d.getTime() >= Date.UTC(y, 2, lastSunday(y, 2), 1) && d.getTime() < Date.UTC(y, 9, lastSunday(y, 9), 1);
}
/** Southern summers: Australia's from the first Sunday of October, New Zealand's from the last of September, both to April's first. */
function auDst(d: Date): boolean {
  const y = d.getUTCFullYear();
  return d.getTime() >= Date.UTC(y, 9, nthSunday(y, 9, 1)) || d.getTime() < Date.UTC(y, 3, nthSunday(y, 3, 1));
}
function nzDst(d: Date): boolean {
  const y = d.getUTCFullYear();
  return d.getTime() >= Date.UTC(y, 8, lastSunday(y, 8)) || d.getTime() < Date.UTC(y, 3, nthSunday(y, 3, 1));
}

const dayStart = (y: number, m: number, d: number) => Date.UTC(y, m, d);
const span = (start: number, end: number, kind: TimeSpan['kind'], text: string, since: boolean): TimeSpan => ({
  start,
  end,
  kind,
  text: text.replace(/[.,]$/, ''),
  ...(since ? { since: true } : {}),
});

/** The year that puts a day-and-month closest to the publication date. */
function nearestYear(month: number, day: number, pub: Date): number {
  const y = pub.getUTCFullYear();
  let best = y;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const cand of [y - 1, y, y + 1]) {
    const gap = Math.abs(dayStart(cand, month, day) - pub.getTime());
    if (gap < bestGap) {
      best = cand;
      bestGap = gap;
    }
  }
  return best;
}

const MONTH_RE =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// the zones above as one literal pattern (a test checks it names every one): written out, so the
// patterns built from it can be checked for catastrophic backtracking before they run
export const ZONE_RE =
  'AKDT|WEST|CEST|EEST|SAST|AWST|ACST|AEST|AEDT|NZST|NZDT|EDT|EST|PDT|PST|CDT|CST|MDT|MST|HST|GMT|UTC|WET|BST|WAT|CET|EET|CAT|EAT|IDT|MSK|GST|PKT|IST|WIB|SGT|HKT|JST|KST|NZT|ET|PT|CT|MT|(?:Eastern|Central|Pacific|Mountain)(?:\\s+[Tt]ime)?|(?:[cC]entral\\s+[eE]uropean|[jJ]ohannesburg|[kK]uala\\s+[lL]umpur|[sS]outh\\s+[aA]frica|[lL]os\\s+[aA]ngeles|[nN]ew\\s+[zZ]ealand|[wW]ashington|[wW]ellington|[aA]bu\\s+[dD]habi|[aA]msterdam|[hH]ong\\s+[kK]ong|[iI]slamabad|[jJ]erusalem|[mM]elbourne|[nN]ew\\s+[dD]elhi|[sS]ingapore|[sS]tockholm|[aA]uckland|[bB]russels|[bB]udapest|[cC]anberra|[dD]amascus|[eE]uropean|[iI]stanbul|[mM]ountain|[nN]ew\\s+[yY]ork|[pP]akistan|[pP]retoria|[bB]aghdad|[bB]angkok|[bB]eijing|[bB]ritish|[cC]entral|[cC]hicago|[eE]astern|[iI]reland|[iI]sraeli|[iI]talian|[jJ]akarta|[kK]arachi|[lL]ebanon|[nN]airobi|[pP]acific|[rR]ussian|[sS]panish|[tT]urkish|[uU]kraine|[aA]nkara|[aA]thens|[bB]eirut|[bB]erlin|[dD]ublin|[fF]rench|[gG]eneva|[gG]erman|[iI]srael|[lL]ondon|[mM]adrid|[mM]anila|[mM]oscow|[mM]umbai|[pP]oland|[pP]olish|[pP]rague|[rR]iyadh|[sS]ydney|[sS]yrian|[tT]aipei|[tT]urkey|[vV]ienna|[wW]arsaw|[cC]airo|[cC]hina|[dD]elhi|[dD]ubai|[eE]gypt|[hH]anoi|[iI]ndia|[iI]rish|[jJ]apan|[kK]enya|[kK]orea|[pP]aris|[pP]erth|[qQ]atar|[sS]audi|[sS]eoul|[sS]ochi|[sS]yria|[tT]okyo|[dD]oha|[gG]ulf|[kK]iev|[kK]yiv|[rR]ome|[nN]z|[uU]k)\\s+time';
/** "12.30am on Wednesday, Singapore time": a zone named after the day the clock time is on. */
// (the place is checked against the zone table once found: see zoneOffset)
const TRAILING_ZONE =
  /^(?:\s(?:on\s)?(?:[A-Za-z]+day|today|tomorrow|tonight)(?:\s(?:morning|afternoon|evening|night))?)?,?\s\(?([A-Za-z]+(?:\s[A-Za-z]+)?\stime)\b/;

// Each pattern is a plain sequence of bounded classes: no nested quantifiers, so no backtracking blow-up.
const PATTERNS = {
  clock: new RegExp(`\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s?(am|pm|a\\.m\\.|p\\.m\\.)(?:\\s\\(?(${ZONE_RE})\\b)?`, 'gi'),
  clock24: new RegExp(`\\b([01]\\d|2[0-3]):?([0-5]\\d)\\s?(${ZONE_RE})\\b`, 'g'),
  dayMonth: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${MONTH_RE})\\b\\.?(?:,?\\s(\\d{4}))?`, 'gi'),
  monthDay: new RegExp(`\\b(${MONTH_RE})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s(\\d{4}))?`, 'gi'),
  partMonth: new RegExp(
    `\\b(early|mid|late|the\\s+end\\s+of|the\\s+start\\s+of|the\\s+beginning\\s+of)[-\\s](${MONTH_RE})\\b(?:\\s(\\d{4}))?`,
    'gi',
  ),
  monthYear: new RegExp(`\\b(in|since|during|of|by|until|last|this|from)\\s(${MONTH_RE})\\b(?:\\s(\\d{4}))?`, 'gi'),
  // "in 2015", and "the 2012 election": a year naming the thing after it
  year: /\b(in|since|of|by|until|from|during|the)\s((?:19|20)\d{2})\b(?![-:.,]?\d)/gi,
  relDay: /\b(today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b/gi,
  weekday: /\b(?:on\s+|last\s+|this\s+|next\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:'s)?\b/gi,
  relMonth: /\b(last|this|next)\s+(month|week|year)\b/gi,
  weekend: /\b(?:over|at|on|during)\s+the\s+weekend\b|\b(?:last|this)\s+weekend\b/gi,
  ago: /\b(a|one|two|three|four|five|six|\d{1,2})\s+(days?|weeks?|months?|fortnight)\s+ago\b/gi,
  fortnight: /\ba\s+fortnight\s+ago\b/gi,
  // "her first trip to Russia in two years": since the year that many years before the page
  // (the "first"/"last" before it is looked for in code: a pattern spanning both would backtrack)
  firstIn: /\bin\s+(a|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years|decades?)\b/gi,
} as const;

const WORD_NUM: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const YEARS_WORD: Record<string, number> = { ...WORD_NUM, seven: 7, eight: 8, nine: 9, ten: 10 };

const WEEKDAY_BEFORE = /\b(?:sun|mon|tues|wednes|thurs|fri|satur)day,?\s+(?:the\s+)?$/i;

function monthIndex(s: string): number | undefined {
  return MONTH_ABBR[s.toLowerCase().replace(/\.$/, '')];
}

function isSince(text: string, index: number): boolean {
  return /\bsince\s*$/i.test(text.slice(Math.max(0, index - 7), index));
}

/** A sentence without a digit or any of these words holds no date or time: most sentences, skipped cheaply. */
const MAY_HOLD_TIME =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|night|morning|afternoon|evening|week|month|year|decade|fortnight|ago|tomorrow|tonight|noon/i;

/** Finds the time spans in a sentence. `published` is YYYY-MM-DD or null (relative dates are then skipped). */

export function readTimes(text: string, published: string | null): TimeSpan[] {
  if (!MAY_HOLD_TIME.test(text)) return [];
  const parsed = published ? new Date(`${published}T12:00:00Z`) : null;
  // a publication date that is no date resolves nothing, rather than everything to NaN
  const pub = parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
  const out: TimeSpan[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([s, e]) => a < e && b > s);
  const take = (m: RegExpMatchArray, t: TimeSpan | null) => {
    const a = m.index ?? 0;
    const b = a + m[0].length;
    if (!t || !free(a, b)) return;
    taken.push([a, b]);
    // "Tuesday's call", "last month's attack": the time of the thing named, not of what the sentence says
    if (/^['’]s\b/.test(text.slice(b, b + 3)) || /['’]s$/.test(m[0])) out.push({ ...t, possessive: true });
    else out.push(t);
  };
  const baseDay = pub ? Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth(), pub.getUTCDate()) : null;
  // how many days a zoned clock time's UTC day is from its local day (-1, 0, 1)
  const shifts: number[] = [];

  for (const m of text.matchAll(PATTERNS.clock)) {
    let h = Number(m[1]) % 12;
    if (/^p/i.test(m[3] ?? '')) h += 12;
    const min = Number(m[2] ?? 0);
    const named = m[4] ? undefined : TRAILING_ZONE.exec(text.slice((m.index ?? 0) + m[0].length))?.[1];
    const trailing = named && zoneOffset(named, pub ?? new Date(0)) !== undefined ? named : undefined;
    take(m, clockSpan(h, min, m[4] ?? trailing, pub, m[0]));
    shifts.push(dayShift(h, min, m[4] ?? trailing, pub));
  }
  for (const m of text.matchAll(PATTERNS.clock24)) {
    take(m, clockSpan(Number(m[1]), Number(m[2]), m[3], pub, m[0]));
    shifts.push(dayShift(Number(m[1]), Number(m[2]), m[3], pub));
  }
  for (const re of [PATTERNS.dayMonth, PATTERNS.monthDay]) {
    for (const m of text.matchAll(re)) {
      const dayFirst = re === PATTERNS.dayMonth;
      const day = Number(dayFirst ? m[1] : m[2]);
      const month = monthIndex((dayFirst ? m[2] : m[1]) ?? '');
      if (month === undefined || day < 1 || day > 31) continue;
      // "may 4" is a month only when written with a capital
      if (month === 4 && !/^M/.test((dayFirst ? m[2] : m[1]) ?? '')) continue;
      const year = m[3] ? Number(m[3]) : pub ? nearestYear(month, day, pub) : null;
      if (year === null) continue;
      const s = dayStart(year, month, day);
      take(m, span(s, s + DAY, 'day', m[0], isSince(text, m.index ?? 0)));
      // "Tuesday 4 April", "Tuesday, April 4": the weekday names the same day, not one near the page's
      const at = m.index ?? 0;
      const weekday = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, at - 12), at));
      if (weekday) taken.push([at - weekday[0].length, at]);
    }
  }
  for (const m of text.matchAll(PATTERNS.partMonth)) {
    const month = monthIndex(m[2] ?? '');
    if (month === undefined || (month === 4 && !/^M/.test(m[2] ?? ''))) continue;
    const year = m[3] ? Number(m[3]) : pub ? nearestYear(month, 15, pub) : null;
    if (year === null) continue;
    const part = (m[1] ?? '').toLowerCase();
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const [a, b] = part === 'early' || /start|beginning/.test(part) ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
    take(m, span(dayStart(year, month, a), dayStart(year, month, b) + DAY, 'day', m[0], false));
  }
  for (const m of text.matchAll(PATTERNS.monthYear)) {
    const month = monthIndex(m[2] ?? '');
    if (month === undefined || (month === 4 && !/^M/.test(m[2] ?? ''))) continue;
    const rel = (m[1] ?? '').toLowerCase();
    let year = m[3] ? Number(m[3]) : null;
    if (year === null && pub) {
      const y = pub.getUTCFullYear();
      // "in January" on a May page is this January; "last May" is the one before
      year = rel === 'last' ? (month < pub.getUTCMonth() ? y : y - 1) : month > pub.getUTCMonth() + 2 ? y - 1 : y;
    }
    if (year === null) continue;
    take(m, span(dayStart(year, month, 1), Date.UTC(year, month + 1, 1), 'month', m[0], rel === 'since'));
  }
  for (const m of text.matchAll(PATTERNS.year)) {
    const y = Number(m[2]);
    const t = span(Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1), 'year', m[0], (m[1] ?? '').toLowerCase() === 'since');
    // "the 2016 election": the year of the thing named, like "Tuesday's call": it may confirm, never deny
    take(m, (m[1] ?? '').toLowerCase() === 'the' ? { ...t, possessive: true } : t);
  }
  if (pub && baseDay !== null) {
    for (const m of text.matchAll(PATTERNS.relDay)) {
      const w = (m[1] ?? '').toLowerCase();
      const offset = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      take(m, span(baseDay + offset * DAY, baseDay + (offset + 1) * DAY, 'day', m[0], false));
    }
    for (const m of text.matchAll(PATTERNS.weekday)) {
      const target = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
      const lead = m[0].toLowerCase();
      const today = pub.getUTCDay();
      let diff = target - today;
      if (lead.startsWith('last')) diff = diff >= 0 ? diff - 7 : diff;
      else if (lead.startsWith('next')) diff = diff <= 0 ? diff + 7 : diff;
      else if (diff > 3) diff -= 7;
      else if (diff < -3) diff += 7;
      take(m, span(baseDay + diff * DAY, baseDay + (diff + 1) * DAY, 'day', m[0], false));
    }
    for (const m of text.matchAll(PATTERNS.relMonth)) {
      const rel = (m[1] ?? '').toLowerCase();
      const unit = (m[2] ?? '').toLowerCase();
      const shift = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      const y = pub.getUTCFullYear();
      const mo = pub.getUTCMonth();
      if (unit === 'month') take(m, span(Date.UTC(y, mo + shift, 1), Date.UTC(y, mo + shift + 1, 1), 'month', m[0], false));
      else if (unit === 'year') take(m, span(Date.UTC(y + shift, 0, 1), Date.UTC(y + shift + 1, 0, 1), 'year', m[0], false));
      else {
        const monday = baseDay - ((pub.getUTCDay() + 6) % 7) * DAY;
        take(m, span(monday + shift * 7 * DAY, monday + (shift + 1) * 7 * DAY, 'day', m[0], false));
      }
    }
    for (const m of text.matchAll(PATTERNS.weekend)) {
      // the weekend just gone (or under way): Saturday and Sunday on or before the page's day
      const dow = pub.getUTCDay();
      const saturday = baseDay - ((dow + 1) % 7) * DAY;
      take(m, span(saturday, saturday + 2 * DAY, 'day', m[0], false));
    }
    for (const m of text.matchAll(PATTERNS.firstIn)) {
      const lead = text.slice(Math.max(0, (m.index ?? 0) - 64), m.index ?? 0);
      // "her first trip … in three years", within the same clause
      if (!/\b(first|last)\b/i.test(lead.split(/[.;:]/).pop() ?? '')) continue;
      const word = (m[1] ?? '').toLowerCase();
      const n = (YEARS_WORD[word] ?? Number(word)) * (/^decade/i.test(m[2] ?? '') ? 10 : 1);
      const y = pub.getUTCFullYear() - n;
      take(m, span(Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1), 'year', m[0], true));
    }
    for (const re of [PATTERNS.fortnight, PATTERNS.ago]) {
      for (const m of text.matchAll(re)) {
        const fortnight = re === PATTERNS.fortnight;
        const n = fortnight ? 2 : (WORD_NUM[(m[1] ?? '').toLowerCase()] ?? Number(m[1]));
        const unit = fortnight ? 'week' : (m[2] ?? '').toLowerCase().replace(/s$/, '');
        const days = unit === 'day' ? n : unit === 'week' || unit === 'fortnight' ? n * 7 * (unit === 'fortnight' ? 2 : 1) : n * 30;
        const slack = unit === 'day' ? 0 : unit === 'month' ? 10 : 3;
        const centre = baseDay - days * DAY;
        take(m, span(centre - slack * DAY, centre + (slack + 1) * DAY, 'day', m[0], false));
      }
    }
  }
  // "12.30am on Wednesday, Singapore time" is Tuesday afternoon in UTC, where every clock time is kept:
  // the day a zoned time is on is its UTC day
  const shift = shifts.length === 1 ? shifts[0] : 0;
  if (!shift) return out;
  return out.map((t) =>
    t.kind === 'day' && t.end - t.start === DAY && !t.since ? { ...t, start: t.start + shift * DAY, end: t.end + shift * DAY } : t,
  );
}

function dayShift(h: number, min: number, zone: string | undefined, pub: Date | null): number {
  const offset = zone ? zoneOffset(zone, pub ?? new Date(Date.UTC(2000, 0, 1, 12))) : undefined;
  return offset === undefined ? 0 : Math.floor((h * 60 + min - offset * 60) / 1440);
}

function clockSpan(h: number, min: number, zone: string | undefined, pub: Date | null, text: string): TimeSpan | null {
  if (h > 23 || min > 59) return null;
  const ref = pub ?? new Date(Date.UTC(2000, 0, 1, 12));
  const offset = zone ? zoneOffset(zone, ref) : undefined;
  // minutes past midnight UTC when the zone is known, local minutes otherwise
  const minutes = h * 60 + min - (offset ?? 0) * 60;
  const norm = ((minutes % 1440) + 1440) % 1440;
  return { start: norm, end: norm + 1, kind: 'clock', text, ...(offset === undefined ? { unzoned: true } : {}) };
}

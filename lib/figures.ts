// Reads figures the way a newsroom writes them and turns each into a range
// (see ../shared/eval/README.md, "Numbers"). Works on a sentence's word tokens.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  noun: boolean;
  verb: boolean;
  adjective: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  hundred: 100,
};
const MULTIPLIER: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  // South Asian English: "49 lakh" is 4.9 million
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};
const PLURAL_AMOUNT: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 199],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  millions: [2e6, 9.9e6],
};
export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6,
  '7th': 7,
  '8th': 8,
  '9th': 9,
  '10th': 10,
};

/** Table lookup that page words like "constructor" or "__proto__" cannot reach past. */
export function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

type Hedge = 'exact' | 'over' | 'under' | 'about' | 'nearly';
const HEDGES: [string[], Hedge][] = [
  [['more', 'than'], 'over'],
  [['over'], 'over'],
  [['at', 'least'], 'over'],
  [['upwards', 'of'], 'over'],
  [['in', 'excess', 'of'], 'over'],
  // a total that "has passed five million", "topped 80"
  [['passed'], 'over'],
  [['passes'], 'over'],
  [['topped'], 'over'],
  [['tops'], 'over'],
  [['exceeded'], 'over'],
  [['exceeds'], 'over'],
  [['surpassed'], 'over'],
  [['fewer', 'than'], 'under'],
  [['less', 'than'], 'under'],
  [['under'], 'under'],
  [['at', 'most'], 'under'],
  [['up', 'to'], 'under'],
  [['no', 'more', 'than'], 'under'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['approximately'], 'about'],
  [['an', 'estimated'], 'about'],
  [['estimated'], 'about'],
  [['circa'], 'about'],
  [['almost'], 'nearly'],
  [['nearly'], 'nearly'],
  [['close', 'to'], 'nearly'],
  [['just', 'under'], 'nearly'],
];

export interface NumberSpan {
  value: number;
  /** Precision written: the range the bare number covers before hedges (4.9m → 4.85m–4.95m). */
  low: number;
  high: number;
  first: number;
  last: number;
  vague?: boolean;
}

/** Parses a number starting at token i: digits, words ("fifty-nine"), with multipliers ("4.9 million"). */
export function readNumber(tokens: Token[], i: number): NumberSpan | null {
  const t = tokens[i];
  if (!t) return null;
  const vague = own(PLURAL_AMOUNT, t.lower);
  if (vague) return { value: vague[0], low: vague[0], high: vague[1], first: i, last: i, vague: true };
  let value: number | null = null;
  let step = 1;
  let last = i;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|m|mn|bn)?$/i.exec(t.text);
  if (digits) {
    value = Number((digits[1] ?? '').replace(/,/g, '') + (digits[2] ? `.${digits[2]}` : ''));
    step = digits[2] ? 10 ** -digits[2].length : 1;
    const suffix = digits[3]?.toLowerCase();
    if (suffix) {
      const mult = own(MULTIPLIER, suffix) ?? 1;
      value *= mult;
      step *= mult;
    } else if (!digits[2] && /,/.test(digits[1] ?? '')) {
      step = 1;
    }
  } else {
    const parts = t.lower.split('-');
    let sum = 0;
    for (const p of parts) {
      const v = own(SMALL, p);
      if (v === undefined) return null;
      sum += v;
    }
    value = sum;
  }
  // a following multiplier word: "4.9 million", "five million", "two hundred"
  const next = tokens[i + 1];
  const mult = next ? own(MULTIPLIER, next.lower) : undefined;
  if (mult && next && !['k', 'm', 'mn', 'bn'].includes(next.lower)) {
    value *= mult;
    step *= mult;
    last = i + 1;
  }
  if (value === null || !Number.isFinite(value)) return null;
  // precision as written: a round figure with a multiplier is only as precise as its last digit
  const half = step > 1 || !Number.isInteger(step) ? step / 2 : 0;
  return { value, low: value - half, high: value + half, first: i, last };
}

/** Reads a hedge ending just before token i, returning it and the index where it starts. */
export function readHedge(tokens: Token[], i: number): { hedge: Hedge; first: number } {
  // "roughly a hundred", "about a dozen": the article belongs to the number
  const at = tokens[i - 1]?.lower === 'a' || tokens[i - 1]?.lower === 'an' ? i - 1 : i;
  for (const [words, hedge] of HEDGES) {
    const start = at - words.length;
    if (start < 0) continue;
    if (words.every((w, k) => tokens[start + k]?.lower === w)) return { hedge, first: start };
  }
  return { hedge: 'exact', first: at };
}

/** Applies the README's table to a number as written. */
export function hedgeRange(n: NumberSpan, hedge: Hedge): { low: number; high: number; lowOpen?: boolean } {
  switch (hedge) {
    case 'over':
      return { low: n.value, high: n.value * 1.25, lowOpen: true };
    case 'under':
      return { low: n.value * 0.75, high: n.value };
    case 'about':
      return { low: n.value * 0.9, high: n.value * 1.1 };
    case 'nearly':
      return { low: n.value * 0.9, high: n.value };
    default:
      return { low: n.low, high: n.high };
  }
}

/** Whether two ranges share a value (an open bound excludes its own value). */
export function overlaps(
  a: { low: number; high: number; lowOpen?: boolean },
  b: { low: number; high: number; lowOpen?: boolean },
): boolean {
  const eps = 1e-9;
  const aLow = a.low + (a.lowOpen ? eps * Math.max(1, Math.abs(a.low)) : 0);
  const bLow = b.low + (b.lowOpen ? eps * Math.max(1, Math.abs(b.low)) : 0);
  return aLow <= b.high && bLow <= a.high;
}

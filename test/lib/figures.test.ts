import { describe, expect, it } from 'vitest';
import { parseClaim, tokenize } from '@/lib/claims';
import { hedgeRange, overlaps, readHedge, readNumber } from '@/lib/figures';
import { bundledLexicon, must, plainTokens } from '../helpers/engine';

/** Reads the figure written at the end of `text` ("more than 80") the way the claims stage does. */
function rangeOf(text: string) {
  const tokens = plainTokens(text);
  // the number is the first token that reads as one; the hedge is whatever precedes it
  const i = tokens.findIndex((_, k) => readNumber(tokens, k) !== null);
  const n = must(readNumber(tokens, i), `a number in "${text}"`);
  const { hedge, first } = readHedge(tokens, i);
  return { n, hedge, first, range: n.vague ? { low: n.low, high: n.high } : hedgeRange(n, hedge) };
}

describe('readNumber', () => {
  it.each([
    // text, value, low, high
    ['90', 90, 90, 90],
    ['59', 59, 59, 59],
    ['15', 15, 15, 15],
    ['4,900,000', 4_900_000, 4_900_000, 4_900_000],
    ['1,000', 1000, 1000, 1000],
    ['4.9m', 4_900_000, 4_850_000, 4_950_000],
    ['4.9 million', 4_900_000, 4_850_000, 4_950_000],
    ['5 million', 5_000_000, 4_500_000, 5_500_000],
    ['five million', 5_000_000, 4_500_000, 5_500_000],
    ['4.9bn', 4_900_000_000, 4_850_000_000, 4_950_000_000],
    ['fifty-nine', 59, 59, 59],
    ['twenty-one', 21, 21, 21],
    ['ninety', 90, 90, 90],
    ['dozen', 12, 12, 12],
    ['49 lakh', 4_900_000, 4_850_000, 4_950_000],
    ['2 crore', 20_000_000, 15_000_000, 25_000_000],
  ])('reads "%s" as %d (%d to %d)', (text, value, low, high) => {
    const n = must(readNumber(plainTokens(text), 0), text);
    expect(n.value).toBeCloseTo(value, 3);
    expect(n.low).toBeCloseTo(low, 3);
    expect(n.high).toBeCloseTo(high, 3);
    expect(n.first).toBe(0);
    expect(n.last).toBe(plainTokens(text).length - 1);
  });

  it.each([
    ['dozens', 24, 99],
    ['scores', 40, 199],
    ['hundreds', 200, 999],
    ['thousands', 2000, 9999],
    ['millions', 2e6, 9.9e6],
  ])('reads the vague amount "%s" as %d to %d', (text, low, high) => {
    const n = must(readNumber(plainTokens(text), 0), text);
    expect(n.vague).toBe(true);
    expect([n.low, n.high]).toEqual([low, high]);
  });

  it.each(['Syria', 'the', 'fifty-pounds', '', 'April'])('reads no number from "%s"', (text) => {
    expect(readNumber(plainTokens(text), 0)).toBeNull();
  });

  it('reads past the end of the tokens as nothing', () => {
    expect(readNumber(plainTokens('90 people'), 5)).toBeNull();
  });
});

describe('readHedge', () => {
  it.each([
    ['more than 80', 'over', 0],
    ['over 80', 'over', 0],
    ['at least 80', 'over', 0],
    ['fewer than 80', 'under', 0],
    ['less than 80', 'under', 0],
    ['up to 80', 'under', 0],
    ['about 80', 'about', 0],
    ['around 80', 'about', 0],
    ['some 80', 'about', 0],
    ['an estimated 80', 'about', 0],
    ['nearly 80', 'nearly', 0],
    ['almost 80', 'nearly', 0],
    ['close to 80', 'nearly', 0],
    ['has passed 80', 'over', 1],
    ['topped 80', 'over', 0],
    ['killed 80', 'exact', 1],
    ['80', 'exact', 0],
  ])('"%s" is hedged %s', (text, hedge, first) => {
    const r = rangeOf(text);
    expect(r.hedge).toBe(hedge);
    expect(r.first).toBe(first);
  });
});

describe('hedgeRange: the README table', () => {
  it.each([
    // text, low, high, lowOpen
    ['90', 90, 90, false],
    ['more than 80', 80, 100, true],
    ['over 80', 80, 100, true],
    ['at least 58', 58, 72.5, true],
    ['fewer than 50', 37.5, 50, false],
    ['under 50', 37.5, 50, false],
    ['at most 50', 37.5, 50, false],
    ['about 90', 81, 99, false],
    ['roughly 90', 81, 99, false],
    ['some 4.9 million', 4_410_000, 5_390_000, false],
    ['approximately 100', 90, 110, false],
    ['nearly 90', 81, 90, false],
    ['almost 60', 54, 60, false],
    ['dozens', 24, 99, false],
    ['4.9m', 4_850_000, 4_950_000, false],
    ['4,900,000', 4_900_000, 4_900_000, false],
    ['fifty-nine', 59, 59, false],
    ['five million', 4_500_000, 5_500_000, false],
  ])('"%s" covers %d to %d (low open: %s)', (text, low, high, lowOpen) => {
    const { range } = rangeOf(text);
    expect(range.low).toBeCloseTo(low, 3);
    expect(range.high).toBeCloseTo(high, 3);
    expect(!!('lowOpen' in range && range.lowOpen)).toBe(lowOpen);
  });
});

describe('overlaps', () => {
  const exact = (n: number) => ({ low: n, high: n });
  const moreThan = (n: number) => ({ low: n, high: n * 1.25, lowOpen: true });
  const atLeast = (n: number) => ({ low: n, high: n * 1.25 });
  const nearly = (n: number) => ({ low: n * 0.9, high: n });
  const about = (n: number) => ({ low: n * 0.9, high: n * 1.1 });

  it.each([
    ['90 and "more than 80"', exact(90), moreThan(80), true],
    ['85 and "more than 80"', exact(85), moreThan(80), true],
    ['85 and 90', exact(85), exact(90), false],
    ['"more than 90" and 90: the open bound excludes 90', moreThan(90), exact(90), false],
    ['"more than 80" and 80', moreThan(80), exact(80), false],
    ['"more than 80" and 100: the upper bound is closed', moreThan(80), exact(100), true],
    ['"at least 90" and 90: a closed bound includes 90', atLeast(90), exact(90), true],
    ['"at least 58" and "more than 80"', { low: 58, high: 72.5, lowOpen: true }, moreThan(80), false],
    ['"at least 58" and 90', { low: 58, high: 72.5, lowOpen: true }, exact(90), false],
    ['"nearly 90" and 90', nearly(90), exact(90), true],
    ['"nearly 90" and 91', nearly(90), exact(91), false],
    ['"about 90" and "more than 80"', about(90), moreThan(80), true],
    ['"more than 80" and "more than 100": both open, touching at 100', moreThan(80), moreThan(100), false],
    ['4.9 million and 4,900,000', { low: 4_850_000, high: 4_950_000 }, exact(4_900_000), true],
    ['4.9 million and 3.9 million', { low: 4_850_000, high: 4_950_000 }, { low: 3_850_000, high: 3_950_000 }, false],
    ['a range inside another', { low: 10, high: 100 }, { low: 40, high: 50 }, true],
  ])('%s → %s', (_label, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    // the relation is symmetric
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('figures through the tokenizer and the claims stage', () => {
  it('joins a number written with a hyphen into one token', () => {
    expect(tokenize('Trump ordered fifty-nine cruise missiles').map((t) => t.text)).toContain('fifty-nine');
  });

  it.each([
    // sentence, unit, low, high, lowOpen
    ['The attack killed 90 people.', 'killed', 90, 90, false],
    ['The attack left more than 80 people dead.', 'killed', 80, 100, true],
    ['Fewer than 50 people died in the attack.', 'killed', 37.5, 50, false],
    ['About 90 people were killed in the attack.', 'killed', 81, 99, false],
    ['Nearly 90 people were killed in the attack.', 'killed', 81, 90, false],
    ['Dozens of people were killed in the attack.', 'killed', 24, 99, false],
    ['Some 4.9 million Syrians have become refugees.', 'refugee', 4_410_000, 5_390_000, false],
    ['4.9m Syrians are refugees.', 'refugee', 4_850_000, 4_950_000, false],
    ['The agency says 4,900,000 Syrians have fled.', 'refugee', 4_900_000, 4_900_000, false],
    ['Five million Syrians have become refugees.', 'refugee', 4_500_000, 5_500_000, false],
    ['Trump ordered fifty-nine cruise missiles to be fired.', 'missile', 59, 59, false],
    ['The US fired 59 Tomahawk cruise missiles.', 'missile', 59, 59, false],
  ])('"%s" has one figure: %s %d–%d', (sentence, unit, low, high, lowOpen) => {
    const claim = parseClaim(sentence, { lexicon: bundledLexicon(), published: '2017-05-02' });
    expect(claim.figures).toHaveLength(1);
    const f = must(claim.figures[0]);
    expect(f.unit).toBe(unit);
    expect(f.low).toBeCloseTo(low, 3);
    expect(f.high).toBeCloseTo(high, 3);
    expect(!!f.lowOpen).toBe(lowOpen);
    expect(sentence).toContain(f.text);
  });

  it.each([
    'The call is at 12:30pm ET.',
    'The attack took place on 4 April.',
    'The attack took place on April 4.',
    'She last visited Russia in 2015.',
    'The two leaders spoke.',
    'One of them spoke first.',
  ])('reads no count from "%s" (dates, clock times, years and "one"/"two" are not counts)', (sentence) => {
    const claim = parseClaim(sentence, { lexicon: bundledLexicon(), published: '2017-05-02' });
    expect(claim.figures.filter((f) => !f.ordinal)).toEqual([]);
  });
});

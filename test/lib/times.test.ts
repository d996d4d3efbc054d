import { describe, expect, it } from 'vitest';
import { readTimes, ZONE_NAMES, ZONE_RE } from '@/lib/times';
import type { TimeSpan } from '@/lib/types';
import { must } from '../helpers/engine';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** The one span read from `text`. */
function only(text: string, published: string | null): TimeSpan {
  const spans = readTimes(text, published);
  expect(spans, `spans of "${text}"`).toHaveLength(1);
  return must(spans[0]);
}

describe('readTimes: days, resolved against the page date', () => {
  it.each([
    // text, published, first day, last day (inclusive)
    ['The attack on 4 April killed dozens.', '2017-05-02', '2017-04-04', '2017-04-04'],
    ['The attack on April 4 killed dozens.', '2017-05-02', '2017-04-04', '2017-04-04'],
    ['The attack on 4th April killed dozens.', '2017-05-02', '2017-04-04', '2017-04-04'],
    ['The attack on 4 April 2016 killed dozens.', '2017-05-02', '2016-04-04', '2016-04-04'],
    ['They spoke on January 28, 2017.', '2017-05-02', '2017-01-28', '2017-01-28'],
    // the year nearest the page: late December on a January page is last year
    ['They met on 28 December.', '2017-01-05', '2016-12-28', '2016-12-28'],
    ['The call took place yesterday.', '2017-05-03', '2017-05-02', '2017-05-02'],
    ['The call took place last night.', '2017-05-03', '2017-05-02', '2017-05-02'],
    ['The call takes place today.', '2017-05-02', '2017-05-02', '2017-05-02'],
    ['The call takes place tomorrow.', '2017-05-01', '2017-05-02', '2017-05-02'],
    ['The leaders spoke on Tuesday.', '2017-05-05', '2017-05-02', '2017-05-02'],
    ['The leaders will speak on Tuesday.', '2017-05-02', '2017-05-02', '2017-05-02'],
    ['The leaders spoke last Tuesday.', '2017-05-05', '2017-05-02', '2017-05-02'],
    ['The attack happened in early April.', '2017-05-02', '2017-04-01', '2017-04-10'],
    ['The attack happened in mid-April.', '2017-05-02', '2017-04-11', '2017-04-20'],
    ['The attack happened in late April.', '2017-05-02', '2017-04-21', '2017-04-30'],
    // "ago" is approximate: a range around the day it names
    ['The attack happened four weeks ago.', '2017-05-02', '2017-04-01', '2017-04-07'],
    ['The attack happened a fortnight ago.', '2017-05-02', '2017-04-15', '2017-04-21'],
    ['The attack happened three days ago.', '2017-05-02', '2017-04-29', '2017-04-29'],
    ['Air strikes killed dozens over the weekend.', '2017-05-03', '2017-04-29', '2017-04-30'],
    ['Air strikes killed dozens last weekend.', '2017-05-01', '2017-04-29', '2017-04-30'],
    // a weekday next to a date names that date, not a day near the page's
    ['In the early hours of Tuesday 4 April, residents were exposed to gas.', '2017-05-02', '2017-04-04', '2017-04-04'],
    ['It happened on Tuesday, April 4, in Idlib.', '2017-05-02', '2017-04-04', '2017-04-04'],
  ])('"%s" on a page of %s is %s to %s', (text, published, first, last) => {
    const span = only(text, published);
    expect(span.kind).toBe('day');
    expect(span.start).toBe(day(first));
    expect(span.end).toBe(day(last) + 86_400_000);
    expect(span.since).toBeUndefined();
  });

  it.each([
    ['four weeks ago', '2017-04-04'],
    ['a fortnight ago', '2017-04-18'],
  ])('"%s" on 2017-05-02 covers %s', (text, covered) => {
    const span = only(`It happened ${text}.`, '2017-05-02');
    expect(span.start).toBeLessThanOrEqual(day(covered));
    expect(span.end).toBeGreaterThan(day(covered));
  });
});

describe('readTimes: months and years', () => {
  it.each([
    // text, published, kind, start, end (exclusive)
    ['Relations soured last month.', '2017-05-03', 'month', '2017-04-01', '2017-05-01'],
    ['Relations soured last month.', '2017-01-15', 'month', '2016-12-01', '2017-01-01'],
    ['They first spoke in January.', '2017-05-02', 'month', '2017-01-01', '2017-02-01'],
    ['They first spoke in December.', '2017-05-02', 'month', '2016-12-01', '2017-01-01'],
    ['They met in March 2016.', '2017-05-02', 'month', '2016-03-01', '2016-04-01'],
    ['They met last May.', '2017-05-02', 'month', '2016-05-01', '2016-06-01'],
    ['It was agreed last year.', '2017-05-02', 'year', '2016-01-01', '2017-01-01'],
    ['It was agreed in 2016.', '2017-05-02', 'year', '2016-01-01', '2017-01-01'],
    // a year naming the thing after it
    ['Hackers broke in ahead of the 2012 election.', '2017-05-02', 'year', '2012-01-01', '2013-01-01'],
  ])('"%s" on %s is a %s from %s', (text, published, kind, start, end) => {
    const span = only(text, published);
    expect(span.kind).toBe(kind);
    expect([span.start, span.end]).toEqual([day(start), day(end)]);
  });

  it.each([
    ['Her first visit to Russia since 2015.', 'year', '2015-01-01'],
    ['The first call since January.', 'month', '2017-01-01'],
    ['The first talks since 4 April.', 'day', '2017-04-04'],
  ])('"%s" is a "since" date', (text, kind, start) => {
    const span = only(text, '2017-05-02');
    expect(span.since).toBe(true);
    expect(span.kind).toBe(kind);
    expect(span.start).toBe(day(start));
  });

  it('"the 2016 election" dates the election: it may confirm, never deny', () => {
    const span = only('Hackers meddled in the 2016 election.', '2017-05-02');
    expect(span.possessive).toBe(true);
    expect(span.kind).toBe('year');
  });

  it('a plain year is not a "since" date', () => {
    expect(only('She visited Russia in 2015.', '2017-05-02').since).toBeUndefined();
  });
});

describe('readTimes: what is not a date', () => {
  it.each([
    ['the modal "may"', 'Relations may be at an all-time low.'],
    ['"may" before a number', 'The toll may 4 times higher.'],
    ['no date at all', 'The leaders discussed the war in Syria.'],
    ['a bare number', 'The US fired 59 missiles.'],
  ])('%s yields no span: "%s"', (_label, text) => {
    expect(readTimes(text, '2017-05-02')).toEqual([]);
  });

  // a possessive time dates the thing it names, not what the sentence says
  it.each([
    ["Tuesday's call comes as the FBI investigates.", true],
    ['What to expect from today’s call', true],
    ["Last month's attack strained relations.", true],
    ['The attack last month strained relations.', false],
  ])('"%s" is possessive: %s', (text, possessive) => {
    expect(!!only(text, '2017-05-02').possessive).toBe(possessive);
  });

  it.each([
    ['Merkel made her first trip to Russia in three years.', '2014-01-01'],
    ['It was her first visit to Russia in two years.', '2015-01-01'],
    ['It is her first trip to Russia in a decade.', '2007-01-01'],
  ])('"%s" is since %s', (text, first) => {
    const span = only(text, '2017-05-03');
    expect(span.since).toBe(true);
    expect(span.start).toBe(day(first));
  });

  it('"May 4" written with a capital is a date', () => {
    expect(only('They met on May 4.', '2017-05-02').start).toBe(day('2017-05-04'));
  });

  it.each(['The call took place yesterday.', 'They spoke on Tuesday.', 'It happened last month.', 'The attack on 4 April.'])(
    'without a publication date, "%s" (relative or yearless) is skipped',
    (text) => {
      expect(readTimes(text, null)).toEqual([]);
    },
  );

  it('without a publication date, a full date is still read', () => {
    expect(only('The attack on 4 April 2017.', null).start).toBe(day('2017-04-04'));
  });
});

describe('readTimes: clock times', () => {
  const clock = (text: string, published = '2017-05-02') => {
    const span = only(text, published);
    expect(span.kind).toBe('clock');
    return span;
  };

  it.each([
    ['12:30pm ET', 16 * 60 + 30],
    ['12:30 p.m. EDT', 16 * 60 + 30],
    ['4.30pm UK time', 16 * 60 + 30],
    ['1630 GMT', 16 * 60 + 30],
    ['16:30 GMT', 16 * 60 + 30],
    ['5.30pm BST', 16 * 60 + 30],
    ['7.30pm Moscow time', 16 * 60 + 30],
    ['2:30pm ET', 18 * 60 + 30],
    ['1:30pm ET', 17 * 60 + 30],
    ['9:30 a.m. PT', 16 * 60 + 30],
    ['9:30am Pacific time', 16 * 60 + 30],
    ['10 p.m. IST', 16 * 60 + 30],
    ['2:30am AEST', 16 * 60 + 30],
    ['11:30am CT', 16 * 60 + 30],
    ['12:30 p.m. Washington time', 16 * 60 + 30],
    ['12:30 Washington time', 16 * 60 + 30],
    // a capital's time in summer (CEST, UTC+2)
    ['21:30 Warsaw time', 19 * 60 + 30],
    ['18:30 SAST', 16 * 60 + 30],
    ['6.30pm CEST', 16 * 60 + 30],
    ['7.30pm EEST', 16 * 60 + 30],
    ['7.30pm EAT', 16 * 60 + 30],
    ['9.30pm PKT', 16 * 60 + 30],
    ['1.30am JST', 16 * 60 + 30],
    ['12.30am SGT', 16 * 60 + 30],
    ['12.30am Singapore time', 16 * 60 + 30],
    ['5.30pm Irish time', 16 * 60 + 30],
    ['6.30pm Paris time', 16 * 60 + 30],
    ['7.30pm Beirut time', 16 * 60 + 30],
    ['4.30am NZST', 16 * 60 + 30],
    ['4.30am NZT', 16 * 60 + 30],
    ['4.30am New Zealand time', 16 * 60 + 30],
    ['0430 New Zealand time', 16 * 60 + 30],
    ['12:30pm Eastern Time', 16 * 60 + 30],
  ])('on 2017-05-02, "%s" starts at minute %d UTC', (text, minute) => {
    const span = clock(`The call is scheduled for ${text}.`);
    expect(span.start).toBe(minute);
    expect(span.unzoned).toBeUndefined();
  });

  it('"12:30pm ET", "4.30pm UK time" and "1630 GMT" are the same minute; "2:30pm ET" is not', () => {
    const starts = ['12:30pm ET', '4.30pm UK time', '1630 GMT', '2:30pm ET'].map((t) => clock(`At ${t}, they speak.`).start);
    expect(new Set(starts.slice(0, 3)).size).toBe(1);
    expect(starts[3]).not.toBe(starts[0]);
  });

  it('ET is UTC-5 in winter', () => {
    expect(clock('The call is at 12:30pm ET.', '2017-01-10').start).toBe(17 * 60 + 30);
  });

  it('reads both times of "12:30 p.m. EDT (1630 GMT)" as one minute', () => {
    const spans = readTimes('The call is scheduled for 12:30 p.m. EDT (1630 GMT).', '2017-05-02');
    expect(spans.map((s) => s.start)).toEqual([990, 990]);
  });

  it('a time without a zone is local and marked unzoned', () => {
    const span = clock('Trump spoke at a 10:30am event.');
    expect(span.start).toBe(10 * 60 + 30);
    expect(span.unzoned).toBe(true);
  });

  it.each([
    ['The call is at 12.30am on Wednesday, Singapore time.', 16 * 60 + 30],
    ['The call is at 4.30am tomorrow, New Zealand time.', 16 * 60 + 30],
  ])('a zone named after the day: "%s" starts at minute %d UTC', (text, minute) => {
    const span = readTimes(text, '2017-05-03').find((t) => t.kind === 'clock');
    expect(span?.start).toBe(minute);
    expect(span?.unzoned).toBeUndefined();
  });

  it.each([
    // local day, zone, UTC day the pair is on
    ['The call was at 12.30am on Wednesday, Singapore time.', '2017-05-02'],
    ['The call was at 12.30am SGT on Wednesday.', '2017-05-02'],
    ['The call was at 12.30pm ET on Wednesday.', '2017-05-03'],
    ['The call was at 11pm ET on Wednesday.', '2017-05-04'],
    ['The call was on Wednesday.', '2017-05-03'],
  ])('"%s" (published 3 May 2017) is on %s in UTC', (text, day) => {
    const span = readTimes(text, '2017-05-03').find((t) => t.kind === 'day');
    expect(span && new Date(span.start).toISOString().slice(0, 10)).toBe(day);
  });

  it.each([['Rain fell at 5pm wet and cold.'], ['They met at 5pm cat lovers say.']])(
    'a lower-case word after a time is no zone: "%s"',
    (text) => {
      expect(readTimes(text, '2017-05-02').find((t) => t.kind === 'clock')?.unzoned).toBe(true);
    },
  );

  it('keeps the words as written, without trailing punctuation', () => {
    expect(clock('The call is at 4.30pm UK time.').text).toBe('4.30pm UK time');
    expect(only('The attack on 4 April, they said.', '2017-05-02').text).toBe('4 April');
  });
});

describe('the zone pattern', () => {
  // written out as a literal so the clock patterns can be checked for backtracking; it must name every zone
  it.each(ZONE_NAMES)('matches "%s" and it reads as a zone', (name) => {
    const written = name.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/ Time$/, ' time');
    expect(new RegExp(`^(?:${ZONE_RE})$`).test(written)).toBe(true);
    const span = readTimes(`The call is at 4.30pm ${written}.`, '2017-05-02').find((t) => t.kind === 'clock');
    expect(span?.unzoned).toBeUndefined();
  });
});

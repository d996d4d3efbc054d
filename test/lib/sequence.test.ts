// Which came first: the orders of events a sentence states, and two orders the other way round.
import { describe, expect, it } from 'vitest';
import { quickTerms } from '@/lib/claims';
import { readSequences, responseOrder, reversedOrder } from '@/lib/sequence';
import { bundledLexicon } from '../helpers/engine';

const read = (text: string) => readSequences(text, bundledLexicon(), quickTerms);

describe('readSequences: the events a sentence orders', () => {
  it.each<[string, string | null, string[], string[]]>([
    // sentence, connective (null: none), a term of the first event, a term of the second
    ['Trump spoke out after Russia vetoed a resolution on Syria.', 'after', ['c:veto'], ['e:trump']],
    ['Trump spoke out shortly before Russia vetoed a resolution on Syria.', 'shortly before', ['e:trump'], ['c:veto']],
    ['Hackers accessed the networks ahead of the election.', 'ahead of', ['c:hacker'], ['c:election']],
    ['The strike was ordered following a gas attack on civilians.', 'following', ['c:attack'], ['c:strike']],
    // an opening clause: "after" it, the rest came second
    ['After the missile strike, Medvedev said relations were broken.', 'After', ['c:strike'], ['e:medvedev']],
    ['The bombing came a day after the gas attack.', 'a day after', ['c:attack'], ['c:bombing']],
    // not an order of events: a place, a list, a period
    ['Comey testified before the House Intelligence Committee.', null, [], []],
    ['The following statement was issued by the Kremlin.', null, [], []],
    ['Talks resumed the following day in Geneva.', null, [], []],
    // dates alone are no event: "after conversations in January" orders nothing against a January call
    ['It came after January.', null, [], []],
  ])('"%s"', (sentence, connective, first, second) => {
    const seqs = read(sentence);
    if (connective === null) {
      expect(seqs).toEqual([]);
      return;
    }
    const s = seqs[0];
    expect(s?.connective).toBe(connective);
    for (const t of first) expect(s?.first).toContain(t);
    for (const t of second) expect(s?.second).toContain(t);
  });
});

describe('responseOrder: a sentence set after the one before it', () => {
  it.each<[string, string[], string[], string | null]>([
    // sentence, terms of the sentence before, its own terms, connective (null: no order)
    ['In response, the US fired 59 missiles.', ['c:attack', 'e:khan-sheikhoun'], ['c:missile', 'e:us'], 'In response'],
    ['In retaliation, Washington struck the base.', ['c:attack'], ['c:strike', 'e:us'], 'In retaliation'],
    ['Days later, the two spoke again.', ['c:bombing'], ['c:call'], 'Days later'],
    // an opening that orders nothing, and a sentence that says nothing the one before did not
    ['In Moscow, the Kremlin said little.', ['c:attack'], ['e:kremlin'], null],
    ['In response, the attack was condemned.', ['c:attack'], ['c:attack'], null],
  ])('"%s"', (sentence, before, own, connective) => {
    const order = responseOrder(sentence, before, own);
    if (connective === null) {
      expect(order).toBeNull();
      return;
    }
    expect(order?.connective).toBe(connective);
    expect(order?.first).toEqual(before.filter((t) => !own.includes(t)));
    expect(order?.second).toEqual(own.filter((t) => !before.includes(t)));
  });
});

describe('readSequences: a side with a date of its own', () => {
  it.each<[string, boolean]>([
    ['The bombing came a day after the gas attack.', false],
    ['Their calls came in January and in April, after the metro bombing.', true],
    ['The strike came on 7 April, after the gas attack.', true],
    ['The leaders spoke on Tuesday evening, weeks after Washington bombed a Syrian airbase.', true],
    ['The bombing, which came a day after the gas attack, killed 15 people.', false],
  ])('"%s": dated %s', (sentence, dated) => {
    expect(!!read(sentence)[0]?.dated).toBe(dated);
  });
});

describe('reversedOrder: the same two events the other way round', () => {
  const ref = 'Trump said relations were poor after Russia vetoed a US-backed resolution on Syria.';
  it.each<[string, boolean]>([
    ['Trump said relations were poor shortly before Russia vetoed a US-backed resolution on Syria.', true],
    ['Russia vetoed a US-backed resolution on Syria before Trump said relations were poor.', false],
    ['After Russia vetoed a resolution on Syria, Trump said relations were poor.', false],
    ['Before Russia vetoed a resolution on Syria, Trump said relations were poor.', true],
    // other events: nothing shared across
    ['Putin met Merkel after the talks in Sochi.', false],
  ])('"%s": %s', (page, reversed) => {
    const p = read(page)[0];
    const r = read(ref)[0];
    expect(r).toBeDefined();
    expect(!!p && !!r && reversedOrder(p, r)).toBe(reversed);
  });
});

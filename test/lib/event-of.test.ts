// What a date beside an event noun is the date of: the noun, and the words that say which event it was.
import { describe, expect, it } from 'vitest';
import { eventOf } from '@/lib/judge';
import { bundledLexicon } from '../helpers/engine';

describe('eventOf: the event a date is beside', () => {
  it.each<[string, string, string | null, string[]]>([
    // sentence, date as written, event concept (null: none), terms that must be among the event's words
    [
      'Washington blames Assad for the chemical attack on Khan Sheikhoun last week.',
      'last week',
      'c:attack',
      ['e:khan-sheikhoun', 'c:chemical'],
    ],
    ['A rescuer walks through the site of the March 4 attack in Khan Sheikhoun.', 'March 4', 'c:attack', ['e:khan-sheikhoun']],
    ["Last month's American attack on a Syrian airbase strained ties.", 'Last month', 'c:attack', ['e:us']],
    ['Ties have been strained since the US strike two months ago.', 'two months ago', 'c:strike', ['e:us']],
    ['That attack took place last week, a monitoring group said.', 'last week', 'c:attack', []],
    // a leader's act is the state's
    ['Trump ordered the air strike on Syria last month.', 'last month', 'c:strike', ['e:trump', 'e:us']],
    // a toll is taken the day its event happened
    ['The metro bombing that killed 15 people on 3 April shocked Russia.', '3 April', 'c:bombing', []],
    // a verb or a comma between the noun and the date: the date is of something else
    ['The attack was condemned by the UN on 6 April.', '6 April', null, []],
    ['After the attack, Comey testified on 20 March.', '20 March', null, []],
    ['In March, FBI director James Comey confirmed the inquiry.', 'In March', null, []],
  ])('"%s" (%s): %s', (sentence, date, head, terms) => {
    const event = eventOf(sentence, date, bundledLexicon());
    if (head === null) {
      expect(event).toBeNull();
      return;
    }
    expect(event?.head).toContain(head);
    for (const t of terms) expect(event?.terms).toContain(t);
  });
});

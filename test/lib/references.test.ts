import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/cli/load';
import { speaksFor } from '@/lib/lexicon';
import {
  type CompiledReferences,
  compileReferences,
  lexiconOf,
  parseReferenceText,
  ReferenceDataError,
  type ReferenceSetSource,
  resolveLeadingPronoun,
  validateCompiled,
  validateSource,
  withReportDay,
} from '@/lib/references';
import type { Claim } from '@/lib/types';
import { bundledCompiled, bundledSource, must } from '../helpers/engine';

/** The field a ReferenceDataError names, failing the test for any other outcome. */
function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ReferenceDataError);
    const err = e as ReferenceDataError;
    expect(err.message.startsWith(`${err.field}: `)).toBe(true);
    return err.field;
  }
  throw new Error('expected a ReferenceDataError, but nothing was thrown');
}

describe('parseReferenceText', () => {
  it('reads the header and the text after the blank line', () => {
    const doc = parseReferenceText(
      'Title: Talks on Syria: what to expect\nSource: Sky News\nDate: 2017-05-02\nURL: https://news.example/a\nId: sky-1\n\nFirst line.\nSecond line.',
      'fallback',
    );
    expect(doc).toEqual({
      id: 'sky-1',
      outlet: 'Sky News',
      title: 'Talks on Syria: what to expect',
      date: '2017-05-02',
      url: 'https://news.example/a',
      text: 'First line.\nSecond line.',
    });
  });

  it.each([
    [
      'no header: everything is text, the id falls back',
      'Just a line.\nAnother.',
      { id: 'file-1', outlet: '', title: '', date: '', text: 'Just a line.\nAnother.' },
    ],
    [
      'Windows line ends',
      'Source: BBC\r\nDate: 2017-05-02\r\n\r\nBody.\r\nMore.',
      { id: 'file-1', outlet: 'BBC', title: '', date: '2017-05-02', text: 'Body.\nMore.' },
    ],
    [
      'keys in any case, values trimmed',
      'source:   Reuters  \nDATE: 2017-05-02\n\nBody.',
      { id: 'file-1', outlet: 'Reuters', title: '', date: '2017-05-02', text: 'Body.' },
    ],
    [
      'no blank line after the header',
      'Source: AP\nBody starts here.',
      { id: 'file-1', outlet: 'AP', title: '', date: '', text: 'Body starts here.' },
    ],
    [
      'a header-like line in the body stays text',
      'Source: AP\n\nSource: UNHCR figures for 2016.',
      { id: 'file-1', outlet: 'AP', title: '', date: '', text: 'Source: UNHCR figures for 2016.' },
    ],
  ])('%s', (_label, raw, expected) => {
    expect(parseReferenceText(raw, 'file-1')).toEqual(expected);
  });

  it('reads the bundled documents’ headers', () => {
    const docs = bundledSource().documents;
    expect(docs.map((d) => [d.id, d.outlet, d.date])).toEqual([
      ['000_e21fea073a19d52a', 'Sky News', '2017-05-02'],
      ['002_e734f56ed95d1ba3', 'UK news site', '2017-05-02'],
    ]);
    for (const d of docs) expect(d.text).not.toMatch(/^(Title|Source|Date|Id):/m);
  });
});

function validSet(): ReferenceSetSource {
  return {
    id: 'harbour-fire',
    title: 'Northport harbour fire',
    furniture: ['^MORE:', '^::'],
    entities: { northport: ['Northport', 'Northport harbour'], 'fire-service': ['fire service', 'firefighters'] },
    documents: [
      {
        id: 'a',
        outlet: 'Courier',
        title: 'Fire at depot',
        date: '2017-05-02',
        text: 'The fire started late on Tuesday.\nMORE: Other news\nTwelve people were injured.',
      },
      { id: 'b', outlet: 'Herald', title: 'Depot blaze', date: '2017-05-03', text: 'Firefighters put out the blaze.\n:: Sign up' },
    ],
  };
}

describe('validateSource', () => {
  it('accepts a well-formed set', () => {
    expect(() => validateSource(validSet())).not.toThrow();
  });

  const doc = (s: ReferenceSetSource, i = 0) => must(s.documents[i]);

  it.each<[string, (s: ReferenceSetSource) => void, string]>([
    ['an id that is no slug', (s) => Object.assign(s, { id: 'Harbour Fire' }), 'id'],
    ['an empty title', (s) => Object.assign(s, { title: '  ' }), 'title'],
    ['furniture that is not a list', (s) => Object.assign(s, { furniture: '^MORE:' }), 'furniture'],
    ['a bad furniture pattern', (s) => s.furniture.push('(unclosed'), 'furniture[2]'],
    ['a bad entity id', (s) => Object.assign(s.entities, { 'Bad Id': ['Someone'] }), 'entities.Bad Id'],
    ['an entity without names', (s) => Object.assign(s.entities, { nobody: [] }), 'entities.nobody'],
    ['an entity with a blank name', (s) => Object.assign(s.entities, { blank: ['  '] }), 'entities.blank'],
    ['entities that are a list', (s) => Object.assign(s, { entities: [] }), 'entities'],
    ['no documents', (s) => Object.assign(s, { documents: [] }), 'documents'],
    ['a missing outlet', (s) => Object.assign(doc(s), { outlet: '' }), 'documents[0].outlet'],
    ['a blank outlet', (s) => Object.assign(doc(s, 1), { outlet: '   ' }), 'documents[1].outlet'],
    ['an impossible date', (s) => Object.assign(doc(s), { date: '2017-13-45' }), 'documents[0].date'],
    ['a date in words', (s) => Object.assign(doc(s), { date: 'yesterday' }), 'documents[0].date'],
    ['a date written day first', (s) => Object.assign(doc(s), { date: '02/05/2017' }), 'documents[0].date'],
    ['a missing date', (s) => Object.assign(doc(s), { date: '' }), 'documents[0].date'],
    // Date.parse would roll these over into March and May
    ['a day past the end of February', (s) => Object.assign(doc(s), { date: '2017-02-30' }), 'documents[0].date'],
    ['a 31st of April', (s) => Object.assign(doc(s), { date: '2017-04-31' }), 'documents[0].date'],
    ['an empty text', (s) => Object.assign(doc(s), { text: '' }), 'documents[0].text'],
    ['a text without letters', (s) => Object.assign(doc(s, 1), { text: '\n 123 \n' }), 'documents[1].text'],
    ['a missing document id', (s) => Object.assign(doc(s), { id: '' }), 'documents[0].id'],
    ['duplicate document ids', (s) => Object.assign(doc(s, 1), { id: 'a' }), 'documents[1].id'],
  ])('rejects %s, naming the field', (_label, breakIt, field) => {
    const set = validSet();
    breakIt(set);
    expect(fieldOf(() => validateSource(set))).toBe(field);
    // compiling validates first
    expect(fieldOf(() => compileReferences(set, readLexicon()))).toBe(field);
  });
});

describe('compileReferences', () => {
  it('drops furniture lines and keeps every other sentence with its document id', () => {
    const compiled = compileReferences(validSet(), readLexicon());
    expect(compiled.claims.map((c) => [c.doc, c.sentence])).toEqual([
      ['a', 'The fire started late on Tuesday.'],
      ['a', 'Twelve people were injured.'],
      ['b', 'Firefighters put out the blaze.'],
    ]);
    for (const c of compiled.claims) expect(c.claim.text).toBe(c.sentence);
    expect(compiled.claims[2]?.claim.entities).toEqual(['fire-service']);
  });

  it('resolves relative dates against each document’s own date', () => {
    const compiled = compileReferences(validSet(), readLexicon());
    const tuesday = must(compiled.claims[0]?.claim.times[0], 'a date');
    expect(tuesday.start).toBe(Date.parse('2017-05-02T00:00:00Z'));
  });

  it('carries the story, the documents without their text, the entities and the lexicon', () => {
    const set = validSet();
    const compiled = compileReferences(set, readLexicon());
    expect(compiled.version).toBe(1);
    expect(compiled.story).toEqual({ id: 'harbour-fire', title: 'Northport harbour fire' });
    expect(compiled.documents).toEqual([
      { id: 'a', outlet: 'Courier', title: 'Fire at depot', date: '2017-05-02' },
      { id: 'b', outlet: 'Herald', title: 'Depot blaze', date: '2017-05-03' },
    ]);
    expect(compiled.entities).toEqual(set.entities);
    expect(compiled.lexicon).toEqual(readLexicon());
  });

  it('reads a sentence opening with "He" as said by the one the sentence before was about', () => {
    const compiled = bundledCompiled();
    const told = must(compiled.claims.find((c) => c.sentence.startsWith('He told the House Intelligence Committee')));
    expect(told.claim.speaker).toBe('comey');
    expect(told.claim.text).toBe(told.sentence);
  });

  describe('on the bundled set', () => {
    const compiled = bundledCompiled();
    const source = bundledSource();
    const furniture = /^(::|MORE:|No comments:?$|Post a Comment$)/;

    it.each(compiled.claims.map((c) => [c.sentence]))('"%s" is no furniture', (sentence) => {
      expect(sentence).not.toMatch(furniture);
    });

    it.each(source.documents.map((d) => [d.id, d]))('keeps every word of %s outside its furniture lines', (id, doc) => {
      const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
      const kept = doc.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !furniture.test(l));
      const sentences = compiled.claims.filter((c) => c.doc === id).map((c) => c.sentence);
      expect(sentences.length).toBeGreaterThanOrEqual(kept.length);
      expect(letters(sentences.join(''))).toBe(letters(kept.join('')));
    });

    it('names only its own documents', () => {
      const ids = new Set(compiled.documents.map((d) => d.id));
      for (const c of compiled.claims) expect(ids).toContain(c.doc);
    });
  });
});

describe('validateCompiled', () => {
  it('accepts the bundled set, also after a round trip through JSON', () => {
    const compiled = bundledCompiled();
    expect(validateCompiled(compiled)).toBe(compiled);
    expect(validateCompiled(JSON.parse(JSON.stringify(compiled)))).toEqual(compiled);
  });

  /** A deep copy of the bundled compiled set, changed in place. */
  const broken = (change: (o: Record<string, unknown> & CompiledReferences) => void) => {
    const o = structuredClone(bundledCompiled()) as Record<string, unknown> & CompiledReferences;
    change(o);
    return o;
  };

  it.each<[string, () => unknown, string]>([
    ['null', () => null, '(root)'],
    ['a string', () => '{"version":1}', '(root)'],
    ['a wrong version', () => broken((o) => Object.assign(o, { version: 2 })), 'version'],
    ['no story', () => broken((o) => Reflect.deleteProperty(o, 'story')), 'story'],
    ['a story without a title', () => broken((o) => Object.assign(o, { story: { id: 'x' } })), 'story'],
    ['documents that are not a list', () => broken((o) => Object.assign(o, { documents: {} })), 'documents'],
    ['no claims', () => broken((o) => Reflect.deleteProperty(o, 'claims')), 'claims'],
    ['a null claim', () => broken((o) => Object.assign(o, { claims: [null] })), 'claims[0]'],
    ['a claim without a sentence', () => broken((o) => Object.assign(must(o.claims[1]), { sentence: 5 })), 'claims[1]'],
    ['a claim without terms', () => broken((o) => Object.assign(must(o.claims[0]).claim, { terms: 'trump' })), 'claims[0]'],
    // crosscheck() would throw "c.claim.figures is not iterable"
    ['a claim without figures', () => broken((o) => Reflect.deleteProperty(must(o.claims[0]).claim, 'figures')), 'claims[0]'],
    ['a claim without times', () => broken((o) => Object.assign(must(o.claims[1]).claim, { times: null })), 'claims[1]'],
    ['a claim without frames', () => broken((o) => Object.assign(must(o.claims[2]).claim, { frames: {} })), 'claims[2]'],
    ['a claim of an unknown document', () => broken((o) => Object.assign(must(o.claims[2]), { doc: 'nope' })), 'claims[2].doc'],
    ['no entities', () => broken((o) => Object.assign(o, { entities: null })), 'entities'],
    ['no lexicon', () => broken((o) => Reflect.deleteProperty(o, 'lexicon')), 'lexicon'],
    ['a lexicon without synonyms', () => broken((o) => Object.assign(o, { lexicon: { version: 1 } })), 'lexicon'],
  ])('rejects %s, naming the field', (_label, make, field) => {
    const data = make();
    expect(fieldOf(() => validateCompiled(data))).toBe(field);
  });

  it('gives back the lexicon the set was compiled with', () => {
    const lexicon = lexiconOf(bundledCompiled());
    expect([...lexicon.aliases.ids].sort()).toEqual(Object.keys(bundledSource().entities).sort());
    expect(lexicon.aliases.find('Sharyat').map((m) => m.id)).toEqual(['shayrat']);
  });
});

describe('resolveLeadingPronoun', () => {
  const entities = { comey: ['James Comey', 'Comey'], fbi: ['FBI'] };
  const prev = (speaker: string | null, ents: string[]): Claim => ({
    text: '',
    entities: ents,
    terms: [],
    figures: [],
    times: [],
    frames: [],
    negated: false,
    asserts: true,
    speaker,
  });
  it.each([
    ['He told the committee.', prev(null, ['comey']), 'James Comey told the committee.'],
    ['She said so.', prev('comey', ['fbi', 'comey']), 'James Comey said so.'],
    // nobody to stand for, or no pronoun: as written
    ['He told the committee.', null, 'He told the committee.'],
    ['The FBI said so.', prev(null, ['comey']), 'The FBI said so.'],
    ['Heavy rain fell.', prev(null, ['comey']), 'Heavy rain fell.'],
  ])('"%s" is read as "%s"', (text, before, read) => {
    expect(resolveLeadingPronoun(text, before, entities)).toBe(read);
  });
});

describe('speaksFor: a name that is a role of another makes its bearer speak for it', () => {
  it.each([
    [{ putin: ['Vladimir Putin', 'Russian President'], russia: ['Russia', 'Russian'] }, 'putin', 'russia'],
    [{ trump: ['Donald Trump', 'the US leader'], us: ['US'] }, 'trump', 'us'],
    [{ comey: ['James Comey', 'FBI director'], fbi: ['FBI'] }, 'comey', 'fbi'],
    // a name that is no role of another, or of no known one
    [{ flynn: ['Michael Flynn', 'Flynn'], us: ['US'] }, 'flynn', undefined],
    [{ merkel: ['Angela Merkel', 'the German chancellor'] }, 'merkel', undefined],
  ])('%j: %s speaks for %s', (aliases, who, voice) => {
    expect(speaksFor(aliases).get(who)).toBe(voice);
  });
});

describe('withReportDay: a clock time with no day is on the report’s day', () => {
  const claim = (times: Claim['times']): Claim => ({
    text: '',
    entities: [],
    terms: [],
    figures: [],
    times,
    frames: [],
    negated: false,
    asserts: true,
    speaker: null,
  });
  const clock = { start: 990, end: 991, kind: 'clock' as const, text: '12:30pm ET' };
  const day = { start: Date.parse('2017-04-04T00:00:00Z'), end: Date.parse('2017-04-05T00:00:00Z'), kind: 'day' as const, text: '4 April' };

  it('adds the day, marked as not written', () => {
    const out = withReportDay(claim([clock]), '2017-05-02');
    expect(out.times).toHaveLength(2);
    expect(out.times[1]).toMatchObject({ kind: 'day', start: Date.parse('2017-05-02T00:00:00Z'), implied: true });
  });

  it.each([
    ['a sentence that gives its own day', [clock, day]],
    ['a sentence with no clock time', [day]],
  ])('leaves %s as it is', (_label, times) => {
    expect(withReportDay(claim(times), '2017-05-02').times).toEqual(times);
  });
});

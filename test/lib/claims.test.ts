import { describe, expect, it } from 'vitest';
import { parseClaim, stem, tokenize } from '@/lib/claims';
import { compileAliases } from '@/lib/lexicon';
import type { Claim } from '@/lib/types';
import { bundledLexicon, bundledSource, must } from '../helpers/engine';

const parse = (text: string, published: string | null = '2017-05-02'): Claim => parseClaim(text, { lexicon: bundledLexicon(), published });

describe('aliases → canonical entities', () => {
  it.each([
    ['The missiles hit the Sharyat base.', 'shayrat'],
    ['The missiles hit the Shayrat airbase.', 'shayrat'],
    ['The missiles hit al-Shayrat.', 'shayrat'],
    ['IS lost ground near Tabqa.', 'islamic-state'],
    ['Isis lost ground near the dam.', 'islamic-state'],
    ['ISIS lost ground near the dam.', 'islamic-state'],
    ['ISIL lost ground near the dam.', 'islamic-state'],
    ['Daesh lost ground near the dam.', 'islamic-state'],
    ['The Kremlin said nothing.', 'russia'],
    ['Moscow said nothing.', 'russia'],
    ['Putin called to congratulate the Republican tycoon.', 'trump'],
    ['The US President ordered the strike.', 'trump'],
    ['The Kremlin leader spoke first.', 'putin'],
    ['Russia’s leader spoke first.', 'putin'],
    ['Washington fired the missiles.', 'us'],
    ['The U.S. fired the missiles.', 'us'],
    ['The attack on Khan Shaykhun shocked the world.', 'khan-sheikhoun'],
    ['Assad’s government denied it.', 'syria-government'],
    ['Russian PM Dmitry Medvedev spoke.', 'medvedev'],
  ])('"%s" names %s', (text, id) => {
    expect(parse(text).entities).toContain(id);
  });

  it.each([
    ['The Republican tycoon won.', 'russia'],
    ['The US President ordered the strike.', 'us'],
    ['The Kremlin leader spoke first.', 'russia'],
  ])('"%s" does not also name %s (the longest name wins)', (text, id) => {
    expect(parse(text).entities).not.toContain(id);
  });

  it.each([
    ['"us" as a word', 'He told us nothing about it.'],
    ['"is" as a word', 'This is where it happened.'],
    ['a name inside a longer word', 'Trumpet players gathered in the square.'],
  ])('finds no entity in %s', (_label, text) => {
    expect(parse(text).entities).toEqual([]);
  });

  it('matches the offsets of each mention in the text', () => {
    const aliases = compileAliases(bundledSource().entities);
    const text = 'Mr Putin met Angela Merkel in Sochi.';
    expect(aliases.find(text).map((m) => [text.slice(m.start, m.end), m.id])).toEqual([
      ['Mr Putin', 'putin'],
      ['Angela Merkel', 'merkel'],
      ['Sochi', 'sochi'],
    ]);
  });

  it('turns every mention into an entity term', () => {
    expect(parse('Putin called Trump.').terms).toEqual(expect.arrayContaining(['e:putin', 'e:trump']));
  });
});

describe('figures and what they count', () => {
  it.each([
    ['The sarin attack killed 90 people.', 'killed', 90, 90],
    ['The attack left more than 80 people dead.', 'killed', 80, 100],
    ['Syrian activists said about 40 people had died.', 'killed', 36, 44],
    ['The US fired 59 Tomahawk cruise missiles.', 'missile', 59, 59],
    ['Trump ordered fifty-nine cruise missiles to be fired.', 'missile', 59, 59],
    ['The UNHCR estimates 4.9 million Syrians have become refugees.', 'refugee', 4_850_000, 4_950_000],
    ['Around 50 people were injured.', 'injured', 45, 55],
    // a figure before a comma is still a figure
    ['Activists put the death toll at 84, many of them children.', 'killed', 84, 84],
    ['Refugees numbered 4,900,000, the agency says.', 'refugee', 4_900_000, 4_900_000],
    ['The war has been raging for eight long years.', 'year', 8, 8],
  ])('"%s" counts %s (%d–%d)', (text, unit, low, high) => {
    const fig = must(
      parse(text).figures.find((f) => !f.ordinal),
      'a figure',
    );
    expect(fig.unit).toBe(unit);
    expect(fig.low).toBeCloseTo(low, 3);
    expect(fig.high).toBeCloseTo(high, 3);
  });

  it.each([
    ['More than 320,000 people have been killed in the war.', 'war'],
    ['The sarin attack killed 90 people.', 'incident'],
    ['Refugees numbered 4,900,000, the agency says.', undefined],
  ])('"%s" counts within %s', (text, scope) => {
    expect(must(parse(text).figures[0]).scope).toBe(scope);
  });

  it.each([
    ['The attack killed 86 people, among them more than 30 children.', 1],
    ['The attack killed 86 people, including 30 children.', 1],
  ])('"%s": a part of a count already given is no count of its own', (text, count) => {
    expect(parse(text).figures).toHaveLength(count);
  });

  it.each([
    ['Air strikes killed 30 children.', 'children'],
    ['Air strikes killed 12 soldiers.', 'soldiers'],
    ['Air strikes killed 90 people.', undefined],
  ])('"%s" counts the part %s apart from the whole', (text, part) => {
    expect(must(parse(text).figures[0]).part).toBe(part);
  });

  it('"killed 90 people" and "more than 80 people dead" count the same thing', () => {
    const a = must(parse('The attack killed 90 people.').figures[0]);
    const b = must(parse('The attack left more than 80 people dead.').figures[0]);
    expect(a.unit).toBe(b.unit);
  });
});

describe('statements', () => {
  it.each([
    ['Opposition activists later put the toll at 84.', true],
    ['Syrian opposition activists put the death toll at 84.', true],
    ['The gas attack', false],
    ['Key points: the strike and the call', false],
  ])('"%s" asserts: %s', (text, asserts) => {
    expect(parse(text).asserts).toBe(asserts);
  });
});

describe('places', () => {
  it.each([
    ['Putin hosted Merkel in Moscow.', 'moscow'],
    ['Merkel flew to the Black Sea resort of Sochi.', 'sochi'],
    ['A bomb hit the Moscow metro.', undefined],
    ['A bomb went off on the Moscow metro.', 'moscow'],
    ['Merkel and Putin met at the Kremlin.', 'moscow'],
    ['Trump sent condolences after the Moscow Metro bombing.', 'moscow'],
    ['The missiles pounded the airbase near Aleppo.', 'aleppo'],
    ['The Kremlin spokesman said so.', undefined],
    ['The US imposed sanctions on Moscow.', undefined],
  ])('"%s" is placed in %s', (text, city) => {
    expect(parse(text).categories?.find((c) => c.group === 'city')?.value).toBe(city);
  });

  it.each([
    ['Russia vetoed the resolution.', 'vetoed', false],
    ['Russia abstained on the resolution.', 'abstained', false],
    ['Russia did not even bother to veto the resolution.', 'vetoed', true],
    // a denial further back says nothing of the value: the attack was still sarin
    ['Russia denied the Syrian government was responsible for the sarin attack.', 'sarin', false],
    ['Scientists found no trace of sarin in the samples.', 'sarin', true],
    ['There is no doubt that sarin was used.', 'sarin', false],
    // backing a text is a vote
    ['Moscow backed a Western-drafted resolution.', 'voted for', false],
    ["Russia's support last month for a Washington-sponsored draft text was a surprise.", 'voted for', false],
  ])('"%s" states %s, negated %s', (text, value, negated) => {
    const cat = must(parse(text).categories?.find((c) => c.value === value));
    expect(!!cat.negated).toBe(negated);
  });
});

describe('a call "placed by" someone: only of a call', () => {
  it.each(['Sanctions placed by the US on Russia hurt its economy.', 'The inquiry will be completed by the summer, Comey said.'])(
    '"%s" has no call',
    (text) => {
      expect(parse(text).frames.filter((f) => f.axis === 'call')).toEqual([]);
    },
  );
});

describe('who investigates: only beside an inquiry', () => {
  it.each([
    ['The Pentagon is carrying out an inquiry into Flynn.', 'pentagon'],
    ['Flynn is under investigation by the State Department.', 'state department'],
    ['The CIA is examining the ties.', 'cia'],
    ['Flynn is the subject of a Pentagon probe.', 'pentagon'],
    // an agency named for something else
    ['A former State Department official said the call changed nothing.', undefined],
    ['The US Treasury imposed sanctions on 271 employees.', undefined],
  ])('"%s": %s', (text, value) => {
    expect(parse(text).categories?.find((c) => c.group === 'investigator')?.value).toBe(value);
  });
});

describe('backing someone is no vote', () => {
  it.each(['Russia has backed Assad throughout the war.', 'Moscow supported the Syrian government, which drafted a new constitution.'])(
    '"%s" states no vote',
    (text) => {
      expect(parse(text).categories?.find((c) => c.group === 'vote')).toBeUndefined();
    },
  );
});

describe('a name inside a quotation is not who says it', () => {
  it.each<[string, string | null]>([
    ['"We are not getting along with Russia at all," he said.', null],
    ['“We are not getting along with Russia at all,” Trump said.', 'trump'],
    ['Russia, Putin said, was not getting along with the US.', 'putin'],
  ])('"%s": speaker %s', (text, speaker) => {
    expect(parse(text).speaker).toBe(speaker);
  });
});

describe('negations that cancel', () => {
  it.each<[string, boolean]>([
    ['The Pentagon has closed its inquiry.', true],
    ['The Pentagon has never closed its inquiry.', false],
    ['Russia did not deny the report.', false],
    ['Russia denied the report.', true],
    ['Trump is not getting along with Putin.', true],
    ['The Pentagon has cleared Flynn over the payments.', true],
    // "without" says how it was done: it denies what follows it, not the claim
    ['US agencies claimed, without presenting evidence, that hackers had penetrated the networks.', false],
  ])('"%s" negated: %s', (text, negated) => {
    expect(parse(text).negated).toBe(negated);
  });
});

describe("a page's label for the story is no word of the claim", () => {
  it.each([
    ['Live: Trump and Putin to talk Syria', 's:live'],
    ['ANALYSIS - Putin holds the cards in Syria', 's:analysi'],
    ['Explainer: what the two leaders said', 's:explain'],
  ])('"%s" has no %s', (text, term) => {
    const terms = parse(text).terms;
    expect(terms.filter((t) => t.startsWith(term))).toEqual([]);
    expect(terms.length).toBeGreaterThan(0);
  });
  it('keeps a name before a colon', () => {
    expect(parse('Syria: Trump and Putin to talk').terms).toContain('e:syria');
  });
});

describe('what is not a count', () => {
  it.each(['The leaders will meet at the G-20 summit in Hamburg.', 'Russian Su-24 jets flew over the base.'])(
    '"%s" has no figure',
    (text) => {
      expect(parse(text).figures.filter((f) => !f.ordinal)).toEqual([]);
    },
  );
  it.each([
    ['The two presidents are expected to meet for the first time in July.', 'meeting'],
    ['The two presidents spoke for the first time since the strike.', 'time'],
  ])('"%s" counts %s', (text, unit) => {
    expect(must(parse(text).figures.find((f) => f.ordinal)).unit).toBe(unit);
  });
});

describe('ordinals', () => {
  it.each([
    ['It will be the third time the two leaders have spoken.', 3],
    ['It will be the second time the pair have spoken.', 2],
    ['This is their fourth call since January.', 4],
    ['Merkel makes her first visit to Russia since 2015.', 1],
    // a headline's ordinal after a comma
    ['Putin and Trump to speak by phone, first time since U.S. strike on Syria', 1],
    // after a plural possessive
    ["It was the leaders' second conversation since January.", 2],
  ])('"%s" has ordinal %d', (text, value) => {
    const ord = must(
      parse(text).figures.find((f) => f.ordinal),
      'an ordinal',
    );
    expect([ord.low, ord.high]).toEqual([value, value]);
  });

  it.each([
    'The leaders first spoke in January.',
    'Comey first confirmed the inquiry in March.',
    'It came first.',
    // the earliest few, counted: not an ordinal
    'The first two calls were little more than courtesies.',
  ])('"%s" has no ordinal (an adverb, not a count)', (text) => {
    expect(parse(text).figures.filter((f) => f.ordinal)).toEqual([]);
  });

  it('keeps the series a "since" clause names', () => {
    const ord = must(parse('It will be the third time they have spoken since Mr Trump became US president.').figures[0]);
    expect(ord.ordinal).toBe(true);
    expect(ord.unit).toBe('time');
    expect(ord.since).toEqual(expect.arrayContaining(['e:trump']));
  });
});

describe('negation', () => {
  it.each([
    // text, negated, axis, polarity
    ['Putin criticised the strike.', false, 'judgement', -1],
    ['Putin did not criticise the strike.', true, 'judgement', 1],
    ['Putin praised the strike.', false, 'judgement', 1],
    ['Putin never praised the strike.', true, 'judgement', -1],
    ["Putin didn't praise the strike.", true, 'judgement', -1],
    ['Medvedev said the strikes were not illegal.', true, 'legality', 1],
    ['Russia denied the Syrian government was responsible.', true, 'blame', -1],
    // the negation reaches back ten words within the clause
    ['Russia denied that the Syrian government was to blame.', true, 'blame', -1],
    ['Medvedev stopped short of calling the strikes illegal.', true, 'legality', 1],
    ['Putin has refrained from criticising the strike.', true, 'judgement', 1],
  ])('"%s": negated %s, %s polarity %d', (text, negated, axis, polarity) => {
    const claim = parse(text);
    expect(claim.negated).toBe(negated);
    const frame = must(
      claim.frames.find((f) => f.axis === axis),
      `${axis} frame`,
    );
    expect(frame.polarity).toBe(polarity);
  });
});

describe("a place that names a clock time's zone", () => {
  it.each<[string, string[]]>([
    ['The call began at 20:30 Moscow time.', []],
    ['The call began at 7.30pm Moscow time, Putin said.', ['putin']],
    ['Moscow said the time had come.', ['russia']],
  ])('"%s" names %j', (text, entities) => {
    expect(parse(text).entities).toEqual(entities);
    if (!entities.includes('russia')) expect(parse(text).terms.some((t) => t.includes('moscow'))).toBe(false);
  });
});

describe('negated terms', () => {
  it.each<[string, string[]]>([
    ['The Kremlin is not sharing intelligence with Washington.', ['s:shar', 's:intelligence']],
    ['The Kremlin is sharing intelligence with Washington.', []],
    // a word further from the negation is not denied by it
    ['He did not say whether the investigation into the campaign would end.', []],
    // nor one in the next clause
    ['Russia did not comment, and the campaign continued.', ['s:comment']],
    ['Agencies claimed, without presenting evidence, that hackers broke in.', ['s:present', 's:evidence']],
  ])('"%s" denies %j', (text, terms) => {
    expect(parse(text).negatedTerms ?? []).toEqual(terms);
  });
});

describe('frames: who judged, blamed or congratulated whom', () => {
  it.each([
    ['Medvedev said the strikes were illegal.', { axis: 'legality', polarity: -1, agent: 'medvedev', target: null }],
    ['Medvedev said the strikes were legal.', { axis: 'legality', polarity: 1, agent: 'medvedev', target: null }],
    ['The US blamed rebel forces for the attack.', { axis: 'blame', polarity: 1, agent: 'us', target: 'rebels' }],
    ['Russia blamed rebel forces for the attack.', { axis: 'blame', polarity: 1, agent: 'russia', target: 'rebels' }],
    [
      'The US held the Damascus regime responsible for the atrocity.',
      { axis: 'blame', polarity: 1, agent: 'us', target: 'syria-government' },
    ],
    // a call placed by one to another; one ringing another
    ['Their first call, placed by Trump to the Kremlin, was about Isis.', { axis: 'call', polarity: 1, agent: 'trump', target: 'russia' }],
    ['The first call came from Washington, with Mr Trump ringing Moscow.', { axis: 'call', polarity: 1, agent: 'trump', target: 'russia' }],
    // what follows "for" is the act, though it names a place
    [
      'Washington holds the regime in Damascus responsible for the atrocity in Khan Sheikhoun.',
      { axis: 'blame', polarity: 1, agent: 'us', target: 'syria-government' },
    ],
    ['Russia blamed the rebels for the deaths in Idlib.', { axis: 'blame', polarity: 1, agent: 'russia', target: 'rebels' }],
    ['Putin called to congratulate the Republican tycoon.', { axis: 'congratulate', polarity: 1, agent: 'putin', target: 'trump' }],
    ['Trump congratulated Putin.', { axis: 'congratulate', polarity: 1, agent: 'trump', target: 'putin' }],
    // the name before "who" does what follows it
    ['In January it was Mr Trump who congratulated Mr Putin.', { axis: 'congratulate', polarity: 1, agent: 'trump', target: 'putin' }],
    [
      'Moscow rejected the accusation and pointed the finger at rebel groups.',
      { axis: 'blame', polarity: 1, agent: 'russia', target: 'rebels' },
    ],
    [
      'Washington blamed the forces of Syrian President Bashar al-Assad.',
      { axis: 'blame', polarity: 1, agent: 'us', target: 'syria-government' },
    ],
    ['Mr Putin condemned the American strike.', { axis: 'judgement', polarity: -1, agent: 'putin', target: null }],
    ['The strike was illegal, said Mr Putin.', { axis: 'legality', polarity: -1, agent: 'putin', target: null }],
    ['Russia vetoed a US-backed resolution on Syria.', { axis: 'veto', polarity: 1, agent: 'russia', target: null }],
    ['Mr Putin said the strike violated international law.', { axis: 'legality', polarity: -1, agent: 'putin', target: null }],
    // who rang whom: the object right after the cue, or after "to" and a verb
    ['In January, Mr Trump rang Mr Putin.', { axis: 'call', polarity: 1, agent: 'trump', target: 'putin' }],
    ['Putin called to congratulate the Republican tycoon.', { axis: 'call', polarity: 1, agent: 'putin', target: 'trump' }],
    // a predicate ("were to blame", "was behind"): its subject is blamed by whoever says so
    [
      "Moscow insisted that rebel fighters, not Assad's forces, were to blame.",
      { axis: 'blame', polarity: 1, agent: 'russia', target: 'rebels' },
    ],
    [
      "Moscow insisted that rebel fighters, not Assad's forces, were to blame.",
      { axis: 'blame', polarity: -1, agent: 'russia', target: 'syria-government' },
    ],
    [
      'The Kremlin says the Assad government was behind the attack.',
      { axis: 'blame', polarity: 1, agent: 'russia', target: 'syria-government' },
    ],
    // placing a call says who called, and after "to" whom
    ['Mr Trump placed a call to the Russian president.', { axis: 'call', polarity: 1, agent: 'trump', target: 'putin' }],
    ['Mr Putin made the first call, in January.', { axis: 'call', polarity: 1, agent: 'putin', target: null }],
    // the subject of a clause whose first verb is the cue
    ['They spoke in January, when Mr Trump rang Mr Putin.', { axis: 'call', polarity: 1, agent: 'trump', target: 'putin' }],
    // a clause opening with its verb takes its subject from before the apposition
    [
      "Washington holds Assad's government responsible, while Moscow, Assad's main ally, has said rebel forces were to blame.",
      { axis: 'blame', polarity: 1, agent: 'russia', target: 'rebels' },
    ],
    // a relative clause is about the noun before it: "relations …, which Trump says are at an all-time low"
    [
      'The strike strained relations with Moscow, which Mr Trump has said may be at an all-time low.',
      { axis: 'relations', polarity: -1, agent: 'trump', target: null },
    ],
  ])('"%s"', (text, frame) => {
    expect(parse(text).frames).toContainEqual(expect.objectContaining(frame));
  });

  it('names the cue as written', () => {
    expect(must(parse('The US blamed rebel forces for the attack.').frames[0]).cue).toBe('blamed');
  });

  it.each([
    'Trump ordered the strike.',
    'The leaders discussed Syria.',
    // a name before a noun, or a possession, is not whom was called
    'White House calls Putin conversation "very good".',
    "Putin called Trump's decision a mistake.",
    // a compound describes a thing: nobody here backs anything
    'Russia abstained on a Western-backed resolution.',
  ])('"%s" has no frame', (text) => {
    expect(parse(text).frames).toEqual([]);
  });

  it('reads a passive as naming who was accused, not who accused', () => {
    const frames = parse('Trump, who has been accused of collusion with Russia, spoke.').frames;
    expect(frames.filter((f) => f.agent !== null)).toEqual([]);
  });
});

describe('speaker', () => {
  it.each([
    ['Medvedev said the strikes were illegal.', 'medvedev'],
    ['The strike was illegal, said Mr Putin.', 'putin'],
    ['The Kremlin said nothing.', 'russia'],
    ['Comey told the committee the inquiry continues.', 'comey'],
    ['Russia denied the Syrian government was responsible.', 'russia'],
    ['According to the Kremlin, the strike was illegal.', 'russia'],
    ['The US fired 59 missiles.', null],
    ['Witnesses said the gas smelled of garlic.', null],
  ])('"%s" is spoken by %s', (text, speaker) => {
    expect(parse(text).speaker).toBe(speaker);
  });
});

describe('the rest of a claim', () => {
  it('keeps the text, reads its dates against the publication date', () => {
    const claim = parse('The leaders spoke yesterday.', '2017-05-03');
    expect(claim.text).toBe('The leaders spoke yesterday.');
    expect(claim.times.map((t) => t.start)).toEqual([Date.parse('2017-05-02T00:00:00Z')]);
  });

  it.each([
    ['The US fired 59 missiles.', true],
    ['Nearly 90 were killed.', true],
    // a byline with a date is a label: its figures and dates take no topic
    ['By Helen Marsh, World Affairs Correspondent, 2 May 2017', false],
    // a headline's "X to do Y": the word after "to" is a verb
    ['Putin, Trump to discuss Syria in phone call – Kremlin', true],
  ])('"%s" asserts: %s', (text, asserts) => {
    expect(parse(text).asserts).toBe(asserts);
  });

  it.each([
    // text, a term of the attribution left out, a term of the statement kept
    ['Putin and Trump will hold a telephone conversation on Tuesday, Kremlin spokesman Dmitry Peskov has confirmed.', 's:peskov', 'c:call'],
    ['"Yes, the conversation is planned for today," Peskov told journalists.', 's:journalist', 'c:schedule'],
  ])('"%s": a closing attribution says who, not what', (text, left, kept) => {
    const claim = parse(text);
    expect(claim.terms).not.toContain(left);
    expect(claim.terms).toContain(kept);
  });

  it("takes a headline's closing source as its speaker", () => {
    const claim = parse('Putin, Trump to discuss Syria in phone call – Kremlin');
    expect(claim.speaker).toBe('russia');
  });

  it.each([
    // the time of the report is not the time of the event
    ['Investigators questioned 15 people over the metro bombing, the TASS agency reported on Tuesday.', 0],
    // no one before the speech verb: the clause is the statement
    ['Its director, James Comey, has never publicly confirmed the inquiry in March.', 1],
    // a relative clause is no attribution
    ['The FBI is investigating links to Russia, which James Comey publicly confirmed in February.', 1],
    // more than a speech verb and a word or two: the clause says something of its own
    ['The FBI is investigating, an inquiry James Comey first confirmed publicly in February.', 1],
  ])('"%s" has %d dates', (text, count) => {
    expect(parse(text).times).toHaveLength(count);
  });

  it('leaves stop words and names out of the plain terms and maps synonyms to one concept', () => {
    const a = parse('The US fired missiles at the airbase.');
    const b = parse('Washington launched missiles at the air base.');
    expect(a.terms).not.toContain('s:the');
    expect(a.terms.filter((t) => t.startsWith('c:')).sort()).toEqual(b.terms.filter((t) => t.startsWith('c:')).sort());
    expect(a.entities).toEqual(b.entities);
  });

  it.each([
    ['missiles', 'missile'],
    ['killed', 'kill'],
    ['talks', 'talk'],
    ['refugees', 'refugee'],
    ['bombing', 'bomb'],
    ['dies', 'die'],
    ['Russia’s', 'russia'],
    ['crisis', 'crisis'],
    ['glass', 'glass'],
    ['US', 'us'],
    ['clashes', 'clash'],
    ['clash', 'clash'],
    ['taxes', 'tax'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('tokenizes with offsets into the text', () => {
    const text = 'Trump ordered fifty-nine cruise missiles.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

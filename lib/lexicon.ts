// Compiles the data in reference-data/lexicon.json and a set's entity aliases into lookups the
// claims stage uses. Pure data handling: no NLP here.

export interface LexiconData {
  version: 1;
  synonyms: string[][];
  axes: {
    id: string;
    positive: string[];
    negative: string[];
    targeted?: boolean;
    directed?: boolean;
    needs?: string[];
    /** The act is only read with its object named right after the cue ("rang Mr Putin", "called to congratulate Trump"). */
    adjacent?: boolean;
    /** One alone did it ("Russia vetoed the resolution"): another doer of the same act contradicts. */
    soleAgent?: boolean;
  }[];
  /** Groups of values a thing has only one of ("southeast" or "southwest" of Homs). */
  exclusive?: {
    id: string;
    values: string[][];
    after?: string;
    before?: string[];
    names?: boolean;
    sameNames?: boolean;
    denyOnly?: boolean;
    /** Words one of which must follow an `objectForms` value within eight words ("backed a Western-drafted resolution"). */
    objects?: string[];
    /** Words (their beginnings) one of which must stand near a value for it to count ("inquiry" near "the Pentagon"). */
    acts?: string[];
    objectForms?: string[];
  }[];
  negation: string[];
  speech: string[];
  personNouns: string[];
  /** Words that say what happened to the people counted; `kind` says whether a count is of an event's dead and hurt (counted wherever it is reported) or of a population (a place's own). */
  unitEvents: { unit: string; cues: string[]; kind?: 'casualty' | 'population' }[];
  unitSynonyms: string[][];
  genericTerms: string[];
  /** What a count is a count of: "killed in the war" is not "killed in the attack". */
  figureScopes?: { id: string; words: string[] }[];
  /** Offices, each a group of names for one ("prime minister", "PM"): a person holds the ones their aliases name. */
  roles?: string[][];
  /** Nouns naming one event, which a date beside them dates ("the attack on Khan Sheikhoun last week"). */
  eventNouns?: string[];
  /** People counted apart from the whole ("more than 30 children" of "86 people"): the first word of each group names it. */
  partNouns?: string[][];
}

export interface AxisInfo {
  targeted: boolean;
  directed: boolean;
  adjacent: boolean;
  soleAgent: boolean;
  needs: string[];
}

/** Canonical entity id → the names it goes by. */
export type AliasData = Record<string, string[]>;

export interface Phrase {
  /** Lower-case words of the phrase. */
  words: string[];
  key: string;
}

export interface Lexicon {
  /** Word or phrase (lower case) → concept keys it stands for. */
  concepts: Map<string, string[]>;
  /** Multi-word phrases, longest first, for concepts and axes. */
  phrases: Phrase[];
  axisCues: Map<string, { axis: string; polarity: 1 | -1 }[]>;
  axisInfo: Map<string, AxisInfo>;
  /** One pattern finding any value of any exclusive group, and what each written form means. */
  exclusive: {
    re: RegExp;
    values: Map<string, { group: string; value: string }>;
    /** How each group's values are read and compared. */
    groups: Map<string, ExclusiveGroup>;
  } | null;
  negation: Set<string>;
  speech: Set<string>;
  personNouns: Set<string>;
  /** Offices: a pattern finding any ("defence secretary"), the office each name is of, and whom the aliases give which. */
  roles: { re: RegExp | null; kindOf: Map<string, string>; held: Map<string, { kinds: Set<string>; former: boolean }> };
  /** Lower-case nouns naming one event (see LexiconData.eventNouns). */
  eventNouns: Set<string>;
  /** Word → the part of the people a count is of ("children"). */
  partNouns: Map<string, string>;
  unitEventCues: Map<string, string>;
  /** Unit → what kind of count it is (see LexiconData.unitEvents). */
  unitKinds: Map<string, 'casualty' | 'population'>;
  unitSynonyms: Map<string, string>;
  /** Word → the kind of event a count near it belongs to. */
  scopeWords: Map<string, string>;
  generic: Set<string>;
  aliases: AliasMatcher;
  /** Who speaks for whom, read from the names themselves ("Russia's leader" → Putin speaks for Russia). */
  speaksFor: Map<string, string>;
}

/** How the values of one exclusive group are read and compared. */
export interface ExclusiveGroup {
  /** A word that must follow the value ("southeast of"). */
  after?: string;
  /** Words one of which must come just before the value ("in Moscow", "resort of Sochi"). */
  before?: Set<string>;
  /** Values that are names too ("Sochi", "the Black Sea"): read inside names. */
  names: boolean;
  /** Compared only between sentences naming the same people: a place is a place of one meeting. */
  sameNames: boolean;
  /** Values only ever deny: "opposition-held" alone says too little to agree on. */
  denyOnly: boolean;
  /** Forms that are a value only with one of these words after them ("backed" a resolution, not a leader). */
  objectForms?: Set<string>;
  objects?: Set<string>;
  /** Beginnings of words one of which must stand near the value: "the Pentagon" investigates only beside "inquiry". */
  acts?: string[];
}

export interface AliasMatcher {
  /** Finds entity mentions: [start, end) character offsets into the text and the entity id. */
  find(text: string): { start: number; end: number; id: string }[];
  ids: Set<string>;
}

const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

export function compileLexicon(data: LexiconData, aliases: AliasData): Lexicon {
  const concepts = new Map<string, string[]>();
  const phraseKeys = new Set<string>();
  const add = (w: string, key: string) => {
    const k = w.toLowerCase();
    const list = concepts.get(k) ?? [];
    if (!list.includes(key)) list.push(key);
    concepts.set(k, list);
    if (k.includes(' ')) phraseKeys.add(k);
  };
  data.synonyms.forEach((group, i) => {
    const key = `c:${group[0] ?? i}`;
    for (const w of group) add(w, key);
  });
  const axisCues = new Map<string, { axis: string; polarity: 1 | -1 }[]>();
  const axisInfo = new Map<string, AxisInfo>();
  for (const axis of data.axes) {
    axisInfo.set(axis.id, {
      targeted: !!axis.targeted,
      directed: !!axis.directed,
      adjacent: !!axis.adjacent,
      soleAgent: !!axis.soleAgent,
      needs: (axis.needs ?? []).map((w) => w.toLowerCase()),
    });
    for (const [list, polarity] of [
      [axis.positive, 1],
      [axis.negative, -1],
    ] as const) {
      for (const w of list) {
        const k = w.toLowerCase();
        const cues = axisCues.get(k) ?? [];
        cues.push({ axis: axis.id, polarity });
        axisCues.set(k, cues);
        if (k.includes(' ')) phraseKeys.add(k);
        // an act read with its object ("rang Mr Putin") is already a term of its synonym group: its frame adds direction, not weight
        if (!axis.adjacent) add(k, `a:${axis.id}`);
      }
    }
  }
  for (const w of data.speech) if (w.includes(' ')) phraseKeys.add(w.toLowerCase());
  const phrases = [...phraseKeys].map((k) => ({ words: words(k), key: k })).sort((a, b) => b.words.length - a.words.length);
  const unitEventCues = new Map<string, string>();
  for (const e of data.unitEvents) for (const c of e.cues) unitEventCues.set(c.toLowerCase(), e.unit);
  const unitSynonyms = new Map<string, string>();
  for (const g of data.unitSynonyms) for (const w of g) unitSynonyms.set(w.toLowerCase(), g[0] ?? w);
  const values = new Map<string, { group: string; value: string }>();
  for (const g of data.exclusive ?? [])
    for (const forms of g.values) for (const f of forms) values.set(f.toLowerCase(), { group: g.id, value: forms[0] ?? f });
  const forms = [...values.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRe(f).replace(/\s+/g, '\\s+'));
  const groups = new Map<string, ExclusiveGroup>(
    (data.exclusive ?? []).map((g) => [
      g.id,
      {
        ...(g.after ? { after: g.after.toLowerCase() } : {}),
        ...(g.before?.length ? { before: new Set(g.before.map((w) => w.toLowerCase())) } : {}),
        ...(g.objectForms?.length && g.objects?.length
          ? { objectForms: new Set(g.objectForms.map((w) => w.toLowerCase())), objects: new Set(g.objects.map((w) => w.toLowerCase())) }
          : {}),
        ...(g.acts?.length ? { acts: g.acts.map((w) => w.toLowerCase()) } : {}),
        names: !!g.names,
        sameNames: !!g.sameNames,
        denyOnly: !!(g.denyOnly || g.sameNames),
      },
    ]),
  );
  const exclusive = forms.length ? { re: new RegExp(`(?<![\\p{L}-])(?:${forms.join('|')})(?![\\p{L}-])`, 'giu'), values, groups } : null;
  return {
    exclusive,
    concepts,
    phrases,
    axisCues,
    axisInfo,
    negation: new Set(data.negation.map((w) => w.toLowerCase())),
    speech: new Set(data.speech.map((w) => w.toLowerCase())),
    personNouns: new Set(data.personNouns.map((w) => w.toLowerCase())),
    eventNouns: new Set((data.eventNouns ?? []).map((w) => w.toLowerCase())),
    roles: compileRoles(data.roles ?? [], aliases),
    partNouns: new Map(
      (data.partNouns ?? []).flatMap((g) => g.map((w) => [w.toLowerCase(), g[0]?.toLowerCase() ?? w] as [string, string])),
    ),
    unitEventCues,
    unitKinds: new Map(data.unitEvents.flatMap((e) => (e.kind ? [[e.unit, e.kind] as [string, 'casualty' | 'population']] : []))),
    unitSynonyms,
    scopeWords: new Map((data.figureScopes ?? []).flatMap((g) => g.words.map((w) => [w.toLowerCase(), g.id] as [string, string]))),
    generic: new Set(data.genericTerms.map((w) => w.toLowerCase())),
    aliases: compileAliases(aliases),
    speaksFor: speaksFor(aliases),
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a name that make its bearer the voice of what else the name names. */
const ROLE = /\b(president|leader|prime minister|pm|chancellor|director|spokesman|spokeswoman|spokesperson|minister|secretary)\b/i;

/**
 * An entity one of whose names is a role of another ("Russian President", "the Kremlin leader",
 * "FBI director") speaks for that one: its positions are that one's positions.
 */
/** The offices a set's aliases give each person ("Russian PM" → Medvedev is prime minister). */
function compileRoles(groups: string[][], aliases: AliasData): Lexicon['roles'] {
  const kindOf = new Map<string, string>();
  for (const g of groups) for (const w of g) kindOf.set(w.toLowerCase(), g[0]?.toLowerCase() ?? w);
  const forms = [...kindOf.keys()].sort((a, b) => b.length - a.length).map((f) => escapeRe(f).replace(/\s+/g, '\\s+'));
  const re = forms.length ? new RegExp(`\\b(${forms.join('|')})\\b`, 'gi') : null;
  const held = new Map<string, { kinds: Set<string>; former: boolean }>();
  for (const [id, names] of Object.entries(aliases)) {
    for (const name of names) {
      for (const m of re ? name.matchAll(re) : []) {
        const kind = kindOf.get((m[1] ?? '').toLowerCase().replace(/\s+/g, ' '));
        if (!kind) continue;
        const h = held.get(id) ?? { kinds: new Set<string>(), former: false };
        h.kinds.add(kind);
        if (/\bformer\b/i.test(name)) h.former = true;
        held.set(id, h);
      }
    }
  }
  return { re, kindOf, held };
}

export function speaksFor(aliases: AliasData): Map<string, string> {
  const out = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const [id, names] of Object.entries(aliases)) for (const n of names) byName.set(n.replace(/^the\s+/i, '').toLowerCase(), id);
  for (const [id, names] of Object.entries(aliases)) {
    for (const name of names) {
      if (!ROLE.test(name)) continue;
      const words = name
        .replace(/^the\s+/i, '')
        .replace(/['’]s\b/g, '')
        .toLowerCase()
        .split(/\s+/);
      const other = words.map((w) => byName.get(w)).find((o) => o !== undefined && o !== id);
      if (other) {
        out.set(id, other);
        break;
      }
    }
  }
  return out;
}

/**
 * One alternation per case mode, longest names first, so "US President" wins over "US".
 * Short all-capital names (US, IS, UK) match case-sensitively: "us" and "is" are words.
 */
export function compileAliases(aliases: AliasData): AliasMatcher {
  const exact: [string, string][] = [];
  const loose: [string, string][] = [];
  for (const [id, names] of Object.entries(aliases)) {
    for (const name of names) {
      const bare = name.replace(/^the\s+/i, '');
      if (bare.length <= 4 && bare === bare.toUpperCase()) exact.push([bare, id]);
      else loose.push([bare.toLowerCase(), id]);
    }
  }
  const build = (list: [string, string][], flags: string) => {
    if (!list.length) return null;
    const sorted = [...list].sort((a, b) => b[0].length - a[0].length);
    const source = sorted.map(([n]) => escapeRe(n).replace(/\s+/g, '\\s+')).join('|');
    return {
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, `gu${flags}`),
      map: new Map(list.map(([n, id]) => [flags ? n.toLowerCase() : n, id])),
    };
  };
  const loosePat = build(loose, 'i');
  const exactPat = build(exact, '');
  const ids = new Set(Object.keys(aliases));
  // the last sentence asked about: retrieval and the full parse ask about the same one in turn
  let lastText: string | null = null;
  let lastFound: { start: number; end: number; id: string }[] = [];
  return {
    ids,
    find(text: string) {
      if (text === lastText) return lastFound.map((f) => ({ ...f }));
      const found: { start: number; end: number; id: string }[] = [];
      for (const pat of [loosePat, exactPat]) {
        if (!pat) continue;
        // curly apostrophes are the same character count, so offsets still hold
        for (const m of text.replace(/[\u2018\u2019]/g, "'").matchAll(pat.re)) {
          const key = m[0].replace(/\s+/g, ' ');
          const id = pat.map.get(pat === loosePat ? key.toLowerCase() : key);
          if (id === undefined || m.index === undefined) continue;
          const start = m.index;
          const end = start + m[0].length;
          if (found.some((f) => start < f.end && end > f.start)) continue;
          found.push({ start, end, id });
        }
      }
      found.sort((a, b) => a.start - b.start);
      lastText = text;
      lastFound = found.map((f) => ({ ...f }));
      return found;
    },
  };
}

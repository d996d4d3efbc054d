// The data the extension ships: the bundled reference set and the lexicon.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/cli/load';
import { validateCompiled, validateSource } from '@/lib/references';
import { BUNDLED_DIR, bundledCompiled, bundledSource, SHARED_DIR } from '../helpers/engine';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEEDS = join(SHARED_DIR, 'seeds');
const source = bundledSource();
const lexicon = readLexicon();

describe('the bundled reference set', () => {
  it('validates as a source and once compiled', () => {
    expect(() => validateSource(source)).not.toThrow();
    expect(() => validateCompiled(JSON.parse(JSON.stringify(bundledCompiled())))).not.toThrow();
  });

  it('has a slug for an id and a title', () => {
    expect(source.id).toMatch(SLUG);
    expect(source.title.trim()).not.toBe('');
  });

  it.each(Object.keys(source.entities))('entity id "%s" is a slug', (id) => {
    expect(id).toMatch(SLUG);
  });

  it('lists no name under two ids (as the matcher reads names: case and a leading "the" aside)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, names] of Object.entries(source.entities)) {
      for (const name of names) {
        const key = name.replace(/^the\s+/i, '').toLowerCase();
        const other = owner.get(key);
        if (other && other !== id) clashes.push(`"${name}": ${other} and ${id}`);
        owner.set(key, id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has one .txt document per file, each with an outlet, a title and its own id', () => {
    const files = readdirSync(BUNDLED_DIR).filter((f) => /\.(txt|md)$/.test(f));
    expect(source.documents).toHaveLength(files.length);
    expect(new Set(source.documents.map((d) => d.id)).size).toBe(files.length);
    for (const d of source.documents) expect(d.outlet && d.title).toBeTruthy();
  });

  it.each(source.documents.map((d) => [d.id, d.date]))('document %s is dated 2017-05-02', (_id, date) => {
    expect(date).toBe('2017-05-02');
  });

  it.each(source.furniture)('furniture pattern %s removes at least one line', (pattern) => {
    const re = new RegExp(pattern);
    expect(source.documents.some((d) => d.text.split('\n').some((l) => re.test(l.trim())))).toBe(true);
  });

  describe.skipIf(!existsSync(SEEDS))('against the seed documents in ../shared/seeds', () => {
    const seeds = () =>
      readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(SEEDS, f), 'utf8'));

    it('quotes every compiled sentence verbatim from a seed', () => {
      const all = seeds();
      const missing = bundledCompiled()
        .claims.map((c) => c.sentence)
        .filter((s) => !all.some((seed) => seed.includes(s)));
      expect(missing).toEqual([]);
    });

    it.each(source.documents.map((d) => [d.id, d]))('document %s has the text of its seed', (id, doc) => {
      const file = join(SEEDS, `${id}.txt`);
      expect(existsSync(file)).toBe(true);
      expect(doc.text.trim()).toBe(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').trim());
    });
  });
});

describe('lexicon.json', () => {
  it('is version 1', () => {
    expect(lexicon.version).toBe(1);
  });

  it.each(lexicon.axes.map((a) => [a.id, a]))('axis %s has no word in both poles', (_id, axis) => {
    const positive = new Set(axis.positive.map((w) => w.toLowerCase()));
    expect(axis.negative.filter((w) => positive.has(w.toLowerCase()))).toEqual([]);
  });

  it('has unique axis ids', () => {
    const ids = lexicon.axes.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives each cue of a figure one unit', () => {
    const unitOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of lexicon.unitEvents) {
      for (const cue of e.cues) {
        const other = unitOf.get(cue);
        if (other && other !== e.unit) clashes.push(`${cue}: ${other} and ${e.unit}`);
        unitOf.set(cue, e.unit);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no empty or padded words', () => {
    const words = [
      ...lexicon.synonyms.flat(),
      ...lexicon.axes.flatMap((a) => [...a.positive, ...a.negative]),
      ...lexicon.negation,
      ...lexicon.speech,
      ...lexicon.personNouns,
      ...lexicon.unitEvents.flatMap((e) => e.cues),
      ...lexicon.unitSynonyms.flat(),
      ...lexicon.genericTerms,
      ...(lexicon.partNouns ?? []).flat(),
      ...(lexicon.eventNouns ?? []),
    ];
    expect(words.filter((w) => !w || w !== w.trim())).toEqual([]);
  });

  it('gives each form of an exclusive value to one value only', () => {
    const forms = (lexicon.exclusive ?? []).flatMap((g) => g.values.flat().map((f) => f.toLowerCase()));
    expect(forms.filter((f, i) => forms.indexOf(f) !== i)).toEqual([]);
  });

  it.each((lexicon.exclusive ?? []).filter((g) => g.acts).map((g) => [g.id, g.acts ?? []] as const))(
    'group %s names the acts beside its values as lower-case word beginnings',
    (_id, acts) => {
      expect(acts.length).toBeGreaterThan(0);
      expect(acts.filter((a) => !/^[a-z]+$/.test(a))).toEqual([]);
    },
  );
});

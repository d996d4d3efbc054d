import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadRefsPath, readLexicon } from '@/cli/load';
import { combineVerdicts, crosscheck, crosscheckSets, extractArticle, prepare } from '@/lib/index';
import { compileReferences } from '@/lib/references';
import type { Article } from '@/lib/types';
import { bundledPrepared, must, REPO_ROOT } from '../helpers/engine';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

function page(file: string): Article {
  const { document } = parseHTML(readFileSync(join(FIXTURES, file), 'utf8'));
  return must(extractArticle(document as unknown as Document, file), 'an article');
}

const harbour = () => prepare(loadRefsPath(join(FIXTURES, 'refs', 'harbour-fire'), readLexicon()));

describe('combineVerdicts', () => {
  it.each([
    [[], 'unverified'],
    [['unverified', 'unverified'], 'unverified'],
    [['contradict', 'unverified'], 'contradict'],
    [['agree', 'agree'], 'agree'],
    [['agree', 'contradict'], 'disputed'],
    [['disputed', 'agree'], 'disputed'],
    [['contradict', 'contradict'], 'contradict'],
  ] as const)('%j → %s', (verdicts, expected) => {
    expect(combineVerdicts([...verdicts])).toBe(expected);
  });
});

describe('crosscheckSets', () => {
  it('with one set gives that set’s verdicts, evidence tagged with the set', () => {
    const article = page('contradicting-report.html');
    const one = crosscheck(article, bundledPrepared());
    const many = crosscheckSets(article, [bundledPrepared()]);
    expect(many.claims.map((c) => c.verdict)).toEqual(one.claims.map((c) => c.verdict));
    expect(many.story).toBe(one.story);
    const evidence = many.claims.flatMap((c) => c.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.set).toBe(bundledPrepared().refs.story.id);
  });

  it('judges each set’s relevance on its own: only the set the page is about flags anything', () => {
    const sets = [bundledPrepared(), harbour()];
    const fire = crosscheckSets(page('harbour-fire-contradicting.html'), sets);
    expect(fire.relevant).toBe(true);
    expect(fire.stories).toEqual([{ id: 'harbour-fire', title: 'harbour-fire' }]);
    const cited = new Set(fire.claims.flatMap((c) => c.evidence.map((e) => e.set)));
    expect([...cited]).toEqual(['harbour-fire']);
    const injured = must(fire.claims.find((c) => c.text.startsWith('Thirty people')));
    expect(injured.verdict).toBe('contradict');
    expect(injured.evidence.map((e) => e.outlet)).toContain('Harbour Gazette');

    const syria = crosscheckSets(page('contradicting-report.html'), sets);
    expect(syria.stories?.map((s) => s.id)).toEqual([bundledPrepared().refs.story.id]);
    expect(syria.references.map((r) => r.set)).toContain('harbour-fire');
  });

  it('flags nothing on a page no set covers, and says so', () => {
    const r = crosscheckSets(page('harbour-fire-contradicting.html'), [bundledPrepared()]);
    expect(r.relevant).toBe(false);
    expect(r.notice).toBe('not-relevant');
    expect(r.claims.every((c) => c.verdict === 'unverified')).toBe(true);
  });

  it('with no sets at all says there are no references', () => {
    const r = crosscheckSets(page('harbour-fire-contradicting.html'), []);
    expect(r).toMatchObject({ relevant: false, notice: 'no-references', claims: [] });
  });

  it('disputes a claim one set supports and another contradicts', () => {
    const lexicon = readLexicon();
    const base = { furniture: [], entities: {} };
    const setA = harbour();
    // a second set whose only report gives another count
    const setB = prepare(
      compileReferences(
        {
          ...base,
          id: 'other-count',
          title: 'Other count',
          documents: [
            {
              id: 'wire',
              outlet: 'Wire Service',
              title: 'Northport fire',
              date: '2024-03-06',
              text: 'Thirty people were injured in the fire at the grain warehouse in Northport harbour, the county fire service said.\nA fire destroyed a grain warehouse at Northport harbour on Tuesday night.\nAbout 200 firefighters fought the blaze at the warehouse for more than six hours.',
            },
          ],
        },
        lexicon,
      ),
    );
    const r = crosscheckSets(page('harbour-fire-contradicting.html'), [setA, setB]);
    const injured = must(r.claims.find((c) => c.text.startsWith('Thirty people')));
    expect(injured.verdict).toBe('disputed');
    expect(new Set(injured.evidence.map((e) => e.set))).toEqual(new Set(['harbour-fire', 'other-count']));
    expect(r.story).toBe('harbour-fire · Other count');
  });
});

describe('a date against the order a report gives its events', () => {
  const lexicon = readLexicon();
  // one report dates the explosion and puts the road's closing after it ("In response, …"); the other is undated
  const set = (datedElsewhere: boolean) =>
    prepare(
      compileReferences(
        {
          furniture: [],
          entities: { northport: ['Northport'] },
          id: 'harbour-order',
          title: 'Harbour order',
          documents: [
            {
              id: 'a',
              outlet: 'Harbour Gazette',
              title: 'Northport fire',
              date: '2024-03-08',
              text: `${datedElsewhere ? 'An explosion destroyed the grain warehouse at Northport harbour.' : 'An explosion destroyed the grain warehouse at Northport harbour on 5 March.'}\nIn response, the council closed the coastal road to lorries.\nThe warehouse stored wheat for export.`,
            },
            {
              id: 'b',
              outlet: 'County Wire',
              title: 'Warehouse blaze',
              date: '2024-03-08',
              text: `${datedElsewhere ? 'The explosion at the grain warehouse in Northport harbour began on 5 March.' : 'The explosion at the grain warehouse in Northport harbour was put out.'}\nThe warehouse stored wheat for export.`,
            },
          ],
        },
        lexicon,
      ),
    );
  const article: Article = {
    url: 'https://news.example/northport',
    title: 'Northport warehouse fire',
    published: '2024-03-09',
    lang: 'en',
    siteName: null,
    blocks: [
      { kind: 'heading', text: 'Explosion destroys the grain warehouse at Northport harbour' },
      { kind: 'paragraph', text: 'An explosion destroyed the grain warehouse at Northport harbour.' },
      { kind: 'paragraph', text: 'The warehouse stored wheat for export.' },
      { kind: 'paragraph', text: 'The council closed the coastal road to lorries on 3 March.' },
    ],
  };
  const verdictOf = (datedElsewhere: boolean) =>
    crosscheck(article, set(datedElsewhere)).claims.find((c) => c.text.startsWith('The council closed'))?.verdict;

  it.each([
    [false, 'contradict'],
    // (a day another report gives is not the order's own, it may be of another such event: the words agree and
    // the date goes unchecked)
    [true, 'agree'],
  ] as const)('dated by another report: %s → %s', (datedElsewhere, verdict) => {
    expect(verdictOf(datedElsewhere)).toBe(verdict);
  });
});

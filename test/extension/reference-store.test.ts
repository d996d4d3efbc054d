import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serializeSetFile } from '@/lib/reference-format';
import { ReferenceDataError } from '@/lib/references';
import type { Article } from '@/lib/types';
import { BUNDLED_SET_ID, createReferenceStore, INDEX_KEY, parseIndex, setKey } from '@/utils/reference-store';
import { bundledCompiled, must } from '../helpers/engine';

const store = () => createReferenceStore({ bundled: async () => bundledCompiled(), now: () => new Date('2024-03-07T12:00:00Z') });

const ARTICLE: Article = {
  url: 'https://www.gazette.example/fire',
  title: 'Fire destroys grain warehouse at Northport harbour',
  published: '2024-03-06',
  lang: 'en',
  siteName: 'Harbour Gazette',
  blocks: [
    { kind: 'heading', text: 'Fire destroys grain warehouse at Northport harbour' },
    { kind: 'paragraph', text: 'A fire destroyed a grain warehouse at Northport harbour on Tuesday night.' },
    { kind: 'paragraph', text: 'Twelve people were injured in the fire, the county fire service said.' },
  ],
};

const DOC = {
  outlet: 'Coastal Radio',
  title: 'Blaze halts ferries',
  date: '2024-03-06',
  text: 'Ferry services were suspended on Wednesday.',
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reference store', () => {
  it('lists the bundled set first, read-only and enabled', async () => {
    const list = await store().list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: BUNDLED_SET_ID, readOnly: true, enabled: true, title: bundledCompiled().story.title });
    expect(list[0]?.documents.map((d) => d.claims).reduce((a, b) => a + b, 0)).toBe(bundledCompiled().claims.length);
  });

  it('creates a set, adds a page and a pasted document, and scans load it compiled', async () => {
    const s = store();
    const set = await s.create('  Northport   fire ');
    expect(set).toMatchObject({ id: 'northport-fire', title: 'Northport fire', enabled: true, readOnly: false, documents: [] });
    const page = await s.addArticle(set.id, ARTICLE);
    expect(page).toMatchObject({ outlet: 'Harbour Gazette', date: '2024-03-06', url: ARTICLE.url });
    expect(page.claims).toBe(3);
    await s.addDocument(set.id, DOC);
    const listed = must((await s.list()).find((x) => x.id === set.id));
    expect(listed.documents.map((d) => [d.outlet, d.claims])).toEqual([
      ['Harbour Gazette', 3],
      ['Coastal Radio', 1],
    ]);
    const sets = await s.enabledSets();
    expect(sets.map((x) => x.story)).toEqual([bundledCompiled().story, { id: 'northport-fire', title: 'Northport fire' }]);
    expect(sets[1]?.claims.map((c) => c.doc)).toEqual([page.id, page.id, page.id, 'coastal-radio-blaze-halts-ferries']);
  });

  it('turns sets on and off, the bundled one too, and never deletes the bundled set', async () => {
    const s = store();
    const set = await s.create('Fire');
    await s.addDocument(set.id, DOC);
    await s.setEnabled(BUNDLED_SET_ID, false);
    expect((await s.enabledSets()).map((x) => x.story.id)).toEqual(['fire']);
    await s.setEnabled(set.id, false);
    expect(await s.enabledSets()).toEqual([]);
    await expect(s.remove(BUNDLED_SET_ID)).rejects.toThrow(ReferenceDataError);
    await expect(s.addDocument(BUNDLED_SET_ID, DOC)).rejects.toThrow(/read-only/);
  });

  it('renames and deletes a set and removes documents', async () => {
    const s = store();
    const set = await s.create('Fire');
    const doc = await s.addDocument(set.id, DOC);
    await s.rename(set.id, 'Harbour fire');
    expect((await s.enabledSets())[1]?.story.title).toBe('Harbour fire');
    await s.removeDocument(set.id, doc.id);
    expect(must((await s.list())[1]).documents).toEqual([]);
    expect((await s.enabledSets()).length).toBe(1);
    await s.remove(set.id);
    expect((await s.list()).map((x) => x.id)).toEqual([BUNDLED_SET_ID]);
    expect(await storage.getItem(setKey(set.id))).toBeNull();
  });

  it('refuses a bad pasted document, naming the field, and saves nothing', async () => {
    const s = store();
    const set = await s.create('Fire');
    const err = await s.addDocument(set.id, { ...DOC, date: '6 March' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReferenceDataError);
    expect((err as ReferenceDataError).field).toBe('date');
    await expect(s.addDocument(set.id, { ...DOC, outlet: ' ' })).rejects.toThrow(/^outlet:/);
    await expect(s.addDocument(set.id, { ...DOC, text: '' })).rejects.toThrow(/^text:/);
    expect(must((await s.list())[1]).documents).toEqual([]);
  });

  it('exports a set and imports it again as a new set, with the same claims', async () => {
    const s = store();
    const set = await s.create('Fire');
    await s.addArticle(set.id, ARTICLE);
    const { filename, text } = await s.exportSet(set.id);
    expect(filename).toBe('crosscheck-fire.json');
    const imported = await s.importSet(text);
    expect(imported.id).toBe('fire-2');
    expect(imported.title).toBe('Fire');
    const [, a, b] = await s.enabledSets();
    expect(b?.claims).toEqual(a?.claims);
  });

  it.each<[string, string]>([
    ['truncated', '{"format":"crosscheck-reference-set","version":1,"id":"x","title":"X","documents":[{"id":"a","out'],
    ['hostile', '{"format":"crosscheck-reference-set","version":1,"id":"x","title":"X","__proto__":{"admin":true},"documents":[]}'],
    ['oversized', `{"x":"${'a'.repeat(5_000_001)}"}`],
    ['of the wrong shape', '{"format":"crosscheck-reference-set","version":1,"id":"x","title":"X","documents":"none"}'],
  ])('a failed import of a %s file loses nothing already saved', async (_label, text) => {
    const s = store();
    const set = await s.create('Fire');
    await s.addArticle(set.id, ARTICLE);
    const before = { index: await storage.getItem(INDEX_KEY), set: await storage.getItem(setKey(set.id)) };
    await expect(s.importSet(text)).rejects.toThrow(ReferenceDataError);
    expect(await storage.getItem(INDEX_KEY)).toEqual(before.index);
    expect(await storage.getItem(setKey(set.id))).toEqual(before.set);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('puts a set back as it was when saving the list fails (storage full)', async () => {
    const s = store();
    const set = await s.create('Fire');
    await s.addArticle(set.id, ARTICLE);
    const before = { index: await storage.getItem(INDEX_KEY), set: await storage.getItem(setKey(set.id)) };
    const real = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (INDEX_KEY.replace('local:', '') in (items as object)) throw new Error('QUOTA_BYTES quota exceeded');
      return real(items);
    });
    await expect(s.addDocument(set.id, DOC)).rejects.toThrow(/quota/);
    await expect(
      s.importSet(serializeSetFile({ id: 'other', title: 'Other', furniture: [], entities: {}, documents: [{ id: 'd', ...DOC }] })),
    ).rejects.toThrow(/quota/);
    spy.mockRestore();
    expect(await storage.getItem(INDEX_KEY)).toEqual(before.index);
    expect(await storage.getItem(setKey(set.id))).toEqual(before.set);
    expect(await storage.getItem(setKey('other'))).toBeNull();
  });

  it('skips damaged stored data instead of trusting it', async () => {
    await storage.setItem(INDEX_KEY, [
      { id: 'ok', title: 'OK', enabled: true, documents: [] },
      { id: 'Bad Id', title: 'x', enabled: true, documents: [] },
      { id: 'ok', title: 'duplicate', enabled: true, documents: [] },
      'junk',
    ]);
    await storage.setItem(setKey('ok'), { source: { documents: [] }, compiled: { version: 1, claims: 'nope' } });
    expect(parseIndex(await storage.getItem(INDEX_KEY)).map((e) => e.title)).toEqual(['OK']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await store().enabledSets()).map((x) => x.story.id)).toEqual([bundledCompiled().story.id]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

// The reader's reference sets, kept in `browser.storage.local` through @wxt-dev/storage.
//
//   local:referenceSets         the list: each set's id, title, enabled, and its documents' metadata
//                               and claim counts (what the options page shows without loading texts)
//   local:referenceSet:<id>     one set: its source (the set file, with texts, for export) and its
//                               compiled claims (what scans load)
//   local:bundledSetEnabled     whether scans use the bundled set (read-only otherwise)
//
// Every write goes set first, list second, and undoes the first if the second fails, so a failed
// save or import (a bad file, a full storage area) leaves what was saved before as it was. What is
// read back is validated: a damaged entry is skipped, never trusted.
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import {
  documentFromArticle,
  isoDay,
  LIMITS,
  parseSetFile,
  type ReferenceSetFile,
  type ReferenceSetMeta,
  SET_FILE_FORMAT,
  SET_FILE_VERSION,
  serializeSetFile,
  slugify,
  uniqueId,
} from '@/lib/reference-format';
import {
  type CompiledReferences,
  compileReferences,
  ReferenceDataError,
  type ReferenceDocument,
  validateCompiled,
  validateSource,
} from '@/lib/references';
import type { Article, ReferenceDocumentMeta } from '@/lib/types';

export interface StoredDocument extends ReferenceDocumentMeta {
  /** Reference sentences compiled from it. */
  claims: number;
}

export interface ReferenceSetSummary extends ReferenceSetMeta {
  documents: StoredDocument[];
}

interface StoredSet {
  source: ReferenceSetFile;
  /** Null while the set has no documents. */
  compiled: CompiledReferences | null;
}

/** The storage layer the popup and the options page use (through the connector). */
export interface ReferenceStore {
  /** The bundled set first, then the reader's, in the order made. */
  list(): Promise<ReferenceSetSummary[]>;
  create(title: string): Promise<ReferenceSetSummary>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Compiles the document locally and adds it to the set; throws ReferenceDataError naming a bad field. */
  addDocument(setId: string, doc: Omit<ReferenceDocument, 'id'> & { id?: string }): Promise<StoredDocument>;
  /** An extracted page as a document (outlet = site name or host, the page's title, date and address). */
  addArticle(setId: string, article: Article): Promise<StoredDocument>;
  removeDocument(setId: string, docId: string): Promise<void>;
  /** The set as a set file: a suggested file name and the JSON text. */
  exportSet(id: string): Promise<{ filename: string; text: string }>;
  /** Validates and compiles a set file, then saves it as a new set (a taken id gets a suffix). */
  importSet(text: string): Promise<ReferenceSetSummary>;
  /** The compiled sets scans check: the bundled one if enabled, then the reader's enabled ones. */
  enabledSets(): Promise<CompiledReferences[]>;
}

export const BUNDLED_SET_ID = 'bundled';
export const INDEX_KEY = 'local:referenceSets';
export const BUNDLED_ENABLED_KEY = 'local:bundledSetEnabled';
export const setKey = (id: string) => `local:referenceSet:${id}` as const;

/** The most sets a reader may keep (each is one storage entry). */
export const MAX_SETS = 200;

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Slug = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(LIMITS.shortField));

const StoredDocumentSchema = v.object({
  id: Str(LIMITS.shortField),
  outlet: Str(LIMITS.shortField),
  title: Str(LIMITS.title),
  date: Str(LIMITS.shortField),
  url: v.optional(Str(LIMITS.url)),
  claims: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const IndexEntrySchema = v.object({
  id: Slug,
  title: Str(LIMITS.title),
  enabled: v.boolean(),
  documents: v.pipe(v.array(StoredDocumentSchema), v.maxLength(LIMITS.documents)),
});

type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;

/** The stored list, keeping only well-formed entries with distinct ids. */
export function parseIndex(raw: unknown): IndexEntry[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  return raw.flatMap((item) => {
    const r = v.safeParse(IndexEntrySchema, item);
    if (!r.success || seen.has(r.output.id) || r.output.id === BUNDLED_SET_ID) return [];
    seen.add(r.output.id);
    return [r.output];
  });
}

function summaryOf(compiled: CompiledReferences | null, docs: ReferenceDocumentMeta[]): StoredDocument[] {
  const counts = new Map<string, number>();
  for (const c of compiled?.claims ?? []) counts.set(c.doc, (counts.get(c.doc) ?? 0) + 1);
  return docs.map((d) => ({
    id: d.id,
    outlet: d.outlet,
    title: d.title,
    date: d.date,
    ...(d.url ? { url: d.url } : {}),
    claims: counts.get(d.id) ?? 0,
  }));
}

const notFound = (id: string) => new ReferenceDataError('set', `no reference set "${id}"`);
const readOnly = () => new ReferenceDataError('set', 'the bundled set is read-only');

export interface ReferenceStoreOptions {
  /** The bundled compiled set (also the source of the lexicon user sets are compiled with). */
  bundled: () => Promise<CompiledReferences>;
  /** For the date of a page that states none. */
  now?: () => Date;
}

export function createReferenceStore({ bundled, now = () => new Date() }: ReferenceStoreOptions): ReferenceStore {
  const readIndex = async () => parseIndex(await storage.getItem<unknown>(INDEX_KEY));
  const writeIndex = (entries: IndexEntry[]) => storage.setItem(INDEX_KEY, entries);

  async function readSet(id: string): Promise<StoredSet | null> {
    const raw = await storage.getItem<StoredSet>(setKey(id));
    if (!raw || typeof raw !== 'object' || !raw.source || !Array.isArray(raw.source.documents)) return null;
    return raw;
  }

  /** Saves a set and the list together; if the list cannot be saved, the set goes back as it was. */
  async function commit(id: string, set: StoredSet, entries: IndexEntry[]): Promise<void> {
    const before = await storage.getItem<StoredSet>(setKey(id));
    await storage.setItem(setKey(id), set);
    try {
      await writeIndex(entries);
    } catch (e) {
      if (before) await storage.setItem(setKey(id), before).catch(() => {});
      else await storage.removeItem(setKey(id)).catch(() => {});
      throw e;
    }
  }

  async function bundledSummary(): Promise<ReferenceSetSummary> {
    const b = await bundled();
    const enabled = (await storage.getItem<boolean>(BUNDLED_ENABLED_KEY)) !== false;
    return { id: BUNDLED_SET_ID, title: b.story.title, enabled, readOnly: true, documents: summaryOf(b, b.documents) };
  }

  async function find(id: string): Promise<{ entries: IndexEntry[]; entry: IndexEntry; set: StoredSet }> {
    const entries = await readIndex();
    const entry = entries.find((e) => e.id === id);
    const set = entry ? await readSet(id) : null;
    if (!entry || !set) throw id === BUNDLED_SET_ID ? readOnly() : notFound(id);
    return { entries, entry, set };
  }

  const replace = (entries: IndexEntry[], entry: IndexEntry) => entries.map((e) => (e.id === entry.id ? entry : e));

  const store: ReferenceStore = {
    async list() {
      const entries = await readIndex();
      return [await bundledSummary(), ...entries.map((e) => ({ ...e, readOnly: false }))];
    },

    async create(title) {
      const clean = title.replace(/\s+/g, ' ').trim().slice(0, LIMITS.title);
      if (!clean) throw new ReferenceDataError('title', 'must not be empty');
      const entries = await readIndex();
      if (entries.length >= MAX_SETS) throw new ReferenceDataError('set', `at most ${MAX_SETS} reference sets`);
      const id = uniqueId(slugify(clean), [BUNDLED_SET_ID, ...entries.map((e) => e.id)]);
      const source: ReferenceSetFile = {
        format: SET_FILE_FORMAT,
        version: SET_FILE_VERSION,
        id,
        title: clean,
        enabled: true,
        furniture: [],
        entities: {},
        documents: [],
      };
      const entry: IndexEntry = { id, title: clean, enabled: true, documents: [] };
      await commit(id, { source, compiled: null }, [...entries, entry]);
      return { ...entry, readOnly: false };
    },

    async rename(id, title) {
      const clean = title.replace(/\s+/g, ' ').trim().slice(0, LIMITS.title);
      if (!clean) throw new ReferenceDataError('title', 'must not be empty');
      const { entries, entry, set } = await find(id);
      const compiled = set.compiled ? { ...set.compiled, story: { id, title: clean } } : null;
      await commit(id, { source: { ...set.source, title: clean }, compiled }, replace(entries, { ...entry, title: clean }));
    },

    async remove(id) {
      if (id === BUNDLED_SET_ID) throw readOnly();
      const entries = await readIndex();
      // the list first: a set no longer listed is gone for the reader even if removing its data fails
      await writeIndex(entries.filter((e) => e.id !== id));
      await storage.removeItem(setKey(id));
    },

    async setEnabled(id, enabled) {
      if (id === BUNDLED_SET_ID) {
        await storage.setItem(BUNDLED_ENABLED_KEY, enabled);
        return;
      }
      const entries = await readIndex();
      const entry = entries.find((e) => e.id === id);
      if (!entry) throw notFound(id);
      await writeIndex(replace(entries, { ...entry, enabled }));
    },

    async addDocument(setId, input) {
      const { entries, entry, set } = await find(setId);
      if (set.source.documents.length >= LIMITS.documents)
        throw new ReferenceDataError('documents', `a set holds at most ${LIMITS.documents} documents`);
      const taken = set.source.documents.map((d) => d.id);
      const doc: ReferenceDocument = {
        id: uniqueId(slugify(input.id || `${input.outlet} ${input.title}`, 'document'), taken),
        outlet: input.outlet.replace(/\s+/g, ' ').trim(),
        title: input.title.replace(/\s+/g, ' ').trim(),
        date: input.date.trim(),
        text: input.text,
        ...(input.url ? { url: input.url } : {}),
      };
      // the same checks as an import, then only the new document is compiled
      let checked: ReferenceDocument;
      let added: CompiledReferences;
      try {
        checked = parseSetFile(serializeSetFile({ ...set.source, documents: [doc] })).documents[0] as ReferenceDocument;
        added = compileReferences({ ...set.source, documents: [checked] }, (await bundled()).lexicon);
      } catch (e) {
        // name the document's field ("date"), not its place in a one-document file ("documents[0].date")
        if (e instanceof ReferenceDataError)
          throw new ReferenceDataError(e.field.replace(/^documents\[0\]\./, ''), e.message.replace(/^[^:]*: /, ''));
        throw e;
      }
      const source = { ...set.source, documents: [...set.source.documents, checked] };
      validateSource(source);
      const compiled: CompiledReferences = set.compiled
        ? { ...set.compiled, documents: [...set.compiled.documents, ...added.documents], claims: [...set.compiled.claims, ...added.claims] }
        : added;
      const stored = summaryOf(added, added.documents)[0] as StoredDocument;
      await commit(setId, { source, compiled }, replace(entries, { ...entry, documents: [...entry.documents, stored] }));
      return stored;
    },

    addArticle(setId, article) {
      return store.addDocument(setId, documentFromArticle(article, isoDay(now())));
    },

    async removeDocument(setId, docId) {
      const { entries, entry, set } = await find(setId);
      const documents = set.source.documents.filter((d) => d.id !== docId);
      const compiled =
        set.compiled && documents.length
          ? {
              ...set.compiled,
              documents: set.compiled.documents.filter((d) => d.id !== docId),
              claims: set.compiled.claims.filter((c) => c.doc !== docId),
            }
          : null;
      await commit(
        setId,
        { source: { ...set.source, documents }, compiled },
        replace(entries, { ...entry, documents: entry.documents.filter((d) => d.id !== docId) }),
      );
    },

    async exportSet(id) {
      const { entry, set } = await find(id);
      if (!set.source.documents.length) throw new ReferenceDataError('documents', 'the set has no documents to export');
      const text = serializeSetFile(set.source, entry.enabled);
      parseSetFile(text); // what is exported must import
      return { filename: `crosscheck-${id}.json`, text };
    },

    async importSet(text) {
      const file = parseSetFile(text); // throws, naming the field, before anything is written
      const { lexicon } = await bundled();
      const entries = await readIndex();
      if (entries.length >= MAX_SETS) throw new ReferenceDataError('set', `at most ${MAX_SETS} reference sets`);
      const id = uniqueId(file.id === BUNDLED_SET_ID ? 'imported' : file.id, [BUNDLED_SET_ID, ...entries.map((e) => e.id)]);
      const source: ReferenceSetFile = { ...file, id };
      const compiled = compileReferences(source, lexicon);
      const entry: IndexEntry = { id, title: file.title, enabled: file.enabled, documents: summaryOf(compiled, compiled.documents) };
      await commit(id, { source, compiled }, [...entries, entry]);
      return { ...entry, readOnly: false };
    },

    async enabledSets() {
      const out: CompiledReferences[] = [];
      if ((await storage.getItem<boolean>(BUNDLED_ENABLED_KEY)) !== false) out.push(await bundled());
      for (const entry of await readIndex()) {
        if (!entry.enabled) continue;
        const set = await readSet(entry.id);
        if (!set?.compiled) continue;
        try {
          out.push(validateCompiled(set.compiled));
        } catch (e) {
          console.warn(`Crosscheck: skipping damaged reference set "${entry.id}"`, e);
        }
      }
      return out;
    },
  };
  return store;
}

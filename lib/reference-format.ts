// The reference-set file: one versioned JSON format for a set of reference documents, shared by
// the bundled data (reference-data/bundled/ is the same set as a folder: set.json + one text file
// per document), the extension's export and import, and the command line's `--refs`.
//
//   { "format": "crosscheck-reference-set", "version": 1,
//     "id": "harbour-fire", "title": "Northport harbour fire", "enabled": true,
//     "furniture": [], "entities": { "northport": ["Northport"] },
//     "documents": [{ "id": "…", "outlet": "…", "title": "…", "date": "YYYY-MM-DD", "url": "…", "text": "…" }] }
//
// A set file carries the documents' text, never compiled claims: whoever loads it compiles it
// with its own lexicon (compileReferences), so a file cannot smuggle in claims the engine would
// trust. What the engine loads is the compiled form, CompiledReferences (version 1, references.ts).
//
// Files come from anywhere (a download, a colleague, an attacker): parseReferenceSetFile checks
// size, shape, types and lengths field by field and copies only known fields into fresh objects.
import type { AliasData } from './lexicon';
import { ReferenceDataError, type ReferenceDocument, type ReferenceSetSource, validateSource } from './references';
import type { Article } from './types';

export const SET_FILE_FORMAT = 'crosscheck-reference-set';
export const SET_FILE_VERSION = 1;

/** What a set file may hold. A file beyond these is refused before anything is parsed or saved. */
export const LIMITS = {
  /** Characters of the whole file (about 5 MB of mostly ASCII text). */
  fileChars: 5_000_000,
  documents: 2_000,
  /** Characters of one document's text. */
  documentChars: 200_000,
  /** Characters of an id, outlet or date. */
  shortField: 200,
  /** Characters of a set's or document's title. */
  title: 500,
  url: 2_048,
  entities: 500,
  namesPerEntity: 50,
  furniture: 50,
  /** Characters of one furniture pattern. */
  pattern: 100,
  /** Nesting of the JSON: a set file is four levels deep. */
  depth: 8,
} as const;

/** A set of the reader's (or the bundled one), as the extension lists it. */
export interface ReferenceSetMeta {
  id: string;
  title: string;
  /** Scans check only enabled sets. */
  enabled: boolean;
  /** The bundled set: it can be turned off, never changed or deleted. */
  readOnly: boolean;
}

/** The set file: a ReferenceSetSource with its format tag and version. */
export interface ReferenceSetFile extends ReferenceSetSource {
  format: typeof SET_FILE_FORMAT;
  version: typeof SET_FILE_VERSION;
  enabled: boolean;
}

/** Keys that would reach an object's prototype if the data were ever merged into one. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const fail = (field: string, message: string): never => {
  throw new ReferenceDataError(field, message);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Refuses prototype keys and absurd nesting anywhere in parsed JSON, naming where. */
function checkTree(value: unknown, path: string, depth: number): void {
  if (depth > LIMITS.depth) fail(path || '(root)', 'is nested too deeply');
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkTree(v, `${path}[${i}]`, depth + 1);
    });
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (HOSTILE_KEYS.has(key)) fail(here, 'is not allowed (a prototype key)');
      checkTree(value[key], here, depth + 1);
    }
  }
}

function str(value: unknown, field: string, max: number, opts: { optional?: boolean } = {}): string {
  if (value === undefined && opts.optional) return '';
  if (typeof value !== 'string') return fail(field, 'must be a string');
  if (value.length > max) return fail(field, `is too long (${value.length} characters, at most ${max})`);
  return value;
}

/**
 * A furniture pattern from a file must be a plain line pattern: no groups, repetition or
 * back-references, so no pattern can make matching slow (ReDoS).
 */
function safePattern(p: unknown, field: string): string {
  const s = str(p, field, LIMITS.pattern);
  if (/[()*+{}]|\\\d/.test(s) || (s.match(/\?/g)?.length ?? 0) > 3) fail(field, 'may use only literal text, ^, $, . and up to three ?');
  try {
    new RegExp(s);
  } catch {
    fail(field, 'is not a valid regular expression');
  }
  return s;
}

function readEntities(value: unknown): AliasData {
  if (value === undefined) return {};
  if (!isRecord(value)) return fail('entities', 'must map ids to lists of names');
  const keys = Object.keys(value);
  if (keys.length > LIMITS.entities) fail('entities', `has ${keys.length} entries, at most ${LIMITS.entities}`);
  const out: AliasData = Object.create(null);
  for (const id of keys) {
    const names = value[id];
    const f = `entities.${id}`;
    if (!Array.isArray(names)) fail(f, 'must be a list of names');
    const list = names as unknown[];
    if (list.length > LIMITS.namesPerEntity) fail(f, `has ${list.length} names, at most ${LIMITS.namesPerEntity}`);
    out[id] = list.map((n, i) => str(n, `${f}[${i}]`, LIMITS.shortField));
  }
  // a plain object again (validated ids only), so nothing downstream meets a null prototype
  return Object.fromEntries(Object.entries(out));
}

function readDocument(value: unknown, i: number): ReferenceDocument {
  const f = `documents[${i}]`;
  if (!isRecord(value)) return fail(f, 'must be an object');
  const doc: ReferenceDocument = {
    id: str(value.id, `${f}.id`, LIMITS.shortField),
    outlet: str(value.outlet, `${f}.outlet`, LIMITS.shortField),
    title: str(value.title, `${f}.title`, LIMITS.title, { optional: true }),
    date: str(value.date, `${f}.date`, LIMITS.shortField),
    text: str(value.text, `${f}.text`, LIMITS.documentChars),
  };
  if (value.url !== undefined && value.url !== null && value.url !== '') {
    const url = str(value.url, `${f}.url`, LIMITS.url);
    if (!/^https?:\/\//i.test(url) && !/^file:\/\//i.test(url)) fail(`${f}.url`, 'must be an http(s) or file address');
    doc.url = url;
  }
  return doc;
}

/**
 * Checks parsed JSON as a set file and returns a fresh copy holding only known fields; throws a
 * ReferenceDataError naming the first bad field. Also accepts a bundled-style set.json with its
 * documents inline (no `format`), so the one format covers both.
 */
export function validateSetFile(data: unknown): ReferenceSetFile {
  if (!isRecord(data)) return fail('(root)', 'is not an object');
  checkTree(data, '', 0);
  if (data.format !== undefined && data.format !== SET_FILE_FORMAT) fail('format', `must be "${SET_FILE_FORMAT}"`);
  if (data.version !== SET_FILE_VERSION)
    fail('version', `must be ${SET_FILE_VERSION} (this file is not a reference set this version reads)`);
  if (data.claims !== undefined) fail('claims', 'compiled claims are not accepted: a set file carries documents, compiled on import');
  if (!Array.isArray(data.documents)) fail('documents', 'must be a list of documents');
  const docs = data.documents as unknown[];
  if (docs.length > LIMITS.documents) fail('documents', `has ${docs.length} documents, at most ${LIMITS.documents}`);
  const furniture = data.furniture === undefined ? [] : data.furniture;
  if (!Array.isArray(furniture)) fail('furniture', 'must be a list of patterns');
  if ((furniture as unknown[]).length > LIMITS.furniture) fail('furniture', `has more than ${LIMITS.furniture} patterns`);
  if (data.enabled !== undefined && typeof data.enabled !== 'boolean') fail('enabled', 'must be true or false');
  const file: ReferenceSetFile = {
    format: SET_FILE_FORMAT,
    version: SET_FILE_VERSION,
    id: str(data.id, 'id', LIMITS.shortField),
    title: str(data.title, 'title', LIMITS.title),
    enabled: data.enabled !== false,
    furniture: (furniture as unknown[]).map((p, i) => safePattern(p, `furniture[${i}]`)),
    entities: readEntities(data.entities),
    documents: docs.map(readDocument),
  };
  validateSource(file);
  return file;
}

/** Reads a set file's text: size first, then JSON, then every field (see validateSetFile). */
export function parseSetFile(text: string): ReferenceSetFile {
  if (typeof text !== 'string') return fail('(file)', 'is not text');
  if (text.length > LIMITS.fileChars)
    fail('(file)', `is too large (${(text.length / 1e6).toFixed(1)} MB, at most ${LIMITS.fileChars / 1e6} MB)`);
  if (!text.trim()) fail('(file)', 'is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail('(file)', `is not valid JSON, perhaps truncated (${(e as Error).message})`);
  }
  return validateSetFile(data);
}

/** The set as a file to save or share (pretty-printed, stable key order). */
export function serializeSetFile(set: ReferenceSetSource, enabled = true): string {
  const file: ReferenceSetFile = {
    format: SET_FILE_FORMAT,
    version: SET_FILE_VERSION,
    id: set.id,
    title: set.title,
    enabled,
    furniture: set.furniture,
    entities: set.entities,
    documents: set.documents.map((d) => ({
      id: d.id,
      outlet: d.outlet,
      title: d.title,
      date: d.date,
      ...(d.url ? { url: d.url } : {}),
      text: d.text,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A lower-case slug for ids: letters and digits joined by hyphens, never empty. */
export function slugify(text: string, fallback = 'set'): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… — the first not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The host of an address without `www.`, or '' when it has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * A page extracted like any article, as a reference document: its outlet is the site's name or
 * host, its date the page's own (else `today`), its text the article's blocks, one per line.
 */
export function documentFromArticle(article: Article, today: string, taken: Iterable<string> = []): ReferenceDocument {
  const outlet = (article.siteName?.trim() || hostOf(article.url) || 'Unknown source').slice(0, LIMITS.shortField);
  const title = article.title.trim().slice(0, LIMITS.title);
  const doc: ReferenceDocument = {
    id: uniqueId(slugify(`${outlet} ${title}`, 'document'), taken),
    outlet,
    title,
    date: article.published && /^\d{4}-\d{2}-\d{2}$/.test(article.published) ? article.published : today,
    text: article.blocks
      .map((b) => b.text.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
      .slice(0, LIMITS.documentChars),
  };
  if (/^(https?|file):\/\//i.test(article.url) && article.url.length <= LIMITS.url) doc.url = article.url;
  return doc;
}

/** Today as YYYY-MM-DD (UTC), the date given to a document that states none. */
export function isoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// Stage 4, references: reference documents → reference claims, parsed by the same claims stage
// as the page, each keeping the sentence it came from. Compiled once (at build time for the
// bundled set) and validated wherever it is loaded.
import { parseClaim } from './claims';
import { type AliasData, compileLexicon, type Lexicon, type LexiconData } from './lexicon';
import { segment } from './segment';
import { responseOrder } from './sequence';
import type { Claim, ReferenceDocumentMeta } from './types';

export const FORMAT_VERSION = 1;

export interface ReferenceDocument extends ReferenceDocumentMeta {
  text: string;
}

export interface ReferenceSetSource {
  id: string;
  title: string;
  /** Regular expressions for lines that are page furniture (links to other stories, comment boxes). */
  furniture: string[];
  entities: AliasData;
  documents: ReferenceDocument[];
}

export interface ReferenceClaim {
  doc: string;
  /** The reference sentence, quoted as written. */
  sentence: string;
  claim: Claim;
}

export interface CompiledReferences {
  version: 1;
  story: { id: string; title: string };
  documents: ReferenceDocumentMeta[];
  claims: ReferenceClaim[];
  entities: AliasData;
  lexicon: LexiconData;
}

export class ReferenceDataError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const HEADER = /^(Title|Source|Date|URL|Id):\s*(.*)$/i;

/** Reads a plain-text document: optional `Title:`, `Source:`, `Date:`, `URL:`, `Id:` lines, a blank line, the text. */
export function parseReferenceText(raw: string, fallbackId: string): ReferenceDocument {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const head: Record<string, string> = {};
  let i = 0;
  while (i < lines.length) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    head[(m[1] ?? '').toLowerCase()] = (m[2] ?? '').trim();
    i++;
  }
  if (i > 0 && (lines[i] ?? '').trim() === '') i++;
  const doc: ReferenceDocument = {
    id: head.id || fallbackId,
    outlet: head.source ?? '',
    title: head.title ?? '',
    date: head.date ?? '',
    text: lines.slice(i).join('\n'),
  };
  if (head.url) doc.url = head.url;
  return doc;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Throws a ReferenceDataError naming the first bad field. */
export function validateSource(set: ReferenceSetSource): void {
  const need = (ok: boolean, field: string, msg: string) => {
    if (!ok) throw new ReferenceDataError(field, msg);
  };
  need(typeof set.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(set.id), 'id', 'must be a lower-case slug');
  need(typeof set.title === 'string' && set.title.trim().length > 0, 'title', 'must be a non-empty string');
  need(Array.isArray(set.furniture), 'furniture', 'must be a list of patterns');
  set.furniture.forEach((p, i) => {
    try {
      new RegExp(p);
    } catch {
      throw new ReferenceDataError(`furniture[${i}]`, 'is not a valid regular expression');
    }
  });
  need(!!set.entities && typeof set.entities === 'object' && !Array.isArray(set.entities), 'entities', 'must map ids to lists of names');
  for (const [id, names] of Object.entries(set.entities)) {
    need(/^[a-z0-9][a-z0-9-]*$/.test(id), `entities.${id}`, 'id must be a lower-case slug');
    need(
      Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string' && n.trim().length > 0),
      `entities.${id}`,
      'must be a non-empty list of names',
    );
  }
  need(Array.isArray(set.documents) && set.documents.length > 0, 'documents', 'must list at least one document');
  const ids = new Set<string>();
  set.documents.forEach((d, i) => {
    const f = `documents[${i}]`;
    need(!!d && typeof d === 'object', f, 'must be a document');
    need(typeof d.id === 'string' && d.id.length > 0, `${f}.id`, 'is missing');
    need(!ids.has(d.id), `${f}.id`, `repeats "${d.id}"`);
    ids.add(d.id);
    need(typeof d.outlet === 'string' && d.outlet.trim().length > 0, `${f}.outlet`, 'is missing (the Source: line)');
    need(
      // a real day: "2017-02-30" parses, but not back to itself
      typeof d.date === 'string' &&
        ISO_DAY.test(d.date) &&
        !Number.isNaN(Date.parse(d.date)) &&
        new Date(d.date).toISOString().slice(0, 10) === d.date,
      `${f}.date`,
      'must be a date written YYYY-MM-DD',
    );
    need(typeof d.text === 'string' && /\p{L}/u.test(d.text), `${f}.text`, 'is empty');
  });
}

export function compileReferences(set: ReferenceSetSource, lexiconData: LexiconData): CompiledReferences {
  validateSource(set);
  const lexicon = compileLexicon(lexiconData, set.entities);
  const furniture = set.furniture.map((p) => new RegExp(p));
  const claims: ReferenceClaim[] = [];
  for (const doc of set.documents) {
    const lines = doc.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !furniture.some((re) => re.test(l)));
    let prev: Claim | null = null;
    for (const s of segment(lines.map((text) => ({ kind: 'paragraph' as const, text })))) {
      const claim = withReportDay(
        parseClaim(resolveLeadingPronoun(s.text, prev, set.entities), { lexicon, published: doc.date }),
        doc.date,
      );
      // "In response, …" orders this sentence's event after the one before
      const order = prev ? responseOrder(s.text, prev.terms, claim.terms) : null;
      if (order) claim.sequences = [...(claim.sequences ?? []), order];
      // the quote stays as written; only the reading knows who "he" is
      claims.push({ doc: doc.id, sentence: s.text, claim: { ...claim, text: s.text } });
      prev = claim;
    }
  }
  return {
    version: FORMAT_VERSION,
    story: { id: set.id, title: set.title },
    documents: set.documents.map(({ text: _text, ...meta }) => meta),
    claims,
    entities: set.entities,
    lexicon: lexiconData,
  };
}

/**
 * "The leaders are scheduled to speak at 12:30pm ET": a report's clock time with no day is on the
 * report's own day, so "12:30 Washington time on Wednesday" is compared with that day too.
 */
export function withReportDay(claim: Claim, date: string): Claim {
  const clock = claim.times.find((t) => t.kind === 'clock');
  if (!clock || claim.times.some((t) => t.kind !== 'clock')) return claim;
  const start = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(start)) return claim;
  return {
    ...claim,
    times: [
      ...claim.times,
      { start, end: start + 86_400_000, kind: 'day', text: `${clock.text} on the report's day, ${longDay(start)}`, implied: true },
    ],
  };
}

const longDay = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * "He told the House Intelligence Committee: …" after a sentence about Mr Comey: a reference
 * sentence opening with "he" or "she" is read with the previous sentence's speaker, or the one it
 * named first, in its place.
 */
export function resolveLeadingPronoun(text: string, prev: Claim | null, entities: AliasData): string {
  const m = /^(He|She)\b/.exec(text);
  const who = prev ? (prev.speaker ?? prev.entities[0]) : undefined;
  const name = who ? entities[who]?.[0] : undefined;
  return m && name ? `${name}${text.slice(m[0].length)}` : text;
}

/** Checks a compiled set loaded from storage, a file or the bundle; throws naming the bad field. */
export function validateCompiled(data: unknown): CompiledReferences {
  const o = data as Partial<CompiledReferences> | null;
  if (!o || typeof o !== 'object') throw new ReferenceDataError('(root)', 'is not an object');
  if (o.version !== FORMAT_VERSION) throw new ReferenceDataError('version', `must be ${FORMAT_VERSION}`);
  if (!o.story || typeof o.story.id !== 'string' || typeof o.story.title !== 'string')
    throw new ReferenceDataError('story', 'needs an id and a title');
  if (!Array.isArray(o.documents)) throw new ReferenceDataError('documents', 'must be a list');
  if (!Array.isArray(o.claims)) throw new ReferenceDataError('claims', 'must be a list');
  const docIds = new Set(o.documents.map((d) => d?.id));
  o.claims.forEach((c, i) => {
    const cl = c?.claim;
    if (!c || typeof c.sentence !== 'string' || !cl || ![cl.terms, cl.entities, cl.figures, cl.times, cl.frames].every(Array.isArray))
      throw new ReferenceDataError(`claims[${i}]`, 'is malformed');
    if (!docIds.has(c.doc)) throw new ReferenceDataError(`claims[${i}].doc`, `names unknown document "${c.doc}"`);
  });
  if (!o.entities || typeof o.entities !== 'object') throw new ReferenceDataError('entities', 'must map ids to names');
  if (!o.lexicon || !Array.isArray(o.lexicon.synonyms)) throw new ReferenceDataError('lexicon', 'is missing');
  return o as CompiledReferences;
}

/** The lexicon a compiled set was built with, for parsing pages the same way. */
export function lexiconOf(refs: CompiledReferences): Lexicon {
  return compileLexicon(refs.lexicon, refs.entities);
}

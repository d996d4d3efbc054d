// File-system loading shared by the command line and the build script.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/extract';
import type { LexiconData } from '../lib/lexicon';
import { documentFromArticle, isoDay, LIMITS, parseSetFile, slugify, uniqueId } from '../lib/reference-format';
import {
  type CompiledReferences,
  compileReferences,
  parseReferenceText,
  ReferenceDataError,
  type ReferenceDocument,
  type ReferenceSetSource,
  validateCompiled,
} from '../lib/references';

const here = import.meta.dirname;
export const REFERENCE_DATA = join(here, '..', 'reference-data');

export function readLexicon(): LexiconData {
  return JSON.parse(readFileSync(join(REFERENCE_DATA, 'lexicon.json'), 'utf8')) as LexiconData;
}

/** A folder with set.json (id, title, furniture, entities) and one .txt/.md file per document. */
export function loadReferenceSet(dir: string): ReferenceSetSource {
  const setFile = join(dir, 'set.json');
  const set = JSON.parse(readFileSync(setFile, 'utf8')) as Omit<ReferenceSetSource, 'documents'>;
  const documents: ReferenceDocument[] = readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f)) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => parseReferenceText(readFileSync(join(dir, f), 'utf8'), basename(f, extname(f))));
  return { id: set.id, title: set.title, furniture: set.furniture ?? [], entities: set.entities ?? {}, documents };
}

const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

/** The day a file was last changed, for a document that states no date. */
const fileDay = (path: string) => isoDay(statSync(path).mtime);

/**
 * One document from a file: `.txt`/`.md` with optional `Title:`, `Source:`, `Date:`, `URL:` lines
 * and a blank line, or `.html` read like a page. A document that names no source is credited to
 * its file name, one without a date gets the file's date; `warn` hears about both.
 */
export function loadDocumentFile(path: string, taken: Iterable<string> = [], warn: (msg: string) => void = () => {}): ReferenceDocument {
  const ext = extname(path).toLowerCase();
  const name = basename(path, extname(path));
  const raw = readFileSync(path, 'utf8');
  if (raw.length > LIMITS.documentChars * 2)
    throw new ReferenceDataError(path, `is too large (at most ${LIMITS.documentChars * 2} characters)`);
  let doc: ReferenceDocument;
  if (ext === '.html' || ext === '.htm') {
    const { document } = parseHTML(raw);
    const article = extractArticle(document as unknown as Document, path);
    if (!article) throw new ReferenceDataError(path, 'has no article text');
    if (!article.published) warn(`${path}: no publication date in the page; using the file's date`);
    doc = documentFromArticle({ ...article, siteName: article.siteName || name }, fileDay(path), taken);
    doc.id = uniqueId(slugify(name, 'document'), taken);
  } else {
    doc = parseReferenceText(raw, uniqueId(slugify(name, 'document'), taken));
    if (!doc.outlet) {
      warn(`${path}: no Source: line; crediting the document to "${name}"`);
      doc.outlet = name;
    }
    if (!doc.date) {
      warn(`${path}: no Date: line; using the file's date`);
      doc.date = fileDay(path);
    }
    if (!doc.title) doc.title = name;
  }
  return doc;
}

/**
 * Reference sets from a `--refs` path, compiled with the lexicon: a folder of documents (one set;
 * with a set.json, read like the bundled set), an exported set file (.json), or one document.
 * User sets carry no entity aliases unless their set.json or set file gives some.
 */
export function loadRefsPath(path: string, lexicon: LexiconData, warn: (msg: string) => void = () => {}): CompiledReferences {
  const loaded = loadRefsSource(path, warn);
  return 'claims' in loaded ? loaded : compileReferences(loaded, lexicon);
}

/** What a `--refs` path holds, before compiling: a set's source, or an already compiled set. */
export function loadRefsSource(path: string, warn: (msg: string) => void = () => {}): ReferenceSetSource | CompiledReferences {
  const full = resolve(path);
  if (!existsSync(full)) throw new ReferenceDataError(path, 'does not exist');
  const stat = statSync(full);
  if (stat.isDirectory()) {
    if (existsSync(join(full, 'set.json'))) return loadReferenceSet(full);
    const files = readdirSync(full)
      .filter((f) => DOCUMENT_EXTENSIONS.includes(extname(f).toLowerCase()) && statSync(join(full, f)).isFile())
      .sort();
    if (!files.length) throw new ReferenceDataError(path, `holds no documents (${DOCUMENT_EXTENSIONS.join(', ')})`);
    const documents: ReferenceDocument[] = [];
    for (const f of files)
      documents.push(
        loadDocumentFile(
          join(full, f),
          documents.map((d) => d.id),
          warn,
        ),
      );
    const name = basename(full);
    return { id: slugify(name), title: name, furniture: [], entities: {}, documents };
  }
  if (extname(full).toLowerCase() === '.json') {
    const text = readFileSync(full, 'utf8');
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // parseSetFile says what is wrong with it
    }
    // a compiled set (reference-data/compiled/*.json) is loaded as it is; a set file is compiled here
    if (data && typeof data === 'object' && 'claims' in data) return validateCompiled(data);
    return parseSetFile(text);
  }
  const doc = loadDocumentFile(full, [], warn);
  return { id: slugify(doc.title || doc.id), title: doc.title || doc.id, furniture: [], entities: {}, documents: [doc] };
}

// File-system loading shared by the command line and the build script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { LexiconData } from '../lib/lexicon';
import { parseReferenceText, type ReferenceDocument, type ReferenceSetSource } from '../lib/references';

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

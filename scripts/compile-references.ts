// Compiles each reference set under reference-data/ into the JSON the extension and the
// command line load. Fails, naming the field, on malformed data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceSet, readLexicon } from '../cli/load';
import { compileReferences } from '../lib/references';

const root = join(import.meta.dirname, '..', 'reference-data');
const out = join(root, 'compiled');
mkdirSync(out, { recursive: true });
try {
  const compiled = compileReferences(loadReferenceSet(join(root, 'bundled')), readLexicon());
  writeFileSync(join(out, 'bundled.json'), JSON.stringify(compiled));
  console.log(
    `reference-data: ${compiled.documents.length} documents, ${compiled.claims.length} claims → reference-data/compiled/bundled.json`,
  );
} catch (e) {
  console.error(`reference-data is malformed: ${(e as Error).message}`);
  process.exit(1);
}

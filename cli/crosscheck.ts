// The command line: the same engine as the extension, on saved pages.
//   npm run --silent crosscheck -- [--json] [--strictness conservative|balanced] [--refs PATH]... FILE.html...
// With --refs (repeatable: a folder of documents, one document, or an exported set file) pages are
// checked against those references instead of the bundled set. --export FILE writes the --refs
// set(s) as one set file the extension's options page imports.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { crosscheckSets, extractArticle, prepare } from '../lib/index';
import { parseSetFile, serializeSetFile } from '../lib/reference-format';
import { type CompiledReferences, compileReferences, validateCompiled } from '../lib/references';
import type { Report, Strictness } from '../lib/types';
import { loadReferenceSet, loadRefsPath, loadRefsSource, REFERENCE_DATA, readLexicon } from './load';

const USAGE = 'usage: crosscheck [--json] [--strictness conservative|balanced] [--refs PATH]... FILE.html...';

function loadBundled(): CompiledReferences {
  const compiled = join(REFERENCE_DATA, 'compiled', 'bundled.json');
  if (existsSync(compiled)) return validateCompiled(JSON.parse(readFileSync(compiled, 'utf8')));
  return compileReferences(loadReferenceSet(join(REFERENCE_DATA, 'bundled')), readLexicon());
}

function emptyReport(input: string, notice: string, strictness: Strictness, refs: CompiledReferences[]): Report {
  return {
    input,
    title: '',
    published: null,
    lang: null,
    relevant: false,
    story: null,
    strictness,
    counts: { agree: 0, contradict: 0, disputed: 0, unverified: 0 },
    claims: [],
    references: refs.flatMap((r) => r.documents.map((d) => ({ ...d, set: r.story.id }))),
    notice,
  };
}

type Prepared = ReturnType<typeof prepare>;

export function checkFile(path: string, refs: Prepared | Prepared[], strictness: Strictness): Report {
  const sets = Array.isArray(refs) ? refs : [refs];
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (e) {
    return emptyReport(
      path,
      `unreadable: ${(e as Error).message}`,
      strictness,
      sets.map((s) => s.refs),
    );
  }
  let article: ReturnType<typeof extractArticle>;
  try {
    const { document } = parseHTML(html);
    article = extractArticle(document as unknown as Document, path);
  } catch {
    // a file the HTML parser itself cannot take is a page with no article, not a crash
    article = null;
  }
  if (!article)
    return emptyReport(
      path,
      'no-article',
      strictness,
      sets.map((s) => s.refs),
    );
  return crosscheckSets(article, sets, { strictness });
}

function summary(r: Report): string {
  const lines = [`${r.input}`, `  ${r.title || '(no title)'}${r.published ? ` — ${r.published}` : ''}`];
  if (r.notice === 'no-article') lines.push('  no article found on this page');
  else if (r.notice === 'not-english') lines.push('  not in English: nothing checked');
  else if (!r.relevant) lines.push('  not about a story the references cover: nothing flagged');
  else {
    lines.push(`  about: ${r.story}`);
    lines.push(
      `  ${r.counts.contradict} contradict, ${r.counts.disputed} disputed, ${r.counts.agree} agree, ${r.counts.unverified} unverified`,
    );
    const order = { contradict: 0, disputed: 1, agree: 2, unverified: 3 } as const;
    for (const c of [...r.claims].filter((c) => c.verdict !== 'unverified').sort((a, b) => order[a.verdict] - order[b.verdict])) {
      lines.push(`  [${c.verdict.toUpperCase()}] ${c.text}`);
      for (const e of c.evidence) {
        const where = r.stories && r.stories.length > 1 && e.setTitle ? ` [${e.setTitle}]` : '';
        lines.push(`      ${e.stance === 'agree' ? '+' : '-'} ${e.outlet}${where}: “${e.text}” (${e.reason})`);
      }
    }
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  let json = false;
  let strictness: Strictness = 'balanced';
  const files: string[] = [];
  const refPaths: string[] = [];
  let exportTo: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--refs' || a === '--export') {
      const v = argv[++i];
      if (!v) {
        console.error(`${a} needs a path\n${USAGE}`);
        return 2;
      }
      if (a === '--refs') refPaths.push(v);
      else exportTo = v;
    } else if (a === '--strictness') {
      const v = argv[++i];
      if (v !== 'balanced' && v !== 'conservative') {
        console.error(`--strictness must be conservative or balanced\n${USAGE}`);
        return 2;
      }
      strictness = v;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (exportTo !== null) return exportSets(refPaths, exportTo);
  if (!files.length) {
    console.error(USAGE);
    return 2;
  }
  let refs: Prepared[];
  try {
    refs = refPaths.length
      ? refPaths.map((p) => prepare(loadRefsPath(p, readLexicon(), (m) => console.error(`note: ${m}`))))
      : [prepare(loadBundled())];
  } catch (e) {
    console.error(`${refPaths.length ? 'references' : 'reference data'} are malformed: ${(e as Error).message}`);
    return 1;
  }
  for (const f of files) {
    const r = checkFile(f, refs, strictness);
    console.log(json ? JSON.stringify(r) : `${summary(r)}\n`);
  }
  return 0;
}

/** Writes the one set named by --refs as a set file (the format the options page imports). */
function exportSets(refPaths: string[], out: string): number {
  if (refPaths.length !== 1) {
    console.error('--export writes one set: give exactly one --refs PATH');
    return 2;
  }
  try {
    const source = loadRefsSource(refPaths[0] ?? '', (m) => console.error(`note: ${m}`));
    if ('claims' in source) throw new Error('a compiled set holds no document text to export');
    const set = parseSetFile(serializeSetFile(source)); // validated as an import would be
    writeFileSync(out, serializeSetFile(set));
    console.error(`wrote ${set.documents.length} documents of "${set.title}" to ${out}`);
    return 0;
  } catch (e) {
    console.error(`cannot export: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));

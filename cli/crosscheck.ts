// The command line: the same engine as the extension, on saved pages.
//   npm run --silent crosscheck -- [--json] [--strictness conservative|balanced] FILE.html...
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { crosscheck, extractArticle, prepare } from '../lib/index';
import { type CompiledReferences, compileReferences, validateCompiled } from '../lib/references';
import type { Report, Strictness } from '../lib/types';
import { loadReferenceSet, REFERENCE_DATA, readLexicon } from './load';

const USAGE = 'usage: crosscheck [--json] [--strictness conservative|balanced] FILE.html...';

function loadBundled(): CompiledReferences {
  const compiled = join(REFERENCE_DATA, 'compiled', 'bundled.json');
  if (existsSync(compiled)) return validateCompiled(JSON.parse(readFileSync(compiled, 'utf8')));
  return compileReferences(loadReferenceSet(join(REFERENCE_DATA, 'bundled')), readLexicon());
}

function emptyReport(input: string, notice: string, strictness: Strictness, refs: CompiledReferences): Report {
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
    references: refs.documents,
    notice,
  };
}

export function checkFile(path: string, refs: ReturnType<typeof prepare>, strictness: Strictness): Report {
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (e) {
    return emptyReport(path, `unreadable: ${(e as Error).message}`, strictness, refs.refs);
  }
  const { document } = parseHTML(html);
  const article = extractArticle(document as unknown as Document, path);
  if (!article) return emptyReport(path, 'no-article', strictness, refs.refs);
  return crosscheck(article, refs, { strictness });
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
      for (const e of c.evidence) lines.push(`      ${e.stance === 'agree' ? '+' : '-'} ${e.outlet}: “${e.text}” (${e.reason})`);
    }
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  let json = false;
  let strictness: Strictness = 'balanced';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--strictness') {
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
  if (!files.length) {
    console.error(USAGE);
    return 2;
  }
  let refs: ReturnType<typeof prepare>;
  try {
    refs = prepare(loadBundled());
  } catch (e) {
    console.error(`reference data is malformed: ${(e as Error).message}`);
    return 1;
  }
  for (const f of files) {
    const r = checkFile(f, refs, strictness);
    console.log(json ? JSON.stringify(r) : `${summary(r)}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

// Benchmark of the engine: per-stage time and memory on generated pages, reference-set scaling,
// compromise as a yardstick, and built file sizes.
//   npm run bench            (200,000-word page: cheap stages only, unless the full engine is fast enough)
//   npm run bench -- --large (200,000-word page through every stage)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { parseHTML } from 'linkedom';
import { loadReferenceSet, REFERENCE_DATA, readLexicon } from '../cli/load';
import { parseClaim } from '../lib/claims';
import { crosscheck, extractArticle, type PreparedReferences, prepare } from '../lib/index';
import { judge } from '../lib/judge';
import { candidates } from '../lib/match';
import { type CompiledReferences, compileReferences, type ReferenceSetSource } from '../lib/references';
import { segment } from '../lib/segment';
import type { Article, Block, Claim } from '../lib/types';

const here = import.meta.dirname;
const LARGE = process.argv.includes('--large');
const FULL_BUDGET_MS = 60_000;
/** Past this much wall time the 10,000-document run (≈ 50 s) is skipped, to stay under 5 minutes. */
const WALL_BUDGET_MS = 170_000;

// ---------- generated text ----------

const RELEVANT = [
  'Donald Trump and Vladimir Putin spoke by telephone on Tuesday about the war in Syria.',
  'It was their first conversation since the American president ordered {59} cruise missiles fired at a Syrian airbase.',
  'The strike followed a chemical attack on Khan Sheikhoun that killed more than {80} people, many of them children.',
  'The two leaders discussed a ceasefire and safe zones for civilians, according to the White House.',
  'Mr Putin called the missile strike a violation of international law.',
  'Washington says relations with Moscow have reached a low point.',
  'The Kremlin said the call between Mr Trump and Mr Putin was businesslike and constructive.',
  'The US fired {59} Tomahawk missiles at the Shayrat base near Homs on {7} April.',
  'Russia continues to back President Bashar al-Assad, the Syrian leader.',
  'It was the {third} time the two presidents had spoken since Mr Trump took office in January.',
  'Tests in Britain showed that sarin gas was used in the attack, which left more than {80} dead.',
  'The Russian president had earlier blamed rebel forces for the chemical weapons.',
];
const UNRELATED = [
  'The home side won the match {3}-1 after a late goal in the second half.',
  'Heavy rain is expected across the north on Thursday, with temperatures falling to {9} degrees.',
  'The striker has now scored {21} goals in all competitions this season.',
  'Forecasters say the weekend will be dry and bright in most places.',
  'The club said the coach would remain in charge until the end of the season.',
  'Gusts of up to {60} miles per hour could bring down trees in coastal areas.',
  'Fans queued for hours outside the stadium to buy tickets for the final.',
  'A sunny spell on Sunday will give way to showers by the evening.',
  'The tennis champion reached the semi-finals without dropping a set.',
  'Snow is possible on high ground in Scotland later in the week.',
];
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/** Fills {n} slots: the base figure most of the time, a nearby one sometimes. */
function vary(template: string, i: number): string {
  return template.replace(/\{(\w+)\}/g, (_, v: string) => {
    if (ORDINAL.includes(v)) return i % 5 === 0 ? (ORDINAL[(ORDINAL.indexOf(v) + 1) % 5] ?? v) : v;
    const n = Number(v);
    return String(i % 4 === 0 ? n + (i % 3) + 1 : n);
  });
}

function sentences(words: number): string[] {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    // two relevant sentences for every unrelated one
    const pool = i % 3 === 2 ? UNRELATED : RELEVANT;
    const s = vary(pool[Math.floor(i / 3 + i * 7) % pool.length] ?? '', Math.floor(i / 3));
    out.push(s);
    count += s.split(' ').length;
  }
  return out;
}

function makeArticle(words: number): { article: Article; html: string; text: string } {
  const ss = sentences(words);
  const blocks: Block[] = [];
  for (let i = 0; i < ss.length; i += 5) blocks.push({ kind: 'paragraph', text: ss.slice(i, i + 5).join(' ') });
  const title = 'Trump and Putin discuss Syria in first call since missile strike';
  const article: Article = {
    url: 'https://example.com/news/trump-putin',
    title,
    published: '2017-05-02',
    lang: 'en',
    siteName: null,
    blocks,
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="article:published_time" content="2017-05-02T10:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${esc(title)}</h1>
${blocks.map((b) => `<p>${esc(b.text)}</p>`).join('\n')}
</article></main><footer>© Example News</footer></body></html>`;
  return { article, html, text: blocks.map((b) => b.text).join('\n\n') };
}

// ---------- measurement ----------

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Median time of `runs` runs after `warm` warm-up runs; returns the last result too. */
function time<T>(fn: () => T, runs = 3, warm = 1): { ms: number; value: T } {
  let value = undefined as T;
  for (let i = 0; i < warm; i++) value = fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    ts.push(performance.now() - t0);
  }
  sample();
  return { ms: median(ts), value };
}

const fmt = (ms: number | null) => (ms === null ? '—' : ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0));
const mb = (b: number) => (b / 2 ** 20).toFixed(1);
const kb = (b: number) => (b / 1024).toFixed(1);

// ---------- reference sets ----------

function bundledSource(): ReferenceSetSource {
  return loadReferenceSet(join(REFERENCE_DATA, 'bundled'));
}

const OUTLETS = ['Daily Ledger', 'Evening Post', 'World Wire', 'The Courier', 'Metro Times', 'Global Herald'];
const PLACES = ['Homs', 'Idlib', 'Hama', 'Aleppo', 'Damascus'];

/** n documents made from the bundled ones with numbers, dates of month and place names changed. */
function syntheticSource(base: ReferenceSetSource, n: number): ReferenceSetSource {
  const documents = [];
  for (let i = 0; i < n; i++) {
    const d = base.documents[i % base.documents.length];
    if (!d) throw new Error('no bundled documents');
    const k = Math.floor(i / base.documents.length);
    const text = d.text
      .replace(/\b\d+\b/g, (m) => String(k % 3 === 0 ? Number(m) : Number(m) + (k % 7)))
      .replace(/\bHoms\b/g, PLACES[k % PLACES.length] ?? 'Homs');
    documents.push({ ...d, id: `syn_${i}`, outlet: `${OUTLETS[i % OUTLETS.length]} ${k}`, text });
  }
  return { ...base, documents };
}

/** Copies of the compiled claims under new document ids until there are `n` documents. */
function replicate(c: CompiledReferences, n: number): CompiledReferences {
  const per = c.documents.length;
  const documents: CompiledReferences['documents'] = [];
  const claims: CompiledReferences['claims'] = [];
  for (let r = 0; documents.length < n; r++) {
    for (const d of c.documents) {
      if (documents.length >= n) break;
      const id = `${d.id}_r${r}`;
      documents.push({ ...d, id });
    }
  }
  const byDoc = new Map<string, typeof c.claims>();
  for (const cl of c.claims) byDoc.set(cl.doc, [...(byDoc.get(cl.doc) ?? []), cl]);
  documents.forEach((d, i) => {
    const orig = c.documents[i % per];
    for (const cl of byDoc.get(orig?.id ?? '') ?? []) claims.push({ ...cl, doc: d.id });
  });
  return { ...c, documents, claims };
}

// ---------- stages ----------

interface StageRow {
  words: number;
  sentences: number;
  extract: number | null;
  segment: number | null;
  claims: number | null;
  match: number | null;
  judge: number | null;
  total: number | null;
  runs: number;
  relevant: string;
  peakRss: number;
  peakHeap: number;
  note: string;
}

function runStages(words: number, prepared: PreparedReferences, full: boolean, runs: number, warm: number): StageRow {
  peakRss = 0;
  peakHeap = 0;
  const { article, html } = makeArticle(words);
  sample();
  const { document } = parseHTML(html);
  const ex = time(() => extractArticle(document as unknown as Document, article.url), runs, warm);
  if (!ex.value) throw new Error(`extract found no article at ${words} words`);
  const seg = time(() => segment(article.blocks), runs, warm);
  const ss = seg.value;
  const row: StageRow = {
    words,
    sentences: ss.length,
    extract: ex.ms,
    segment: seg.ms,
    claims: null,
    match: null,
    judge: null,
    total: null,
    runs,
    relevant: '—',
    peakRss: 0,
    peakHeap: 0,
    note: full ? '' : 'cheap stages only',
  };
  if (full) {
    const ctx = { lexicon: prepared.lexicon, published: article.published };
    const cl = time(() => ss.map((s) => parseClaim(s.text, ctx)), runs, warm);
    const claims: Claim[] = cl.value;
    const ma = time(() => claims.map((c) => candidates(c, prepared.index)), runs, warm);
    const cands = ma.value;
    const ju = time(
      () => claims.map((c, i) => judge(c, cands[i] ?? [], prepared.index, prepared.docs, prepared.lexicon, 'balanced')),
      runs,
      warm,
    );
    const tot = time(() => crosscheck(article, prepared), runs, warm);
    row.claims = cl.ms;
    row.match = ma.ms;
    row.judge = ju.ms;
    row.total = tot.ms;
    const r = tot.value;
    row.relevant = r.relevant ? `yes (${r.counts.agree}/${r.counts.contradict}/${r.counts.disputed}/${r.counts.unverified})` : 'no';
  }
  row.peakRss = peakRss;
  row.peakHeap = peakHeap;
  return row;
}

// ---------- file sizes ----------

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// ---------- main ----------

function main(): void {
  const started = performance.now();
  const lexicon = readLexicon();
  const bundled = bundledSource();
  const bundledCompiled = compileReferences(bundled, lexicon);
  const prepared = prepare(bundledCompiled);
  const out: string[] = [];
  const log = (s = '') => {
    out.push(s);
    console.log(s);
  };

  log('# Crosscheck benchmark');
  log();
  log(`- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${mb(os.totalmem())} MiB RAM`);
  log(`- Node ${process.version} on ${os.platform()} ${os.release()} (${os.arch()})`);
  log(`- Date: ${new Date().toISOString()}`);
  log(`- Mode: ${LARGE ? '--large (200,000 words through every stage)' : 'default'}`);
  log();

  // --- per-stage times ---
  const rows: StageRow[] = [];
  const r2k = runStages(2_000, prepared, true, 3, 1);
  rows.push(r2k);
  const r20k = runStages(20_000, prepared, true, 1, 1);
  rows.push(r20k);
  // extrapolate from 20k (×10) and 2k (×100); take the larger
  const growth = Math.max(1, (r20k.total ?? 0) / Math.max(1e-6, 10 * (r2k.total ?? 0)));
  const est200k = (r20k.total ?? 0) * 10 * growth;
  const full200k = LARGE || est200k * 2 < FULL_BUDGET_MS; // warm-up + 1 run + stage runs ≈ 2× total
  const r200k = runStages(200_000, prepared, full200k, 1, 0);
  if (!full200k) r200k.note = `cheap stages only (full engine est. ${(est200k / 1000).toFixed(0)} s/run; use --large)`;
  rows.push(r200k);

  log('## Per-stage time (ms, median) — bundled reference set (2 documents)');
  log();
  log(
    '| words | sentences | extract | segment | claims | match | judge | crosscheck() total | runs | relevant (agree/contra/disp/unver) | peak RSS MiB | peak heap MiB | note |',
  );
  log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|');
  for (const r of rows)
    log(
      `| ${r.words.toLocaleString('en')} | ${r.sentences} | ${fmt(r.extract)} | ${fmt(r.segment)} | ${fmt(r.claims)} | ${fmt(r.match)} | ${fmt(r.judge)} | ${fmt(r.total)} | ${r.runs} | ${r.relevant} | ${mb(r.peakRss)} | ${mb(r.peakHeap)} | ${r.note} |`,
    );
  log();
  log('crosscheck() total covers segment → claims → match → judge → report (not extract). Stage columns time each stage on its own.');
  log();

  // --- yardstick ---
  const { text } = makeArticle(2_000);
  const cmp = time(() => nlp(text), 3, 1);
  const engine2k = (r2k.extract ?? 0) + (r2k.total ?? 0);
  log('## Yardstick: compromise `nlp(text)` on the 2,000-word text');
  log();
  log('| compromise nlp(text) ms | engine crosscheck() ms | ratio engine/compromise | engine extract+crosscheck ms | ratio |');
  log('|---:|---:|---:|---:|---:|');
  log(
    `| ${fmt(cmp.ms)} | ${fmt(r2k.total)} | ${((r2k.total ?? 0) / cmp.ms).toFixed(2)}× | ${fmt(engine2k)} | ${(engine2k / cmp.ms).toFixed(2)}× |`,
  );
  log();

  // --- reference-set scaling ---
  const article2k = makeArticle(2_000).article;
  const setRows: string[] = [];
  const scale = (label: string, compiled: CompiledReferences, compileMs: number | null, how: string) => {
    const prep = time(() => prepare(compiled), 1, 0);
    const big = compiled.documents.length > 1000;
    const runs = compiled.documents.length >= 1000 ? 1 : 3;
    // the match stage alone (candidates for every sentence), skipped for the biggest set to keep the run short
    const ctx = { lexicon: prep.value.lexicon, published: article2k.published };
    const claims = segment(article2k.blocks).map((s) => parseClaim(s.text, ctx));
    const ma = big ? null : time(() => claims.map((c) => candidates(c, prep.value.index)), 1, 1);
    const cc = time(() => crosscheck(article2k, prep.value), runs, big ? 0 : 1);
    setRows.push(
      `| ${label} | ${compiled.claims.length.toLocaleString('en')} | ${fmt(compileMs)} | ${how} | ${fmt(prep.ms)} | ${fmt(ma?.ms ?? null)} | ${fmt(cc.ms)} | ${runs}${big ? ' (no warm-up)' : ''} | ${cc.value.relevant ? 'yes' : 'no'} | ${mb(process.memoryUsage().rss)} |`,
    );
  };
  const c2 = time(() => compileReferences(bundled, lexicon), 3, 1);
  scale('2 (bundled)', c2.value, c2.ms, 'compiled');
  const src1k = syntheticSource(bundled, 1_000);
  const c1k = time(() => compileReferences(src1k, lexicon), 1, 0);
  scale('1,000', c1k.value, c1k.ms, 'compiled');
  const est10k = c1k.ms * 10;
  const elapsed = () => performance.now() - started;
  if (!LARGE && elapsed() > WALL_BUDGET_MS) {
    setRows.push(
      `| 10,000 | — | — | skipped: benchmark already at ${(elapsed() / 1000).toFixed(0)} s (use --large) | — | — | — | — | — | — |`,
    );
  } else if (LARGE || est10k < 45_000) {
    const c10k = time(() => compileReferences(syntheticSource(bundled, 10_000), lexicon), 1, 0);
    scale('10,000', c10k.value, c10k.ms, 'compiled');
  } else {
    scale('10,000', replicate(c1k.value, 10_000), null, `1,000 compiled ×10 (compile est. ${(est10k / 1000).toFixed(0)} s)`);
  }
  log('## Reference-set size: crosscheck() on the 2,000-word article');
  log();
  log(
    '| documents | reference claims | compile ms | how built | prepare() ms | match stage ms | crosscheck() ms | runs | relevant | RSS MiB after |',
  );
  log('|---|---:|---:|---|---:|---:|---:|---|---|---:|');
  for (const r of setRows) log(r);
  log();

  // --- built sizes ---
  const outDir = join(here, '..', '.output', 'chrome-mv3');
  log('## Built files (.output/chrome-mv3)');
  log();
  if (existsSync(outDir)) {
    log('| file | raw KiB | gzip KiB |');
    log('|---|---:|---:|');
    let raw = 0;
    let gz = 0;
    for (const f of walk(outDir).sort()) {
      const buf = readFileSync(f);
      const g = gzipSync(buf).length;
      raw += buf.length;
      gz += g;
      log(`| ${relative(outDir, f)} | ${kb(buf.length)} | ${kb(g)} |`);
    }
    log(`| **total** | **${kb(raw)}** | **${kb(gz)}** |`);
  } else log('No build found (run `npm run build`).');
  log();
  log(`Benchmark wall time: ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  writeFileSync(join(here, 'RESULTS.md'), `${out.join('\n')}\n`);
}

main();

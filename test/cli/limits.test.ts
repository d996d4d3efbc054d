// Limits through the command line (the same engine as the extension, on saved pages): a page of
// 200,000 words, a page with no article, pages in other languages, a frameset, pages with odd
// encodings or nothing at all. Each gives a report or a clear notice, and the process exits 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@/lib/types';
import { REPO_ROOT } from '../helpers/engine';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function page(name: string, html: string): string {
  const path = join(dir, name);
  writeFileSync(path, html);
  return path;
}

/** Runs `crosscheck --json FILE...`: the reports, one per file, and how long it took. */
function cli(files: string[], timeoutMs = 120_000): { reports: Report[]; status: number | null; stderr: string; ms: number } {
  const start = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'cli', 'crosscheck.ts'), '--json', ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
  });
  const reports = (run.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Report);
  return { reports, status: run.status, stderr: run.stderr ?? '', ms: Date.now() - start };
}

const STORY = [
  'Donald Trump and Vladimir Putin will speak by phone later today about the war in Syria.',
  'The US fired 39 cruise missiles at the Shayrat air base, southeast of Homs, three days later.',
  'Officials in district {i} said the weather was mild and the market opened as usual.',
  'Residents of street {i} told reporters that the buses had been running late all week.',
  'The council met on Tuesday to discuss the budget for the {i}th year in a row.',
];

const FRENCH = `<!doctype html><html lang="fr"><head><title>Trump et Poutine</title></head><body><article><h1>Trump et Poutine discutent de la Syrie</h1>
${'<p>Donald Trump et Vladimir Poutine se sont entretenus par téléphone mardi au sujet de la guerre en Syrie, a indiqué la Maison Blanche dans un communiqué publié dans la soirée.</p>'.repeat(6)}
</article></body></html>`;

const GERMAN_NO_LANG = `<!doctype html><html><head><title>Trump und Putin</title></head><body><article><h1>Trump und Putin sprechen über Syrien</h1>
${'<p>Donald Trump und Wladimir Putin haben am Dienstag miteinander telefoniert, um über den Krieg in Syrien zu sprechen, teilte das Weiße Haus am Abend in einer Erklärung mit.</p>'.repeat(6)}
</article></body></html>`;

describe('limits through the command line', () => {
  it('a page of 200,000 words gives a full report', { timeout: 300_000 }, () => {
    const paragraphs: string[] = [];
    let words = 0;
    for (let i = 0; words < 200_000; i++) {
      const text = Array.from({ length: 5 }, (_, k) => (STORY[(i * 7 + k * 3) % STORY.length] ?? '').replace('{i}', String(i))).join(' ');
      words += text.split(' ').length;
      paragraphs.push(`<p>${text}</p>`);
    }
    const file = page(
      'huge.html',
      `<!doctype html><html lang="en"><head><title>Huge</title><meta property="article:published_time" content="2017-05-02"></head><body><article><h1>Trump and Putin to discuss Syria</h1>${paragraphs.join('')}</article></body></html>`,
    );
    const { reports, status, stderr, ms } = cli([file], 240_000);
    console.info(`[limits] 200,000-word page: ${ms} ms through the CLI (${paragraphs.length} paragraphs)`);
    expect(status, stderr).toBe(0);
    const [report] = reports;
    expect(report?.notice).toBeNull();
    expect(report?.relevant).toBe(true);
    expect(report?.claims.length).toBeGreaterThan(10_000);
    expect(report?.counts.contradict).toBeGreaterThan(0);
  });

  const CASES: [string, string, (r: Report) => void][] = [
    [
      'no article (a log-in page)',
      '<!doctype html><html lang="en"><body><nav><a href="/">Home</a></nav><form><input name="u"><button>Log in</button></form></body></html>',
      (r) => expect(r.notice).toBe('no-article'),
    ],
    ['a French page (lang="fr")', FRENCH, (r) => expect(r.notice).toBe('not-english')],
    [
      'a frameset',
      '<!doctype html><html lang="en"><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"><noframes><p>Your browser does not support frames.</p></noframes></frameset></html>',
      (r) => expect(r.notice === 'no-article' || r.claims.length >= 0).toBe(true),
    ],
    [
      'a page with only an image and a script',
      '<!doctype html><html lang="en"><body><img src="x.png" alt="A photo"><script>document.write("<p>hello</p>")</script></body></html>',
      (r) => expect(r.notice).toBe('no-article'),
    ],
  ];

  /** One run of the CLI for all the small pages, shared by the table's tests. */
  let smallRun: ReturnType<typeof cli> | undefined;

  it.each(CASES.map(([name], i) => [name, i] as const))('%s: a report or a notice, no crash', (_name, index) => {
    // all the small pages go through one process, as `crosscheck a.html b.html …` would
    const files = CASES.map(([, html], i) => page(`case-${i}.html`, html));
    smallRun ??= cli(files);
    const result = smallRun;
    expect(result.status, result.stderr).toBe(0);
    expect(result.reports).toHaveLength(CASES.length);
    const report = result.reports[index];
    if (!report) throw new Error('no report');
    CASES[index]?.[2](report);
  });

  // notEnglish() counts words common in English and rare elsewhere: German "in" and "was" no longer count
  it('a German page without a lang attribute: not-english', () => {
    const { reports } = cli([page('german.html', GERMAN_NO_LANG)]);
    expect(reports[0]?.notice).toBe('not-english');
  });

  // a file with no <html> element (empty, plain text, binary junk) has no article: a notice, not a crash
  it.each([
    ['an empty file', ''],
    ['plain text', 'Putin and Trump spoke by phone.'],
    ['binary junk', String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65_536))],
  ])('%s: a notice, no crash', (name, html) => {
    const { status, stderr, reports } = cli([page(`${name.replace(/\W+/g, '-')}.html`, html)]);
    expect(status, stderr.slice(0, 500)).toBe(0);
    expect(reports[0]?.notice).toBe('no-article');
  });

  // a page nested 20,000 deep is read flat (no Readability, no recursion): a notice or a report, no crash
  it('a page nested 20,000 deep: a notice, no crash', { timeout: 120_000 }, () => {
    const p = '<p>Putin condemned the US strike that killed 59 people on Tuesday, officials said in a statement.</p>';
    const file = page('deep.html', `<html lang="en"><body>${'<div>'.repeat(20_000)}${p.repeat(5)}${'</div>'.repeat(20_000)}</body></html>`);
    const { status, stderr } = cli([file], 100_000);
    expect(status, stderr.slice(0, 500)).toBe(0);
  });
});

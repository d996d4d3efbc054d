// The command line as the evaluation runs it: a child process, one JSON report per line.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@/lib/types';
import { must, REPO_ROOT } from '../helpers/engine';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx cli/crosscheck.ts ARGS` from the repository root (the local tsx, as `npx tsx` would find it). */
function run(...args: string[]): Promise<Run> {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  return new Promise((done) => {
    execFile(
      tsx,
      ['cli/crosscheck.ts', ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === 'number' ? err.code : err ? null : 0;
        done({ status: code, stdout, stderr });
      },
    );
  });
}

const PAGES = [
  { file: 'test/eval/01-wire-aliases.html', relevant: true },
  { file: 'test/eval/06-offtopic-hockey.html', relevant: false },
];
const MISSING = 'test/eval/no-such-page.html';
const BAD_ARGS: [string[], RegExp][] = [
  [['--strictness', 'bogus', 'test/eval/01-wire-aliases.html'], /--strictness/],
  [[], /usage/],
];

// the processes start together: most of their time is start-up
let runs: Promise<Run[]> | null = null;
const allRuns = () => {
  runs ??= Promise.all([run('--json', ...PAGES.map((p) => p.file), MISSING), ...BAD_ARGS.map(([args]) => run(...args))]);
  return runs;
};

describe('crosscheck --json FILE...', () => {
  let status: number | null = null;
  let lines: string[] = [];
  let reports: Report[] = [];

  beforeAll(async () => {
    const r = must((await allRuns())[0]);
    status = r.status;
    lines = r.stdout.split('\n').filter((l) => l.trim());
    reports = lines.map((l) => JSON.parse(l) as Report);
  }, 60_000);

  it('exits 0 and prints one JSON line per file, in argument order', () => {
    expect(status).toBe(0);
    expect(lines).toHaveLength(PAGES.length + 1);
    expect(reports.map((r) => r.input)).toEqual([...PAGES.map((p) => p.file), MISSING]);
  });

  it.each(PAGES.map((p, i) => [p.file, p.relevant, i] as const))('%s: relevant is %s, as labelled', (file, relevant, i) => {
    const report = must(reports[i]);
    const labels = JSON.parse(readFileSync(join(REPO_ROOT, file.replace(/\.html$/, '.labels.json')), 'utf8')) as { relevant: boolean };
    expect(report.relevant).toBe(relevant);
    expect(report.relevant).toBe(labels.relevant);
  });

  it.each(PAGES.map((p, i) => [p.file, i] as const))('%s: has the fields the scorer reads', (_file, i) => {
    const report = must(reports[i]);
    expect(typeof report.relevant).toBe('boolean');
    expect(report.claims.length).toBeGreaterThan(0);
    for (const c of report.claims) {
      expect(typeof c.text).toBe('string');
      expect(c.text.trim()).not.toBe('');
      expect(['agree', 'contradict', 'disputed', 'unverified']).toContain(c.verdict);
      expect(Array.isArray(c.evidence)).toBe(true);
      for (const e of c.evidence) {
        expect(typeof e.source).toBe('string');
        expect(typeof e.text).toBe('string');
        expect(['agree', 'contradict']).toContain(e.stance);
        expect(typeof e.reason).toBe('string');
      }
    }
  });

  it('cites reference sentences as evidence on the relevant page', () => {
    const report = must(reports[0]);
    const cited = report.claims.flatMap((c) => c.evidence);
    expect(cited.length).toBeGreaterThan(0);
    const ids = new Set(report.references.map((d) => d.id));
    for (const e of cited) expect(ids).toContain(e.source);
    // the headline is a claim like any other sentence
    expect(report.claims[0]?.text).toBe('Trump, Putin to discuss Syria in first call since U.S. missile strike');
  });

  it('flags nothing on the off-topic page', () => {
    const report = must(reports[1]);
    expect(report.claims.every((c) => c.verdict === 'unverified')).toBe(true);
  });

  it('reports a missing file with a notice instead of crashing', () => {
    const report = must(reports[2]);
    expect(report).toMatchObject({ input: MISSING, relevant: false, claims: [] });
    expect(report.notice).toMatch(/^unreadable/);
  });
});

describe('crosscheck with bad arguments', () => {
  it.each(BAD_ARGS.map(([args, message], i) => [args, message, i + 1] as const))(
    '%j exits 2 with a message and no report',
    async (_args, message, i) => {
      const r = must((await allRuns())[i]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout.trim()).toBe('');
    },
    60_000,
  );
});

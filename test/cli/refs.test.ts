// `crosscheck --refs PATH`: pages checked against the reader's own references instead of the bundled set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSetFile } from '@/lib/reference-format';
import type { Report } from '@/lib/types';
import { must, REPO_ROOT } from '../helpers/engine';

function run(...args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'tsx', 'cli/crosscheck.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FOLDER = 'test/fixtures/refs/harbour-fire';
const PAGE = 'test/fixtures/harbour-fire-contradicting.html';
const SYRIA = 'test/fixtures/contradicting-report.html';
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-refs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const reports = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Report);

describe('crosscheck --refs FOLDER', { timeout: 120_000 }, () => {
  it('checks a page against a folder of .txt, .md and .html documents, citing them', () => {
    const r = run('--json', '--refs', FOLDER, PAGE, SYRIA);
    expect(r.status).toBe(0);
    const [fire, syria] = reports(r.stdout);
    expect(fire?.relevant).toBe(true);
    const injured = must(fire?.claims.find((c) => c.text.startsWith('Thirty people')));
    expect(injured.verdict).toBe('contradict');
    expect(injured.evidence.map((e) => e.outlet).sort()).toEqual(['Coastal Radio', 'Harbour Gazette', 'Northport Evening Post']);
    expect(injured.evidence.every((e) => e.source && e.text && e.stance === 'contradict' && e.reason)).toBe(true);
    const firefighters = must(fire?.claims.find((c) => c.text.startsWith('About 200 firefighters')));
    expect(firefighters.verdict).toBe('contradict');
    expect(fire?.claims.find((c) => c.text.startsWith('Ferry services'))?.verdict).toBe('agree');
    // instead of the bundled set: the Syria page is about none of these references
    expect(syria?.relevant).toBe(false);
  });

  it('prints a readable summary naming the sources', () => {
    const r = run('--refs', FOLDER, PAGE);
    expect(r.stdout).toContain('[CONTRADICT] Thirty people were injured');
    expect(r.stdout).toMatch(/- Harbour Gazette: “Twelve people were injured/);
  });

  it('takes --refs more than once, and one document as a set', () => {
    const r = run('--json', '--refs', 'reference-data/bundled', '--refs', 'test/fixtures/harbour-fire-report.html', PAGE, SYRIA);
    expect(r.status).toBe(0);
    const [fire, syria] = reports(r.stdout);
    expect(fire?.stories?.map((s) => s.title)).toEqual(['Fire destroys grain warehouse at Northport harbour']);
    expect(syria?.relevant).toBe(true);
    expect(syria?.stories?.map((s) => s.id)).toEqual(['trump-putin-call-2017-05-02']);
  });

  it('exports a folder as a set file, and reads the set file back with the same result', () => {
    const out = join(tmp, 'harbour.json');
    const e = run('--refs', FOLDER, '--export', out);
    expect(e.status).toBe(0);
    const file = parseSetFile(readFileSync(out, 'utf8'));
    expect(file.documents.map((d) => d.outlet).sort()).toEqual(['Coastal Radio', 'Harbour Gazette', 'Northport Evening Post']);
    const a = reports(run('--json', '--refs', FOLDER, PAGE).stdout)[0];
    const b = reports(run('--json', '--refs', out, PAGE).stdout)[0];
    expect(b?.claims.map((c) => c.verdict)).toEqual(a?.claims.map((c) => c.verdict));
  });

  it('fails with exit 1, naming the field, on a bad set file', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(
      bad,
      '{"format":"crosscheck-reference-set","version":1,"id":"x","title":"X","documents":[{"id":"a","outlet":"A","date":"soon","text":"Hi there."}]}',
    );
    const r = run('--refs', bad, PAGE);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('documents[0].date');
    const missing = run('--refs', join(tmp, 'nowhere'), PAGE);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  });
});

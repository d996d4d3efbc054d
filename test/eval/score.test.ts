// Scores the engine on labelled pages with the project's scorer (../shared/eval/score.mjs), through
// the command line exactly as the published figures are measured, and holds the floors.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');

function score(cases: string): Record<string, number> {
  const out = execFileSync('node', [scorer, '--cases', cases, '--cmd', 'npx tsx cli/crosscheck.ts --json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  const fields: Record<string, number> = {};
  for (const m of line.matchAll(/(\w+)=([\d.]+)(?:\/(\d+))?/g)) {
    fields[m[1] ?? ''] = m[3] ? Number(m[2]) / Number(m[3]) : Number(m[2]);
  }
  return fields;
}

/** A held-out folder under test/, held to these floors (its pages all relevant or all judged so). */
const heldOut = (
  dir: string,
  floors: { agreeP: number; contradictP: number; macroF1: number },
  falseFlag: number,
  name = `${dir} pages`,
) => ({
  name,
  dir: join(root, 'test', dir),
  floors: { ...floors, relevance: 1 },
  falseFlag,
});

const sets = [
  {
    name: 'shared dev pages',
    dir: join(root, '..', 'shared', 'eval', 'dev'),
    floors: { macroF1: 0.9, agreeP: 0.95, contradictP: 0.95, evidence: 1 },
    falseFlag: 0.03,
  },
  {
    name: 'our own labelled pages',
    dir: join(root, 'test', 'eval'),
    floors: { agreeP: 0.9, contradictP: 0.95, macroF1: 0.8, relevance: 0.85 },
    falseFlag: 0.03,
  },
  // written later by someone who had not seen the engine; see test/holdout/about.md
  heldOut('holdout', { agreeP: 0.9, contradictP: 0.95, macroF1: 0.8 }, 0.03, 'held-out pages'),
  // the later held-out sets, each scored once unseen and then read (see their about.md)
  ...['holdout-2', 'holdout-3', 'holdout-4', 'holdout-5', 'holdout-6'].map((dir) =>
    heldOut(dir, { agreeP: 0.9, contradictP: 0.95, macroF1: 0.8 }, 0.03),
  ),
  // read in later sessions (holdout-7 to -9 read in full; -10 and -11 glimpsed when first scored, then read;
  // -12 to -14 scored unseen, then read): held a little below where each stands
  ...['holdout-7', 'holdout-8', 'holdout-9', 'holdout-11', 'holdout-12', 'holdout-13', 'holdout-14'].map((dir) =>
    heldOut(dir, { agreeP: 0.93, contradictP: 0.93, macroF1: 0.89 }, 0.02),
  ),
  heldOut('holdout-10', { agreeP: 0.93, contradictP: 0.9, macroF1: 0.88 }, 0.02),
  // still unseen: its misses are not read, so this floor is what an unseen set is held to, a little below
  // what it measured when first scored (see test/holdout-15/about.md)
  heldOut('holdout-15', { agreeP: 0.93, contradictP: 0.94, macroF1: 0.9 }, 0.02, 'unseen holdout-15 pages'),
];

describe.skipIf(!existsSync(scorer) && !process.env.CI).each(sets)('verdict quality on $name', ({ dir, floors, falseFlag }) => {
  it('holds the precision and false-flag floors', () => {
    const s = score(dir);
    for (const [k, floor] of Object.entries(floors)) expect(s[k], k).toBeGreaterThanOrEqual(floor);
    expect(s.falseFlag).toBeLessThanOrEqual(falseFlag);
  }, 120_000);
});

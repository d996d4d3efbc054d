// Project conventions, checked by reading the source tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/engine';

/** Every file under a folder of the repository (relative paths), or none if it does not exist. */
function filesUnder(folder: string, ext = /\.(ts|tsx|js|mjs|html)$/): string[] {
  const root = join(REPO_ROOT, folder);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (ext.test(name)) out.push(relative(REPO_ROOT, path));
    }
  };
  walk(root);
  return out.sort();
}

/** Files whose text matches the pattern, with the first offending line. */
function offenders(files: string[], pattern: RegExp): string[] {
  const out: string[] = [];
  for (const f of files) {
    const lines = readFileSync(join(REPO_ROOT, f), 'utf8').split('\n');
    const i = lines.findIndex((l) => pattern.test(l));
    if (i >= 0) out.push(`${f}:${i + 1}: ${lines[i]?.trim()}`);
  }
  return out;
}

const LIB = filesUnder('lib');
const UI = ['lib', 'components', 'entrypoints', 'utils'].flatMap((d) => filesUnder(d));

describe('lib/ is the pure engine', () => {
  it('has source files', () => {
    expect(LIB.length).toBeGreaterThan(5);
  });

  it.each([
    ['browser extension APIs (browser.)', /(?<![\w.$])browser\./],
    ['Chrome extension APIs (chrome.)', /(?<![\w.$])chrome\./],
    ['the page window (window.)', /(?<![\w.$])window\./],
    ["imports of 'wxt'", /(from\s+|import\s*\(\s*|import\s+)['"]wxt(\/[^'"]*)?['"]/],
    ["WXT's auto-imports ('#imports')", /['"]#imports['"]/],
    // the engine runs in the page and the popup too: no Node globals or modules
    ['Node globals (process.)', /(?<![\w.$])process\./],
    ["Node's modules ('node:')", /['"]node:/],
    // it reports through its return values: nothing printed
    ['console output (console.)', /(?<![\w.$])console\./],
  ])('uses no %s', (_label, pattern) => {
    expect(offenders(LIB, pattern)).toEqual([]);
  });
});

describe('no markup is built from strings', () => {
  it('scans the extension’s code', () => {
    expect(UI.length).toBeGreaterThan(LIB.length);
  });

  it.each([
    ['innerHTML', /innerHTML/],
    ['outerHTML =', /outerHTML\s*=(?!=)/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['eval(', /(?<![\w.$])eval\s*\(/],
    ['new Function(', /new\s+Function\s*\(/],
    ['document.write', /document\.write(ln)?\s*\(/],
  ])('no %s in lib/, components/, entrypoints/ or utils/', (_label, pattern) => {
    expect(offenders(UI, pattern)).toEqual([]);
  });
});

describe('file names', () => {
  const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;
  const FOLDERS = ['lib', 'components', 'entrypoints', 'test', 'cli', 'scripts'];

  it.each(FOLDERS)('every file and folder under %s/ is kebab-case', (folder) => {
    const bad: string[] = [];
    for (const f of filesUnder(folder, /./)) {
      for (const part of f.split(/[\\/]/)) if (!KEBAB.test(part)) bad.push(f);
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['postComment.ts', false],
    ['post_comment.ts', false],
    ['Post-comment.ts', false],
    ['post-comment.ts', true],
    ['01-wire-aliases.labels.json', true],
    ['match-judge.test.ts', true],
  ])('the kebab-case rule reads %s as %s', (name, ok) => {
    expect(KEBAB.test(name)).toBe(ok);
  });
});

describe('every engine stage has unit tests', () => {
  /** lib file → its test file under test/lib, where that is not test/lib/<same name>.test.ts. */
  const COVERED_BY: Record<string, string> = {
    lexicon: 'claims',
    match: 'match-judge',
    judge: 'match-judge',
    report: 'match-judge',
    index: 'match-judge',
  };
  /** Files with no behaviour of their own. */
  const NO_TESTS = new Set(['types']);
  const modules = LIB.filter((f) => /^lib[\\/][^\\/]+\.ts$/.test(f)).map((f) => basename(f, '.ts'));

  it('has the pipeline stages', () => {
    expect(modules).toEqual(
      expect.arrayContaining(['extract', 'segment', 'claims', 'references', 'match', 'judge', 'report', 'figures', 'times']),
    );
  });

  it.each(modules.filter((m) => !NO_TESTS.has(m)))('lib/%s.ts has a test file under test/lib', (name) => {
    const own = join(REPO_ROOT, 'test', 'lib', `${name}.test.ts`);
    const mapped = COVERED_BY[name];
    if (!mapped) {
      expect(existsSync(own), `${relative(REPO_ROOT, own)} (or an entry in COVERED_BY)`).toBe(true);
      expect(readFileSync(own, 'utf8')).toMatch(/from '(@\/lib|\.\.\/\.\.\/lib)\//);
      return;
    }
    // a stage tested in another stage's file must be imported there itself
    const file = join(REPO_ROOT, 'test', 'lib', `${mapped}.test.ts`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`from '(@/lib|\\.\\./\\.\\./lib)/${name}(\\.ts)?'`));
  });
});

describe('TypeScript settings', () => {
  const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions?: Record<string, unknown> };

  it.each(['strict', 'noUncheckedIndexedAccess'])('tsconfig.json turns on %s', (option) => {
    expect(tsconfig.compilerOptions?.[option]).toBe(true);
  });
});

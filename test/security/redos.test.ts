// ReDoS: every regular expression in the extension's own code (regex literals and `new RegExp(…)`
// with a pattern known at build time) is checked with recheck, which proves a pattern safe or
// finds an attack string. The alias alternation lib/lexicon.ts builds from reference data is
// built from the bundled set and timed on adversarial input instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileAliases } from '@/lib/lexicon';
import { bundledSource, REPO_ROOT } from '../helpers/engine';

const ROOTS = ['lib', 'utils', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

/** The text of a string-valued expression, resolving identifiers bound to string constants in the file. */
function stringValue(node: ts.Expression, constants: Map<string, ts.Expression>, depth = 0): string | null {
  if (depth > 5) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression, constants, depth + 1);
  if (ts.isIdentifier(node)) {
    const init = constants.get(node.text);
    return init ? stringValue(init, constants, depth + 1) : null;
  }
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = stringValue(span.expression, constants, depth + 1);
      if (value === null) return null;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = stringValue(node.left, constants, depth + 1);
    const b = stringValue(node.right, constants, depth + 1);
    return a === null || b === null ? null : a + b;
  }
  return null;
}

/** Every regex literal and `new RegExp(…)` in the file; dynamic ones come back with source null. */
function patternsIn(file: string): { found: Pattern[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const found: Pattern[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) => `${relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(sf);
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flagsArg] = node.arguments ?? [];
      const source = pattern ? stringValue(pattern, constants) : null;
      const flags = flagsArg ? stringValue(flagsArg, constants) : '';
      if (source === null || flags === null) dynamic.push(where(node));
      else found.push({ where: where(node), source, flags });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { found, dynamic };
}

const files = ROOTS.flatMap((root) => sourceFiles(join(REPO_ROOT, root)));
const scanned = files.map(patternsIn);
const patterns = scanned.flatMap((s) => s.found);
const dynamic = scanned.flatMap((s) => s.dynamic);

/** Patterns built at run time, and where each is covered instead. */
const KNOWN_DYNAMIC: Record<string, string> = {
  'lib/lexicon.ts': 'the alias alternation: built from the bundled set and timed below',
  'lib/references.ts': "a reference set's furniture patterns: each set's in reference-data/ is checked below",
  'lib/reference-format.ts': 'safePattern() only compiles a pattern to validate it, after refusing ( ) * + { } and backreferences',
};

/**
 * Patterns recheck finds polynomial in isolation that cannot be attacked where they are used.
 * Keyed by file and source, so a new use of the same pattern elsewhere is checked afresh.
 */
const SAFE_IN_CONTEXT: Record<string, string> = {
  'lib/reference-format.ts /^-+|-+$/':
    "slugify() runs it on the output of .replace(/[^a-z0-9]+/g, '-'), which never has two dashes in a row",
  'lib/reference-format.ts /-+$/': 'the same slug, sliced: still no two dashes in a row',
  'lib/references.ts /^(Title|Source|Date|URL|Id):\\s*(.*)$/':
    "run on single lines (after \\r\\n → \\n and split('\\n')); every other character . refuses (\\u2028, \\u2029) is \\s too, so .*$ cannot fail after \\s*",
};

/** recheck's verdicts depend only on the pattern: kept between runs so the suite stays fast. */
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'crosscheck-recheck.json');
const cache: Record<string, string> = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, string>) : {};

function saveCache(): void {
  mkdirSync(dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(cache));
}

async function verdict(source: string, flags: string): Promise<string> {
  const key = createHash('sha256').update(`${flags}/${source}`).digest('hex');
  const cached = cache[key];
  if (cached) return cached;
  const result: Diagnostics = await check(source, flags, { timeout: 60_000 });
  const text =
    result.status === 'vulnerable' ? `vulnerable (${result.complexity.summary}; attack ${result.attack.pattern})` : result.status;
  if (result.status !== 'unknown') cache[key] = text;
  return text;
}

describe('ReDoS: regular expressions in our code', () => {
  it('finds the patterns (the scan itself works)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(patterns.length).toBeGreaterThan(30);
    expect(patterns.some((p) => p.where.startsWith('lib/times.ts') && p.source.includes('jan(?:uary)?'))).toBe(true);
  });

  it('every pattern it cannot read at build time is covered elsewhere', () => {
    for (const at of dynamic) expect(Object.keys(KNOWN_DYNAMIC), `new RegExp at ${at} has a run-time pattern`).toContain(at.split(':')[0]);
  });

  it('the checker does catch a vulnerable pattern', async () => {
    expect((await check('^(a+)+$', '')).status).toBe('vulnerable');
    expect((await check('(\\w+\\s?)*$', '')).status).toBe('vulnerable');
  });

  it('no pattern is vulnerable', { timeout: 180_000 }, async () => {
    const results = await Promise.all(patterns.map(async (p) => ({ ...p, verdict: await verdict(p.source, p.flags) })));
    saveCache();
    const unsafe = results
      .filter((r) => r.verdict !== 'safe' && !Object.hasOwn(SAFE_IN_CONTEXT, `${r.where.split(':')[0]} /${r.source}/`))
      .map((r) => `${r.where} /${r.source}/${r.flags}: ${r.verdict}`);
    expect(unsafe, `patterns recheck does not prove safe:\n${unsafe.join('\n')}`).toEqual([]);
  });
});

describe('ReDoS: furniture patterns of the reference sets in reference-data/', () => {
  const sets = readdirSync(join(REPO_ROOT, 'reference-data'))
    .map((dir) => join(REPO_ROOT, 'reference-data', dir, 'set.json'))
    .filter((file) => existsSync(file));
  const furniture = sets.flatMap((file) =>
    ((JSON.parse(readFileSync(file, 'utf8')) as { furniture?: string[] }).furniture ?? []).map((source) => ({
      where: relative(REPO_ROOT, file),
      source,
    })),
  );

  it('finds the bundled set', () => {
    expect(sets.map((f) => relative(REPO_ROOT, f))).toContain(join('reference-data', 'bundled', 'set.json'));
  });

  it('no furniture pattern is vulnerable', { timeout: 180_000 }, async () => {
    const results = await Promise.all(furniture.map(async (f) => ({ ...f, verdict: await verdict(f.source, '') })));
    saveCache();
    const unsafe = results.filter((r) => r.verdict !== 'safe').map((r) => `${r.where} /${r.source}/: ${r.verdict}`);
    expect(unsafe, unsafe.join('\n')).toEqual([]);
  });
});

describe('ReDoS: the alias alternation built from the bundled reference set', () => {
  const matcher = compileAliases(bundledSource().entities);
  const names = Object.values(bundledSource().entities).flat();
  const longest = [...names].sort((a, b) => b.length - a.length)[0] ?? 'Vladimir Putin';
  const words = longest.split(/\s+/);

  /** Near-misses: every name's prefix without its last letter, multi-word names with the gaps stretched. */
  const ATTACKS: [string, string][] = [
    ['prefixes of every name', names.map((n) => n.slice(0, -1)).join(' ')],
    ['the longest name with huge gaps', words.join(' '.repeat(5_000))],
    ['the longest name with whitespace and no last word', `${words.slice(0, -1).join(' \t\n ')} `],
    ['letters glued to names', names.map((n) => `x${n}x`).join('')],
    ['one letter many times', 'P'.repeat(50_000)],
    ['whitespace only', ' \t'.repeat(50_000)],
  ];

  it.each(ATTACKS)('%s: linear in input size', (_name, unit) => {
    const run = (times: number) => {
      const text = unit.repeat(times).slice(0, 200_000);
      const start = performance.now();
      matcher.find(text);
      return performance.now() - start;
    };
    run(2);
    const small = Math.min(run(1), run(1), run(1));
    const large = Math.min(run(4), run(4), run(4));
    // absolute bound too: 200,000 characters of attack in well under a second
    expect(large, `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).toBeLessThan(Math.max(8 * small, 250));
  });

  it('still finds a name', () => {
    expect(matcher.find(`said ${longest} on Tuesday`).length).toBeGreaterThan(0);
  });
});

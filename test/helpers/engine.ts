// Shared set-up for the engine's unit tests: the repository's paths, the bundled reference set
// compiled from its sources (never the build output, which may be stale), and small helpers.
import { join, resolve } from 'node:path';
import { loadReferenceSet, readLexicon } from '@/cli/load';
import type { Token } from '@/lib/figures';
import { type PreparedReferences, prepare } from '@/lib/index';
import { compileLexicon, type Lexicon } from '@/lib/lexicon';
import { type CompiledReferences, compileReferences, type ReferenceSetSource } from '@/lib/references';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const BUNDLED_DIR = join(REPO_ROOT, 'reference-data', 'bundled');
/** CI checks the repository out with ../shared beside it. */
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');

export const bundledSource = (): ReferenceSetSource => loadReferenceSet(BUNDLED_DIR);

let lexicon: Lexicon | null = null;
/** The lexicon with the bundled set's aliases, compiled once per test file. */
export function bundledLexicon(): Lexicon {
  lexicon ??= compileLexicon(readLexicon(), bundledSource().entities);
  return lexicon;
}

let compiled: CompiledReferences | null = null;
export function bundledCompiled(): CompiledReferences {
  compiled ??= compileReferences(bundledSource(), readLexicon());
  return compiled;
}

let prepared: PreparedReferences | null = null;
export function bundledPrepared(): PreparedReferences {
  prepared ??= prepare(bundledCompiled());
  return prepared;
}

/** The value, or a thrown error naming what was missing (no non-null assertions in tests). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** Whitespace-separated tokens with their offsets, tagged as nothing (the figures stage only reads text). */
export function plainTokens(text: string): Token[] {
  return Array.from(text.matchAll(/\S+/g), (m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
    noun: false,
    verb: false,
    adjective: false,
  }));
}

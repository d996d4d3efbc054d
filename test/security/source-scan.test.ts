// Our own source never turns text into markup or code, and never reaches the network: the
// complement of the built-code scan (test/security/manifests.build-test.ts), which also sees the
// libraries. The warnings addons-linter gives on the build come from Readability and Preact
// (see README, Store review notes); this test keeps our code out of that list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/engine';

const ROOTS = ['lib', 'utils', 'components', 'entrypoints', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

const files = ROOTS.flatMap((root) => sourceFiles(join(REPO_ROOT, root))).map((path) => ({
  name: relative(REPO_ROOT, path),
  // comments may name what the code avoids
  text: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:\\])\/\/.*$/gm, '$1'),
}));

const FORBIDDEN: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser', /DOMParser/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*["'`]/],
  ['fetch', /(?<![\w$])fetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['sendBeacon', /sendBeacon/],
  ['EventSource', /EventSource/],
  ['a remote script in a page', /<script[^>]+src=["']?(https?:)?\/\//i],
];
/** Only for the entrypoints' HTML pages (JSX handlers like onClick are not markup). */
const FORBIDDEN_IN_HTML: [string, RegExp][] = [
  ['an inline script', /<script(?![^>]*\bsrc=)[^>]*>/i],
  ['an inline event handler', /<[a-z]+[^>]*\son[a-z]+=/i],
];

describe('our source never renders markup, runs strings or uses the network', () => {
  it('scans the source', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('no %s', (_name, pattern) => {
    const hits = files.filter((f) => pattern.test(f.text)).map((f) => f.name);
    expect(hits).toEqual([]);
  });

  it.each(FORBIDDEN_IN_HTML)('no %s in an HTML page', (_name, pattern) => {
    const pages = files.filter((f) => f.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((f) => pattern.test(f.text)).map((f) => f.name)).toEqual([]);
  });

  it('the scan finds what it looks for (so it can fail)', () => {
    const sample = 'el.innerHTML = page; fetch(url); eval(x);';
    expect(FORBIDDEN.filter(([, re]) => re.test(sample)).map(([n]) => n)).toEqual(['innerHTML / outerHTML', 'eval', 'fetch']);
  });
});

// The built extension asks for least privilege and carries no remote code: run after
// `npm run build` by `npm run test:build` (vitest.build.config.ts), which `npm test` calls.
// Shipped builds: .output/chrome-mv3, .output/firefox-mv2. E2E builds (.output/*-e2e), when
// present, may differ only by the loopback host permission automation needs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const OUTPUT = join(REPO_ROOT, '.output');

const REQUIRED_ALLOWED = new Set(['activeTab', 'scripting', 'storage']);
const E2E_HOST = 'http://127.0.0.1/*';
/** A match pattern for web pages (what opt-in automatic scanning would ask for, optionally). */
const HOST_PATTERN = /^(https?|\*):\/\/[^/]+\/.*$/;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  update_url?: string;
  sandbox?: unknown;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(OUTPUT, dir, 'manifest.json'), 'utf8')) as Manifest;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const SHIPPED = ['chrome-mv3', 'firefox-mv2'] as const;
const E2E = ['chrome-mv3-e2e', 'firefox-mv2-e2e'].filter((dir) => existsSync(join(OUTPUT, dir, 'manifest.json')));

/** Problems with a CSP string: anything weaker than the browsers' default for extension pages. */
function cspProblems(csp: string): string[] {
  const problems: string[] = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name?.toLowerCase() ?? '', values]),
  );
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSrc) problems.push('no script-src');
  for (const [name, values] of directives) {
    for (const v of values) {
      if (/^'unsafe-(eval|inline|hashes)'$|^'wasm-unsafe-eval'$/.test(v)) problems.push(`${name} ${v}`);
      if (/^(https?:|http:|ws:|wss:|data:|blob:|\*)/.test(v) && /^(script-src|default-src|object-src|worker-src)/.test(name))
        problems.push(`${name} allows ${v}`);
    }
  }
  return problems;
}

function manifestProblems(m: Manifest, { e2e }: { e2e: boolean }): string[] {
  const problems: string[] = [];
  const hostsAllowed = e2e ? [E2E_HOST] : [];
  const required = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
  for (const p of required) {
    if (REQUIRED_ALLOWED.has(p) || hostsAllowed.includes(p)) continue;
    problems.push(`required permission ${JSON.stringify(p)}`);
  }
  for (const p of [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])]) {
    if (!HOST_PATTERN.test(p)) problems.push(`optional permission ${JSON.stringify(p)} is not a host pattern`);
  }
  if (e2e && !required.includes(E2E_HOST)) problems.push(`e2e build without ${E2E_HOST}`);
  const csp = m.content_security_policy;
  if (typeof csp === 'string') problems.push(...cspProblems(csp).map((p) => `CSP: ${p}`));
  else if (csp?.extension_pages) problems.push(...cspProblems(csp.extension_pages).map((p) => `CSP: ${p}`));
  if (m.content_scripts?.length) problems.push('static content_scripts (the content script is injected on demand)');
  if (m.web_accessible_resources?.length) problems.push('web_accessible_resources exposes files to web pages');
  if (m.externally_connectable) problems.push('externally_connectable');
  if (m.update_url) problems.push('update_url');
  if (m.sandbox) problems.push('sandbox pages');
  const bg = [m.background?.service_worker, ...(m.background?.scripts ?? []), m.background?.page].filter(Boolean);
  for (const src of bg) if (/^[a-z]+:/i.test(src ?? '')) problems.push(`remote background ${src}`);
  return problems;
}

describe('manifest rules (checked on made-up manifests, so the rules themselves can fail)', () => {
  const base: Manifest = { manifest_version: 3, permissions: ['activeTab', 'scripting', 'storage'], host_permissions: [] };
  it.each<[string, Manifest, boolean]>([
    ['the shipped shape', base, true],
    ['an optional host permission for opt-in scanning', { ...base, optional_host_permissions: ['https://*/*', 'http://*/*'] }, true],
    ['tabs', { ...base, permissions: [...(base.permissions ?? []), 'tabs'] }, false],
    ['<all_urls> required', { ...base, host_permissions: ['<all_urls>'] }, false],
    ['<all_urls> in MV2 permissions', { ...base, manifest_version: 2, permissions: ['activeTab', '<all_urls>'] }, false],
    ['a host required', { ...base, host_permissions: ['https://news.example/*'] }, false],
    ['loopback outside the e2e build', { ...base, host_permissions: [E2E_HOST] }, false],
    ['an optional API permission', { ...base, optional_permissions: ['history'] }, false],
    ['unsafe-eval', { ...base, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'self'" } }, false],
    ['a remote script source', { ...base, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }, false],
    [
      'an MV2 CSP with unsafe-inline',
      { ...base, manifest_version: 2, content_security_policy: "script-src 'self' 'unsafe-inline'" },
      false,
    ],
    ['a strict CSP', { ...base, content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" } }, true],
    ['static content scripts', { ...base, content_scripts: [{ matches: ['<all_urls>'], js: ['c.js'] }] }, false],
    ['web accessible resources', { ...base, web_accessible_resources: [{ resources: ['*'], matches: ['<all_urls>'] }] }, false],
    ['a remote background', { ...base, background: { service_worker: 'https://evil.example/bg.js' } }, false],
  ])('%s', (_name, manifest, ok) => {
    expect(manifestProblems(manifest, { e2e: false }).length === 0).toBe(ok);
  });
});

describe.each(SHIPPED)('shipped build %s', (dir) => {
  const root = join(OUTPUT, dir);

  it('exists (run `npm run build` first)', () => {
    expect(existsSync(join(root, 'manifest.json')), `${root}/manifest.json`).toBe(true);
  });

  it('asks only for activeTab, scripting and storage, and no host', () => {
    const m = readManifest(dir);
    expect(manifestProblems(m, { e2e: false })).toEqual([]);
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
  });

  it('has no loopback or other host anywhere in its manifest', () => {
    const text = readFileSync(join(root, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|<all_urls>|\*:\/\//);
  });

  it('loads scripts only from its own package: no remote or inline script in its pages', () => {
    for (const html of files(root, /\.html$/)) {
      const text = readFileSync(html, 'utf8');
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1] ?? '';
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
        expect(src, `${relative(root, html)}: inline <script>`).toBeDefined();
        expect(src, `${relative(root, html)}: script src`).toMatch(/^\/(?!\/)|^\.\.?\/|^[\w-]+\//);
        expect((m[2] ?? '').trim(), `${relative(root, html)}: script body`).toBe('');
      }
      expect(text, `${relative(root, html)}: remote stylesheet or preload`).not.toMatch(/<link\b[^>]*href\s*=\s*["']?(https?:)?\/\//i);
      expect(text, `${relative(root, html)}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  describe('its JavaScript', () => {
    const scripts = () => files(root, /\.js$/).map((path) => ({ name: relative(root, path), text: readFileSync(path, 'utf8') }));

    it('is there to scan', () => {
      expect(scripts().map((s) => s.name)).toEqual(expect.arrayContaining(['background.js', 'content-scripts/content.js']));
    });

    it.each([
      ['eval', /(?<![\w$.])eval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
      ['Function constructor call', /(?<![\w$.])Function\s*\(\s*["'`]/],
      ['string timers', /set(Timeout|Interval)\s*\(\s*["'`]/],
      ['fetch', /(?<![\w$])fetch\s*\(/],
      ['XMLHttpRequest', /XMLHttpRequest/],
      ['WebSocket', /WebSocket/],
      ['sendBeacon', /sendBeacon/],
      ['EventSource', /EventSource/],
      ['importScripts', /importScripts/],
      ['WebTransport', /WebTransport/],
      ['RTCPeerConnection', /RTCPeerConnection/],
    ])('never uses %s', (_name, pattern) => {
      const hits = scripts().flatMap(({ name, text }) =>
        Array.from(
          text.matchAll(new RegExp(pattern.source, 'g')),
          (m) => `${name}: …${text.slice(Math.max(0, m.index - 60), m.index + 60)}…`,
        ),
      );
      expect(hits).toEqual([]);
    });

    it('names no http(s) address except XML namespaces, documentation links in error messages and the optional host patterns', () => {
      const ALLOWED = [
        /^http:\/\/www\.w3\.org\//,
        /^https:\/\/wxt\.dev\//,
        /^https:\/\/github\.com\/wxt-dev\/wxt\/issues\/\d+$/,
        // the match patterns opt-in automatic scanning asks for (utils/auto-scan.ts), not addresses
        /^https?:\/\/\*\/\*$/,
      ];
      const urls = scripts().flatMap(({ name, text }) =>
        Array.from(text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)\\<>]+/g), (m) => ({ name, url: m[0] })),
      );
      expect(urls.filter(({ url }) => !ALLOWED.some((re) => re.test(url)))).toEqual([]);
    });
  });
});

describe('e2e builds', () => {
  // Built by `npm run build:e2e`, maybe earlier than the shipped build: only their permissions are compared.
  it.each(E2E.length ? E2E : ['(none built)'])('%s adds only the loopback host to the shipped permissions', (dir) => {
    if (!E2E.length) return;
    const m = readManifest(dir);
    expect(manifestProblems(m, { e2e: true })).toEqual([]);
    const granted = [...(m.permissions ?? []), ...(m.host_permissions ?? [])].filter((p) => p !== E2E_HOST).sort();
    expect(granted).toEqual(['activeTab', 'scripting', 'storage']);
  });
});

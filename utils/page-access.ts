// Pages no extension may script. Checked before injecting so the popup can say so at once;
// anything this misses still fails in executeScript, which the connector reports the same way.

const BLOCKED_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'data:',
  'blob:',
  'javascript:',
]);

/** Extension stores: [host, path prefix]. */
const STORES: ReadonlyArray<readonly [string, string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** True when the browser will not let an extension read the page at `url`. */
export function isRestrictedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (BLOCKED_SCHEMES.has(parsed.protocol)) return true;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') return true;
  const host = parsed.hostname.toLowerCase();
  if (STORES.some(([storeHost, prefix]) => host === storeHost && parsed.pathname.startsWith(prefix))) return true;
  // PDFs open in the browser's built-in viewer, which extensions cannot script.
  if (/\.pdf$/i.test(parsed.pathname)) return true;
  return false;
}

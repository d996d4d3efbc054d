import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The shipped build asks only for activeTab + scripting + storage. The e2e build (`--mode e2e`)
// adds a loopback host permission because activeTab cannot be granted by automation.
// Web pages are an optional host permission, asked for only when the reader turns on automatic
// scanning in the options page (utils/auto-scan.ts AUTO_SCAN_ORIGINS). WXT drops
// `optional_host_permissions` from MV2 manifests rather than converting it, so MV2 (Firefox) gets
// the same patterns as `optional_permissions`.
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No modulepreload polyfill: it fetch()es <link rel=modulepreload> targets, and both browsers
  // (Chrome, Firefox 115+) preload modules natively; the built code then calls no network API at all.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  // The sources archive Firefox reviewers rebuild from: no test run output or demo screenshots.
  zip: { excludeSources: ['test-results/**', 'demo-output/**', 'docs/*.png'] },
  manifest: ({ mode, manifestVersion, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : [],
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_HOSTS } : { optional_host_permissions: OPTIONAL_HOSTS }),
    action: { default_title: '__MSG_actionTitle__' },
    // Firefox's settings only in Firefox's manifest: Chrome warns about keys it does not know
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crosscheck@crosscheck.invalid',
              strict_min_version: '115.0',
              // Crosscheck collects nothing: no page text or data ever leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

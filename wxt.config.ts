import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The shipped build asks only for activeTab + scripting + storage. The e2e build (`--mode e2e`)
// adds a loopback host permission because activeTab cannot be granted by automation.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No modulepreload polyfill: it fetch()es <link rel=modulepreload> targets, and both browsers
  // (Chrome, Firefox 115+) preload modules natively; the built code then calls no network API at all.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  // The sources archive Firefox reviewers rebuild from: no test run output or demo screenshots.
  zip: { excludeSources: ['test-results/**', 'demo-output/**', 'docs/*.png'] },
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : [],
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings: {
      gecko: {
        id: 'crosscheck@crosscheck.invalid',
        strict_min_version: '115.0',
        // Crosscheck collects nothing: no page text or data ever leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});

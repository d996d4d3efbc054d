import { describe, expect, it } from 'vitest';
import { isRestrictedUrl } from '@/utils/page-access';

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://extensions/',
    'chrome://newtab/',
    'chrome-extension://abcdef/popup.html',
    'edge://settings',
    'about:blank',
    'about:addons',
    'moz-extension://1234/popup.html',
    'view-source:https://news.example/',
    'devtools://devtools/bundled/inspector.html',
    'https://chromewebstore.google.com/detail/xyz',
    'https://chrome.google.com/webstore/detail/xyz',
    'https://addons.mozilla.org/en-US/firefox/addon/xyz/',
    'https://microsoftedge.microsoft.com/addons/detail/xyz',
    'file:///home/me/report.pdf',
    'https://news.example/files/report.PDF',
    'data:text/html,<p>hi</p>',
    'not a url',
    '',
  ])('cannot read %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each([
    'https://news.example/2024/03/fire',
    'http://127.0.0.1:4173/article.html',
    'https://chrome.google.com/search?q=webstore',
    'https://www.google.com/webstore-news',
    'https://mozilla.org/addons',
    'file:///home/me/article.html',
    'https://news.example/pdf-guide',
  ])('can read %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(false);
  });
});

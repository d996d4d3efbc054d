import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CONTENT_SCRIPT } from '@/components/connector';
import type { Article, Report, Strictness } from '@/lib/types';
import { createAutoScanner } from '@/utils/auto-scan';
import { type BadgeApi, showContradictionCount } from '@/utils/badge';
import { type ExtractMessage, type Message, receiveMessage, type SetBadgeResponse } from '@/utils/messages';

/**
 * Checks an article as the popup would: the same engine, enabled sets (the bundled one and the
 * reader's) and strictness. Imported dynamically so nothing of it runs before the first scan's
 * call; note WXT builds the background as one IIFE, so the bundler inlines these modules and their
 * top-level code is evaluated at start-up all the same (about 20 ms in Node for today's bundle).
 */
async function analyse(article: Article): Promise<Report> {
  const [{ crosscheckSets }, { createReferenceSets, strictnessItem }] = await Promise.all([
    import('@/lib/index'),
    import('@/components/connector'),
  ]);
  const [sets, stored] = await Promise.all([createReferenceSets().enabledSets(), strictnessItem.getValue()]);
  const strictness: Strictness = stored === 'conservative' ? 'conservative' : 'balanced';
  return crosscheckSets(article, sets, { strictness });
}

export default defineBackground(() => {
  // Chrome MV3 has `action`; Firefox MV2 has `browserAction`.
  const badge: BadgeApi = browser.action ?? browser.browserAction;

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = receiveMessage(raw, sender, browser.runtime.id);
    if (message?.type !== 'setBadge') return undefined;
    return showContradictionCount(badge, message.tabId, message.count).then(
      (): SetBadgeResponse => ({ ok: true }),
      (): SetBadgeResponse => ({ ok: false }),
    );
  });

  // Opt-in automatic scanning (utils/auto-scan.ts). The listeners are registered at start-up, as
  // a service worker's must be; each event checks the setting and the host permission, and does
  // nothing unless the reader turned scanning on and the browser granted access to the page.
  const scanner = createAutoScanner({
    permissions: browser.permissions,
    inject: (tabId) => browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] }),
    extract: (tabId) => browser.tabs.sendMessage(tabId, { type: 'extract' } satisfies ExtractMessage satisfies Message),
    analyse,
    badge,
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete') return undefined;
    return scanner.scan(tabId, tab.url).catch((error: unknown) => {
      console.warn('Crosscheck: automatic scan failed', error);
      return 'unreadable' as const;
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => scanner.forget(tabId));
});

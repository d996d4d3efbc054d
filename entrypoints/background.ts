import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { type BadgeApi, showContradictionCount } from '@/utils/badge';
import { receiveMessage, type SetBadgeResponse } from '@/utils/messages';

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
});

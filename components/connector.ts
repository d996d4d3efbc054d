// The popup's only door to the browser: tabs, injection, messages, storage, i18n.
// Components get what they need from here through props and never call browser.* themselves.
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Article, ClaimResult, Strictness } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import {
  type ExtractMessage,
  type HighlightMessage,
  type Message,
  parseResponse,
  type ResponseMap,
  type SetBadgeMessage,
} from '@/utils/messages';
import { isRestrictedUrl } from '@/utils/page-access';

export const CONTENT_SCRIPT = '/content-scripts/content.js';

export type LoadResult =
  | { kind: 'unreadable' }
  | { kind: 'no-article'; tabId: number }
  | { kind: 'article'; tabId: number; article: Article };

export interface Connector {
  /** Finds the tab, injects the content script and asks it for the article. */
  loadArticle(): Promise<LoadResult>;
  getStrictness(): Promise<Strictness>;
  setStrictness(value: Strictness): Promise<void>;
  /** Scrolls the tab to the claim's sentence and marks it; false when the page no longer has it. */
  highlight(tabId: number, claim: ClaimResult): Promise<boolean>;
  setBadge(tabId: number, count: number): Promise<void>;
}

const StrictnessSchema = v.picklist(['conservative', 'balanced']);

export const strictnessItem = storage.defineItem<Strictness>('local:strictness', { fallback: 'balanced' });

/** `?tabId=N` in the popup's address (the popup opened in a tab by tests and the demo). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The tab to check: the one named in the address, else the active tab of the current window. */
export async function findTargetTab(search: string): Promise<{ id: number; url: string | undefined } | null> {
  const named = tabIdFromSearch(search);
  try {
    const tab = named !== null ? await browser.tabs.get(named) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined || tab.id < 0) return null;
    return { id: tab.id, url: tab.url };
  } catch {
    return null;
  }
}

async function sendToTab<M extends ExtractMessage | HighlightMessage>(tabId: number, message: M): Promise<ResponseMap[M['type']] | null> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message satisfies Message);
  return parseResponse<M['type']>(message.type, raw);
}

async function sendToBackground(message: SetBadgeMessage): Promise<ResponseMap['setBadge'] | null> {
  const raw: unknown = await browser.runtime.sendMessage(message satisfies Message);
  return parseResponse(message.type, raw);
}

export function createConnector(search: string = location.search): Connector {
  return {
    async loadArticle() {
      const tab = await findTargetTab(search);
      // Without a URL (no permission to see it) injection itself is the test.
      if (!tab || (tab.url !== undefined && isRestrictedUrl(tab.url))) return { kind: 'unreadable' };
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] });
      } catch {
        return { kind: 'unreadable' };
      }
      let response: ResponseMap['extract'] | null;
      try {
        response = await sendToTab(tab.id, { type: 'extract' });
      } catch {
        return { kind: 'unreadable' };
      }
      if (!response) return { kind: 'unreadable' };
      return response.article ? { kind: 'article', tabId: tab.id, article: response.article } : { kind: 'no-article', tabId: tab.id };
    },

    async getStrictness() {
      const stored = await strictnessItem.getValue();
      return v.is(StrictnessSchema, stored) ? stored : 'balanced';
    },

    async setStrictness(value) {
      await strictnessItem.setValue(value);
    },

    async highlight(tabId, claim) {
      try {
        const response = await sendToTab(tabId, {
          type: 'highlight',
          block: claim.block,
          start: claim.start,
          end: claim.end,
          text: claim.text,
        });
        return response?.found ?? false;
      } catch {
        return false;
      }
    },

    async setBadge(tabId, count) {
      try {
        await sendToBackground({ type: 'setBadge', tabId, count });
      } catch {
        // The badge is a convenience; the popup already shows the count.
      }
    },
  };
}

/** `browser.i18n.getMessage`, falling back to the key so a missing string is visible, not blank. */
export const translate: Translate = (key: MessageKey, substitutions?: string | string[]) =>
  browser.i18n.getMessage(key, substitutions) || key;

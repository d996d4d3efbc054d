// The popup's only door to the browser: tabs, injection, messages, storage, i18n.
// Components get what they need from here through props and never call browser.* themselves.
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { CompiledReferences } from '@/lib/references';
import type { Article, ClaimResult, Strictness } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { MARK_CSS } from '@/utils/mark-style';
import {
  type ClearMarksMessage,
  type ExtractMessage,
  type HighlightMessage,
  type MarkClaim,
  type MarkMessage,
  type Message,
  parseResponse,
  type ResponseMap,
  type SetBadgeMessage,
} from '@/utils/messages';
import { isRestrictedUrl } from '@/utils/page-access';
import type { ReferenceStore } from '@/utils/reference-store';
import {
  addFeedback,
  type FeedbackEntry,
  type FeedbackInput,
  type MarkSettings,
  parseFeedback,
  parseMarkSettings,
  removeFeedback,
} from '@/utils/settings';

export const CONTENT_SCRIPT = '/content-scripts/content.js';

export type LoadResult =
  | { kind: 'unreadable' }
  /** The tab closed, reloaded or went to another page before it answered. */
  | { kind: 'closed' }
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
  getMarkSettings(): Promise<MarkSettings>;
  /** Marks these claims in the tab (replacing earlier marks); null when the page did not answer. */
  mark(tabId: number, claims: MarkClaim[]): Promise<{ marked: number; missing: number } | null>;
  /** Removes every mark from the tab; false when the page did not answer. */
  clearMarks(tabId: number): Promise<boolean>;
  copyText(text: string): Promise<boolean>;
  /** Keeps a "this verdict is wrong" report in local storage. */
  addFeedback(input: FeedbackInput): Promise<void>;
  openOptions(): Promise<void>;
}

/** What the options page needs of the browser. */
export interface OptionsConnector {
  getStrictness(): Promise<Strictness>;
  setStrictness(value: Strictness): Promise<void>;
  getMarkSettings(): Promise<MarkSettings>;
  setMarkSettings(value: MarkSettings): Promise<void>;
  listFeedback(): Promise<FeedbackEntry[]>;
  removeFeedback(id: string): Promise<void>;
  clearFeedback(): Promise<void>;
  /** Calls back with the new list whenever it changes (a report saved from the popup); returns an unsubscribe. */
  watchFeedback(callback: (list: FeedbackEntry[]) => void): () => void;
  /** The extension's version, recorded in exports. */
  version(): string;
}

const StrictnessSchema = v.picklist(['conservative', 'balanced']);

export const strictnessItem = storage.defineItem<Strictness>('local:strictness', { fallback: 'balanced' });
/** Stored as it was written; read back through `parseMarkSettings`. */
export const markSettingsItem = storage.defineItem<unknown>('local:marks');
/** Stored as it was written; read back through `parseFeedback`. */
export const feedbackItem = storage.defineItem<unknown>('local:feedback');

async function readStrictness(): Promise<Strictness> {
  const stored = await strictnessItem.getValue();
  return v.is(StrictnessSchema, stored) ? stored : 'balanced';
}

async function readFeedback(): Promise<FeedbackEntry[]> {
  return parseFeedback(await feedbackItem.getValue());
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

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

async function sendToTab<M extends ExtractMessage | HighlightMessage | MarkMessage | ClearMarksMessage>(
  tabId: number,
  message: M,
): Promise<ResponseMap[M['type']] | null> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message satisfies Message);
  return parseResponse<M['type']>(message.type, raw);
}

async function sendToBackground(message: SetBadgeMessage): Promise<ResponseMap['setBadge'] | null> {
  const raw: unknown = await browser.runtime.sendMessage(message satisfies Message);
  return parseResponse(message.type, raw);
}

/** How long the popup waits for the page to be injected and read before it gives up. */
export const EXTRACT_TIMEOUT_MS = 15_000;

/** Errors browsers give when the tab, its frame or its content script went away mid-request. */
const GONE_ERROR =
  /No tab with id|Invalid tab ID|tab was closed|Frame with ID \d+ was removed|message port closed|Receiving end does not exist|Message manager disconnected/i;

/** The address without its fragment: a same-page anchor is not another page. */
const pageOf = (url: string | undefined) => url?.replace(/#.*$/s, '');

/** After a failed or unanswered read: did the tab close or go elsewhere since we found it? */
async function tabWentAway(tab: { id: number; url: string | undefined }): Promise<boolean> {
  try {
    const now = await browser.tabs.get(tab.id);
    if (!now) return true;
    // activeTab access ends with navigation, so the address disappearing also means it moved on.
    return tab.url !== undefined && pageOf(now.url) !== pageOf(tab.url);
  } catch {
    return true; // "No tab with id"
  }
}

class ExtractTimeout extends Error {
  constructor(ms: number) {
    super(`The page did not answer within ${ms} ms`);
    this.name = 'ExtractTimeout';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractTimeout(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface ConnectorOptions {
  /** See EXTRACT_TIMEOUT_MS; tests shorten it. */
  extractTimeoutMs?: number;
}

export function createConnector(search: string = location.search, options: ConnectorOptions = {}): Connector {
  const extractTimeoutMs = options.extractTimeoutMs ?? EXTRACT_TIMEOUT_MS;
  return {
    async loadArticle() {
      const tab = await findTargetTab(search);
      // Without a URL (no permission to see it) injection itself is the test.
      if (!tab || (tab.url !== undefined && isRestrictedUrl(tab.url))) return { kind: 'unreadable' };
      const read = async (): Promise<LoadResult> => {
        try {
          await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] });
        } catch {
          // Injection is refused on pages extensions may not read, and fails on a tab that is gone.
          return (await tabWentAway(tab)) ? { kind: 'closed' } : { kind: 'unreadable' };
        }
        let response: ResponseMap['extract'] | null;
        try {
          response = await sendToTab(tab.id, { type: 'extract' });
        } catch (error) {
          // Injected, then no one answered: the tab closed or navigated (taking the script with it).
          const gone = GONE_ERROR.test(error instanceof Error ? error.message : String(error)) || (await tabWentAway(tab));
          return gone ? { kind: 'closed' } : { kind: 'unreadable' };
        }
        if (!response) return { kind: 'unreadable' };
        return response.article ? { kind: 'article', tabId: tab.id, article: response.article } : { kind: 'no-article', tabId: tab.id };
      };
      try {
        return await withTimeout(read(), extractTimeoutMs);
      } catch (error) {
        if (!(error instanceof ExtractTimeout)) throw error;
        if (await tabWentAway(tab)) return { kind: 'closed' };
        throw error; // the page is still there but silent: the popup says something went wrong
      }
    },

    getStrictness: readStrictness,

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

    async getMarkSettings() {
      return parseMarkSettings(await markSettingsItem.getValue());
    },

    async mark(tabId, claims) {
      try {
        // Icons and focus rings need pseudo-elements; insertCSS adds them without touching the page's DOM.
        await browser.scripting.insertCSS({ target: { tabId }, css: MARK_CSS }).catch(() => {});
        return await sendToTab(tabId, { type: 'mark', claims });
      } catch {
        return null;
      }
    },

    async clearMarks(tabId) {
      try {
        const response = await sendToTab(tabId, { type: 'clearMarks' });
        await browser.scripting.removeCSS({ target: { tabId }, css: MARK_CSS }).catch(() => {});
        return response?.ok ?? false;
      } catch {
        return false;
      }
    },

    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },

    async addFeedback(input) {
      const entry: FeedbackEntry = { ...input, id: newId(), createdAt: new Date().toISOString() };
      await feedbackItem.setValue(addFeedback(await readFeedback(), entry));
    },

    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}

export function createOptionsConnector(): OptionsConnector {
  return {
    getStrictness: readStrictness,
    async setStrictness(value) {
      await strictnessItem.setValue(value);
    },
    async getMarkSettings() {
      return parseMarkSettings(await markSettingsItem.getValue());
    },
    async setMarkSettings(value) {
      await markSettingsItem.setValue(value);
    },
    listFeedback: readFeedback,
    async removeFeedback(id) {
      await feedbackItem.setValue(removeFeedback(await readFeedback(), id));
    },
    async clearFeedback() {
      await feedbackItem.removeValue();
    },
    watchFeedback(callback) {
      return feedbackItem.watch((value) => callback(parseFeedback(value)));
    },
    version: () => browser.runtime.getManifest().version,
  };
}

/** `browser.i18n.getMessage`, falling back to the key so a missing string is visible, not blank. */
export const translate: Translate = (key: MessageKey, substitutions?: string | string[]) =>
  browser.i18n.getMessage(key, substitutions) || key;

// ---------------------------------------------------------------------------------------------
// Reference sets (issue 5): the reader's sets live in storage.local (utils/reference-store.ts).
// The store and the bundled set load in their own chunk, so the popup's first paint does not wait.

let bundledReferences: Promise<CompiledReferences> | null = null;

/** The bundled compiled set, loaded once. */
export function loadBundledReferences(): Promise<CompiledReferences> {
  bundledReferences ??= import('@/reference-data/compiled/bundled.json').then((m) => m.default as unknown as CompiledReferences);
  return bundledReferences;
}

/** The reference-set store, its module loaded on first use. */
export function createReferenceSets(): ReferenceStore {
  const store = import('@/utils/reference-store').then(({ createReferenceStore }) =>
    createReferenceStore({ bundled: loadBundledReferences }),
  );
  const call = <K extends keyof ReferenceStore>(key: K) =>
    (async (...args: unknown[]) => ((await store)[key] as (...a: unknown[]) => unknown)(...args)) as ReferenceStore[K];
  return {
    list: call('list'),
    create: call('create'),
    rename: call('rename'),
    remove: call('remove'),
    setEnabled: call('setEnabled'),
    addDocument: call('addDocument'),
    addArticle: call('addArticle'),
    removeDocument: call('removeDocument'),
    exportSet: call('exportSet'),
    importSet: call('importSet'),
    enabledSets: call('enabledSets'),
  };
}

/** Offers text to the reader as a downloaded file. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

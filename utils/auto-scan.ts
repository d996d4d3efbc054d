// Opt-in automatic scanning (issue 4): off by default. Turning it on asks the browser for host
// access to web pages through the optional host permission (the only optional permission the
// manifest declares); turning it off gives that access back. With both the setting and the access,
// the background reads each news page as it finishes loading, checks it locally and puts the
// number of contradictions on the toolbar badge. Nothing is sent anywhere.
import { storage } from '@wxt-dev/storage';
import type { Article, Report } from '@/lib/types';
import { type BadgeApi, showContradictionCount } from '@/utils/badge';
import { parseResponse } from '@/utils/messages';
import { isRestrictedUrl } from '@/utils/page-access';

/** Web pages, and nothing else: the `optional_host_permissions` of wxt.config.ts. */
export const AUTO_SCAN_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];

/** The reader's choice; the browser's permission is the other half (see `AutoScanSetting.get`). */
export const autoScanItem = storage.defineItem<boolean>('local:autoScan', { fallback: false });

/** The part of `browser.permissions` this needs (methods, so `browser.permissions` itself fits). */
export interface HostPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** What the options page needs: read the setting, and turn it on (asking for access) or off. */
export interface AutoScanSetting {
  /** On only when the reader turned it on and the browser still grants the access. */
  get(): Promise<boolean>;
  /**
   * Asks for (on) or gives back (off) host access, and saves the choice. Resolves to the state it
   * ends in: false when the reader declined the browser's prompt. Call it straight from the click:
   * browsers show a permission prompt only in response to a user action.
   */
  set(on: boolean): Promise<boolean>;
}

export function createAutoScanSetting(permissions: HostPermissions): AutoScanSetting {
  const origins = () => ({ origins: [...AUTO_SCAN_ORIGINS] });
  return {
    async get() {
      if (!(await autoScanItem.getValue())) return false;
      return permissions.contains(origins()).catch(() => false);
    },
    set(on) {
      if (on) {
        // No await before request(): it must run while the click is still being handled.
        return permissions.request(origins()).then(
          async (granted) => {
            await autoScanItem.setValue(granted);
            return granted;
          },
          async () => {
            await autoScanItem.setValue(false);
            return false;
          },
        );
      }
      return (async () => {
        await autoScanItem.setValue(false);
        await permissions.remove(origins()).catch(() => false);
        return false;
      })();
    },
  };
}

/** True for an ordinary web page the background may read: http(s), not a store or a PDF viewer. */
export function isScannablePage(url: string | undefined): url is string {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  return !isRestrictedUrl(url);
}

/** The match pattern of a page's origin, for `permissions.contains`. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export interface AutoScannerDeps {
  permissions: Pick<HostPermissions, 'contains'>;
  /** Injects the on-demand content script into the tab. */
  inject(tabId: number): Promise<unknown>;
  /** Sends `{ type: 'extract' }` to the tab; the raw answer, checked here. */
  extract(tabId: number): Promise<unknown>;
  /** Runs the engine on the article against the enabled reference sets. */
  analyse(article: Article): Promise<Report>;
  badge: BadgeApi;
}

export type ScanOutcome = 'off' | 'skipped' | 'unreadable' | 'no-article' | 'not-relevant' | 'superseded' | 'badge';

export interface AutoScanner {
  /** Scans the page the tab has just finished loading, when the setting and the access allow it. */
  scan(tabId: number, url: string | undefined): Promise<ScanOutcome>;
  /** Forgets a closed tab. */
  forget(tabId: number): void;
}

export function createAutoScanner(deps: AutoScannerDeps): AutoScanner {
  /** The latest scan started per tab: a page that finishes loading again supersedes the one before. */
  const latest = new Map<number, number>();
  let next = 0;

  async function allowed(url: string): Promise<boolean> {
    if (!(await autoScanItem.getValue())) return false;
    // Access for this page's origin: all web pages, or just this site if the reader narrowed it.
    return deps.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
  }

  return {
    async scan(tabId, url) {
      if (!isScannablePage(url)) return 'skipped';
      if (!(await allowed(url))) return 'off';
      const run = ++next;
      latest.set(tabId, run);
      const current = () => latest.get(tabId) === run;
      let article: Article | null;
      try {
        await deps.inject(tabId);
        const response = parseResponse('extract', await deps.extract(tabId));
        if (!response) return 'unreadable';
        article = response.article;
      } catch {
        return 'unreadable';
      }
      // Not an article, or not about any enabled set: no badge (and none left from the page before).
      const clear = async () => {
        if (current()) await deps.badge.setBadgeText({ tabId, text: '' }).catch(() => {});
      };
      if (!article) {
        await clear();
        return 'no-article';
      }
      const report = await deps.analyse(article);
      if (!current()) return 'superseded';
      if (!report.relevant) {
        await clear();
        return 'not-relevant';
      }
      await showContradictionCount(deps.badge, tabId, report.counts.contradict).catch(() => {});
      return 'badge';
    },
    forget(tabId) {
      latest.delete(tabId);
    },
  };
}

// Injected on demand by the popup (registration: 'runtime'). Kept small on purpose: it pulls in
// the extract stage (Readability) and nothing else of the engine.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';
import { highlightSentence } from '@/utils/highlight';
import { type ExtractResponse, type HighlightResponse, receiveMessage } from '@/utils/messages';

declare global {
  interface Window {
    /** Set by the first injection; `alive` turns false once the extension that set it reloads. */
    __crosscheckContentScript?: { alive: () => boolean };
  }
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Each click on the toolbar button injects again; only the first injection listens.
    // A copy orphaned by an extension update has lost its runtime, so a new one takes over.
    if (window.__crosscheckContentScript?.alive()) return;
    window.__crosscheckContentScript = { alive: () => isConnected() };

    browser.runtime.onMessage.addListener((raw, sender) => {
      const message = receiveMessage(raw, sender, browser.runtime.id);
      if (message?.type === 'extract') {
        let response: ExtractResponse;
        try {
          response = { article: extractArticle(document, location.href) };
        } catch (error) {
          console.warn('Crosscheck: extraction failed', error);
          response = { article: null };
        }
        return Promise.resolve(response);
      }
      if (message?.type === 'highlight') {
        const response: HighlightResponse = { found: highlightSentence(document, message.text) };
        return Promise.resolve(response);
      }
      return undefined;
    });
  },
});

function isConnected(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

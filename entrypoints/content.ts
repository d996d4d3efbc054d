// Injected on demand by the popup (registration: 'runtime'). Kept small on purpose: it pulls in
// the extract stage (Readability) and the marking utilities, nothing else of the engine.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';
import { clearHighlights, highlightSentence } from '@/utils/highlight';
import type { MessageKey } from '@/utils/i18n';
import type { CardText } from '@/utils/mark-card';
import type { MarkVerdict } from '@/utils/mark-style';
import {
  type ClearMarksResponse,
  type ExtractResponse,
  type HighlightResponse,
  type MarkClaim,
  type MarkResponse,
  receiveMessage,
} from '@/utils/messages';
import { PageMarks } from '@/utils/page-marks';

declare global {
  interface Window {
    /** Set by the first injection; `alive` turns false once the extension that set it reloads. */
    __crosscheckContentScript?: { alive: () => boolean };
  }
}

const MARK_LABEL: Record<MarkVerdict, MessageKey> = {
  contradict: 'markLabelContradict',
  disputed: 'markLabelDisputed',
  agree: 'markLabelAgree',
};

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Each click on the toolbar button injects again; only the first injection listens.
    // A copy orphaned by an extension update has lost its runtime, so a new one takes over.
    if (window.__crosscheckContentScript?.alive()) return;
    window.__crosscheckContentScript = { alive: () => isConnected() };

    const t = (key: MessageKey, substitutions?: string | string[]) => browser.i18n.getMessage(key, substitutions) || key;
    const label = (claim: MarkClaim) => t(MARK_LABEL[claim.verdict], claim.evidence[0]?.reason ?? claim.text);
    let marks: PageMarks | null = null;
    /** Created on first use, so reading the article never touches the marking code. */
    const pageMarks = (): PageMarks => {
      if (marks) return marks;
      const card: CardText = {
        verdict: { contradict: t('verdictContradict'), disputed: t('verdictDisputed'), agree: t('verdictAgree') },
        stance: { agree: t('stanceAgree'), contradict: t('stanceContradict') },
        label: t('cardLabel'),
        hint: t('cardHint'),
      };
      marks = new PageMarks(document, { card, label });
      return marks;
    };

    browser.runtime.onMessage.addListener((raw, sender) => {
      const message = receiveMessage(raw, sender, browser.runtime.id);
      if (message?.type === 'extract') {
        // a task of its own: not the one that just ran this script, so the two never add up
        return new Promise<ExtractResponse>((resolve) =>
          setTimeout(() => {
            try {
              resolve({ article: extractArticle(document, location.href) });
            } catch (error) {
              console.warn('Crosscheck: extraction failed', error);
              resolve({ article: null });
            }
          }, 0),
        );
      }
      if (message?.type === 'highlight') {
        const response: HighlightResponse = { found: highlightSentence(document, message.text) };
        return Promise.resolve(response);
      }
      if (message?.type === 'mark') {
        clearHighlights(document);
        // in slices, so that marking a long article never holds the page's thread for long
        const response: Promise<MarkResponse> = pageMarks().applyInSlices(message.claims);
        return response;
      }
      if (message?.type === 'clearMarks') {
        clearHighlights(document);
        pageMarks().clear();
        const response: ClearMarksResponse = { ok: true };
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

// The content script's marks: applies them, shows the card on hover or focus, hides it on Escape,
// puts the marks back when the page re-renders the text under them, and takes everything out again.
import { type CardText, MarkCard } from './mark-card';
import { MARK_TAG } from './mark-style';
import { CLAIM_ATTRIBUTE, TextMarks } from './marks';
import type { MarkClaim } from './messages';

export interface PageMarksOptions {
  card: CardText;
  /** The accessible name of a claim's mark. */
  label: (claim: MarkClaim) => string;
  /** Quiet time after the page's last change before marks are checked again. */
  debounceMs?: number;
  /** Most times marks are put back for one `apply`, so a page that never settles cannot keep us busy. */
  maxReapply?: number;
}

const HIDE_DELAY_MS = 250;

export class PageMarks {
  private readonly marks: TextMarks;
  private readonly card: MarkCard;
  private claims: readonly MarkClaim[] = [];
  private observer: MutationObserver | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private reapplied = 0;
  /** Bumped by every apply and clear, so a sliced apply left behind stops. */
  private generation = 0;
  private listening = false;

  constructor(
    private readonly doc: Document,
    private readonly options: PageMarksOptions,
  ) {
    this.marks = new TextMarks(doc);
    this.card = new MarkCard(doc, options.card);
  }

  /** How many times marks were put back since the last `apply`. */
  get reapplyCount(): number {
    return this.reapplied;
  }

  /** Replaces any marks with these claims' marks. Returns how many sentences were found. */
  apply(claims: readonly MarkClaim[]): { marked: number; missing: number } {
    this.begin(claims);
    return this.settle(this.mark());
  }

  /**
   * `apply`, in slices: after `sliceMs` of marking it gives the page's thread back (a task of its
   * own per slice), so marking a long article never blocks the page for long. A newer `apply`,
   * `applyInSlices` or `clear` stops it.
   */
  async applyInSlices(claims: readonly MarkClaim[], sliceMs = 8): Promise<{ marked: number; missing: number }> {
    const run = this.begin(claims);
    const now = () => this.doc.defaultView?.performance.now() ?? Date.now();
    let marked = 0;
    let start = now();
    for (const [index, claim] of claims.entries()) {
      if (this.marks.applyOne(claim, index, this.options.label)) marked++;
      if (now() - start >= sliceMs && index < claims.length - 1) {
        await yieldToPage(this.doc);
        if (run !== this.generation) return { marked, missing: claims.length - marked };
        start = now();
      }
    }
    return this.settle(marked);
  }

  /** Clears what was there and takes these claims; returns the run's generation. */
  private begin(claims: readonly MarkClaim[]): number {
    this.clear();
    this.claims = claims;
    this.reapplied = 0;
    return ++this.generation;
  }

  /** Once marked: listens for the card and watches the page for marks it takes away. */
  private settle(marked: number): { marked: number; missing: number } {
    if (this.claims.length > 0) {
      this.listen();
      this.observe();
    }
    return { marked, missing: this.claims.length - marked };
  }

  /** Removes marks, card, listeners and observer: the page is as it was before `apply`. */
  clear(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    clearTimeout(this.hideTimer);
    this.unlisten();
    this.card.destroy();
    this.marks.clear();
    this.claims = [];
  }

  private mark(): number {
    return this.marks.apply(this.claims, this.options.label).length;
  }

  private observe(): void {
    const body = this.doc.body;
    const View = this.doc.defaultView?.MutationObserver;
    if (!body || !View) return;
    this.observer = new View(() => {
      // Marking and unmarking mutate the page too; those leave the marks intact and are ignored here.
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.check(), this.options.debounceMs ?? 400);
    });
    this.observer.observe(body, { childList: true, subtree: true, characterData: true });
  }

  private check(): void {
    if (this.marks.intact()) return;
    const max = this.options.maxReapply ?? 10;
    if (this.reapplied >= max) {
      this.observer?.disconnect();
      this.observer = null;
      return;
    }
    this.reapplied += 1;
    this.observer?.disconnect();
    this.card.hide();
    this.marks.clear();
    this.mark();
    // Observing again only after our own changes, so they do not count as the page's.
    this.observe();
  }

  // ---- the card ------------------------------------------------------------------------------

  private claimOf(target: EventTarget | null): { mark: Element; claim: MarkClaim } | null {
    if (!target || (target as Node).nodeType !== Node.ELEMENT_NODE) return null;
    const mark = (target as Element).closest(MARK_TAG);
    if (!mark) return null;
    const index = Number(mark.getAttribute(CLAIM_ATTRIBUTE));
    const claim = this.claims[index];
    if (!claim) return null;
    // The card is anchored to the claim's first piece, the one that takes focus.
    const first = this.marks.marksOf(index)[0] ?? mark;
    return { mark: first, claim };
  }

  private readonly onFocusIn = (event: Event) => {
    const hit = this.claimOf(event.target);
    if (hit) this.showCard(hit.mark, hit.claim);
  };

  private readonly onFocusOut = (event: Event) => {
    if (this.claimOf(event.target)) this.card.hide();
  };

  private readonly onMouseOver = (event: Event) => {
    if (this.card.owns(event.target)) {
      clearTimeout(this.hideTimer);
      return;
    }
    const hit = this.claimOf(event.target);
    if (hit) this.showCard(hit.mark, hit.claim);
  };

  private readonly onMouseOut = (event: Event) => {
    const related = (event as MouseEvent).relatedTarget;
    if (this.claimOf(event.target) || this.card.owns(event.target)) {
      if (this.card.owns(related) || this.claimOf(related)) return;
      clearTimeout(this.hideTimer);
      this.hideTimer = setTimeout(() => this.card.hide(), HIDE_DELAY_MS);
    }
  };

  private readonly onKeyDown = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Escape' && this.card.visible) {
      this.card.hide();
      event.preventDefault();
      return;
    }
    if ((key === 'Enter' || key === ' ') && !this.card.visible) {
      const hit = this.claimOf(event.target);
      if (!hit) return;
      this.showCard(hit.mark, hit.claim);
      event.preventDefault();
    }
  };

  private readonly onViewportChange = () => this.card.place();

  private showCard(mark: Element, claim: MarkClaim): void {
    clearTimeout(this.hideTimer);
    if (this.card.current === mark) return;
    this.card.show(mark, claim);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const doc = this.doc;
    doc.addEventListener('focusin', this.onFocusIn, true);
    doc.addEventListener('focusout', this.onFocusOut, true);
    doc.addEventListener('mouseover', this.onMouseOver, true);
    doc.addEventListener('mouseout', this.onMouseOut, true);
    doc.addEventListener('keydown', this.onKeyDown, true);
    doc.defaultView?.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  private unlisten(): void {
    if (!this.listening) return;
    this.listening = false;
    const doc = this.doc;
    doc.removeEventListener('focusin', this.onFocusIn, true);
    doc.removeEventListener('focusout', this.onFocusOut, true);
    doc.removeEventListener('mouseover', this.onMouseOver, true);
    doc.removeEventListener('mouseout', this.onMouseOut, true);
    doc.removeEventListener('keydown', this.onKeyDown, true);
    doc.defaultView?.removeEventListener('scroll', this.onViewportChange, { capture: true });
    doc.defaultView?.removeEventListener('resize', this.onViewportChange);
  }
}

/**
 * Ends the current task and resumes in a new one. Not setTimeout: a tab in the background (the popup
 * is in front while marks go in) has its timers slowed to one a second; a message is not.
 */
function yieldToPage(doc: Document): Promise<void> {
  const View = doc.defaultView?.MessageChannel;
  if (!View) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new View();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

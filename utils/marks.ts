// Marks flagged sentences in the live page and takes them out again. DOM only, no extension APIs:
// the content script drives it and tests run it in happy-dom. Page text is untrusted: sentences are
// found in text nodes and wrapped with createElement; nothing is ever parsed as markup.
//
// Removing marks restores the page exactly: every text node split to fit a mark is remembered and
// merged back into the node it came from, so the page's own text nodes (which frameworks such as
// React hold on to) keep their identity and the markup is what it was.
import { findSentence, searchRoots } from './highlight';
import { LAST_ATTRIBUTE, MARK_TAG, type MarkVerdict, styleMark, VERDICT_ATTRIBUTE } from './mark-style';

/** Index of the claim a mark belongs to, in the list last applied. */
export const CLAIM_ATTRIBUTE = 'data-crosscheck-claim';

/** Elements inside which a focusable mark would nest one control in another. */
const INTERACTIVE = 'a[href], button, summary, label, select, textarea, [role="button"], [role="link"], [contenteditable="true"]';

export interface MarkTarget {
  text: string;
  verdict: MarkVerdict;
}

export class TextMarks {
  /** Text nodes this module created by splitting the page's own. */
  private readonly created = new Set<Text>();
  /** Marks per claim index, in document order. */
  private readonly byClaim = new Map<number, HTMLElement[]>();

  constructor(private readonly doc: Document) {}

  /**
   * Marks each target's sentence; a sentence that cannot be found (or is already inside a mark) is
   * skipped. `label` names a claim for assistive technology. Returns the indices that were marked.
   */
  apply<T extends MarkTarget>(targets: readonly T[], label: (target: T) => string): number[] {
    const marked: number[] = [];
    targets.forEach((target, index) => {
      if (this.applyOne(target, index, label)) marked.push(index);
    });
    return marked;
  }

  /** Marks one target's sentence as claim `index`; false when it cannot be found or is already marked. */
  applyOne<T extends MarkTarget>(target: T, index: number, label: (target: T) => string): boolean {
    for (const root of searchRoots(this.doc)) {
      const range = findSentence(root, target.text);
      if (!range) continue;
      if (insideMark(range.startContainer) || insideMark(range.endContainer)) return false;
      const pieces = this.wrap(range, target.verdict, index);
      if (pieces.length === 0) continue;
      this.byClaim.set(index, pieces);
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      last?.setAttribute(LAST_ATTRIBUTE, '');
      if (first && !first.parentElement?.closest(INTERACTIVE)) {
        first.tabIndex = 0;
        first.setAttribute('role', 'group');
        first.setAttribute('aria-label', label(target));
      }
      return true;
    }
    return false;
  }

  /** The marks of one claim, in document order. */
  marksOf(index: number): readonly HTMLElement[] {
    return this.byClaim.get(index) ?? [];
  }

  /** True while every mark applied is still in the page. */
  intact(): boolean {
    for (const pieces of this.byClaim.values()) {
      if (!pieces.every((piece) => piece.isConnected)) return false;
    }
    return true;
  }

  get count(): number {
    return this.byClaim.size;
  }

  /** Unwraps every mark and merges the split text nodes back, leaving the page as it was. */
  clear(): void {
    for (const pieces of this.byClaim.values()) {
      for (const mark of pieces) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
    }
    this.byClaim.clear();
    // Stray marks (from a copy of this module that lost its state) go too.
    for (const mark of Array.from(this.doc.querySelectorAll(MARK_TAG))) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    const created = Array.from(this.created).filter((node) => node.isConnected);
    created.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const node of created) {
      const previous = node.previousSibling;
      if (previous && previous.nodeType === Node.TEXT_NODE) {
        (previous as Text).appendData(node.data);
        node.remove();
      }
    }
    this.created.clear();
  }

  /** Wraps each non-blank text segment of `range` in a mark element. */
  private wrap(range: Range, verdict: MarkVerdict, index: number): HTMLElement[] {
    const root = range.commonAncestorContainer;
    const texts: Text[] = [];
    if (root.nodeType === Node.TEXT_NODE) {
      texts.push(root as Text);
    } else {
      const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (range.intersectsNode(node)) texts.push(node as Text);
      }
    }
    const pieces: HTMLElement[] = [];
    for (const original of texts) {
      let node = original;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start || !node.data.slice(start, end).trim()) continue;
      if (start > 0) {
        node = node.splitText(start);
        this.created.add(node);
      }
      if (end - start < node.data.length) this.created.add(node.splitText(end - start));
      const mark = this.doc.createElement(MARK_TAG);
      mark.setAttribute(VERDICT_ATTRIBUTE, verdict);
      mark.setAttribute(CLAIM_ATTRIBUTE, String(index));
      styleMark(mark, verdict);
      node.parentNode?.insertBefore(mark, node);
      mark.appendChild(node);
      pieces.push(mark);
    }
    return pieces;
  }
}

function insideMark(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(MARK_TAG) != null;
}

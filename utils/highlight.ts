// Finds a sentence of the article in the live page and marks it. DOM only, no extension APIs:
// the content script calls it, and tests run it in happy-dom. Page text is untrusted, so marks
// are created with createElement and existing text nodes are moved into them; nothing is parsed.

export const MARK_ATTRIBUTE = 'data-crosscheck-mark';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'MATH']);
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/;
const SPACE = /\s/;

/** Folds typographic variants onto one character each, so offsets stay one-to-one. */
function foldChar(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201a':
    case '\u2032':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u2033':
      return '"';
    case '\u2013':
    case '\u2014':
    case '\u2212':
      return '-';
    default:
      return ch;
  }
}

/** Whitespace collapsed, invisible characters dropped, quotes and dashes folded; trimmed. */
export function normaliseText(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of text) {
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += foldChar(ch);
  }
  return out;
}

interface Position {
  node: Text;
  offset: number;
}

function isSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (SKIPPED.has(el.tagName.toUpperCase()) || el.hidden) return true;
  }
  return false;
}

/** The page text under `root`, normalised like `normaliseText`, with where each character came from. */
function indexText(root: Node): { text: string; positions: Position[] } {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  const positions: Position[] = [];
  let pendingSpace: Position | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textNode = node as Text;
    if (isSkipped(textNode, root)) continue;
    const data = textNode.data;
    let offset = 0;
    for (const ch of data) {
      const here = offset;
      offset += ch.length;
      if (INVISIBLE.test(ch)) continue;
      if (SPACE.test(ch)) {
        if (text.length > 0 && !pendingSpace) pendingSpace = { node: textNode, offset: here };
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        positions.push(pendingSpace);
        pendingSpace = null;
      }
      const folded = foldChar(ch);
      text += folded;
      // A character outside the BMP takes two UTF-16 units in both strings; map both to its start.
      for (let i = 0; i < folded.length; i++) positions.push({ node: textNode, offset: here });
    }
  }
  return { text, positions };
}

/** A Range over the first occurrence of `sentence` in the text under `root`, or null. */
export function findSentence(root: Node, sentence: string): Range | null {
  const needle = normaliseText(sentence);
  if (!needle) return null;
  const { text, positions } = indexText(root);
  let at = text.indexOf(needle);
  let length = needle.length;
  if (at < 0 && needle.length > 80) {
    // The extractor may have tidied the sentence's end (footnote marks, trailing quotes):
    // fall back to its opening, which is still specific enough to be the same sentence.
    const head = needle.slice(0, 80);
    at = text.indexOf(head);
    length = head.length;
  }
  if (at < 0) return null;
  const start = positions[at];
  const lastChar = positions[at + length - 1];
  if (!start || !lastChar) return null;
  const range = (root.ownerDocument ?? (root as Document)).createRange();
  range.setStart(start.node, start.offset);
  // End just after the last matched character (which may be two UTF-16 units long).
  const lastCode = lastChar.node.data.codePointAt(lastChar.offset) ?? 0;
  range.setEnd(lastChar.node, lastChar.offset + (lastCode > 0xffff ? 2 : 1));
  return range;
}

/** Removes the marks this module added, leaving the page's text as it was. */
export function clearHighlights(doc: Document): void {
  for (const mark of Array.from(doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

/** Wraps every text segment of `range` in a <mark>; returns the marks in document order. */
export function markRange(doc: Document, range: Range): HTMLElement[] {
  const root = range.commonAncestorContainer;
  const texts: Text[] = [];
  if (root.nodeType === Node.TEXT_NODE) {
    texts.push(root as Text);
  } else {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (range.intersectsNode(node)) texts.push(node as Text);
    }
  }
  const marks: HTMLElement[] = [];
  for (const original of texts) {
    let node = original;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end <= start || !node.data.slice(start, end).trim()) continue;
    if (start > 0) node = node.splitText(start);
    if (end - start < node.data.length) node.splitText(end - start);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, '');
    mark.style.setProperty('background-color', '#ffd54f', 'important');
    mark.style.setProperty('color', '#000', 'important');
    mark.style.setProperty('outline', '2px solid #f57f17', 'important');
    node.parentNode?.insertBefore(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

/** Where to look first: the article's element when the page has one, then the whole body. */
export function searchRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const selector of ['article', '[role="main"]', 'main']) {
    const el = doc.querySelector(selector);
    if (el && !roots.includes(el)) roots.push(el);
  }
  if (doc.body && !roots.includes(doc.body)) roots.push(doc.body);
  return roots;
}

/** Marks `sentence` in the page and scrolls it into view. False when it is not found. */
export function highlightSentence(doc: Document, sentence: string): boolean {
  clearHighlights(doc);
  for (const root of searchRoots(doc)) {
    const range = findSentence(root, sentence);
    if (!range) continue;
    const marks = markRange(doc, range);
    const first = marks[0];
    if (!first) continue;
    first.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    return true;
  }
  return false;
}

// Stage 1, extract: the article of a page, as text blocks, with its title, publication date and
// language. Readability reads a clone, so the page itself is never touched. Runs in the page
// (content script) and in the command line (linkedom), so it uses only standard DOM calls.
import { Readability } from '@mozilla/readability';
import type { Article, Block } from './types';

const BLOCK_TAGS: Record<string, Block['kind']> = {
  P: 'paragraph',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  LI: 'item',
  FIGCAPTION: 'caption',
  BLOCKQUOTE: 'quote',
  PRE: 'paragraph',
  DD: 'item',
  DT: 'item',
  TD: 'item',
  CAPTION: 'caption',
  DIV: 'paragraph',
  SECTION: 'paragraph',
  ARTICLE: 'paragraph',
};
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME']);
/** A page this long is cut: enough for any article, and it bounds the work the scan does. */
export const MAX_ARTICLE_CHARS = 2_000_000;

const clean = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .trim();

/** Deeper than this, Readability's cost grows with the cube of the depth: read the page flat instead. */
export const MAX_DEPTH = 250;
/** More elements than this and the page is read flat too. */
export const MAX_ELEMENTS = 150_000;

/** Depth and size of the element tree, walked without recursion and stopped early past the caps. */
function shape(root: Element): { depth: number; count: number } {
  let depth = 0;
  let count = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length && count <= MAX_ELEMENTS && depth <= MAX_DEPTH) {
    const [el, d] = stack.pop() as [Element, number];
    count++;
    if (d > depth) depth = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return { depth, count };
}

/** Returns the article on the page, or null when there is none (or the page cannot be read). */
export function extractArticle(doc: Document, url: string): Article | null {
  if (!doc.documentElement) return null;
  try {
    return extract(doc, url);
  } catch {
    // a page that defeats the DOM library (stack depth, broken markup) has no article we can read
    return null;
  }
}

function extract(doc: Document, url: string): Article | null {
  const meta = readMeta(doc);
  let root: Element | null = null;
  let rTitle = '';
  let rLang: string | null = null;
  const { depth, count } = shape(doc.documentElement);
  const flat = depth > MAX_DEPTH || count > MAX_ELEMENTS;
  try {
    if (flat) throw new Error('too deep for Readability');
    const clone = doc.cloneNode(true) as Document;
    // Readability strips classes, and so what marks a cookie banner: it goes before
    for (const el of Array.from(clone.querySelectorAll('[class], [id]'))) if (isConsent(el)) el.remove();
    const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: 200 }).parse();
    if (parsed?.content) {
      root = parsed.content;
      rTitle = parsed.title ?? '';
      rLang = parsed.lang ?? null;
    }
  } catch {
    root = null;
  }
  let blocks: Block[];
  if (flat) blocks = flatBlocks(doc);
  else {
    const readable = root !== null;
    root ??= fallbackRoot(doc);
    if (!root) return null;
    blocks = collectBlocks(root);
    if (readable) blocks = restoreBoxes(doc, restoreHeadings(doc, [...leadBlocks(doc, blocks), ...blocks]));
  }
  const title = clean(meta.title || doc.querySelector('h1')?.textContent || rTitle || doc.title);
  // the headline is a sentence of the article too
  if (title && !blocks.some((b) => b.text === title)) blocks.unshift({ kind: 'heading', text: title });
  let total = 0;
  blocks = blocks.filter((b) => {
    total += b.text.length;
    return total <= MAX_ARTICLE_CHARS;
  });
  // enough running text to be an article: headings and captions alone are not one
  const words = blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'item' || b.kind === 'quote')
    .reduce((n, b) => n + b.text.split(' ').length, 0);
  if (words < 25) return null;
  return {
    url,
    title,
    published: meta.published,
    lang: clean(doc.documentElement?.getAttribute('lang')) || rLang || null,
    siteName: meta.siteName,
    blocks,
  };
}

function fallbackRoot(doc: Document): Element | null {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  if (!root) return null;
  const copy = root.cloneNode(true) as Element;
  for (const el of Array.from(
    copy.querySelectorAll('nav, header, footer, aside, form, [role="navigation"], [class*="comment"], [id*="comment"]'),
  ))
    el.remove();
  return copy;
}

/** An element's class and id, what sites mark their furniture with. */
const labelOf = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
/** A cookie or consent banner, wherever it sits: never the story. */
const CONSENT = /consent|cookie|gdpr/i;
/** (A page-wide "has-cookie-banner" class on the body or the story's container marks no banner.) */
function isConsent(el: Element): boolean {
  if (!CONSENT.test(labelOf(el))) return false;
  if (/^(HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName.toUpperCase()) || el.querySelector('h1')) return false;
  return (el.textContent ?? '').length < 2_000;
}
const PAGE_CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', ...SKIP]);

/** Blocks of a page too deep or too large for Readability, read in one pass without recursion. */
function flatBlocks(doc: Document): Block[] {
  const out: Block[] = [];
  const stack: Element[] = doc.body ? [doc.body] : [];
  while (stack.length) {
    const el = stack.pop() as Element;
    const tag = el.tagName.toUpperCase();
    if (
      PAGE_CHROME.has(tag) ||
      /comment/i.test(el.getAttribute('class') ?? '') ||
      // (cheaply here: this walk is for pages too large to search inside each banner)
      (!/^(BODY|MAIN|ARTICLE)$/.test(tag) && CONSENT.test(labelOf(el)))
    )
      continue;
    const kind = BLOCK_TAGS[tag];
    if (kind && kind !== 'paragraph' ? true : tag === 'P') {
      const text = clean(el.textContent);
      if (text) out.push({ kind: kind ?? 'paragraph', text });
      continue;
    }
    const children: Element[] = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
  return out;
}

/** Standfirsts, lead captions and the like: what marks them as furniture rather than story. */
const NOT_LEAD =
  /byline|author|dateline|timestamp|date|share|social|credit|breadcrumb|kicker|related|promo|advert|sponsor|newsletter|comment|discussion|tags?\b/i;
const LEAD_TAGS = new Set(['H2', 'H3', 'P', 'FIGCAPTION', 'LI']);
/** A paragraph this long is body text, not a byline or a dateline. */
const BODY_WORDS = 12;
/** How far past the headline the body must start for what lies between to count as its lead. */
const LEAD_REACH = 80;

/**
 * Readability keeps the body but drops what sits between the headline and it (the standfirst, the
 * lead picture's caption). Those are sentences of the article too: read them from the page,
 * walking from the headline to the body's first paragraph, and only if the body is reached soon.
 */
function leadBlocks(doc: Document, blocks: Block[]): Block[] {
  const h1 = doc.querySelector('h1');
  if (!h1) return [];
  const have = new Set(blocks.map((b) => b.text));
  const out: Block[] = [];
  // the walk stays inside the story that holds the headline
  const story = h1.closest('article, main, [role="main"]') ?? doc.body;
  // the next element in document order, skipping el's own subtree when asked
  const next = (el: Element, into: boolean): Element | null => {
    if (into && el.firstElementChild) return el.firstElementChild;
    for (let e: Element | null = el; e && e !== story; e = e.parentElement) if (e.nextElementSibling) return e.nextElementSibling;
    return null;
  };
  let el = next(h1, false);
  // paragraphs met that Readability kept: the second is surely the body (the first may be a standfirst)
  let kept = 0;
  for (let steps = 0; el && steps < LEAD_REACH && kept < 2; steps++) {
    const tag = el.tagName.toUpperCase();
    const text = clean(el.textContent);
    if (have.has(text)) {
      // (a byline or a dateline Readability kept is no body: "By … and wires", "Posted Wed 3 May 2017")
      if (text.split(' ').length >= BODY_WORDS) kept++;
      el = next(el, false);
      continue;
    }
    const label = labelOf(el);
    if (PAGE_CHROME.has(tag) || NOT_LEAD.test(label)) {
      el = next(el, false);
      continue;
    }
    // (a list item holding paragraphs is a container, not a key point: "<li><h2>…</h2><p>…</p></li>")
    if (LEAD_TAGS.has(tag) && !el.querySelector('p, h2, h3, h4, li')) {
      const copy = el.cloneNode(true) as Element;
      for (const c of Array.from(copy.querySelectorAll('*'))) {
        if (NOT_LEAD.test(labelOf(c))) c.remove();
      }
      const own = clean(copy.textContent);
      // key points are short: a list item of a few words is a sentence too
      if (own.split(' ').length >= (tag === 'LI' ? 4 : 6) && !have.has(own) && !blocks.some((b) => b.text.includes(own)))
        out.push({ kind: tag === 'FIGCAPTION' ? 'caption' : tag === 'P' ? 'paragraph' : tag === 'LI' ? 'item' : 'heading', text: own });
      el = next(el, false);
      continue;
    }
    el = next(el, true);
  }
  // the body never came: whatever was collected may be anything
  return kept > 0 ? out : [];
}

/**
 * Readability drops a heading that looks like the page title ("Merkel visits Putin in Sochi" under "Today
 * in Brief: …; Merkel in Sochi; …"): a sub-heading whose next paragraph it kept is the story's, so it goes
 * back in before that paragraph.
 */
function restoreHeadings(doc: Document, blocks: Block[]): Block[] {
  const have = new Set(blocks.map((b) => b.text));
  const out = [...blocks];
  for (const h of Array.from(doc.querySelectorAll('h2, h3'))) {
    const text = clean(h.textContent);
    const next = h.nextElementSibling;
    if (!text || have.has(text) || !next || next.tagName.toUpperCase() !== 'P') continue;
    const at = out.findIndex((b) => b.text === clean(next.textContent));
    if (at < 0) continue;
    out.splice(at, 0, { kind: 'heading', text });
    have.add(text);
  }
  return out;
}

/**
 * Readability drops an aside inside the story, and with it a timeline or a box of key facts ("How we got
 * here: Jan. 28: Putin phones Trump…"). A box of sentences with few links is the story's: its heading and
 * items go back in where it stood. Boxes of links, promotions, newsletters and the like stay out.
 */
function restoreBoxes(doc: Document, blocks: Block[]): Block[] {
  const story = doc.querySelector('h1')?.closest('article, main, [role="main"]');
  // (most stories have no aside: nothing to walk)
  if (!story?.querySelector('aside')) return blocks;
  const at = new Map<string, number>();
  for (const [i, b] of blocks.entries()) at.set(b.text, i);
  const out = [...blocks];
  let after = -1;
  let added = 0;
  for (const el of Array.from(story.querySelectorAll('*'))) {
    const tag = el.tagName.toUpperCase();
    if (BLOCK_TAGS[tag] !== undefined) after = at.get(clean(el.textContent)) ?? after;
    if (tag !== 'ASIDE' || el.parentElement?.closest('aside')) continue;
    const text = clean(el.textContent);
    if (!text || NOT_LEAD.test(labelOf(el)) || isConsent(el) || blocks.some((b) => text.includes(b.text))) continue;
    const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + clean(a.textContent).length, 0);
    if (linked > text.length * 0.2) continue;
    const items = Array.from(el.querySelectorAll('li')).map((li) => clean(li.textContent));
    // sentences: most items run to several words and end as sentences do
    if (items.length < 2 || items.filter((t) => /[.!]$/.test(t) && t.split(' ').length >= 6).length < items.length * 0.8) continue;
    const heading = clean(el.querySelector('h2, h3, h4')?.textContent);
    const box: Block[] = [
      ...(heading ? [{ kind: 'heading' as const, text: heading }] : []),
      ...items.map((text) => ({ kind: 'item' as const, text })),
    ];
    out.splice(after + 1 + added, 0, ...box);
    added += box.length;
  }
  return out;
}

/** Which elements hold a block somewhere inside: one bottom-up pass instead of a search per element. */
function blockHolders(root: Element): Set<Element> {
  const holders = new Set<Element>();
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    order.push(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as Element;
    const parent = el.parentElement;
    if (parent && (holders.has(el) || BLOCK_TAGS[el.tagName.toUpperCase()] !== undefined)) holders.add(parent);
  }
  return holders;
}

/**
 * "READ MORE: Metro bomb horror: 14 dead…", "Related: …": a paragraph that is a link to another story,
 * however the site dresses it, is no sentence of this one: a cue word first, or nearly all of it a link.
 */
const PROMO_CUE = /^\s*(read more|more|related|see also|also read|read also|watch|listen|recommended)\b\s*[:|»>-]/i;
function isPromo(el: Element): boolean {
  const text = clean(el.textContent ?? '');
  if (!text || el.tagName.toUpperCase() !== 'P') return false;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + clean(a.textContent ?? '').length, 0);
  return PROMO_CUE.test(text) && linked >= text.length * 0.5;
}

function collectBlocks(root: Element): Block[] {
  const out: Block[] = [];
  const holders = blockHolders(root);
  const push = (kind: Block['kind'], text: string) => {
    const t = clean(text);
    if (t) out.push({ kind, text: t });
  };
  const visit = (el: Element) => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isConsent(el)) return;
    if (!holders.has(el)) {
      if (!isPromo(el)) push(BLOCK_TAGS[tag] ?? 'paragraph', el.textContent ?? '');
      return;
    }
    // blocks inside: each is its own block, and loose text between them is a paragraph
    let loose = '';
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) loose += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as Element;
        const childTag = child.tagName.toUpperCase();
        if (SKIP.has(childTag)) continue;
        if (BLOCK_TAGS[childTag] !== undefined || holders.has(child)) {
          push('paragraph', loose);
          loose = '';
          visit(child);
        } else loose += child.textContent ?? '';
      }
    }
    push('paragraph', loose);
  };
  visit(root);
  return out;
}

interface Meta {
  title: string;
  published: string | null;
  siteName: string | null;
}

const isoDay = (s: string | null | undefined): string | null => {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  // only a day that exists: "2017-13-45" would make every relative date NaN
  return day && !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().slice(0, 10) === day ? day : null;
};

function readMeta(doc: Document): Meta {
  const metaContent = (...names: string[]) => {
    for (const n of names) {
      const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
      const v = el?.getAttribute('content');
      if (v) return v;
    }
    return null;
  };
  let published = isoDay(
    metaContent(
      'article:published_time',
      'og:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'DC.date.issued',
      'dcterms.created',
      'dcterms.issued',
      'dcterms.date',
      'DC.date',
      'article.published',
      'sailthru.date',
      'parsely-pub-date',
    ),
  );
  if (!published) published = jsonLdDate(doc);
  if (!published) {
    for (const t of Array.from(doc.querySelectorAll('time[datetime]'))) {
      published = isoDay(t.getAttribute('datetime'));
      if (published) break;
    }
  }
  return {
    title: clean(metaContent('og:title', 'twitter:title')),
    published,
    siteName: metaContent('og:site_name') ?? null,
  };
}

function jsonLdDate(doc: Document): string | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const stack: unknown[] = [JSON.parse(s.textContent ?? '')];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v)) stack.push(...v);
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          const d = isoDay(typeof o.datePublished === 'string' ? o.datePublished : null);
          if (d) return d;
          if (o['@graph']) stack.push(o['@graph']);
        }
      }
    } catch {
      // a broken JSON-LD block is the page's problem, not a reason to fail
    }
  }
  return null;
}

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARD_HOST_TAG, type CardText } from '@/utils/mark-card';
import { MARK_TAG, VERDICT_ATTRIBUTE } from '@/utils/mark-style';
import { TextMarks } from '@/utils/marks';
import type { MarkClaim } from '@/utils/messages';
import { PageMarks } from '@/utils/page-marks';

/** Builds the page with DOM calls (the test's own trusted markup, parsed by DOMParser). */
function setPage(html: string) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

const CARD: CardText = {
  verdict: { contradict: 'Contradicted', disputed: 'Disputed', agree: 'Agrees' },
  stance: { agree: 'Supports', contradict: 'Contradicts' },
  label: 'Crosscheck evidence',
  hint: 'Esc to close',
};
const label = (claim: { verdict: string; text: string }) => `${claim.verdict}: ${claim.text}`;

function claim(text: string, verdict: MarkClaim['verdict'] = 'contradict', reason = 'figures differ'): MarkClaim {
  return { text, verdict, evidence: [{ outlet: 'Wire Service', text: 'Three people were hurt.', stance: 'contradict', reason }] };
}

const marks = () => Array.from(document.querySelectorAll<HTMLElement>(MARK_TAG));
const cardHost = () => document.querySelector(CARD_HOST_TAG);
const card = () => cardHost()?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;

const PAGES: Array<[string, string, string[]]> = [
  [
    'one text node, two sentences',
    '<article><p>The fire started on Tuesday. Twelve people were injured. Crews left.</p></article>',
    ['The fire started on Tuesday.', 'Twelve people were injured.'],
  ],
  [
    'a sentence across a link and emphasis',
    '<article><p>Officials at the\n   <a href="/port">port authority</a> said the <em>depot</em> was empty. Next one.</p></article>',
    ['Officials at the port authority said the depot was empty.'],
  ],
  [
    'a whole paragraph',
    '<article><h1>Title</h1><p>Twelve people were injured.</p><p>Crews left.</p></article>',
    ['Twelve people were injured.', 'Crews left.'],
  ],
  ['curly quotes', '<p>The mayor said \u201cwe\u2019re safe\u201d on Monday. Then left.</p>', [`The mayor said "we're safe" on Monday.`]],
  ['a sentence not in the page (skipped)', '<article><p>Twelve people were injured.</p></article>', ['Nobody was hurt at all.']],
  ['the same sentence twice (marked once)', '<article><p>Crews left. Crews left.</p></article>', ['Crews left.', 'Crews left.']],
];

describe('TextMarks', () => {
  beforeEach(() => setPage(''));

  it.each(PAGES)('%s: clearing restores the page exactly', (_name, html, sentences) => {
    setPage(html);
    const before = document.body.innerHTML;
    const textNodes = Array.from(document.body.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE),
    );
    const textMarks = new TextMarks(document);
    textMarks.apply(
      sentences.map((text) => ({ text, verdict: 'disputed' as const })),
      label,
    );
    textMarks.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(marks()).toHaveLength(0);
    // The page's own text nodes are the same objects as before (frameworks hold on to them).
    for (const node of textNodes) expect(node.isConnected, JSON.stringify(node.textContent)).toBe(true);
  });

  it.each([
    ['contradict', 'The fire started on Tuesday.'],
    ['disputed', 'Twelve people were injured.'],
    ['agree', 'Crews left.'],
  ] as const)('marks a %s sentence with its verdict, a focus stop and an accessible name', (verdict, text) => {
    setPage('<article><p>The fire started on Tuesday. Twelve people were injured. Crews left.</p></article>');
    const textMarks = new TextMarks(document);
    expect(textMarks.apply([{ text, verdict }], label)).toEqual([0]);
    const [mark] = marks();
    expect(mark?.textContent).toBe(text);
    expect(mark?.getAttribute(VERDICT_ATTRIBUTE)).toBe(verdict);
    expect(mark?.tabIndex).toBe(0);
    expect(mark?.getAttribute('role')).toBe('group');
    expect(mark?.getAttribute('aria-label')).toBe(`${verdict}: ${text}`);
    expect(mark?.style.getPropertyValue('text-decoration-style')).toBe({ contradict: 'wavy', disputed: 'dashed', agree: 'solid' }[verdict]);
  });

  it('gives a sentence split over several elements one focus stop, and none inside a link', () => {
    setPage('<article><p>Officials at the <a href="/port">port authority</a> said the depot was empty.</p></article>');
    new TextMarks(document).apply([{ text: 'Officials at the port authority said the depot was empty.', verdict: 'agree' }], label);
    expect(marks().length).toBe(3);
    expect(marks().filter((m) => m.tabIndex === 0)).toHaveLength(1);
    expect(marks()[1]?.closest('a')).not.toBeNull();
    expect(marks()[1]?.hasAttribute('tabindex')).toBe(false);
  });

  it('reports which sentences it found', () => {
    setPage('<article><p>Twelve people were injured. Crews left.</p></article>');
    const found = new TextMarks(document).apply(
      [
        { text: 'Not in the page.', verdict: 'agree' },
        { text: 'Crews left.', verdict: 'agree' },
      ],
      label,
    );
    expect(found).toEqual([1]);
  });

  it('takes page text as text: markup-like sentences are never parsed', () => {
    setPage('<article><p>A &lt;img src=x onerror=alert(1)&gt; tag was posted.</p></article>');
    new TextMarks(document).apply([{ text: 'A <img src=x onerror=alert(1)> tag was posted.', verdict: 'agree' }], label);
    expect(marks()).toHaveLength(1);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('PageMarks', () => {
  let page: PageMarks;
  beforeEach(() => {
    setPage(
      '<main><article><p>The fire started on Tuesday. Twelve people were injured.</p><p id="second">Officials said the depot was empty.</p></article></main>',
    );
    page = new PageMarks(document, { card: CARD, label, debounceMs: 10, maxReapply: 2 });
  });
  afterEach(() => page.clear());

  it('counts found and missing sentences', () => {
    expect(page.apply([claim('Twelve people were injured.'), claim('Not on this page.')])).toEqual({ marked: 1, missing: 1 });
  });

  const THREE = ['The fire started on Tuesday.', 'Twelve people were injured.', 'Officials said the depot was empty.'];

  it.each([
    ['in one slice', 1_000],
    ['a slice per sentence', 0],
  ])('marks in slices what apply marks (%s)', async (_label, sliceMs) => {
    const sliced = await page.applyInSlices([...THREE.map((t) => claim(t)), claim('Not on this page.')], sliceMs);
    const slicedMarks = marks().map((m) => m.textContent);
    page.clear();
    expect(page.apply([...THREE.map((t) => claim(t)), claim('Not on this page.')])).toEqual(sliced);
    expect(marks().map((m) => m.textContent)).toEqual(slicedMarks);
    expect(sliced).toEqual({ marked: 3, missing: 1 });
  });

  it('gives the thread back between slices, and stops when cleared meanwhile', async () => {
    const done = page.applyInSlices(
      THREE.map((t) => claim(t)),
      0,
    );
    // the first slice ran before the first await; the rest wait for later tasks
    expect(marks()).toHaveLength(1);
    page.clear();
    await done;
    expect(marks()).toHaveLength(0);
  });

  it('shows the card on keyboard focus, with verdict, quote, source and reason as text; Escape hides it', () => {
    page.apply([claim('Twelve people were injured.', 'contradict', '<b>12</b> vs 3')]);
    const mark = marks()[0];
    mark?.focus();
    mark?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(card()?.hidden).toBe(false);
    const text = card()?.textContent ?? '';
    expect(text).toContain('Contradicted');
    expect(text).toContain('Three people were hurt.');
    expect(text).toContain('Wire Service');
    expect(text).toContain('<b>12</b> vs 3');
    expect(card()?.querySelector('b')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()?.hidden).toBe(true);
    // Enter on the focused mark opens it again.
    mark?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(card()?.hidden).toBe(false);
  });

  it('shows the card on hover and hides it after the pointer leaves', async () => {
    page.apply([claim('Twelve people were injured.', 'agree')]);
    marks()[0]?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(card()?.hidden).toBe(false);
    marks()[0]?.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    await vi.waitFor(() => expect(card()?.hidden).toBe(true));
  });

  it('keeps the card out of <body> and removes it with the marks', () => {
    const before = document.body.innerHTML;
    page.apply([claim('Twelve people were injured.')]);
    marks()[0]?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(cardHost()?.parentElement).toBe(document.documentElement);
    page.clear();
    expect(cardHost()).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('puts the marks back when the page re-renders the sentence, and stops after the bound', async () => {
    page.apply([claim('Officials said the depot was empty.')]);
    const rerender = () => {
      const second = document.getElementById('second');
      if (second) second.textContent = 'Officials said the depot was empty.';
    };
    rerender();
    expect(marks()).toHaveLength(0);
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    rerender();
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    expect(page.reapplyCount).toBe(2);
    rerender();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marks()).toHaveLength(0); // the page never settles: we stop trying
  });

  it('a new apply replaces the earlier marks', () => {
    page.apply([claim('Twelve people were injured.')]);
    page.apply([claim('The fire started on Tuesday.', 'agree')]);
    expect(marks().map((m) => [m.textContent, m.getAttribute(VERDICT_ATTRIBUTE)])).toEqual([['The fire started on Tuesday.', 'agree']]);
  });
});

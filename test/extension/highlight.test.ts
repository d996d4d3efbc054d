// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearHighlights, findSentence, highlightSentence, MARK_ATTRIBUTE, normaliseText } from '@/utils/highlight';

/** Builds the page with DOM calls (the test's own trusted markup, parsed by DOMParser). */
function setPage(html: string) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
}

const marks = () => [...document.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)];
const markedText = () =>
  marks()
    .map((m) => m.textContent)
    .join('');

describe('normaliseText', () => {
  it.each([
    ['  a \n\t b  ', 'a b'],
    ['It\u2019s \u201cfine\u201d', `It's "fine"`],
    ['soft\u00adhyphen and zero\u200bwidth', 'softhyphen and zerowidth'],
    ['non\u00a0breaking', 'non breaking'],
    ['10\u201312', '10-12'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('highlightSentence', () => {
  beforeEach(() => setPage(''));

  it('marks a sentence inside one text node, leaving the rest of the paragraph alone', () => {
    setPage('<article><p>The fire started on Tuesday. Twelve people were injured. Crews left.</p></article>');
    expect(highlightSentence(document, 'Twelve people were injured.')).toBe(true);
    expect(marks()).toHaveLength(1);
    expect(markedText()).toBe('Twelve people were injured.');
    expect(document.querySelector('p')?.textContent).toBe('The fire started on Tuesday. Twelve people were injured. Crews left.');
  });

  it('marks a sentence that runs across links and line breaks in the markup', () => {
    setPage('<article><p>Officials at the\n   <a href="#">port authority</a> said the <em>depot</em> was empty. Next.</p></article>');
    expect(highlightSentence(document, 'Officials at the port authority said the depot was empty.')).toBe(true);
    expect(marks().length).toBeGreaterThan(1);
    expect(normaliseText(markedText())).toBe('Officials at the port authority said the depot was empty.');
    expect(document.querySelector('a')?.textContent).toBe('port authority');
  });

  it('matches across curly and straight quotes', () => {
    setPage('<p>The mayor said \u201cwe\u2019re safe\u201d on Monday.</p>');
    expect(highlightSentence(document, `The mayor said "we're safe" on Monday.`)).toBe(true);
    expect(markedText()).toBe('The mayor said \u201cwe\u2019re safe\u201d on Monday.');
  });

  it('prefers the article over the same words elsewhere in the page', () => {
    setPage('<aside><p>Twelve people were injured.</p></aside><article><p>Twelve people were injured.</p></article>');
    expect(highlightSentence(document, 'Twelve people were injured.')).toBe(true);
    expect(marks()[0]?.closest('article')).not.toBeNull();
  });

  it('does not look inside scripts or styles', () => {
    setPage('<script>var s = "Twelve people were injured.";</script><p>Nothing here.</p>');
    expect(highlightSentence(document, 'Twelve people were injured.')).toBe(false);
    expect(marks()).toHaveLength(0);
  });

  it('returns false for a sentence the page does not have', () => {
    setPage('<article><p>The fire started on Tuesday.</p></article>');
    expect(highlightSentence(document, 'The fire started on Wednesday.')).toBe(false);
    expect(marks()).toHaveLength(0);
  });

  it('keeps only the latest highlight and restores the text it unwraps', () => {
    setPage('<article><p>First sentence here. Second sentence here.</p></article>');
    highlightSentence(document, 'First sentence here.');
    highlightSentence(document, 'Second sentence here.');
    expect(marks()).toHaveLength(1);
    expect(markedText()).toBe('Second sentence here.');
    clearHighlights(document);
    expect(marks()).toHaveLength(0);
    const p = document.querySelector('p');
    expect(p?.textContent).toBe('First sentence here. Second sentence here.');
    expect(p?.childNodes).toHaveLength(1); // text nodes merged back
  });

  it('treats markup-like page text as text', () => {
    const p = document.createElement('p');
    p.textContent = 'He typed <img src=x onerror=alert(1)> into the form.';
    document.body.append(p);
    expect(highlightSentence(document, 'He typed <img src=x onerror=alert(1)> into the form.')).toBe(true);
    expect(document.querySelector('img')).toBeNull();
    expect(markedText()).toBe('He typed <img src=x onerror=alert(1)> into the form.');
  });

  it('falls back to the opening of a long sentence whose end differs', () => {
    const opening = 'The regional council confirmed on Thursday evening that the evacuation order for the harbour district';
    setPage(`<p>${opening} would remain in force until Sunday.[3]</p>`);
    expect(highlightSentence(document, `${opening} would remain in force until Sunday.`)).toBe(true);
    expect(markedText().length).toBeGreaterThanOrEqual(80);
  });
});

describe('findSentence', () => {
  it('returns a range whose text is the sentence', () => {
    setPage('<p>One. Two  words\nhere. Three.</p>');
    const range = findSentence(document.body, 'Two words here.');
    expect(range && normaliseText(range.toString())).toBe('Two words here.');
  });

  it('returns null for blank input', () => {
    setPage('<p>One.</p>');
    expect(findSentence(document.body, '   ')).toBeNull();
  });
});

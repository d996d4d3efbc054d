// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createConnector } from '@/components/connector';
import content from '@/entrypoints/content';
import { parseResponse } from '@/utils/messages';
import { t } from '../helpers/translate';

const PARAGRAPHS = [
  'The fire at the Northport harbour depot started late on Tuesday night, according to the regional fire service.',
  'Twelve people were injured in the blaze, officials said on Wednesday morning after the flames were put out.',
  'Officials said the depot was empty at the time. The cause of the fire is still unknown and an investigation is open.',
];

function setPage() {
  document.body.replaceChildren();
  const article = document.createElement('article');
  const h1 = document.createElement('h1');
  h1.textContent = 'Blaze rips through harbour depot';
  article.append(h1);
  for (const text of PARAGRAPHS) {
    const p = document.createElement('p');
    p.textContent = text;
    article.append(p);
  }
  document.body.append(article);
}

const own = () => ({ id: fakeBrowser.runtime.id });

async function deliver(message: unknown, sender: { id?: string } = own()) {
  return fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
}

/** Runs the content script as an injection would (it does not use the context argument). */
const inject = () => content.main(undefined as never);

describe('content script', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // fakeBrowser has no i18n catalogue: answer from the English one.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: never, subs?: string | string[]) => t(key, subs)) as never);
    delete window.__crosscheckContentScript;
    setPage();
  });

  it('answers an extract request with the article as plain data', async () => {
    inject();
    const [response] = await deliver({ type: 'extract' });
    // What the popup will accept: the answer satisfies the message contract.
    const article = parseResponse('extract', response)?.article;
    expect(article?.title).toBe('Blaze rips through harbour depot');
    expect(article?.blocks.map((b) => b.text)).toEqual(expect.arrayContaining(PARAGRAPHS));
    expect(JSON.parse(JSON.stringify(response))).toEqual(response);
  });

  it('answers with no article on a page without one', async () => {
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Log in' }));
    inject();
    expect(await deliver({ type: 'extract' })).toEqual([{ article: null }]);
  });

  it('listens once however many times it is injected', async () => {
    inject();
    inject();
    inject();
    expect(await deliver({ type: 'extract' })).toHaveLength(1);
  });

  it.each([
    ['a live earlier copy', true, 0],
    ['a copy orphaned by an extension reload', false, 1],
  ])('next to %s, a new injection listens only if the old one is dead', async (_name, alive, listeners) => {
    window.__crosscheckContentScript = { alive: () => alive };
    inject();
    expect(await deliver({ type: 'extract' })).toHaveLength(listeners);
  });

  it('two popups reading the same tab at once both get the article, and the page has one listener', async () => {
    await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/fire' });
    const answers: number[] = [];
    // The browser, as far as the connector sees it: injection runs the script, messages reach its listeners.
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => {
      await Promise.resolve(); // let the other popup's injection interleave
      inject();
      return [];
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: unknown) => {
      const responses = await deliver(message);
      answers.push(responses.length);
      return responses[0];
    }) as never);
    const search = `?tabId=${tab.id}`;
    const [first, second] = await Promise.all([createConnector(search).loadArticle(), createConnector(search).loadArticle()]);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledTimes(2);
    expect(answers).toEqual([1, 1]);
    expect(first).toEqual(second);
    expect(first.kind === 'article' && first.article.title).toBe('Blaze rips through harbour depot');
  });

  it('marks the requested sentence in the page', async () => {
    inject();
    const text = 'Twelve people were injured in the blaze, officials said on Wednesday morning after the flames were put out.';
    const [response] = await deliver({ type: 'highlight', block: 2, start: 0, end: text.length, text });
    expect(response).toEqual({ found: true });
    expect(document.querySelector('mark')?.textContent).toBe(text);
  });

  it.each([
    ['another extension', { type: 'extract' }, { id: 'other-extension' }],
    ['a web page', { type: 'extract' }, {}],
    ['a malformed highlight', { type: 'highlight', text: 'Twelve people' }, own()],
    ['a message for the background', { type: 'setBadge', tabId: 1, count: 1 }, own()],
  ])('ignores %s', async (_name, message, sender) => {
    inject();
    expect(await deliver(message, sender)).toEqual([undefined]);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('marks claims, answers how many were found, and clears back to the original page', async () => {
    inject();
    const before = document.body.innerHTML;
    const claims = [
      {
        text: PARAGRAPHS[1] ?? '',
        verdict: 'contradict',
        evidence: [{ outlet: 'Wire', text: 'Three were hurt.', stance: 'contradict', reason: 'count' }],
      },
      { text: 'Officials said the depot was empty at the time.', verdict: 'agree', evidence: [] },
      { text: 'A sentence that is not there.', verdict: 'disputed', evidence: [] },
    ];
    const [response] = await deliver({ type: 'mark', claims });
    expect(parseResponse('mark', response)).toEqual({ marked: 2, missing: 1 });
    const marks = Array.from(document.querySelectorAll('crosscheck-mark'));
    expect(marks.map((m) => m.getAttribute('data-crosscheck-verdict'))).toEqual(['contradict', 'agree']);
    expect(marks[0]?.getAttribute('aria-label')).toBe('Contradicted by references: count');
    expect(await deliver({ type: 'clearMarks' })).toEqual([{ ok: true }]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('clears a "Show in page" highlight together with the marks', async () => {
    inject();
    const before = document.body.innerHTML;
    const text = PARAGRAPHS[1] ?? '';
    await deliver({ type: 'mark', claims: [{ text, verdict: 'agree', evidence: [] }] });
    await deliver({ type: 'highlight', block: 2, start: 0, end: text.length, text });
    expect(document.querySelector('crosscheck-mark mark')).not.toBeNull();
    await deliver({ type: 'clearMarks' });
    expect(document.body.innerHTML).toBe(before);
  });
});

// @vitest-environment happy-dom
// Malformed and foreign messages to the background and the content script: each is ignored —
// no answer (so the message is left to other listeners), no badge, no mark, the page untouched.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import content from '@/entrypoints/content';
import { parseResponse } from '@/utils/messages';

type Sender = { id?: unknown; url?: string; tab?: { id: number } };

const OWN = () => fakeBrowser.runtime.id;
const own = (): Sender => ({ id: OWN() });
const HUGE = 'x'.repeat(5_000_001);

const SENTENCE = 'Twelve people were injured in the blaze, officials said on Wednesday morning after the flames were put out.';
const validHighlight = () => ({ type: 'highlight', block: 1, start: 0, end: SENTENCE.length, text: SENTENCE });
const validBadge = () => ({ type: 'setBadge', tabId: 5, count: 3 });

/** Senders that are not this extension, each with a message that would be valid from it. */
const FOREIGN_SENDERS: [string, () => Sender][] = [
  ['another extension', () => ({ id: 'abcdefghijklmnopabcdefghijklmnop' })],
  ['a web page (no id, a url and a tab)', () => ({ url: 'https://evil.example/', tab: { id: 5 } })],
  ['an empty id', () => ({ id: '' })],
  ['a numeric id', () => ({ id: 42 })],
  ['an id that only starts like ours', () => ({ id: `${OWN()}x` })],
  ['an id with our id as a prefix match', () => ({ id: OWN().slice(0, -1) })],
  ['an id object', () => ({ id: { toString: () => OWN() } })],
  ['an id array', () => ({ id: [OWN()] })],
];

/** Messages from this extension that break the contract. */
const MALFORMED: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 7],
  ['a string', 'extract'],
  ['an array of messages', [{ type: 'extract' }]],
  ['an empty object', {}],
  ['an unknown type', { type: 'eval', code: 'alert(1)' }],
  ['a type of the wrong case', { type: 'Extract' }],
  ['a type with padding', { type: ' extract' }],
  ['a numeric type', { type: 0 }],
  ['extract with an extra field', { type: 'extract', selector: 'body' }],
  ['extract with an own __proto__ key', JSON.parse('{"type":"extract","__proto__":{"polluted":true}}')],
  ['highlight with an extra field', { ...validHighlight(), html: '<img src=x onerror=alert(1)>' }],
  ['highlight with text of 5,001 characters', { ...validHighlight(), text: 'a'.repeat(5_001) }],
  ['highlight with 5 MB of text', { ...validHighlight(), text: HUGE }],
  ['highlight with text as an array', { ...validHighlight(), text: [SENTENCE] }],
  ['highlight with text as an object', { ...validHighlight(), text: { toString: () => SENTENCE } }],
  ['highlight with a negative start', { ...validHighlight(), start: -1 }],
  ['highlight with Infinity', { ...validHighlight(), end: Number.POSITIVE_INFINITY }],
  ['highlight with NaN', { ...validHighlight(), block: Number.NaN }],
  ['highlight with a fraction', { ...validHighlight(), block: 1.5 }],
  ['highlight with a bigint', { ...validHighlight(), block: 1n }],
  ['highlight with a string offset', { ...validHighlight(), start: '0' }],
  ['setBadge with an extra field', { ...validBadge(), text: '!!!' }],
  ['setBadge with a string count', { ...validBadge(), count: '999' }],
  ['setBadge with a huge string count', { ...validBadge(), count: HUGE }],
  ['setBadge with a negative tab', { ...validBadge(), tabId: -1 }],
  ['setBadge with a fractional tab', { ...validBadge(), tabId: 5.5 }],
  ['setBadge with a tab as a string', { ...validBadge(), tabId: '5' }],
  ['setBadge with a missing count', { type: 'setBadge', tabId: 5 }],
];

async function deliver(message: unknown, sender: Sender): Promise<unknown[]> {
  return fakeBrowser.runtime.onMessage.trigger(message, sender as { id?: string }, () => {});
}

describe('background ignores foreign and malformed messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  const expectNoBadge = async () => {
    for (const tabId of [0, 5]) expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  };

  it('sanity: a valid message from this extension does set the badge', async () => {
    expect(await deliver(validBadge(), own())).toEqual([{ ok: true }]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
  });

  it.each(FOREIGN_SENDERS)('a valid setBadge from %s', async (_name, sender) => {
    expect(await deliver(validBadge(), sender())).toEqual([undefined]);
    await expectNoBadge();
  });

  it.each(MALFORMED)('%s from this extension', async (_name, message) => {
    expect(await deliver(message, own())).toEqual([undefined]);
    await expectNoBadge();
  });

  it('a message with no sender at all', async () => {
    expect(await fakeBrowser.runtime.onMessage.trigger(validBadge(), undefined as never, () => {})).toEqual([undefined]);
    await expectNoBadge();
  });
});

describe('content script ignores foreign and malformed messages', () => {
  let pageHtml = '';

  beforeEach(() => {
    fakeBrowser.reset();
    delete window.__crosscheckContentScript;
    document.body.replaceChildren();
    const article = document.createElement('article');
    for (const text of ['Blaze rips through harbour depot', SENTENCE, 'Officials said the depot was empty at the time of the fire.']) {
      const p = document.createElement('p');
      p.textContent = text;
      article.append(p);
    }
    document.body.append(article);
    pageHtml = document.body.innerHTML;
    content.main(undefined as never);
  });

  const expectUntouched = () => {
    expect(document.querySelector('mark')).toBeNull();
    expect(document.body.innerHTML).toBe(pageHtml);
  };

  it('sanity: a valid highlight from this extension does mark the page', async () => {
    expect(await deliver(validHighlight(), own())).toEqual([{ found: true }]);
    expect(document.querySelector('mark')?.textContent).toBe(SENTENCE);
  });

  it.each(FOREIGN_SENDERS)('extract and highlight from %s', async (_name, sender) => {
    expect(await deliver({ type: 'extract' }, sender())).toEqual([undefined]);
    expect(await deliver(validHighlight(), sender())).toEqual([undefined]);
    expectUntouched();
  });

  it.each(MALFORMED)('%s from this extension', async (_name, message) => {
    expect(await deliver(message, own())).toEqual([undefined]);
    expectUntouched();
  });

  it('leaves Object.prototype alone', async () => {
    await deliver(JSON.parse('{"type":"extract","__proto__":{"polluted":true}}'), own());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the popup refuses hostile answers from a page', () => {
  const article = {
    url: 'https://news.example/a',
    title: 'A',
    published: null,
    lang: 'en',
    siteName: null,
    blocks: [{ kind: 'paragraph', text: 'Hello.' }],
  };

  it.each([
    ['a block of an unknown kind', { article: { ...article, blocks: [{ kind: 'script', text: 'alert(1)' }] } }],
    ['blocks as a string', { article: { ...article, blocks: '<p>x</p>' } }],
    [
      'a block with html instead of text',
      { article: { ...article, blocks: [{ kind: 'paragraph', html: '<img src=x onerror=alert(1)>' }] } },
    ],
    ['a numeric title', { article: { ...article, title: 1 } }],
    ['an extra top-level field', { article, eval: 'alert(1)' }],
    ['an array', [{ article }]],
  ])('extract answered with %s', (_name, raw) => {
    expect(parseResponse('extract', raw)).toBeNull();
  });

  it('drops fields the contract does not name', () => {
    const parsed = parseResponse('extract', { article: { ...article, onload: 'alert(1)' } });
    expect(parsed?.article).toEqual(article);
  });
});

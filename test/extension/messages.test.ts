import { describe, expect, it } from 'vitest';
import { isOwnSender, parseMessage, parseResponse, receiveMessage } from '@/utils/messages';

const OWN = 'own-extension-id';

describe('parseMessage', () => {
  it.each([
    ['extract', { type: 'extract' }],
    ['highlight', { type: 'highlight', block: 2, start: 0, end: 31, text: 'Twelve people were injured.' }],
    ['setBadge', { type: 'setBadge', tabId: 12, count: 3 }],
    ['setBadge with zero', { type: 'setBadge', tabId: 0, count: 0 }],
    [
      'mark',
      { type: 'mark', claims: [{ text: 'A.', verdict: 'agree', evidence: [{ outlet: 'O', text: 'B.', stance: 'agree', reason: 'r' }] }] },
    ],
    ['mark with no claims', { type: 'mark', claims: [] }],
    ['clearMarks', { type: 'clearMarks' }],
  ])('accepts a valid %s message', (_name, raw) => {
    expect(parseMessage(raw)).toEqual(raw);
  });

  it.each([
    ['null', null],
    ['a string', 'extract'],
    ['an array', [{ type: 'extract' }]],
    ['no type', { tabId: 1, count: 1 }],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['extract with extra fields', { type: 'extract', selector: 'body' }],
    ['highlight without text', { type: 'highlight', block: 0, start: 0, end: 4 }],
    ['highlight with empty text', { type: 'highlight', block: 0, start: 0, end: 4, text: '' }],
    ['highlight with a negative offset', { type: 'highlight', block: 0, start: -1, end: 4, text: 'abc' }],
    ['highlight with a string block', { type: 'highlight', block: '0', start: 0, end: 4, text: 'abc' }],
    ['setBadge with a fractional count', { type: 'setBadge', tabId: 1, count: 1.5 }],
    ['setBadge with a negative tab', { type: 'setBadge', tabId: -1, count: 1 }],
    ['setBadge with a string count', { type: 'setBadge', tabId: 1, count: '3' }],
    ['setBadge with NaN', { type: 'setBadge', tabId: 1, count: Number.NaN }],
    ['mark without claims', { type: 'mark' }],
    ['mark with an unverified claim', { type: 'mark', claims: [{ text: 'A.', verdict: 'unverified', evidence: [] }] }],
    ['mark with an empty sentence', { type: 'mark', claims: [{ text: '', verdict: 'agree', evidence: [] }] }],
    ['mark with markup-bearing extra fields', { type: 'mark', claims: [{ text: 'A.', verdict: 'agree', evidence: [], html: '<b>' }] }],
    [
      'mark with a bad stance',
      { type: 'mark', claims: [{ text: 'A.', verdict: 'agree', evidence: [{ outlet: 'O', text: 'B', stance: 'meh', reason: '' }] }] },
    ],
    [
      'mark with too many claims',
      { type: 'mark', claims: Array.from({ length: 501 }, () => ({ text: 'A.', verdict: 'agree', evidence: [] })) },
    ],
    ['clearMarks with a selector', { type: 'clearMarks', selector: 'body' }],
  ])('rejects %s', (_name, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});

describe('receiveMessage', () => {
  const valid = { type: 'setBadge', tabId: 4, count: 2 };

  it.each([
    ['this extension', { id: OWN }, valid],
    ['another extension', { id: 'someone-else' }, null],
    ['a sender without id (web page)', { url: 'https://evil.example' } as { id?: string; url: string }, null],
    ['an empty id', { id: '' }, null],
    ['no sender', undefined, null],
  ])('from %s', (_name, sender, expected) => {
    expect(receiveMessage(valid, sender, OWN)).toEqual(expected);
  });

  it('still rejects a malformed message from this extension', () => {
    expect(receiveMessage({ type: 'setBadge', tabId: 4 }, { id: OWN }, OWN)).toBeNull();
  });

  it('does not treat a missing own id as a match for a missing sender id', () => {
    expect(isOwnSender({}, '')).toBe(false);
  });
});

describe('parseResponse', () => {
  const article = {
    url: 'https://news.example/a',
    title: 'A',
    published: null,
    lang: 'en',
    siteName: null,
    blocks: [{ kind: 'paragraph', text: 'Hello.' }],
  };

  it.each([
    ['extract with an article', 'extract', { article }, { article }],
    ['extract with no article', 'extract', { article: null }, { article: null }],
    ['extract with a bad block kind', 'extract', { article: { ...article, blocks: [{ kind: 'script', text: 'x' }] } }, null],
    ['extract with a missing field', 'extract', { article: { ...article, title: undefined } }, null],
    ['extract with nothing', 'extract', undefined, null],
    ['highlight found', 'highlight', { found: true }, { found: true }],
    ['highlight malformed', 'highlight', { found: 'yes' }, null],
    ['setBadge ok', 'setBadge', { ok: true }, { ok: true }],
    ['mark counts', 'mark', { marked: 3, missing: 1 }, { marked: 3, missing: 1 }],
    ['mark negative', 'mark', { marked: -1, missing: 0 }, null],
    ['clearMarks ok', 'clearMarks', { ok: true }, { ok: true }],
    ['clearMarks malformed', 'clearMarks', {}, null],
  ] as const)('%s', (_name, type, raw, expected) => {
    expect(parseResponse(type, raw)).toEqual(expected);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { badgeText } from '@/utils/badge';

const own = () => ({ id: fakeBrowser.runtime.id });

/** Delivers a message to the background's listeners the way the browser would. */
async function deliver(message: unknown, sender: { id?: string }) {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return results[0];
}

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    background.main();
  });

  it('puts the contradiction count on the badge of the given tab', async () => {
    const response = await deliver({ type: 'setBadge', tabId: 5, count: 3 }, own());
    expect(response).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 5 })).toEqual([0xb3, 0x26, 0x1e, 255]);
  });

  it('clears the badge when there are no contradictions', async () => {
    await deliver({ type: 'setBadge', tabId: 5, count: 2 }, own());
    await deliver({ type: 'setBadge', tabId: 5, count: 0 }, own());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it.each([
    ['another extension', { type: 'setBadge', tabId: 5, count: 3 }, { id: 'other-extension' }],
    ['a sender without id', { type: 'setBadge', tabId: 5, count: 3 }, {}],
    ['a malformed message', { type: 'setBadge', tabId: '5', count: 3 }, own()],
    ['a message meant for the content script', { type: 'extract' }, own()],
  ])('ignores %s', async (_name, message, sender) => {
    const response = await deliver(message, sender);
    expect(response).toBeUndefined(); // no promise: leaves the message to other listeners
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });
});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-2, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
  ])('%d → %j', (count, expected) => {
    expect(badgeText(count)).toBe(expected);
  });
});

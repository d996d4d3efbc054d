// @vitest-environment happy-dom
// The options page's "Scan news pages automatically" checkbox, wired to the real setting
// (utils/auto-scan.ts) over WXT's fakeBrowser, its permissions API spied on.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OptionsConnector } from '@/components/connector';
import { OptionsApp } from '@/components/options-app';
import type { Strictness } from '@/lib/types';
import { autoScanItem, createAutoScanSetting } from '@/utils/auto-scan';
import { DEFAULT_MARK_SETTINGS } from '@/utils/settings';
import { t } from '../helpers/translate';

const ORIGINS = { origins: ['http://*/*', 'https://*/*'] };

const connector = {
  getStrictness: async (): Promise<Strictness> => 'balanced',
  setStrictness: async () => {},
  getMarkSettings: async () => DEFAULT_MARK_SETTINGS,
  setMarkSettings: async () => {},
  listFeedback: async () => [],
  removeFeedback: async () => {},
  clearFeedback: async () => {},
  watchFeedback: () => () => {},
  version: () => '0.1.0',
} satisfies OptionsConnector;

function stubPermissions({ granted = false, grant = true }: { granted?: boolean; grant?: boolean } = {}) {
  let has = granted;
  return {
    request: vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => {
      has = grant;
      return grant;
    }) as never),
    remove: vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((async () => {
      has = false;
      return true;
    }) as never),
    contains: vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => has) as never),
  };
}

async function renderOptions() {
  const view = render(<OptionsApp t={t} connector={connector} autoScan={createAutoScanSetting(fakeBrowser.permissions)} />);
  await waitFor(() => expect(view.container.querySelector('.auto-scan[data-state="ready"]')).not.toBeNull());
  const checkbox = view.getByRole('checkbox', { name: 'Scan news pages automatically' }) as HTMLInputElement;
  return { ...view, checkbox };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options: scan news pages automatically', () => {
  it('is off by default and asks for nothing until the reader turns it on', async () => {
    const permissions = stubPermissions({ granted: true });
    const { checkbox, getByText } = await renderOptions();
    expect(checkbox.checked).toBe(false);
    expect(getByText(/asks your browser for access/)).toBeTruthy();
    expect(permissions.request).not.toHaveBeenCalled();
    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('turning it on requests host access to web pages and saves the setting', async () => {
    const permissions = stubPermissions({ grant: true });
    const { checkbox, container } = await renderOptions();
    fireEvent.click(checkbox);
    expect(permissions.request).toHaveBeenCalledWith(ORIGINS); // during the click, not after an await
    await waitFor(() => expect(container.querySelector('.saved')?.textContent).toBe('Saved.'));
    expect(checkbox.checked).toBe(true);
    expect(await autoScanItem.getValue()).toBe(true);
  });

  it('stays off and says why when the reader declines the browser’s prompt', async () => {
    stubPermissions({ grant: false });
    const { checkbox, findByRole } = await renderOptions();
    fireEvent.click(checkbox);
    expect((await findByRole('alert')).textContent).toMatch(/stays off/);
    expect(checkbox.checked).toBe(false);
    expect(await autoScanItem.getValue()).toBe(false);
  });

  it('turning it off removes the host permission and saves the setting', async () => {
    const permissions = stubPermissions({ granted: true });
    await autoScanItem.setValue(true);
    const { checkbox } = await renderOptions();
    expect(checkbox.checked).toBe(true);
    fireEvent.click(checkbox);
    await waitFor(() => expect(permissions.remove).toHaveBeenCalledWith(ORIGINS));
    await waitFor(() => expect(checkbox.checked).toBe(false));
    expect(await autoScanItem.getValue()).toBe(false);
    expect(permissions.request).not.toHaveBeenCalled();
  });

  it('shows off when the setting is on but the browser has taken the access back', async () => {
    stubPermissions({ granted: false });
    await autoScanItem.setValue(true);
    const { checkbox } = await renderOptions();
    expect(checkbox.checked).toBe(false);
  });

  it('is not shown when the page is given no auto-scan setting', async () => {
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await waitFor(() => expect(container.querySelector('[data-state="ready"]')).not.toBeNull());
    expect(container.querySelector('input[name="auto-scan"]')).toBeNull();
  });
});

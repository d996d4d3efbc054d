// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReferenceSetsAdd } from '@/components/reference-sets-add';
import { ReferenceSetsManager } from '@/components/reference-sets-manager';
import { serializeSetFile } from '@/lib/reference-format';
import type { Article } from '@/lib/types';
import { createReferenceStore } from '@/utils/reference-store';
import { bundledCompiled } from '../helpers/engine';
import { t } from '../helpers/translate';

const ARTICLE: Article = {
  url: 'https://gazette.example/fire',
  title: 'Fire destroys grain warehouse',
  published: '2024-03-06',
  lang: 'en',
  siteName: 'Harbour Gazette',
  blocks: [{ kind: 'paragraph', text: 'Twelve people were injured in the fire. <script>alert(1)</script>' }],
};

const newStore = () => createReferenceStore({ bundled: async () => bundledCompiled() });

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('ReferenceSetsAdd (popup)', () => {
  it('adds the page to a new set named after it', async () => {
    const store = newStore();
    const view = render(<ReferenceSetsAdd t={t} article={Promise.resolve(ARTICLE)} store={store} />);
    fireEvent.click(await view.findByRole('button', { name: 'Add this page as a reference' }));
    const name = (await view.findByLabelText('Name of the set')) as HTMLInputElement;
    expect(name.value).toBe('Fire destroys grain warehouse');
    fireEvent.click(view.getByRole('button', { name: 'Add' }));
    expect((await view.findByRole('status')).textContent).toBe('Added Harbour Gazette to “Fire destroys grain warehouse” (2 sentences).');
    const sets = await store.enabledSets();
    expect(sets[1]?.documents).toEqual([expect.objectContaining({ outlet: 'Harbour Gazette', url: ARTICLE.url, date: '2024-03-06' })]);
  });

  it('shows nothing on a page without an article', async () => {
    const view = render(<ReferenceSetsAdd t={t} article={Promise.resolve(null)} store={newStore()} />);
    await Promise.resolve();
    expect(view.container.textContent).toBe('');
  });
});

describe('ReferenceSetsManager (options)', () => {
  it('lists the bundled set read-only, creates a set, pastes a document, exports and deletes', async () => {
    const store = newStore();
    const download = vi.fn();
    const view = render(<ReferenceSetsManager t={t} store={store} download={download} today="2024-03-07" />);
    expect(await view.findByText(bundledCompiled().story.title)).toBeTruthy();
    expect(view.getByText('Bundled, read-only')).toBeTruthy();

    fireEvent.input(view.getByLabelText('Name of the set'), { target: { value: 'Northport fire' } });
    fireEvent.click(view.getByRole('button', { name: 'Create set' }));
    const item = await waitFor(() => {
      const li = view.container.querySelector<HTMLElement>('[data-set-id="northport-fire"]');
      if (!li) throw new Error('no set yet');
      return li;
    });
    const within = (label: string) => {
      const el = Array.from(item.querySelectorAll('label'))
        .find((l) => l.textContent?.startsWith(label))
        ?.querySelector('input, textarea');
      if (!el) throw new Error(`no field ${label}`);
      return el;
    };
    fireEvent.input(within('Source'), { target: { value: 'Coastal Radio' } });
    fireEvent.input(within('Text'), { target: { value: 'Twelve people were injured in the fire.\n<script>alert(1)</script>' } });
    fireEvent.submit(item.querySelector('.paste-document form') as HTMLFormElement);
    await waitFor(() => expect(item.querySelector('.reference-set-counts')?.textContent).toBe('1 documents, 2 sentences'));
    expect(item.querySelector('.reference-document cite')?.textContent).toBe('Coastal Radio');
    expect(view.container.querySelector('script')).toBeNull();

    fireEvent.click(Array.from(item.querySelectorAll('button')).find((b) => b.textContent === 'Export') as HTMLButtonElement);
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(download.mock.calls[0]?.[0]).toBe('crosscheck-northport-fire.json');

    fireEvent.click(Array.from(item.querySelectorAll('button')).find((b) => b.textContent === 'Delete') as HTMLButtonElement);
    fireEvent.click(await view.findByRole('button', { name: 'Delete “Northport fire” for good' }));
    await waitFor(() => expect(view.container.querySelector('[data-set-id="northport-fire"]')).toBeNull());
  });

  it('shows a clear error for a bad pasted date and keeps the form', async () => {
    const store = newStore();
    await store.create('Fire');
    const view = render(<ReferenceSetsManager t={t} store={store} download={vi.fn()} today="" />);
    const item = await waitFor(() => {
      const li = view.container.querySelector<HTMLElement>('[data-set-id="fire"]');
      if (!li) throw new Error('no set yet');
      return li;
    });
    const form = item.querySelector('.paste-document form') as HTMLFormElement;
    fireEvent.input(form.querySelector('input[type="text"]') as HTMLInputElement, { target: { value: 'Radio' } });
    fireEvent.input(form.querySelector('textarea') as HTMLTextAreaElement, { target: { value: 'Some text here.' } });
    fireEvent.submit(form);
    expect((await view.findByRole('alert')).textContent).toBe('Not saved: date: must be a date written YYYY-MM-DD');
    expect((form.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Some text here.');
  });

  it('imports a set file, and reports a hostile one without changing anything', async () => {
    const store = newStore();
    const view = render(<ReferenceSetsManager t={t} store={store} download={vi.fn()} today="2024-03-07" />);
    const input = (await view.findByLabelText('Import a set file (.json)')) as HTMLInputElement;
    const good = serializeSetFile({
      id: 'harbour',
      title: 'Harbour',
      furniture: [],
      entities: {},
      documents: [{ id: 'a', outlet: 'Gazette', title: 'Fire', date: '2024-03-06', text: 'Twelve people were injured.' }],
    });
    fireEvent.change(input, { target: { files: [new File([good], 'harbour.json', { type: 'application/json' })] } });
    expect((await view.findByRole('status')).textContent).toBe('Imported “Harbour” (1 documents).');
    const hostile = good.replace('"format"', '"__proto__": {"x": 1}, "format"');
    fireEvent.change(input, { target: { files: [new File([hostile], 'evil.json')] } });
    expect((await view.findByRole('alert')).textContent).toBe('Not saved: __proto__: is not allowed (a prototype key)');
    expect((await store.list()).map((s) => s.id)).toEqual(['bundled', 'harbour']);
  });
});

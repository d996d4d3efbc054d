// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptionsConnector } from '@/components/connector';
import { OptionsApp } from '@/components/options-app';
import type { Strictness } from '@/lib/types';
import type { FeedbackEntry, MarkSettings } from '@/utils/settings';
import { t } from '../helpers/translate';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ENTRY: FeedbackEntry = {
  id: 'a',
  createdAt: '2024-03-02T10:00:00.000Z',
  url: 'https://news.example/fire',
  title: 'Blaze',
  claim: 'Twelve people were injured.',
  verdict: 'contradict',
  suggested: 'agree',
  note: 'The council said twelve.',
  strictness: 'balanced',
  sources: ['The Daily Record'],
};

function fakeOptions(initial: { feedback?: FeedbackEntry[]; marks?: MarkSettings } = {}) {
  let feedback = initial.feedback ?? [];
  let watcher: (list: FeedbackEntry[]) => void = () => {};
  const connector = {
    getStrictness: vi.fn(async (): Promise<Strictness> => 'balanced'),
    setStrictness: vi.fn(async () => {}),
    getMarkSettings: vi.fn(
      async (): Promise<MarkSettings> => initial.marks ?? { enabled: true, verdicts: ['contradict', 'disputed', 'agree'] },
    ),
    setMarkSettings: vi.fn(async () => {}),
    listFeedback: vi.fn(async () => feedback),
    removeFeedback: vi.fn(async (id: string) => {
      feedback = feedback.filter((e) => e.id !== id);
    }),
    clearFeedback: vi.fn(async () => {
      feedback = [];
    }),
    watchFeedback: vi.fn((callback: (list: FeedbackEntry[]) => void) => {
      watcher = callback;
      return () => {};
    }),
    version: () => '0.1.0',
  } satisfies OptionsConnector;
  return { connector, push: (list: FeedbackEntry[]) => watcher(list) };
}

const ready = (container: Element) => waitFor(() => expect(container.querySelector('[data-state="ready"]')).not.toBeNull());

describe('OptionsApp', () => {
  it('stores a new strictness', async () => {
    const { connector } = fakeOptions();
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await ready(container);
    const select = container.querySelector('select[name="strictness"]') as HTMLSelectElement;
    select.value = 'conservative';
    fireEvent.change(select);
    await waitFor(() => expect(connector.setStrictness).toHaveBeenCalledWith('conservative'));
    await waitFor(() => expect(container.querySelector('.saved')?.textContent).toBe('Saved.'));
  });

  it.each([
    ['turns marks off', 'marks-enabled', { enabled: false, verdicts: ['contradict', 'disputed', 'agree'] }],
    ['stops marking agreements', 'mark-agree', { enabled: true, verdicts: ['contradict', 'disputed'] }],
    ['stops marking disputes', 'mark-disputed', { enabled: true, verdicts: ['contradict', 'agree'] }],
  ])('%s', async (_name, input, expected) => {
    const { connector } = fakeOptions();
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await ready(container);
    fireEvent.click(container.querySelector(`input[name="${input}"]`) as HTMLInputElement);
    await waitFor(() => expect(connector.setMarkSettings).toHaveBeenCalledWith(expected));
  });

  it('disables the verdict choices while marks are off', async () => {
    const { connector } = fakeOptions({ marks: { enabled: false, verdicts: ['contradict'] } });
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await ready(container);
    expect((container.querySelector('fieldset.verdicts') as HTMLFieldSetElement).disabled).toBe(true);
    expect((container.querySelector('input[name="mark-contradict"]') as HTMLInputElement).checked).toBe(true);
    expect((container.querySelector('input[name="mark-agree"]') as HTMLInputElement).checked).toBe(false);
  });

  it('lists feedback as text, exports it through a blob: link, deletes one', async () => {
    const hostile = { ...ENTRY, id: 'b', claim: '<img src=x onerror=alert(1)>' };
    const { connector } = fakeOptions({ feedback: [ENTRY, hostile] });
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await ready(container);
    const items = [...container.querySelectorAll('li.feedback-entry')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Marked Contradicted; should be Agrees');
    expect(items[0]?.textContent).toContain('The council said twelve.');
    expect(container.querySelector('li.feedback-entry img')).toBeNull();
    const link = container.querySelector('a[download]') as HTMLAnchorElement;
    expect(link.getAttribute('download')).toBe('crosscheck-feedback.json');
    expect(link.href).toMatch(/^blob:/);
    fireEvent.click(items[0]?.querySelector('button') as HTMLButtonElement);
    await waitFor(() => expect(container.querySelectorAll('li.feedback-entry')).toHaveLength(1));
    expect(connector.removeFeedback).toHaveBeenCalledWith('a');
  });

  it('shows reports saved from the popup while open, and deletes all', async () => {
    const { connector, push } = fakeOptions();
    const { container } = render(<OptionsApp t={t} connector={connector} />);
    await ready(container);
    expect(container.textContent).toContain('Nothing reported yet');
    push([ENTRY]);
    await waitFor(() => expect(container.querySelectorAll('li.feedback-entry')).toHaveLength(1));
    fireEvent.click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Delete all') as HTMLButtonElement);
    await waitFor(() => expect(container.querySelectorAll('li.feedback-entry')).toHaveLength(0));
  });

  it('has the reference sets slot', async () => {
    const { connector } = fakeOptions();
    const { container } = render(<OptionsApp t={t} connector={connector} referenceSets={<p>sets here</p>} />);
    expect(container.querySelector('section#reference-sets')?.textContent).toBe('sets here');
  });
});

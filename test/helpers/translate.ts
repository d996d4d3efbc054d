// `browser.i18n.getMessage` for tests, read straight from the English catalogue, with Chrome's
// placeholder rules ($NAME$ → placeholder content → $1…). A key missing from the catalogue throws.
import messages from '@/public/_locales/en/messages.json';
import type { MessageKey, Translate } from '@/utils/i18n';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const t: Translate = (key: MessageKey, substitutions?: string | string[]) => {
  const entry = (messages as Record<string, Entry | undefined>)[key];
  if (!entry) throw new Error(`No message "${key}" in messages.json`);
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
};

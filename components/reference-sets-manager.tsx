// The options page's "Reference sets" section: create, name, turn on or off and delete sets; see
// each set's documents and claim counts; paste a document; export a set as a file and import one.
// Everything goes through the store (utils/reference-store.ts), which validates before it saves.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';
import type { ReferenceSetSummary, ReferenceStore } from '@/utils/reference-store';

export interface ReferenceSetsManagerProps {
  t: Translate;
  store: ReferenceStore;
  /** Offers text to the reader as a file download. */
  download: (filename: string, text: string) => void;
  /** Today as YYYY-MM-DD, the pasted document's default date. */
  today: string;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ReferenceSetsManager({ t, store, download, today }: ReferenceSetsManagerProps) {
  const [sets, setSets] = useState<ReferenceSetSummary[] | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [newName, setNewName] = useState('');

  const reload = useCallback(async () => setSets(await store.list()), [store]);
  useEffect(() => {
    void reload().catch((e: unknown) => setStatus({ kind: 'error', text: message(e) }));
  }, [reload]);

  /** Runs a change, reloads the list and reports the outcome. */
  const act = async (change: () => Promise<unknown>): Promise<boolean> => {
    setStatus(null);
    let ok = true;
    try {
      await change();
    } catch (e) {
      ok = false;
      setStatus({ kind: 'error', text: t('referenceSetsError', message(e)) });
    }
    await reload().catch(() => {});
    return ok;
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await act(async () => {
      // refused before reading a file far beyond the limit; the store checks the text again
      if (file.size > 5_000_000) throw new Error(`(file): is too large (${(file.size / 1e6).toFixed(1)} MB, at most 5 MB)`);
      const set = await store.importSet(await file.text());
      setStatus({ kind: 'ok', text: t('referenceSetImported', [set.title, String(set.documents.length)]) });
    });
  };

  return (
    <div class="reference-sets">
      <h2 id="reference-sets-heading">{t('optionsReferenceSetsHeading')}</h2>
      <p class="help">{t('referenceSetsHelp')}</p>
      {status ? (
        <p class={`reference-sets-status reference-sets-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
      {sets === null ? null : (
        <ul class="reference-set-list">
          {sets.map((set) => (
            <ReferenceSetItem key={set.id} t={t} set={set} today={today} store={store} act={act} download={download} />
          ))}
        </ul>
      )}
      <form
        class="reference-set-create"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => store.create(newName)).then((ok) => ok && setNewName(''));
        }}
      >
        <label>
          {t('referenceSetNameLabel')}
          <input type="text" required maxLength={500} value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('referenceSetCreate')}</button>
      </form>
      <label class="reference-set-import">
        {t('referenceSetImport')}
        <input type="file" accept=".json,application/json" onChange={(e) => void onImport(e.currentTarget)} />
      </label>
    </div>
  );
}

interface ItemProps {
  t: Translate;
  set: ReferenceSetSummary;
  today: string;
  store: ReferenceStore;
  act: (change: () => Promise<unknown>) => Promise<boolean>;
  download: (filename: string, text: string) => void;
}

function ReferenceSetItem({ t, set, today, store, act, download }: ItemProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const claims = set.documents.reduce((n, d) => n + d.claims, 0);
  return (
    <li class="reference-set" data-set-id={set.id}>
      <div class="reference-set-head">
        {renaming === null ? (
          <h3 class="reference-set-title">{set.title}</h3>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => store.rename(set.id, renaming)).then((ok) => ok && setRenaming(null));
            }}
          >
            <label>
              {t('referenceSetNameLabel')}
              <input type="text" required maxLength={500} value={renaming} onInput={(e) => setRenaming(e.currentTarget.value)} />
            </label>
            <button type="submit">{t('save')}</button>
          </form>
        )}
        {set.readOnly ? <span class="reference-set-badge">{t('referenceSetReadOnly')}</span> : null}
      </div>
      <p class="reference-set-counts">{t('referenceSetCounts', [String(set.documents.length), String(claims)])}</p>
      <label class="reference-set-enabled">
        <input type="checkbox" checked={set.enabled} onChange={(e) => void act(() => store.setEnabled(set.id, e.currentTarget.checked))} />
        {t('referenceSetEnabled')}
      </label>
      <div class="reference-set-actions">
        {set.readOnly ? null : (
          <>
            <button type="button" onClick={() => setRenaming(set.title)}>
              {t('referenceSetRename')}
            </button>
            <button
              type="button"
              disabled={set.documents.length === 0}
              onClick={() =>
                void act(async () => {
                  const { filename, text } = await store.exportSet(set.id);
                  download(filename, text);
                })
              }
            >
              {t('referenceSetExport')}
            </button>
            {confirmDelete ? (
              <button type="button" class="danger" onClick={() => void act(() => store.remove(set.id))}>
                {t('referenceSetConfirmDelete', set.title)}
              </button>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)}>
                {t('referenceSetDelete')}
              </button>
            )}
          </>
        )}
      </div>
      {set.documents.length ? (
        <ul class="reference-documents">
          {set.documents.map((d) => (
            <li key={d.id} class="reference-document">
              <cite>{d.outlet}</cite> — {d.title || d.id}{' '}
              <span class="reference-document-meta">{t('referenceDocumentMeta', [d.date, String(d.claims)])}</span>
              {set.readOnly ? null : (
                <button type="button" class="link" onClick={() => void act(() => store.removeDocument(set.id, d.id))}>
                  {t('referenceDocumentRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {set.readOnly ? null : <PasteDocument t={t} today={today} onAdd={(doc) => act(() => store.addDocument(set.id, doc))} />}
    </li>
  );
}

interface PastedDocument {
  outlet: string;
  title: string;
  date: string;
  url?: string;
  text: string;
}

function PasteDocument({ t, today, onAdd }: { t: Translate; today: string; onAdd: (doc: PastedDocument) => Promise<boolean> }) {
  const empty = { outlet: '', title: '', date: today, url: '', text: '' };
  const [doc, setDoc] = useState(empty);
  const field = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setDoc({ ...doc, [key]: e.currentTarget.value });
  return (
    <details class="paste-document">
      <summary>{t('pasteDocumentSummary')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const { url, ...rest } = doc;
          void onAdd(url.trim() ? { ...rest, url: url.trim() } : rest).then((ok) => ok && setDoc(empty));
        }}
      >
        <label>
          {t('pasteDocumentSource')}
          <input type="text" required maxLength={200} value={doc.outlet} onInput={field('outlet')} />
        </label>
        <label>
          {t('pasteDocumentTitle')}
          <input type="text" maxLength={500} value={doc.title} onInput={field('title')} />
        </label>
        <label>
          {t('pasteDocumentDate')}
          <input type="date" required value={doc.date} onInput={field('date')} />
        </label>
        <label>
          {t('pasteDocumentUrl')}
          <input type="url" maxLength={2048} value={doc.url} onInput={field('url')} />
        </label>
        <label>
          {t('pasteDocumentText')}
          <textarea required rows={6} maxLength={200_000} value={doc.text} onInput={field('text')} />
        </label>
        <button type="submit">{t('pasteDocumentAdd')}</button>
      </form>
    </details>
  );
}

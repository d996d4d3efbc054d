// The popup's "Add this page as a reference": the article already read from the tab is compiled
// locally and saved to a set of the reader's (an existing one, or a new one named here).
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/types';
import type { Translate } from '@/utils/i18n';
import type { ReferenceSetSummary, ReferenceStore } from '@/utils/reference-store';

const NEW_SET = '';

export interface ReferenceSetsAddProps {
  t: Translate;
  /** The page's article, once read (null when the page has none). */
  article: Promise<Article | null>;
  store: Pick<ReferenceStore, 'list' | 'create' | 'addArticle'>;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function ReferenceSetsAdd({ t, article, store }: ReferenceSetsAddProps) {
  const [page, setPage] = useState<Article | null>(null);
  const [open, setOpen] = useState(false);
  const [sets, setSets] = useState<ReferenceSetSummary[]>([]);
  const [choice, setChoice] = useState(NEW_SET);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    let live = true;
    article.then(
      (a) => live && setPage(a),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [article]);

  if (!page) return null;

  const openForm = async () => {
    setStatus(null);
    setName(page.title.trim().slice(0, 80) || page.siteName || '');
    const mine = (await store.list()).filter((s) => !s.readOnly);
    setSets(mine);
    setChoice(mine[0]?.id ?? NEW_SET);
    setOpen(true);
  };

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      let setId = choice;
      let setTitle = sets.find((s) => s.id === choice)?.title ?? '';
      if (choice === NEW_SET) {
        const created = await store.create(name);
        setId = created.id;
        setTitle = created.title;
      }
      const doc = await store.addArticle(setId, page);
      setStatus({ kind: 'ok', text: t('addReferenceDone', [doc.outlet, setTitle, String(doc.claims)]) });
      setOpen(false);
    } catch (error) {
      setStatus({ kind: 'error', text: t('addReferenceFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="add-reference" aria-label={t('addReferenceButton')}>
      {open ? (
        <form class="add-reference-form" onSubmit={(e) => void add(e)}>
          <label>
            {t('addReferenceSetLabel')}
            <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              {sets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
              <option value={NEW_SET}>{t('addReferenceNewSet')}</option>
            </select>
          </label>
          {choice === NEW_SET ? (
            <label>
              {t('referenceSetNameLabel')}
              <input type="text" required maxLength={500} value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
          ) : null}
          <div class="add-reference-actions">
            <button type="submit" class="add-reference-submit" disabled={busy}>
              {t('addReferenceSubmit')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="add-reference-button" onClick={() => void openForm()}>
          {t('addReferenceButton')}
        </button>
      )}
      {status ? (
        <p class={`add-reference-status add-reference-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
    </section>
  );
}

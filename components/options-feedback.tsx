import type { Verdict } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import type { FeedbackEntry } from '@/utils/settings';

const VERDICT_TEXT: Record<Verdict, MessageKey> = {
  contradict: 'verdictContradict',
  disputed: 'verdictDisputed',
  agree: 'verdictAgree',
  unverified: 'verdictUnverified',
};

interface OptionsFeedbackProps {
  t: Translate;
  entries: readonly FeedbackEntry[];
  /** A blob: URL of the JSON export, or null while there is nothing to export. */
  exportUrl: string | null;
  onDelete: (id: string) => void;
  onDeleteAll: () => void;
}

/** The "this verdict is wrong" reports kept in this browser: listed, exported, deleted. */
export function OptionsFeedback({ t, entries, exportUrl, onDelete, onDeleteAll }: OptionsFeedbackProps) {
  return (
    <section class="options-section" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('feedbackHeading')}</h2>
      <p class="help">{t('feedbackPrivacy')}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('feedbackEmpty')}</p>
      ) : (
        <>
          <div class="feedback-actions">
            {exportUrl ? (
              <a class="button" href={exportUrl} download="crosscheck-feedback.json">
                {t('feedbackExport')}
              </a>
            ) : null}
            <button type="button" class="button" onClick={onDeleteAll}>
              {t('feedbackDeleteAll')}
            </button>
          </div>
          <ul class="feedback-list">
            {entries.map((entry) => (
              <li key={entry.id} class="feedback-entry" data-id={entry.id}>
                <p class="feedback-claim">{entry.claim}</p>
                <p class="feedback-verdicts">{t('feedbackEntry', [t(VERDICT_TEXT[entry.verdict]), t(VERDICT_TEXT[entry.suggested])])}</p>
                {entry.note ? <p class="feedback-note-text">{entry.note}</p> : null}
                <p class="feedback-meta">
                  <time dateTime={entry.createdAt}>{entry.createdAt.slice(0, 10)}</time> · <span class="feedback-url">{entry.url}</span>
                </p>
                <button type="button" class="button" aria-label={t('feedbackDeleteOne', entry.claim)} onClick={() => onDelete(entry.id)}>
                  {t('feedbackDelete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

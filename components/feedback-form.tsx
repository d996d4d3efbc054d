import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Verdict } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';

const CHOICES: ReadonlyArray<{ value: Verdict; label: MessageKey }> = [
  { value: 'contradict', label: 'verdictContradict' },
  { value: 'disputed', label: 'verdictDisputed' },
  { value: 'agree', label: 'verdictAgree' },
  { value: 'unverified', label: 'verdictUnverified' },
];

interface FeedbackFormProps {
  t: Translate;
  /** The verdict the reader says is wrong: not offered as the right one. */
  current: Verdict;
  onSave: (suggested: Verdict, note: string) => void;
  onCancel: () => void;
}

/** "This verdict is wrong": which verdict it should be, and an optional note. */
export function FeedbackForm({ t, current, onSave, onCancel }: FeedbackFormProps) {
  const choices = CHOICES.filter((choice) => choice.value !== current);
  const [suggested, setSuggested] = useState<Verdict>(choices[0]?.value ?? 'unverified');
  const [note, setNote] = useState('');
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land on the choices the moment the form opens.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, []);
  return (
    <form
      ref={form}
      class="feedback-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(suggested, note.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <fieldset>
        <legend>{t('feedbackLegend')}</legend>
        {choices.map((choice) => (
          <label key={choice.value} class="feedback-choice">
            <input
              type="radio"
              name={`${id}-verdict`}
              value={choice.value}
              checked={suggested === choice.value}
              onChange={() => setSuggested(choice.value)}
            />
            {t(choice.label)}
          </label>
        ))}
      </fieldset>
      <label class="feedback-note" for={`${id}-note`}>
        {t('feedbackNote')}
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={2}
        maxLength={1000}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <div class="feedback-buttons">
        <button type="submit" class="button button-primary">
          {t('feedbackSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('feedbackCancel')}
        </button>
      </div>
    </form>
  );
}

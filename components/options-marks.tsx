import type { Translate } from '@/utils/i18n';
import { FLAGGED_VERDICTS, type FlaggedVerdict, type MarkSettings } from '@/utils/settings';
import { VERDICT_LABEL } from './claim-list';
import { VERDICT_ICON } from './verdict-filters';

interface OptionsMarksProps {
  t: Translate;
  value: MarkSettings;
  onChange: (value: MarkSettings) => void;
}

/** Marks on or off, and which verdicts get them. */
export function OptionsMarks({ t, value, onChange }: OptionsMarksProps) {
  const toggleVerdict = (verdict: FlaggedVerdict, on: boolean) => {
    const verdicts = FLAGGED_VERDICTS.filter((v) => (v === verdict ? on : value.verdicts.includes(v)));
    onChange({ ...value, verdicts });
  };
  return (
    <section class="options-section" aria-labelledby="marks-heading">
      <h2 id="marks-heading">{t('optionsMarksHeading')}</h2>
      <label class="check">
        <input
          type="checkbox"
          name="marks-enabled"
          checked={value.enabled}
          onChange={(event) => onChange({ ...value, enabled: event.currentTarget.checked })}
        />
        {t('optionsMarksEnabled')}
      </label>
      <fieldset class="verdicts" disabled={!value.enabled}>
        <legend>{t('optionsMarkVerdicts')}</legend>
        {FLAGGED_VERDICTS.map((verdict) => (
          <label key={verdict} class="check">
            <input
              type="checkbox"
              name={`mark-${verdict}`}
              checked={value.verdicts.includes(verdict)}
              onChange={(event) => toggleVerdict(verdict, event.currentTarget.checked)}
            />
            <span class={`verdict-icon verdict-icon-${verdict}`} aria-hidden="true">
              {VERDICT_ICON[verdict]}
            </span>
            {t(VERDICT_LABEL[verdict])}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

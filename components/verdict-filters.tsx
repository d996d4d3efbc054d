import type { Translate } from '@/utils/i18n';
import { FLAGGED_VERDICTS, type FlaggedVerdict } from '@/utils/settings';
import { VERDICT_LABEL } from './claim-list';

export const VERDICT_ICON: Record<FlaggedVerdict, string> = { contradict: '\u2717', disputed: '?', agree: '\u2713' };

interface VerdictFiltersProps {
  t: Translate;
  counts: Record<FlaggedVerdict, number>;
  shown: ReadonlySet<FlaggedVerdict>;
  onToggle: (verdict: FlaggedVerdict) => void;
}

/** Toggle buttons: which verdicts the claim list shows. */
export function VerdictFilters({ t, counts, shown, onToggle }: VerdictFiltersProps) {
  return (
    <fieldset class="filters">
      <legend class="filters-label">{t('filtersLabel')}</legend>
      {FLAGGED_VERDICTS.map((verdict) => (
        <button
          key={verdict}
          type="button"
          class={`filter filter-${verdict}`}
          data-filter={verdict}
          aria-pressed={shown.has(verdict)}
          onClick={() => onToggle(verdict)}
        >
          <span class="filter-icon" aria-hidden="true">
            {VERDICT_ICON[verdict]}
          </span>
          {t('filterButton', [t(VERDICT_LABEL[verdict]), String(counts[verdict])])}
        </button>
      ))}
    </fieldset>
  );
}

import type { Strictness } from '@/lib/types';
import type { Translate } from '@/utils/i18n';

const LEVELS: ReadonlyArray<{ value: Strictness; label: 'strictnessConservative' | 'strictnessBalanced' }> = [
  { value: 'conservative', label: 'strictnessConservative' },
  { value: 'balanced', label: 'strictnessBalanced' },
];

export function isStrictness(value: string): value is Strictness {
  return LEVELS.some((level) => level.value === value);
}

interface StrictnessSelectProps {
  t: Translate;
  value: Strictness;
  onChange: (value: Strictness) => void;
}

export function StrictnessSelect({ t, value, onChange }: StrictnessSelectProps) {
  return (
    <label class="strictness">
      <span class="strictness-label">{t('strictnessLabel')}</span>
      <select
        name="strictness"
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isStrictness(next) && next !== value) onChange(next);
        }}
      >
        {LEVELS.map((level) => (
          <option key={level.value} value={level.value}>
            {t(level.label)}
          </option>
        ))}
      </select>
    </label>
  );
}

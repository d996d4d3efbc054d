import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Strictness } from '@/lib/types';
import type { AutoScanSetting } from '@/utils/auto-scan';
import type { Translate } from '@/utils/i18n';
import { DEFAULT_MARK_SETTINGS, type FeedbackEntry, feedbackJson, type MarkSettings } from '@/utils/settings';
import type { OptionsConnector } from './connector';
import { OptionsAutoScan } from './options-auto-scan';
import { OptionsFeedback } from './options-feedback';
import { OptionsMarks } from './options-marks';
import { StrictnessSelect } from './strictness-select';

export interface OptionsAppProps {
  t: Translate;
  connector: OptionsConnector;
  /** The "Reference sets" section's content (its own component, owned separately). */
  referenceSets?: ComponentChildren;
  /** Opt-in automatic scanning (asks for host access when turned on); the checkbox is shown only when given. */
  autoScan?: AutoScanSetting;
}

/** The options page: strictness, marks, the feedback list, and the reference sets slot. */
export function OptionsApp({ t, connector, referenceSets, autoScan }: OptionsAppProps) {
  const [loaded, setLoaded] = useState(false);
  const [strictness, setStrictness] = useState<Strictness>('balanced');
  const [marks, setMarks] = useState<MarkSettings>(DEFAULT_MARK_SETTINGS);
  const [feedback, setFeedback] = useState<FeedbackEntry[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([connector.getStrictness(), connector.getMarkSettings(), connector.listFeedback()]).then(([s, m, f]) => {
      if (!live) return;
      setStrictness(s);
      setMarks(m);
      setFeedback(f);
      setLoaded(true);
    });
    const unwatch = connector.watchFeedback((list) => {
      if (live) setFeedback(list);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [connector]);

  const exportUrl = useMemo(
    () =>
      feedback.length > 0
        ? URL.createObjectURL(new Blob([feedbackJson(feedback, connector.version())], { type: 'application/json' }))
        : null,
    [feedback, connector],
  );
  useEffect(() => () => (exportUrl ? URL.revokeObjectURL(exportUrl) : undefined), [exportUrl]);

  const saveStrictness = async (value: Strictness) => {
    setStrictness(value);
    await connector.setStrictness(value);
    setSaved(true);
  };
  const saveMarks = async (value: MarkSettings) => {
    setMarks(value);
    await connector.setMarkSettings(value);
    setSaved(true);
  };

  return (
    <div class="options" data-state={loaded ? 'ready' : 'loading'}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main class="options-body">
        <section class="options-section" aria-labelledby="checking-heading">
          <h2 id="checking-heading">{t('optionsCheckingHeading')}</h2>
          <StrictnessSelect t={t} value={strictness} onChange={(value) => void saveStrictness(value)} />
          <p class="help">{t('optionsStrictnessHelp')}</p>
          {autoScan ? <OptionsAutoScan t={t} setting={autoScan} onSaved={() => setSaved(true)} /> : null}
        </section>
        <OptionsMarks t={t} value={marks} onChange={(value) => void saveMarks(value)} />
        <section id="reference-sets" class="options-section" aria-label={t('optionsReferenceSetsHeading')}>
          {referenceSets}
        </section>
        <OptionsFeedback
          t={t}
          entries={feedback}
          exportUrl={exportUrl}
          onDelete={(id) => void connector.removeFeedback(id).then(() => connector.listFeedback().then(setFeedback))}
          onDeleteAll={() => void connector.clearFeedback().then(() => setFeedback([]))}
        />
        <p class="saved" role="status">
          {saved ? t('optionsSaved') : ''}
        </p>
      </main>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { AutoScanSetting } from '@/utils/auto-scan';
import type { Translate } from '@/utils/i18n';

interface OptionsAutoScanProps {
  t: Translate;
  setting: AutoScanSetting;
  /** Called after the choice is saved (the page's "Saved." line). */
  onSaved?: () => void;
}

/** "Scan news pages automatically": off by default; turning it on asks the browser for access to web pages. */
export function OptionsAutoScan({ t, setting, onSaved }: OptionsAutoScanProps) {
  const [on, setOn] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [declined, setDeclined] = useState(false);

  useEffect(() => {
    let live = true;
    void setting
      .get()
      .catch(() => false)
      .then((value) => {
        if (!live) return;
        setOn(value);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [setting]);

  const change = (wanted: boolean) => {
    // set() is called synchronously from the event: the browser's prompt needs the reader's click.
    const saving = setting.set(wanted);
    setBusy(true);
    setOn(wanted);
    setDeclined(false);
    void saving
      .catch(() => false)
      .then((result) => {
        setOn(result);
        setDeclined(wanted && !result);
        setBusy(false);
        if (result === wanted) onSaved?.();
      });
  };

  return (
    <div class="auto-scan" data-state={loaded ? 'ready' : 'loading'}>
      <label class="check">
        <input
          type="checkbox"
          name="auto-scan"
          checked={on}
          disabled={!loaded || busy}
          aria-describedby="auto-scan-help"
          onChange={(event) => change(event.currentTarget.checked)}
        />
        {t('optionsAutoScan')}
      </label>
      <p id="auto-scan-help" class="help">
        {t('optionsAutoScanHelp')}
      </p>
      {declined ? (
        <p class="help" role="alert">
          {t('optionsAutoScanDeclined')}
        </p>
      ) : null}
    </div>
  );
}

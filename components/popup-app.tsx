import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, ClaimResult, Strictness } from '@/lib/types';
import type { Translate } from '@/utils/i18n';
import { claimKey } from './claim-list';
import type { Connector } from './connector';
import { type Analysis, type PopupState, PopupView } from './popup-view';

export interface PopupAppProps {
  t: Translate;
  /** The browser, as the popup needs it (see connector.ts); tests pass a fake. */
  connector: Connector;
  /** Runs the engine on an article. */
  analyse: (article: Article, strictness: Strictness) => Promise<Analysis>;
}

/** The popup's behaviour: read the page, check it, show the result, react to the reader. */
export function PopupApp({ t, connector, analyse }: PopupAppProps) {
  const [view, setView] = useState<PopupState>({ state: 'loading' });
  const [strictness, setStrictness] = useState<Strictness>('balanced');
  const [selectedClaim, setSelectedClaim] = useState<string | null>(null);
  const [highlightMissing, setHighlightMissing] = useState(false);
  const page = useRef<{ tabId: number; article: Article } | null>(null);
  /** Set once the reader picks a level, so a late read of the stored setting does not undo it. */
  const readerChoice = useRef<Strictness | null>(null);
  const latestRun = useRef(0);

  const run = useCallback(
    async (tabId: number, article: Article, level: Strictness) => {
      const id = ++latestRun.current;
      setView({ state: 'loading' });
      setSelectedClaim(null);
      setHighlightMissing(false);
      let analysis: Analysis;
      try {
        analysis = await analyse(article, level);
      } catch (error) {
        console.error('Crosscheck: checking the article failed', error);
        if (id === latestRun.current) setView({ state: 'error', reason: 'failed' });
        return;
      }
      if (id !== latestRun.current) return; // a newer run (strictness changed) supersedes this one
      setView({ state: 'done', reason: 'report', analysis });
      await connector.setBadge(tabId, analysis.report.counts.contradict);
    },
    [analyse, connector],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      const [stored, loaded] = await Promise.all([connector.getStrictness(), connector.loadArticle()]);
      if (!live) return;
      const level = readerChoice.current ?? stored;
      setStrictness(level);
      if (loaded.kind === 'unreadable') {
        setView({ state: 'error', reason: 'unreadable' });
      } else if (loaded.kind === 'no-article') {
        setView({ state: 'done', reason: 'no-article' });
        await connector.setBadge(loaded.tabId, 0);
      } else {
        page.current = { tabId: loaded.tabId, article: loaded.article };
        await run(loaded.tabId, loaded.article, level);
      }
    })().catch((error: unknown) => {
      console.error('Crosscheck: reading the page failed', error);
      if (live) setView({ state: 'error', reason: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [connector, run]);

  const onStrictnessChange = (level: Strictness) => {
    readerChoice.current = level;
    setStrictness(level);
    void connector.setStrictness(level);
    if (page.current) void run(page.current.tabId, page.current.article, level);
  };

  const onSelectClaim = async (claim: ClaimResult) => {
    const tabId = page.current?.tabId;
    if (tabId === undefined) return;
    setSelectedClaim(claimKey(claim));
    setHighlightMissing(false);
    const found = await connector.highlight(tabId, claim);
    setHighlightMissing(!found);
  };

  return (
    <PopupView
      t={t}
      view={view}
      strictness={strictness}
      onStrictnessChange={onStrictnessChange}
      selectedClaim={selectedClaim}
      onSelectClaim={(claim) => void onSelectClaim(claim)}
      highlightMissing={highlightMissing}
    />
  );
}

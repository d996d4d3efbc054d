import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, ClaimResult, Report, Strictness, Verdict } from '@/lib/types';
import type { Translate } from '@/utils/i18n';
import type { MarkClaim } from '@/utils/messages';
import { DEFAULT_MARK_SETTINGS, type MarkSettings } from '@/utils/settings';
import { claimKey, type FlaggedClaim, flaggedClaims } from './claim-list';
import type { Connector } from './connector';
import { type Analysis, type PartialAnalysis, type PopupState, PopupView } from './popup-view';
import { reportMarkdown } from './report-markdown';
import { reportOutcome } from './report-view';

/** The claims to mark in the page, as the message contract carries them. */
export function claimsToMark(report: Report, settings: MarkSettings): MarkClaim[] {
  if (!settings.enabled || reportOutcome(report) !== 'flagged') return [];
  return flaggedClaims(report.claims)
    .filter((claim) => settings.verdicts.includes(claim.verdict))
    .map((claim) => ({
      text: claim.text,
      verdict: claim.verdict,
      evidence: claim.evidence.map(({ outlet, text, stance, reason }) => ({ outlet, text, stance, reason })),
    }));
}

/** How a run of the engine reports the claims of a long page as they come, and is stopped. */
export interface AnalyseProgress {
  onPartial: (partial: PartialAnalysis) => void;
  /** Aborted when a newer run (strictness changed) supersedes this one. */
  signal: AbortSignal;
}

export interface PopupAppProps {
  t: Translate;
  /** The browser, as the popup needs it (see connector.ts); tests pass a fake. */
  connector: Connector;
  /** Runs the engine on an article, reporting partial results of long pages through `progress`. */
  analyse: (article: Article, strictness: Strictness, progress: AnalyseProgress) => Promise<Analysis>;
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
  const running = useRef<AbortController | null>(null);
  const markSettings = useRef<MarkSettings>(DEFAULT_MARK_SETTINGS);
  const [actionStatus, setActionStatus] = useState<string | null>(null);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    async (tabId: number, article: Article, level: Strictness) => {
      const id = ++latestRun.current;
      // A newer run (strictness changed) supersedes this one, at every step: a stale report must
      // not be shown, badged or marked in the page after the newer one, and its engine stops.
      const stale = () => id !== latestRun.current;
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setView({ state: 'loading' });
      setSelectedClaim(null);
      setHighlightMissing(false);
      setActionStatus(null);
      let analysis: Analysis;
      try {
        analysis = await analyse(article, level, {
          signal: controller.signal,
          onPartial: (partial) => {
            if (!stale()) setView({ state: 'checking', partial });
          },
        });
      } catch (error) {
        if (stale()) return;
        console.error('Crosscheck: checking the article failed', error);
        setView({ state: 'error', reason: 'failed' });
        return;
      }
      if (stale()) return;
      setView({ state: 'done', reason: 'report', analysis });
      await connector.setBadge(tabId, analysis.report.counts.contradict);
      if (stale()) return;
      const settings = markSettings.current;
      if (!settings.enabled) {
        await connector.clearMarks(tabId);
        if (!stale()) setActionStatus(t('marksOffNote'));
        return;
      }
      const marked = await connector.mark(tabId, claimsToMark(analysis.report, settings));
      if (stale() || !marked || marked.marked + marked.missing === 0) return;
      setActionStatus(
        marked.missing > 0 ? t('marksMissing', [String(marked.marked), String(marked.missing)]) : t('marksApplied', String(marked.marked)),
      );
    },
    [analyse, connector, t],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      const [stored, marks, loaded] = await Promise.all([connector.getStrictness(), connector.getMarkSettings(), connector.loadArticle()]);
      if (!live) return;
      markSettings.current = marks;
      const level = readerChoice.current ?? stored;
      setStrictness(level);
      if (loaded.kind === 'unreadable' || loaded.kind === 'closed') {
        setView({ state: 'error', reason: loaded.kind });
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

  const onCopy = async () => {
    if (view.state !== 'done' || view.reason !== 'report') return;
    const ok = await connector.copyText(reportMarkdown(t, view.analysis.report, view.analysis.story));
    setActionStatus(t(ok ? 'copied' : 'copyFailed'));
  };

  const onClearMarks = async () => {
    const tabId = page.current?.tabId;
    if (tabId === undefined) return;
    await connector.clearMarks(tabId);
    setSelectedClaim(null);
    setActionStatus(t('marksCleared'));
  };

  const onReportWrong = async (claim: FlaggedClaim, suggested: Verdict, note: string) => {
    if (view.state !== 'done' || view.reason !== 'report') return;
    const { report } = view.analysis;
    await connector.addFeedback({
      url: report.input,
      title: report.title,
      claim: claim.text,
      verdict: claim.verdict,
      suggested,
      note,
      strictness: report.strictness,
      sources: [...new Set(claim.evidence.map((evidence) => evidence.outlet))],
    });
    setReported((before) => new Set(before).add(claimKey(claim)));
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
      actions={{ onCopy: () => void onCopy(), onClearMarks: () => void onClearMarks(), status: actionStatus }}
      onReportWrong={(claim, suggested, note) => void onReportWrong(claim, suggested, note)}
      reported={reported}
      onOpenOptions={() => void connector.openOptions()}
    />
  );
}

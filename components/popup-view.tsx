import type { ClaimResult, Report, Strictness, Verdict } from '@/lib/types';
import type { Translate } from '@/utils/i18n';
import type { FlaggedClaim } from './claim-list';
import { type ReportActions, type ReportOutcome, ReportView, reportOutcome, type StoryRef } from './report-view';
import { StatusMessage } from './status-message';
import { StrictnessSelect } from './strictness-select';

export interface Analysis {
  report: Report;
  /** The story the bundled references cover. */
  story: StoryRef;
}

/** The claims of a long page checked so far, while the engine reads on. */
export interface PartialAnalysis {
  analysis: Analysis;
  /** Sentences checked so far. */
  checked: number;
  /** Sentences of the page, roughly until all are checked. */
  total: number;
}

/** Everything the popup can show. `state` is exposed as `data-state` on the root for tests. */
export type PopupState =
  | { state: 'loading' }
  | { state: 'checking'; partial: PartialAnalysis }
  | { state: 'error'; reason: 'unreadable' | 'closed' | 'failed' }
  | { state: 'done'; reason: 'no-article' }
  | { state: 'done'; reason: 'report'; analysis: Analysis };

export function popupReason(view: PopupState): 'loading' | 'checking' | 'unreadable' | 'closed' | 'failed' | 'no-article' | ReportOutcome {
  if (view.state === 'loading' || view.state === 'checking') return view.state;
  if (view.reason === 'report') return reportOutcome(view.analysis.report);
  return view.reason;
}

interface PopupViewProps {
  t: Translate;
  view: PopupState;
  strictness: Strictness;
  onStrictnessChange: (value: Strictness) => void;
  selectedClaim: string | null;
  onSelectClaim: (claim: ClaimResult) => void;
  /** The last claim clicked could not be found in the page. */
  highlightMissing: boolean;
  actions?: ReportActions;
  onReportWrong?: (claim: FlaggedClaim, suggested: Verdict, note: string) => void;
  reported?: ReadonlySet<string>;
  onOpenOptions?: () => void;
}

function Body({
  t,
  view,
  selectedClaim,
  onSelectClaim,
  actions,
  onReportWrong,
  reported,
}: Pick<PopupViewProps, 't' | 'view' | 'selectedClaim' | 'onSelectClaim' | 'actions' | 'onReportWrong' | 'reported'>) {
  if (view.state === 'loading') return <StatusMessage kind="loading" title={t('stateLoading')} />;
  if (view.state === 'checking')
    return <PartialReport t={t} partial={view.partial} selectedClaim={selectedClaim} onSelectClaim={onSelectClaim} />;
  switch (view.reason) {
    case 'unreadable':
      return <StatusMessage kind="unreadable" title={t('unreadableTitle')} detail={t('unreadableDetail')} />;
    case 'closed':
      return <StatusMessage kind="closed" title={t('closedTitle')} detail={t('closedDetail')} />;
    case 'failed':
      return <StatusMessage kind="failed" title={t('failedTitle')} detail={t('failedDetail')} />;
    case 'no-article':
      return <StatusMessage kind="no-article" title={t('noArticleTitle')} detail={t('noArticleDetail')} />;
    case 'report':
      return (
        <ReportView
          t={t}
          report={view.analysis.report}
          story={view.analysis.story}
          selected={selectedClaim}
          onSelectClaim={onSelectClaim}
          actions={actions}
          onReportWrong={onReportWrong}
          reported={reported}
        />
      );
  }
}

/** "Checked 120 of about 800 sentences…", the bar, and the claims flagged so far (no actions on them yet). */
export function PartialReport({
  t,
  partial,
  selectedClaim,
  onSelectClaim,
}: Pick<PopupViewProps, 't' | 'selectedClaim' | 'onSelectClaim'> & { partial: PartialAnalysis }) {
  const { analysis, checked, total } = partial;
  const shown = Math.max(checked, total);
  return (
    <>
      <div class="progress" role="status">
        <p class="progress-line">{t('checkingProgress', [String(checked), String(shown)])}</p>
        <progress class="progress-bar" max={shown} value={checked} aria-hidden="true" />
      </div>
      {reportOutcome(analysis.report) === 'flagged' ? (
        <ReportView t={t} report={analysis.report} story={analysis.story} selected={selectedClaim} onSelectClaim={onSelectClaim} />
      ) : null}
    </>
  );
}

export function PopupView(props: PopupViewProps) {
  const { t, view, strictness, onStrictnessChange, highlightMissing, onOpenOptions } = props;
  return (
    <div
      class="popup"
      data-state={view.state}
      data-reason={popupReason(view)}
      aria-busy={view.state === 'loading' || view.state === 'checking'}
    >
      <header class="popup-header">
        <h1 class="popup-heading">{t('popupHeading')}</h1>
        <div class="header-controls">
          <StrictnessSelect t={t} value={strictness} onChange={onStrictnessChange} />
          {onOpenOptions ? (
            <button type="button" class="link-button open-options" onClick={onOpenOptions}>
              {t('openOptions')}
            </button>
          ) : null}
        </div>
      </header>
      <main class="popup-body">
        <Body {...props} />
        {highlightMissing ? (
          <p class="highlight-missing" role="alert">
            {t('highlightMissing')}
          </p>
        ) : null}
      </main>
    </div>
  );
}

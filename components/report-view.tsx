import { useState } from 'preact/hooks';
import type { ClaimResult, Report, Verdict } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { FLAGGED_VERDICTS, type FlaggedVerdict } from '@/utils/settings';
import { ClaimList, type FlaggedClaim, flaggedClaims } from './claim-list';
import { StatusMessage } from './status-message';
import { VerdictFilters } from './verdict-filters';

export interface StoryRef {
  id: string;
  title: string;
}

/** What the report amounts to, in the order the popup checks it. */
export type ReportOutcome = 'notice' | 'irrelevant' | 'nothing-flagged' | 'flagged';

/** The engine's notice codes that have their own text; an unknown code is shown as it is. */
const NOTICE_TEXT: Readonly<Record<string, MessageKey>> = { 'not-english': 'noticeNotEnglish', 'no-references': 'noticeNoReferences' };
/** Notice codes that only say the page is about another story: shown as the relevance line. */
const IRRELEVANT_NOTICES: ReadonlySet<string> = new Set(['not-relevant']);

export function reportOutcome(report: Report): ReportOutcome {
  if (report.notice && !IRRELEVANT_NOTICES.has(report.notice)) return 'notice';
  if (!report.relevant || report.notice) return 'irrelevant';
  return flaggedClaims(report.claims).length > 0 ? 'flagged' : 'nothing-flagged';
}

function noticeText(t: Translate, notice: string): string {
  const key = Object.hasOwn(NOTICE_TEXT, notice) ? NOTICE_TEXT[notice] : undefined;
  return key ? t(key) : notice;
}

const COUNTED = [
  { verdict: 'agree', label: 'countAgree' },
  { verdict: 'contradict', label: 'countContradict' },
  { verdict: 'disputed', label: 'countDisputed' },
] as const;

interface ReportViewProps {
  t: Translate;
  report: Report;
  /** The story the bundled references cover. */
  story: StoryRef;
  selected: string | null;
  onSelectClaim: (claim: ClaimResult) => void;
  /** The buttons acting on the whole report; left out when not given. */
  actions?: ReportActions;
  /** "This verdict is wrong": offered when given. */
  onReportWrong?: (claim: FlaggedClaim, suggested: Verdict, note: string) => void;
  reported?: ReadonlySet<string>;
}

export interface ReportActions {
  onCopy: () => void;
  onClearMarks: () => void;
  /** What the last action did (announced politely), or null. */
  status: string | null;
}

/** "24 sentences checked: 3 contradicted, 1 disputed, 5 agree." */
export function summaryLine(t: Translate, report: Report): string {
  const { agree, contradict, disputed, unverified } = report.counts;
  return t('summaryLine', [String(agree + contradict + disputed + unverified), String(contradict), String(disputed), String(agree)]);
}

export function referencesLine(t: Translate, report: Report): string | null {
  if (report.references.length === 0) return null;
  return t('referencesLine', report.references.map((ref) => t('referenceItem', [ref.outlet, ref.date])).join(', '));
}

export function ReportView({ t, report, story, selected, onSelectClaim, actions, onReportWrong, reported }: ReportViewProps) {
  const outcome = reportOutcome(report);
  const storyTitle = report.story === null || report.story === story.id ? story.title : report.story;
  const [shown, setShown] = useState<ReadonlySet<FlaggedVerdict>>(() => new Set(FLAGGED_VERDICTS));
  const all = flaggedClaims(report.claims);
  const claims = all.filter((claim) => shown.has(claim.verdict));
  const references = referencesLine(t, report);
  const toggle = (verdict: FlaggedVerdict) =>
    setShown((before) => {
      const next = new Set(before);
      if (next.has(verdict)) next.delete(verdict);
      else next.add(verdict);
      return next;
    });
  return (
    <article class="report" data-outcome={outcome}>
      <h2 class="article-title" dir="auto">
        {report.title.trim() || t('untitled')}
      </h2>
      {outcome !== 'notice' || report.relevant ? (
        <p class="relevance" data-relevant={String(outcome !== 'irrelevant')}>
          {outcome === 'irrelevant' ? t('irrelevant', story.title) : t('relevant', storyTitle)}
        </p>
      ) : null}
      {outcome === 'notice' && report.notice ? (
        <StatusMessage kind="notice" title={t('noticeTitle')} detail={noticeText(t, report.notice)} />
      ) : null}
      {references && outcome !== 'notice' ? <p class="references">{references}</p> : null}
      {actions && outcome !== 'notice' ? (
        <div class="actions">
          <button type="button" class="button" data-action="copy" onClick={actions.onCopy}>
            {t('copyReport')}
          </button>
          <button type="button" class="button" data-action="clear-marks" onClick={actions.onClearMarks}>
            {t('clearMarks')}
          </button>
        </div>
      ) : null}
      {actions ? (
        <p class="action-status" role="status">
          {actions.status ?? ''}
        </p>
      ) : null}
      {outcome === 'flagged' || outcome === 'nothing-flagged' ? (
        <>
          <p class="summary">{summaryLine(t, report)}</p>
          <dl class="counts" aria-label={t('countsLabel')}>
            {COUNTED.map(({ verdict, label }) => (
              <div key={verdict} class={`count count-${verdict}`}>
                <dt>{t(label)}</dt>
                <dd data-count={verdict}>{report.counts[verdict]}</dd>
              </div>
            ))}
          </dl>
          {outcome === 'flagged' ? (
            <section class="claims-section" aria-labelledby="claims-heading">
              <h3 id="claims-heading" class="claims-heading">
                {t('claimsHeading')}
              </h3>
              <VerdictFilters t={t} counts={report.counts} shown={shown} onToggle={toggle} />
              {claims.length > 0 ? (
                <ClaimList
                  t={t}
                  claims={claims}
                  selected={selected}
                  onSelect={onSelectClaim}
                  onReportWrong={onReportWrong}
                  reported={reported}
                />
              ) : (
                <p class="filtered-out">{t('filteredOut')}</p>
              )}
            </section>
          ) : (
            <StatusMessage kind="nothing-flagged" title={t('nothingToFlagTitle')} detail={t('nothingToFlagDetail')} />
          )}
        </>
      ) : null}
    </article>
  );
}

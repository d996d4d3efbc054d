import type { ClaimResult, Report } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import { ClaimList, flaggedClaims } from './claim-list';
import { StatusMessage } from './status-message';

export interface StoryRef {
  id: string;
  title: string;
}

/** What the report amounts to, in the order the popup checks it. */
export type ReportOutcome = 'notice' | 'irrelevant' | 'nothing-flagged' | 'flagged';

/** The engine's notice codes that have their own text; an unknown code is shown as it is. */
const NOTICE_TEXT: Readonly<Record<string, MessageKey>> = { 'not-english': 'noticeNotEnglish' };
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
}

export function ReportView({ t, report, story, selected, onSelectClaim }: ReportViewProps) {
  const outcome = reportOutcome(report);
  const storyTitle = report.story === null || report.story === story.id ? story.title : report.story;
  const claims = flaggedClaims(report.claims);
  return (
    <article class="report" data-outcome={outcome}>
      <h2 class="article-title">{report.title.trim() || t('untitled')}</h2>
      {outcome !== 'notice' || report.relevant ? (
        <p class="relevance" data-relevant={String(outcome !== 'irrelevant')}>
          {outcome === 'irrelevant' ? t('irrelevant', story.title) : t('relevant', storyTitle)}
        </p>
      ) : null}
      {outcome === 'notice' && report.notice ? (
        <StatusMessage kind="notice" title={t('noticeTitle')} detail={noticeText(t, report.notice)} />
      ) : null}
      {outcome === 'flagged' || outcome === 'nothing-flagged' ? (
        <>
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
              <ClaimList t={t} claims={claims} selected={selected} onSelect={onSelectClaim} />
            </section>
          ) : (
            <StatusMessage kind="nothing-flagged" title={t('nothingToFlagTitle')} detail={t('nothingToFlagDetail')} />
          )}
        </>
      ) : null}
    </article>
  );
}

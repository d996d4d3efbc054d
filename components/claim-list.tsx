import { useState } from 'preact/hooks';
import type { ClaimResult, Evidence, Stance, Verdict } from '@/lib/types';
import type { MessageKey, Translate } from '@/utils/i18n';
import type { FlaggedVerdict } from '@/utils/settings';
import { FeedbackForm } from './feedback-form';

export type FlaggedClaim = ClaimResult & { verdict: FlaggedVerdict };

const ORDER: Record<FlaggedVerdict, number> = { contradict: 0, disputed: 1, agree: 2 };

export const VERDICT_LABEL: Record<FlaggedVerdict, MessageKey> = {
  contradict: 'verdictContradict',
  disputed: 'verdictDisputed',
  agree: 'verdictAgree',
};

const STANCE_LABEL: Record<Stance, MessageKey> = { agree: 'stanceAgree', contradict: 'stanceContradict' };

function isFlagged(claim: ClaimResult): claim is FlaggedClaim {
  return claim.verdict !== 'unverified';
}

/** The claims worth showing: contradictions, then disputed, then agreements, each in page order. */
export function flaggedClaims(claims: readonly ClaimResult[]): FlaggedClaim[] {
  return claims
    .filter(isFlagged)
    .map((claim, index) => ({ claim, index }))
    .sort(
      (a, b) =>
        ORDER[a.claim.verdict] - ORDER[b.claim.verdict] ||
        a.claim.block - b.claim.block ||
        a.claim.start - b.claim.start ||
        a.index - b.index,
    )
    .map(({ claim }) => claim);
}

export function claimKey(claim: ClaimResult): string {
  return `${claim.block}:${claim.start}:${claim.end}`;
}

function EvidenceItem({ t, evidence }: { t: Translate; evidence: Evidence }) {
  return (
    <li>
      <blockquote class="evidence" data-source={evidence.source} data-stance={evidence.stance}>
        <p class="quote" dir="auto">
          {evidence.text}
        </p>
        <p class="attribution">
          <span class={`stance stance-${evidence.stance}`}>{t(STANCE_LABEL[evidence.stance])}</span>
          <cite class="outlet" dir="auto">
            {evidence.outlet}
          </cite>
          {evidence.setTitle ? <span class="evidence-set">{t('evidenceSet', evidence.setTitle)}</span> : null}
        </p>
        <p class="reason">{evidence.reason}</p>
      </blockquote>
    </li>
  );
}

interface ClaimListProps {
  t: Translate;
  claims: readonly FlaggedClaim[];
  selected: string | null;
  onSelect: (claim: ClaimResult) => void;
  /** "This verdict is wrong": offered when given. */
  onReportWrong?: (claim: FlaggedClaim, suggested: Verdict, note: string) => void;
  /** Keys of the claims already reported in this popup. */
  reported?: ReadonlySet<string>;
}

export function ClaimList({ t, claims, selected, onSelect, onReportWrong, reported }: ClaimListProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ol class="claims">
      {claims.map((claim) => {
        const key = claimKey(claim);
        return (
          <li key={key} class="claim" data-verdict={claim.verdict}>
            <button
              type="button"
              class="claim-sentence"
              title={t('showInPage')}
              aria-current={selected === key ? 'true' : undefined}
              onClick={() => onSelect(claim)}
            >
              <span class={`verdict verdict-${claim.verdict}`}>{t(VERDICT_LABEL[claim.verdict])}</span>
              <span class="claim-text" dir="auto">
                {claim.text}
              </span>
            </button>
            {claim.evidence.length > 0 ? (
              <ul class="evidence-list">
                {claim.evidence.map((evidence, index) => (
                  <EvidenceItem key={`${evidence.source}:${index}`} t={t} evidence={evidence} />
                ))}
              </ul>
            ) : null}
            {onReportWrong && reported?.has(key) ? (
              <p class="feedback-saved" role="status">
                {t('feedbackSaved')}
              </p>
            ) : null}
            {onReportWrong && !reported?.has(key) && open !== key ? (
              <button type="button" class="link-button report-wrong" onClick={() => setOpen(key)}>
                {t('reportWrong')}
              </button>
            ) : null}
            {onReportWrong && !reported?.has(key) && open === key ? (
              <FeedbackForm
                t={t}
                current={claim.verdict}
                onCancel={() => setOpen(null)}
                onSave={(suggested, note) => {
                  setOpen(null);
                  onReportWrong(claim, suggested, note);
                }}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

// The report as Markdown, for "Copy report": the verdicts, the sentences, and the quoted evidence
// with its sources. Page and reference text is quoted as it is, escaped only where Markdown would
// read it as markup.
import type { Report } from '@/lib/types';
import type { Translate } from '@/utils/i18n';
import { flaggedClaims, VERDICT_LABEL } from './claim-list';
import type { StoryRef } from './report-view';

/** Backslash-escapes what Markdown would read as inline markup or a block start; folds newlines into spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^([#+\-=>])/, '\\$1');
}

export function reportMarkdown(t: Translate, report: Report, story: StoryRef): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(t('mdTitle', report.title.trim() || t('untitled')))}`, '');
  lines.push(escapeMarkdown(t('mdUrl', report.input)), '');
  const strictness = report.strictness === 'conservative' ? t('strictnessConservative') : t('strictnessBalanced');
  lines.push(escapeMarkdown(t('mdChecked', [story.title, strictness])), '');
  if (report.references.length > 0) {
    const list = report.references.map((ref) => t('referenceItem', [ref.outlet, ref.date])).join(', ');
    lines.push(escapeMarkdown(t('referencesLine', list)), '');
  }
  const claims = flaggedClaims(report.claims);
  if (claims.length === 0) lines.push(escapeMarkdown(t('mdNone')));
  for (const claim of claims) {
    lines.push(`- **${escapeMarkdown(t(VERDICT_LABEL[claim.verdict]))}**: ${escapeMarkdown(claim.text)}`);
    for (const evidence of claim.evidence) {
      const stance = evidence.stance === 'agree' ? t('stanceAgree') : t('stanceContradict');
      lines.push(`  > ${escapeMarkdown(evidence.text)}`, '  >');
      lines.push(`  > \u2014 *${escapeMarkdown(evidence.outlet)}* (${escapeMarkdown(stance)})`);
      lines.push(`  ${escapeMarkdown(t('mdReason', evidence.reason))}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// What both browsers' popups must show for test/fixtures/contradicting-report.html. Loose on
// purpose: it pins the claims a reader must be shown, not every count the engine arrives at.
import { expect } from 'vitest';
import { CONTRADICTING, type PopupView } from './support';

export function expectContradictingReport(view: PopupView): void {
  const context = `\n--- popup text ---\n${view.text}\n------------------`;

  expect(view.state, context).toBe('done');
  expect(view.title, `.article-title${context}`).toContain(CONTRADICTING.title);
  expect(view.relevance, `.relevance should say what story the page was matched to${context}`).toBeTruthy();

  for (const verdict of ['agree', 'contradict'] as const) {
    expect(view.counts[verdict], `[data-count="${verdict}"] should show a number${context}`).toEqual(expect.any(Number));
  }
  expect(view.counts.contradict, `contradictions counted${context}`).toBeGreaterThanOrEqual(1);
  expect(view.counts.agree, `agreements counted (12:30pm ET, Merkel in Sochi)${context}`).toBeGreaterThanOrEqual(1);

  const flagged = view.claims.filter((c) => c.verdict === 'contradict');
  expect(flagged.length, `li.claim[data-verdict="contradict"] elements${context}`).toBeGreaterThanOrEqual(1);

  const missiles = flagged.find((c) => c.sentence.includes(CONTRADICTING.missiles.page));
  expect(missiles, `a contradicted claim quoting "${CONTRADICTING.missiles.page}"${context}`).toBeDefined();
  if (!missiles) return;
  expect(missiles.hasButton, 'the claim has a button that shows it in the page').toBe(true);

  const evidence = missiles.evidence.find((e) => e.quote.includes(CONTRADICTING.missiles.reference));
  expect(
    evidence,
    `blockquote.evidence quoting "${CONTRADICTING.missiles.reference}" under the missiles claim; got ${JSON.stringify(missiles.evidence)}`,
  ).toBeDefined();
  expect(evidence?.reason, 'a .reason for that evidence').toBeTruthy();

  for (const { page, reference } of [CONTRADICTING.gasAttack, CONTRADICTING.metroBombing]) {
    const claim = flagged.find((c) => c.sentence.includes(page));
    expect(claim, `a contradicted claim quoting "${page}"${context}`).toBeDefined();
    const quotes = claim?.evidence.map((e) => e.quote) ?? [];
    expect(
      quotes.some((q) => reference.some((r) => q.includes(r))),
      `evidence for "${page}" quoting one of ${JSON.stringify(reference)}; got ${JSON.stringify(quotes)}`,
    ).toBe(true);
  }

  for (const sentence of CONTRADICTING.agreeing) {
    const wrong = flagged.find((c) => c.sentence.includes(sentence));
    expect(wrong, `"${sentence}" agrees with the references and must not be contradicted${context}`).toBeUndefined();
  }

  for (const claim of view.claims) {
    expect(claim.sentence, 'reader comments are not the article and are never checked').not.toContain(CONTRADICTING.comment);
  }
}

import { describe, expect, it } from 'vitest';
import { reportMarkdown } from '@/components/report-markdown';
import {
  addFeedback,
  DEFAULT_MARK_SETTINGS,
  type FeedbackEntry,
  feedbackJson,
  MAX_FEEDBACK,
  parseFeedback,
  parseMarkSettings,
  removeFeedback,
} from '@/utils/settings';
import { CLAIMS, STORY, sampleReport } from '../helpers/sample-report';
import { t } from '../helpers/translate';

const ENTRY: FeedbackEntry = {
  id: 'a',
  createdAt: '2024-03-02T10:00:00.000Z',
  url: 'https://news.example/fire',
  title: 'Blaze',
  claim: 'Twelve people were injured.',
  verdict: 'contradict',
  suggested: 'agree',
  note: '',
  strictness: 'balanced',
  sources: ['The Daily Record'],
};

describe('parseMarkSettings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_MARK_SETTINGS],
    ['off', { enabled: false, verdicts: ['contradict'] }, { enabled: false, verdicts: ['contradict'] }],
    [
      'verdicts out of order and repeated',
      { enabled: true, verdicts: ['agree', 'contradict', 'agree'] },
      { enabled: true, verdicts: ['contradict', 'agree'] },
    ],
    ['an unknown verdict', { enabled: true, verdicts: ['unverified'] }, DEFAULT_MARK_SETTINGS],
    ['a string', 'on', DEFAULT_MARK_SETTINGS],
    ['enabled as a string', { enabled: 'true', verdicts: [] }, DEFAULT_MARK_SETTINGS],
  ])('%s', (_name, raw, expected) => {
    expect(parseMarkSettings(raw)).toEqual(expected);
  });
});

describe('feedback list', () => {
  it.each([
    ['nothing stored', undefined, []],
    ['a good entry', [ENTRY], [ENTRY]],
    ['a malformed entry among good ones', [ENTRY, { ...ENTRY, suggested: 'maybe' }, { id: 'x' }], [ENTRY]],
    ['not a list', { 0: ENTRY }, []],
  ])('parses %s', (_name, raw, expected) => {
    expect(parseFeedback(raw)).toEqual(expected);
  });

  it('adds at the end, keeps at most the newest entries, and removes by id', () => {
    const many = Array.from({ length: MAX_FEEDBACK }, (_, i) => ({ ...ENTRY, id: String(i) }));
    const added = addFeedback(many, { ...ENTRY, id: 'new' });
    expect(added).toHaveLength(MAX_FEEDBACK);
    expect(added.at(-1)?.id).toBe('new');
    expect(added[0]?.id).toBe('1');
    expect(removeFeedback(added, 'new').some((e) => e.id === 'new')).toBe(false);
  });

  it('exports as JSON that reads back to the same entries', () => {
    const json = JSON.parse(feedbackJson([ENTRY], '0.1.0')) as { format: string; entries: unknown };
    expect(json.format).toBe('crosscheck-feedback');
    expect(parseFeedback(json.entries)).toEqual([ENTRY]);
  });
});

describe('reportMarkdown', () => {
  const report = sampleReport({ references: [{ id: 'wire-1', outlet: 'Wire Service', title: 'Fire', date: '2024-03-02' }] });
  const md = reportMarkdown(t, report, STORY);

  it.each([
    ['the title', '# Crosscheck report: Blaze rips through harbour depot'],
    ['the page', 'Page: https://news.example/fire'],
    ['the references and their dates', 'References: Wire Service (2024-03-02)'],
    ['a contradicted claim', `- **Contradicted**: ${CLAIMS.contradict.text}`],
    ['its evidence', `  > ${CLAIMS.contradict.evidence[0]?.text}`],
    ['its source', '  > \u2014 *The Daily Record* (Contradicts)'],
    ['its reason', `  Why: ${CLAIMS.contradict.evidence[0]?.reason}`],
  ])('has %s', (_name, line) => {
    expect(md.split('\n')).toContain(line);
  });

  it('lists contradictions first and leaves unverified claims out', () => {
    expect(md.indexOf('Contradicted')).toBeLessThan(md.indexOf('**Agrees**'));
    expect(md).not.toContain(CLAIMS.unverified.text);
  });

  it('escapes page text that Markdown would read as markup', () => {
    const hostile = { ...CLAIMS.agree, text: '*bold* [link](javascript:x) <img src=x>' };
    const out = reportMarkdown(t, sampleReport({ claims: [hostile] }), STORY);
    expect(out).toContain('\\*bold\\* \\[link\\](javascript:x) \\<img src=x\\>');
  });
});

// Hand-written engine output used as component input.
import type { Analysis } from '@/components/popup-view';
import type { Article, ClaimResult, Report } from '@/lib/types';

export const STORY = { id: 'harbour-fire', title: 'Fire at the Northport harbour depot' };

export const ARTICLE: Article = {
  url: 'https://news.example/fire',
  title: 'Blaze rips through harbour depot',
  published: '2024-03-02',
  lang: 'en',
  siteName: 'Example News',
  blocks: [
    { kind: 'paragraph', text: 'The fire started on Tuesday night. Twelve people were injured.' },
    { kind: 'paragraph', text: 'Officials said the depot was empty. The cause is unknown.' },
  ],
};

const agree: ClaimResult = {
  text: 'The fire started on Tuesday night.',
  verdict: 'agree',
  block: 0,
  start: 0,
  end: 34,
  evidence: [
    {
      source: 'wire-1',
      outlet: 'Wire Service',
      text: 'The blaze broke out late on Tuesday.',
      stance: 'agree',
      reason: 'Same day: Tuesday.',
    },
  ],
};

const contradict: ClaimResult = {
  text: 'Twelve people were injured.',
  verdict: 'contradict',
  block: 0,
  start: 35,
  end: 62,
  evidence: [
    {
      source: 'paper-2',
      outlet: 'The Daily Record',
      text: 'Three people were treated for minor injuries.',
      stance: 'contradict',
      reason: 'The references give 3 injured, not 12.',
    },
  ],
};

const disputed: ClaimResult = {
  text: 'Officials said the depot was empty.',
  verdict: 'disputed',
  block: 1,
  start: 0,
  end: 35,
  evidence: [
    {
      source: 'wire-1',
      outlet: 'Wire Service',
      text: 'The depot was empty at the time, officials said.',
      stance: 'agree',
      reason: 'Says the depot was empty.',
    },
    {
      source: 'radio-3',
      outlet: 'Harbour Radio',
      text: 'Two night workers were inside the depot.',
      stance: 'contradict',
      reason: 'Says people were inside.',
    },
  ],
};

const unverified: ClaimResult = {
  text: 'The cause is unknown.',
  verdict: 'unverified',
  block: 1,
  start: 36,
  end: 57,
  evidence: [],
};

export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    input: ARTICLE.url,
    title: ARTICLE.title,
    published: ARTICLE.published,
    lang: 'en',
    relevant: true,
    story: STORY.id,
    strictness: 'balanced',
    counts: { agree: 1, contradict: 1, disputed: 1, unverified: 1 },
    // Deliberately not in display order.
    claims: [agree, contradict, disputed, unverified],
    references: [],
    notice: null,
    ...overrides,
  };
}

export function sampleAnalysis(overrides: Partial<Report> = {}): Analysis {
  return { report: sampleReport(overrides), story: STORY };
}

export const CLAIMS = { agree, contradict, disputed, unverified };

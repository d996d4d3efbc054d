// Stage 7, report: the result as one serialisable object — what the popup renders and the
// command line prints.
import type { CompiledReferences } from './references';
import type { Article, ClaimResult, Report, Strictness, Verdict } from './types';

export interface ReportInput {
  article: Article;
  claims: ClaimResult[];
  relevant: boolean;
  refs: CompiledReferences;
  strictness: Strictness;
  notice: string | null;
}

export function buildReport({ article, claims, relevant, refs, strictness, notice }: ReportInput): Report {
  const counts: Record<Verdict, number> = { agree: 0, contradict: 0, disputed: 0, unverified: 0 };
  for (const c of claims) counts[c.verdict]++;
  return {
    input: article.url,
    title: article.title,
    published: article.published,
    lang: article.lang,
    relevant,
    story: relevant ? refs.story.title : null,
    strictness,
    counts,
    claims,
    references: refs.documents,
    notice,
  };
}

// Relevance is decided on the article's opening: an article whose first few thousand words align
// with nothing is not read to the end, and one that does is read whole.
import { describe, expect, it } from 'vitest';
import { type Article, crosscheck, RELEVANCE_SAMPLE_WORDS } from '@/lib/index';
import { bundledPrepared } from '../helpers/engine';

const SPORT = 'The home side kept the ball well in the second half and the visitors tired as the rain came in over the stands.';
const STORY = [
  'Donald Trump and Vladimir Putin will speak by phone on Tuesday, their first call since the US missile strike on Syria.',
  'The US fired 39 cruise missiles at the Shayrat air base after the chemical attack in Khan Sheikhoun.',
  'Mr Putin condemned the strike as a violation of international law.',
];

const article = (paragraphs: string[]): Article => ({
  url: 'https://news.example/a',
  title: 'A page',
  published: '2017-05-02',
  lang: 'en',
  siteName: null,
  blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })),
});
const sportParagraphs = (words: number) => Array.from({ length: Math.ceil(words / 5 / 24) }, () => Array(5).fill(SPORT).join(' '));
const sentencesIn = (paragraphs: string[]) => paragraphs.length * 5;

describe('relevance on the opening of an article', () => {
  it.each([
    ['a short unrelated page', 1_000],
    ['a long unrelated page', 30_000],
  ])('%s is not relevant and flags nothing', (_name, words) => {
    const paragraphs = sportParagraphs(words);
    const report = crosscheck(article(paragraphs), bundledPrepared());
    expect(report.relevant).toBe(false);
    expect(report.claims.every((c) => c.verdict === 'unverified')).toBe(true);
    // read up to the sample and a paragraph past it, never the whole long page
    expect(report.claims.length).toBeLessThanOrEqual(Math.min(sentencesIn(paragraphs), Math.ceil(RELEVANCE_SAMPLE_WORDS / 24) + 10));
  });

  it('reads a relevant page to the end, however long', () => {
    // enough of the story up front to be about it, then a long stretch of something else
    const paragraphs = [...Array.from({ length: 10 }, () => STORY).flat(), ...sportParagraphs(6_000), STORY[1] ?? ''];
    const report = crosscheck(article(paragraphs), bundledPrepared());
    expect(report.relevant).toBe(true);
    const last = report.claims.at(-1);
    expect(last?.text).toBe(STORY[1]);
    expect(last?.verdict).toBe('contradict');
  });
});

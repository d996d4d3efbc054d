// Shared shapes of the engine. Everything here is plain data: it crosses the message boundary
// between the content script and the popup, and is what the command line prints as JSON.

export type Verdict = 'agree' | 'contradict' | 'disputed' | 'unverified';
export type Stance = 'agree' | 'contradict';
export type Strictness = 'conservative' | 'balanced';

/** One block of an article as the reader sees it: a headline, paragraph, list item, caption. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'caption' | 'quote';
  text: string;
}

/** What the extract stage returns: only text and where it came from, never markup. */
export interface Article {
  url: string;
  title: string;
  /** ISO date (YYYY-MM-DD) the page says it was published, if it says. */
  published: string | null;
  /** BCP 47 language of the page (`en`, `en-GB`, `fr`…), or null when unknown. */
  lang: string | null;
  siteName: string | null;
  blocks: Block[];
}

/** A sentence of the article and where it sits: block index and character offsets in it. */
export interface Sentence {
  text: string;
  block: number;
  start: number;
  end: number;
}

/** A range of values for a figure, read the way a newsroom writes them. */
export interface Figure {
  /** What the figure counts, as a normalised head noun (`killed`, `missile`, `refugee`…). */
  unit: string;
  low: number;
  high: number;
  /** Lower bound is exclusive ("more than 80"). */
  lowOpen?: boolean;
  /** The words as written, for reasons shown to readers. */
  text: string;
  /** An ordinal ("the third time") rather than a count. */
  ordinal?: boolean;
  /** Terms of a "since …" clause that says which series an ordinal counts in. */
  since?: string[];
  /** The kind of event counted in, where the sentence says ("killed in the war": `war`). */
  scope?: string;
  /** A part of the people counted ("30 children"): a quantity of its own, never compared with the whole. */
  part?: string;
}

/** A time span in UTC milliseconds, at the precision written. */
export interface TimeSpan {
  start: number;
  end: number;
  /** `day`, `month`, `year` or `clock`: only spans of the same kind are compared. */
  kind: 'day' | 'month' | 'year' | 'clock';
  text: string;
  /** Written as "since …": compared only with other "since" dates. */
  since?: boolean;
  /** A clock time written without a zone (minutes are then local). */
  unzoned?: boolean;
  /** Written "Tuesday's call": it dates the thing named, so it may confirm a date but never deny one. */
  possessive?: boolean;
  /** Not written: the report's own day, given to a clock time that names none. Quoted only where no written date says as much. */
  implied?: boolean;
}

/** A judgement, blame or act between actors ("Putin condemned the strike", "the US blamed Damascus"). */
export interface Frame {
  axis: string;
  /** 1 for the positive pole, -1 for the negative, after negation. */
  polarity: 1 | -1;
  /** The cue was negated ("did not criticise"): polarity is already flipped. */
  negated?: boolean;
  agent: string | null;
  target: string | null;
  cue: string;
}

/** Two events in order, as a sentence states them. */
export interface Sequence {
  /** The connective as written ("shortly before"). */
  connective: string;
  /** Terms of the event that came first, and of the one after it (terms both sides share left out). */
  first: string[];
  second: string[];
  /** Either side gives a date of its own ("in April, after the bombing"). */
  dated?: boolean;
}

/** What a sentence asserts, in a form that can be compared. */
export interface Claim {
  text: string;
  /** Canonical entity ids (after aliases). */
  entities: string[];
  /** Content-word lemmas for retrieval and event alignment. */
  terms: string[];
  figures: Figure[];
  times: TimeSpan[];
  frames: Frame[];
  /** Values of exclusive groups the sentence states ("southeast" of a place, "sarin", "rebel-held"). */
  categories?: {
    group: string;
    value: string;
    text: string;
    /** What a direction is relative to ("of Homs"). */
    of?: string;
    /** Said not to be so ("did not veto"). */
    negated?: boolean;
  }[];
  /** Terms of the sentence before, for a sentence that names nothing itself ("Nearly 90 were killed"). */
  context?: string[];
  negated: boolean;
  /** Content terms said not to be so, a negation just before them ("not getting along"). */
  negatedTerms?: string[];
  /** Two events the sentence puts in order ("said after Russia vetoed"): which came first. */
  sequences?: Sequence[];
  /** Has a verb: says something rather than labelling (a byline, a dateline). */
  asserts: boolean;
  /** Canonical id of the speaker when the sentence reports speech ("X said"), else null. */
  speaker: string | null;
}

export interface Evidence {
  /** Reference document id. */
  source: string;
  /** The outlet's name, as shown to readers. */
  outlet: string;
  /** The reference sentence, quoted whole. */
  text: string;
  stance: Stance;
  reason: string;
  /** The reference set the document belongs to: its id and title (tagged when several sets are checked). */
  set?: string;
  setTitle?: string;
}

export interface ClaimResult {
  text: string;
  verdict: Verdict;
  evidence: Evidence[];
  block: number;
  start: number;
  end: number;
}

export interface ReferenceDocumentMeta {
  id: string;
  outlet: string;
  title: string;
  date: string;
  url?: string;
  /** In a report: the id of the reference set the document belongs to. */
  set?: string;
}

export interface Report {
  input: string;
  title: string;
  published: string | null;
  lang: string | null;
  relevant: boolean;
  /** The reference story the page is about, when relevant (the titles of the relevant sets, joined). */
  story: string | null;
  /** Every reference set the page is about, when several sets were checked. */
  stories?: { id: string; title: string }[];
  strictness: Strictness;
  counts: Record<Verdict, number>;
  claims: ClaimResult[];
  references: ReferenceDocumentMeta[];
  /** Why no claims were checked, when that is so (not English, no article…). */
  notice: string | null;
}

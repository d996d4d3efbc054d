// Stage 2, segment: splits each block into sentences with compromise's tokenizer, keeping the
// block index and character offsets so the page can mark the sentence later.
import nlp from 'compromise/one';
import type { Block, Sentence } from './types';

/** Longest sentence we hand to later stages; longer runs are cut at word boundaries. */
export const MAX_SENTENCE_CHARS = 1_000;

// the splitter nlp.tokenize runs first, without the term splitting and normalising it runs after
const { splitSentences } = (
  nlp.methods() as unknown as { one: { tokenize: { splitSentences: (text: string, world: unknown) => string[] } } }
).one.tokenize;
const world = nlp.world();

export function segment(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((block, index) => {
    const text = block.text;
    // a heading is one claim; a list item or caption may hold several sentences, each its own claim;
    // a block never runs into the next
    if (block.kind === 'heading') {
      pushCapped(out, text, index, 0);
      return;
    }
    // compromise's sentence splitter alone (no terms, no tagging): the sentences partition the
    // paragraph exactly, so offsets follow by adding lengths up
    let at = 0;
    for (const raw of splitSentences(text, world).flatMap(splitAfterQuotes)) {
      const start = text.startsWith(raw, at) ? at : text.indexOf(raw.trim(), at);
      if (start < 0) continue;
      const lead = raw.length - raw.trimStart().length;
      pushCapped(out, raw.trim(), index, start + (text.startsWith(raw, at) ? lead : 0));
      at = start + raw.length;
    }
  });
  return out;
}

/**
 * compromise runs on past a full stop inside closing quotes ('…may be at an all-time low." He
 * complained…'), as American style writes every quoted sentence end: split there too, keeping the
 * spaces with the first part so the pieces still partition the text.
 */
function splitAfterQuotes(raw: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of raw.matchAll(/[.!?]["'”’]+(\s+)(?=["“‘']?\p{Lu})/gu)) {
    const end = (m.index ?? 0) + m[0].length;
    out.push(raw.slice(from, end));
    from = end;
  }
  out.push(raw.slice(from));
  return out.filter((p) => p.length > 0);
}

function pushCapped(out: Sentence[], text: string, block: number, start: number): void {
  if (!/\p{L}/u.test(text)) return;
  let offset = 0;
  while (text.length - offset > MAX_SENTENCE_CHARS) {
    const cut = text.lastIndexOf(' ', offset + MAX_SENTENCE_CHARS);
    const end = cut > offset ? cut : offset + MAX_SENTENCE_CHARS;
    out.push({ text: text.slice(offset, end), block, start: start + offset, end: start + end });
    offset = end + (cut > offset ? 1 : 0);
  }
  out.push({ text: text.slice(offset), block, start: start + offset, end: start + text.length });
}

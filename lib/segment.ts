// Stage 2, segment: splits each block into sentences with compromise's tokenizer, keeping the
// block index and character offsets so the page can mark the sentence later.
import nlp from 'compromise/one';
import type { Block, Sentence } from './types';

/** Longest sentence we hand to later stages; longer runs are cut at word boundaries. */
export const MAX_SENTENCE_CHARS = 1_000;

export function segment(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((block, index) => {
    const text = block.text;
    // headings, captions and list items are one claim each: a block never runs into the next
    if (block.kind !== 'paragraph' && block.kind !== 'quote') {
      pushCapped(out, text, index, 0);
      return;
    }
    const json = nlp(text).json({ offset: true }) as { text: string; offset?: { start: number; length: number } }[];
    for (const s of json) {
      if (!s.offset) continue;
      const raw = text.slice(s.offset.start, s.offset.start + s.offset.length);
      const lead = raw.length - raw.trimStart().length;
      pushCapped(out, raw.trim(), index, s.offset.start + lead);
    }
  });
  return out;
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

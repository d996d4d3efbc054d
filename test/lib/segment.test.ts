import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, segment } from '@/lib/segment';
import type { Block, Sentence } from '@/lib/types';

const para = (text: string): Block => ({ kind: 'paragraph', text });

/** Every sentence is exactly the slice of its block that its offsets name. */
function expectOffsets(blocks: Block[], sentences: Sentence[]): void {
  for (const s of sentences) {
    expect(blocks[s.block]?.text.slice(s.start, s.end), `offsets of "${s.text.slice(0, 40)}"`).toBe(s.text);
  }
}

describe('segment: sentences of a block', () => {
  it.each<[string, Block[], string[]]>([
    [
      'two plain sentences',
      [para('The call lasted an hour. Both sides called it constructive.')],
      ['The call lasted an hour.', 'Both sides called it constructive.'],
    ],
    [
      'abbreviated titles',
      [para('Mr. Trump spoke to Mr. Putin. Dr. Smith said nothing.')],
      ['Mr. Trump spoke to Mr. Putin.', 'Dr. Smith said nothing.'],
    ],
    [
      'U.S. inside a sentence',
      [para('The U.S. fired 59 missiles at the base. Russia condemned it.')],
      ['The U.S. fired 59 missiles at the base.', 'Russia condemned it.'],
    ],
    [
      'a decimal figure',
      [para('Some 4.9 million Syrians are refugees. More are displaced.')],
      ['Some 4.9 million Syrians are refugees.', 'More are displaced.'],
    ],
    [
      'a full stop inside closing quotes',
      [para('Trump said ties "may be at an all-time low." He blamed Moscow. Putin called it \'a violation.\' Nobody replied.')],
      ['Trump said ties "may be at an all-time low."', 'He blamed Moscow.', "Putin called it 'a violation.'", 'Nobody replied.'],
    ],
    [
      'closing quotes that do not end a sentence',
      [para('He shouted "Stop!" and left. A "U.S." official spoke.')],
      ['He shouted "Stop!" and left.', 'A "U.S." official spoke.'],
    ],
    [
      'question and exclamation',
      [para('Will they meet? Nobody knows! The Kremlin is silent.')],
      ['Will they meet?', 'Nobody knows!', 'The Kremlin is silent.'],
    ],
    [
      'leading, trailing and doubled spaces',
      [para('  Leading spaces here.   Another one follows.  ')],
      ['Leading spaces here.', 'Another one follows.'],
    ],
    ['a quote block is split too', [{ kind: 'quote', text: 'We talked. It went well.' }], ['We talked.', 'It went well.']],
    [
      'a heading is one sentence',
      [{ kind: 'heading', text: 'Trump to call Putin. Syria on agenda' }],
      ['Trump to call Putin. Syria on agenda'],
    ],
    // a bullet or caption may hold several sentences: each is a claim, and none runs into the next block
    [
      'a list item of two sentences',
      [{ kind: 'item', text: 'First point here. Second point there.' }],
      ['First point here.', 'Second point there.'],
    ],
    [
      'a caption of two sentences',
      [{ kind: 'caption', text: 'Putin met Merkel. Photograph: Reuters' }],
      ['Putin met Merkel.', 'Photograph: Reuters'],
    ],
    ['a heading is one sentence', [{ kind: 'heading', text: 'Talks end. Leaders leave' }], ['Talks end. Leaders leave']],
    [
      'blocks never run into each other',
      [{ kind: 'heading', text: 'Syria talks' }, para('The leaders spoke'), { kind: 'item', text: 'a point without a stop' }],
      ['Syria talks', 'The leaders spoke', 'a point without a stop'],
    ],
    ['text without letters is no sentence', [para('12345 ...'), { kind: 'heading', text: '—' }, para('')], []],
  ])('%s', (_label, blocks, expected) => {
    const sentences = segment(blocks);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectOffsets(blocks, sentences);
  });

  it('keeps each sentence’s block index', () => {
    const blocks = [para('First block. Still first.'), { kind: 'heading', text: 'Second' } as Block, para('Third block.')];
    expect(segment(blocks).map((s) => s.block)).toEqual([0, 0, 1, 2]);
  });

  it('returns nothing for no blocks', () => {
    expect(segment([])).toEqual([]);
  });

  it.each([
    ['“We are not getting along,” Trump said. He left.', '“We are not getting along,” Trump said.'],
    ['"Quoted," he said. He left.', '"Quoted," he said.'],
  ])('keeps the opening quotation mark of %s', (text, first) => {
    const blocks = [para(text)];
    const sentences = segment(blocks);
    expect(sentences[0]?.text).toBe(first);
    expectOffsets(blocks, sentences);
  });
});

describe('segment: very long sentences', () => {
  const words = Array.from({ length: 900 }, (_, i) => `word${i % 10}`).join(' ');
  const long = `${words}.`;

  it.each<[string, Block]>([
    ['a paragraph', para(long)],
    ['a heading', { kind: 'heading', text: long }],
  ])('cuts %s of 5,000+ characters at word boundaries into pieces of at most MAX_SENTENCE_CHARS', (_label, block) => {
    expect(long.length).toBeGreaterThan(5000);
    const pieces = segment([block]);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(long.length / MAX_SENTENCE_CHARS));
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(p.text).toBe(p.text.trim());
      // a cut falls between words, never inside one
      expect(block.text[p.start - 1] ?? ' ').toBe(' ');
      expect(block.text[p.end] ?? ' ').toMatch(/[ .]/);
    }
    expectOffsets([block], pieces);
    expect(pieces.map((p) => p.text).join(' ')).toBe(long);
  });

  it('cuts a run without spaces at exactly MAX_SENTENCE_CHARS', () => {
    const block = para('a'.repeat(5000));
    const pieces = segment([block]);
    expect(pieces.map((p) => p.text.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expectOffsets([block], pieces);
  });

  it('leaves a sentence of exactly MAX_SENTENCE_CHARS whole', () => {
    const text = `${'b'.repeat(MAX_SENTENCE_CHARS - 1)}.`;
    expect(segment([{ kind: 'heading', text }])).toEqual([{ text, block: 0, start: 0, end: MAX_SENTENCE_CHARS }]);
  });
});

// Generators of hostile input for the engine's property tests: text that mixes news vocabulary
// with everything a page can throw at a parser (numbers by the thousand, dates, zero-width and
// bidi controls, emoji sequences, combining marks, lone surrogates, markup-looking text), and
// HTML trees with the tags that trip extractors (script, template, frameset, svg, tables),
// unbalanced tags and junk between them.
import fc from 'fast-check';

/** Pieces a hostile article is made of: words the engine knows, figures, dates, and noise. */
export const HOSTILE_PIECES = [
  // entities, cues, speech, negation, units: the words the claims stage reacts to
  'Putin',
  'Trump',
  'the US',
  'Russia',
  'Syria',
  'Assad',
  'condemned',
  'blamed',
  'praised',
  'said',
  'told',
  'not',
  "didn't",
  'killed',
  'people',
  'missiles',
  'cruise missiles',
  'the third time since',
  'first',
  'more than',
  'nearly',
  'at least',
  'between 80 and 90',
  // figures
  '59',
  '1,000,000',
  '3.5',
  '-7',
  '99999999999999999999999',
  '1e308',
  '50%',
  '£20m',
  'fifty-nine',
  'dozens',
  'hundreds of thousands',
  // dates and times
  '12 May',
  'May 2',
  'May 2, 2017',
  '2 May 2017',
  'on Tuesday',
  'last month',
  'yesterday',
  'two weeks ago',
  'since 2011',
  'early April',
  '12:30pm ET',
  '4.30pm UK time',
  '2359 GMT',
  '99:99pm',
  '31 February',
  // punctuation and sentence ends
  '.',
  ',',
  ';',
  ':',
  '—',
  '...',
  '?!',
  '"',
  '“',
  '”',
  '’',
  "'s",
  '(',
  ')',
  // invisible and directional characters
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\t',
  '\n',
  '\r\n',
  // scripts, emoji, combining marks, surrogates
  'قال بوتين',
  'שלום',
  'Путин',
  '普京',
  '👨‍👩‍👧‍👦',
  '🇺🇸',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301',
  'Z\u0335\u0336\u0337\u0338',
  '\ud800',
  '\udfff',
  '\u0000',
  '\uffff',
  // markup-looking text
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '&lt;b&gt;',
  `$${'{'}x}`,
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
] as const;

/** A run of hostile pieces joined by varied whitespace, or none. */
export const hostileText = (maxLength = 80): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.constantFrom(' ', '', '  ', '\n', '\u00a0', '\u3000')), { maxLength })
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

/** Any string of code points from the whole Unicode range (fast-check 4's `fullUnicodeString`). */
export const anyUnicode = (maxLength = 200): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength });

/** Hostile text, any Unicode, or the two spliced together. */
export const anyText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.oneof(
    hostileText(maxLength),
    anyUnicode(maxLength * 3),
    fc.tuple(hostileText(maxLength), anyUnicode(maxLength)).map(([a, b]) => `${a}${b}`),
  );

export const publishedDate = fc.oneof(
  fc.constant(null),
  fc.constantFrom('2017-05-02', '2000-02-29', '1970-01-01', '2099-12-31', '0000-00-00', '2017-13-45'),
);

const TAGS = [
  'div',
  'p',
  'article',
  'main',
  'section',
  'h1',
  'h2',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'span',
  'b',
  'i',
  'a',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'form',
  'button',
  'nav',
  'aside',
  'footer',
  'time',
  'dl',
  'dd',
  'dt',
  'frameset',
  'frame',
  'textarea',
  'select',
  'object',
  'math',
] as const;

const ATTRS = [
  '',
  ' class="comment"',
  ' id="main"',
  ' role="main"',
  ' hidden',
  ' style="display:none"',
  ' lang="ar" dir="rtl"',
  ' href="javascript:alert(1)"',
  ' onclick="alert(1)"',
  ' datetime="2017-05-02T10:00:00Z"',
] as const;

/** Markup fragments that break well-formedness. */
const JUNK = [
  '<p>',
  '</p>',
  '</div>',
  '<div>',
  '<b><i>',
  '</i></b>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<',
  '>',
  '&',
  '&#0;',
  '&#x110000;',
  '&nbsp;',
  '<br/>',
  '<p/>',
  '</html>',
  '<body>',
  '<html>',
  '<?xml ?>',
  '<!DOCTYPE html>',
] as const;

type Tree = string;

/** A small HTML tree, at most `depth` levels, with text, junk and hostile attributes. */
export const htmlTree = (depth = 6): fc.Arbitrary<Tree> => {
  const { node } = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      hostileText(30).map(escapeText),
      fc.constantFrom(...JUNK),
      fc
        .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
        .map(([tag, attrs, children, close]) => `<${tag}${attrs}>${children.join('')}${close ? `</${tag}>` : ''}`),
    ),
  }));
  return node;
};

/** A whole page: head with hostile meta, a body tree, sometimes a real article's worth of text. */
export const htmlPage = fc
  .tuple(
    fc.constantFrom('en', 'en-GB', 'fr', '', '"><script>', 'zz-ZZ-x-private'),
    fc.constantFrom('', '<meta property="article:published_time" content="2017-05-02T10:00:00Z">', '<meta name="date" content="garbage">'),
    fc.constantFrom(
      '',
      '<script type="application/ld+json">{"datePublished":"2017-05-02"}</script>',
      '<script type="application/ld+json">{</script>',
    ),
    htmlTree(),
    fc.array(hostileText(60), { maxLength: 6 }),
  )
  .map(
    ([lang, meta, ld, tree, paragraphs]) =>
      `<!DOCTYPE html><html lang="${lang}"><head><title>${escapeText(paragraphs[0] ?? '')}</title>${meta}${ld}</head><body>${tree}<article>${paragraphs
        .map((p) => `<p>${escapeText(p)}</p>`)
        .join('')}</article></body></html>`,
  );

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

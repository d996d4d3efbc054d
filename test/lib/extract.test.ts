import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import type { Article } from '@/lib/types';
import { must, REPO_ROOT } from '../helpers/engine';

function extract(html: string, url = 'https://news.example/story'): Article | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, url);
}

const PARAGRAPHS = [
  'The harbour authority in Northport said on Monday that the new ferry terminal would open to passengers in early June, two months later than planned.',
  'Engineers found cracks in the concrete of the main pier during a routine inspection in March, and the repairs took longer than the contractor had expected.',
  'Local businesses along the seafront said the delay had cost them the first weeks of the tourist season, and some asked the council for help with their rent.',
];

interface PageParts {
  htmlAttrs?: string;
  head?: string;
  headline?: string;
  before?: string;
  after?: string;
  paragraphs?: string[];
  /** The article's inner markup after the headline, instead of the paragraphs. */
  body?: string;
}

function page({
  htmlAttrs = 'lang="en"',
  head = '',
  headline = 'Ferry terminal opening delayed to June',
  before = '',
  after = '',
  paragraphs = PARAGRAPHS,
  body,
}: PageParts = {}) {
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><title>${headline} | Northport Courier</title>${head}</head>
<body>${before}<article><h1>${headline}</h1>${body ?? paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>${after}</body></html>`;
}

const textOf = (a: Article) => a.blocks.map((b) => b.text).join('\n');

describe('extractArticle: publication date', () => {
  it.each([
    ['article:published_time', '<meta property="article:published_time" content="2017-05-02T09:14:00+01:00">', '', '2017-05-02'],
    ['og:published_time', '<meta property="og:published_time" content="2017-05-03T05:30:00Z">', '', '2017-05-03'],
    ['meta name=date', '<meta name="date" content="2017-05-05">', '', '2017-05-05'],
    ['meta name=dcterms.created', '<meta name="dcterms.created" content="2017-05-02T19:42:00+02:00">', '', '2017-05-02'],
    ['meta itemprop=datePublished', '<meta itemprop="datePublished" content="2017-05-06">', '', '2017-05-06'],
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2017-05-04T17:45:00+01:00"}</script>',
      '',
      '2017-05-04',
    ],
    [
      'JSON-LD @graph',
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Courier"},{"@type":"NewsArticle","datePublished":"2017-05-11T08:00:00Z"}]}</script>',
      '',
      '2017-05-11',
    ],
    [
      'JSON-LD array',
      '<script type="application/ld+json">[{"@type":"Organization"},{"@type":"NewsArticle","datePublished":"2017-05-09"}]</script>',
      '',
      '2017-05-09',
    ],
    ['<time datetime>', '', '<time datetime="2017-05-03T06:00:00+01:00">Wednesday</time>', '2017-05-03'],
    [
      'a broken JSON-LD block, then <time datetime>',
      '<script type="application/ld+json">{"datePublished": </script>',
      '<time datetime="2017-05-07">Sunday</time>',
      '2017-05-07',
    ],
    [
      'meta before JSON-LD before <time>',
      '<meta property="article:published_time" content="2017-05-01"><script type="application/ld+json">{"datePublished":"2017-06-01"}</script>',
      '<time datetime="2017-07-01">then</time>',
      '2017-05-01',
    ],
    ['nothing', '', '', null],
  ])('reads it from %s', (_label, head, before, published) => {
    expect(must(extract(page({ head, before }))).published).toBe(published);
  });
});

describe('extractArticle: title, language, site', () => {
  it.each([
    [
      'og:title first',
      '<meta property="og:title" content="Terminal delayed">',
      'Ferry terminal opening delayed to June',
      'Terminal delayed',
    ],
    ['the h1 without og:title', '', 'Ferry terminal opening delayed to June', 'Ferry terminal opening delayed to June'],
  ])('takes the title from %s', (_label, head, headline, title) => {
    expect(must(extract(page({ head, headline }))).title).toBe(title);
  });

  it.each([
    ['lang="en-GB"', 'en-GB'],
    ['lang="en"', 'en'],
    ['lang="fr"', 'fr'],
    ['', null],
  ])('reads the language from <html %s>', (htmlAttrs, lang) => {
    expect(must(extract(page({ htmlAttrs }))).lang).toBe(lang);
  });

  it('reads the site name and keeps the url', () => {
    const a = must(extract(page({ head: '<meta property="og:site_name" content="Northport Courier">' }), 'file:///x.html'));
    expect(a.siteName).toBe('Northport Courier');
    expect(a.url).toBe('file:///x.html');
  });
});

describe('extractArticle: blocks', () => {
  it('puts the headline first, once, as a heading', () => {
    const a = must(extract(page()));
    expect(a.blocks[0]).toEqual({ kind: 'heading', text: 'Ferry terminal opening delayed to June' });
    expect(a.blocks.filter((b) => b.text === a.title)).toHaveLength(1);
  });

  it('adds the og:title as the first block when the page has no h1', () => {
    const html = page({ head: '<meta property="og:title" content="Terminal delayed">' }).replace(/<h1>.*?<\/h1>/, '');
    expect(must(extract(html)).blocks[0]).toEqual({ kind: 'heading', text: 'Terminal delayed' });
  });

  it('keeps every paragraph as its own block, text only', () => {
    const a = must(
      extract(
        page({ paragraphs: [...PARAGRAPHS.slice(0, 2), `The council <b>will</b> meet on <a href="/x">Thursday</a>. ${PARAGRAPHS[2]}`] }),
      ),
    );
    expect(a.blocks.slice(1)).toEqual([
      { kind: 'paragraph', text: PARAGRAPHS[0] },
      { kind: 'paragraph', text: PARAGRAPHS[1] },
      { kind: 'paragraph', text: `The council will meet on Thursday. ${PARAGRAPHS[2]}` },
    ]);
  });

  it.each([
    ['<p class="read-more"><b>READ MORE:</b> <a href="/x">Ferry horror: 14 stranded as terminal floods</a></p>', false],
    ['<p>Related: <a href="/y">Council approves new harbour budget for 2018</a></p>', false],
    // a cue word with little of it linked, or a link with no cue word, is the story's own
    ['<p>More: the council said the <a href="/z">budget</a> would cover the repairs in full this year.</p>', true],
    ['<p><a href="/w">The harbour master said the repairs were finished on Friday.</a></p>', true],
  ])('%s is kept: %s (a link to another story is not)', (markup, kept) => {
    const a = must(extract(page({ body: `${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}${markup}` })));
    expect(a.blocks.length).toBe(PARAGRAPHS.length + 1 + (kept ? 1 : 0));
  });

  it('reads subheadings and block quotes as such', () => {
    const a = must(
      extract(
        page({
          body: `<p>${PARAGRAPHS[0]}</p><h2>What comes next</h2><p>${PARAGRAPHS[1]}</p>
            <blockquote>We are very sorry for the delay.</blockquote><p>${PARAGRAPHS[2]}</p>`,
        }),
      ),
    );
    expect(a.blocks).toContainEqual({ kind: 'heading', text: 'What comes next' });
    expect(a.blocks).toContainEqual({ kind: 'quote', text: 'We are very sorry for the delay.' });
  });

  const CHROME = {
    before: `<div class="cookie-banner" role="dialog">We use cookies to improve your experience. <button>Accept cookies</button></div>
      <header><a href="/">Northport Courier</a><nav><a href="/news">Local news</a> <a href="/sport">Sport pages</a> <a href="/weather">Weather forecast</a></nav></header>`,
    after: `<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Lifeboat crew rescues stranded walkers</a></li><li><a href="/b">Fishing quotas cut again</a></li></ul></aside>
      <section id="comments" class="comments"><h2>Comments (2)</h2><div class="comment"><p>seagull_42: The pier was always going to crack, everyone knew it.</p></div><div class="comment"><p>Harbour fan: Bring back the old ferry!</p></div></section>
      <footer><p>Copyright Northport Courier Ltd. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
      <script>var tracking = "do not read this";</script><style>.x { color: red }</style>`,
  };

  it.each([
    'We use cookies',
    'Accept cookies',
    'Local news',
    'Weather forecast',
    'Most read',
    'Lifeboat crew rescues stranded walkers',
    'The pier was always going to crack',
    'Bring back the old ferry',
    'Copyright Northport Courier',
    'Privacy policy',
    'do not read this',
    'color: red',
  ])('leaves page furniture out of the blocks: "%s"', (furniture) => {
    const a = must(extract(page(CHROME)));
    expect(textOf(a)).toContain(PARAGRAPHS[1]);
    expect(textOf(a)).not.toContain(furniture);
  });

  it.each([
    [
      'a page with only navigation',
      '<html lang="en"><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>Copyright</footer></body></html>',
    ],
    ['a page with one short paragraph', page({ paragraphs: ['Welcome to the Northport Courier.'] })],
    ['an empty page', '<html><body></body></html>'],
  ])('returns null for %s', (_label, html) => {
    expect(extract(html)).toBeNull();
  });

  it('extracts a page in French with its language', () => {
    const a = must(
      extract(
        page({
          htmlAttrs: 'lang="fr"',
          headline: 'Le terminal des ferries ouvrira en juin',
          paragraphs: [
            'Le port de Northport a annoncé lundi que le nouveau terminal des ferries ouvrira ses portes aux passagers au début du mois de juin, avec deux mois de retard.',
            'Les ingénieurs ont découvert des fissures dans le béton de la jetée principale lors d’une inspection de routine au mois de mars dernier.',
            'Les commerçants du front de mer affirment que ce retard leur a coûté les premières semaines de la saison touristique.',
          ],
        }),
      ),
    );
    expect(a.lang).toBe('fr');
    expect(a.title).toBe('Le terminal des ferries ouvrira en juin');
    expect(textOf(a)).toContain('Les ingénieurs ont découvert des fissures');
  });

  it('leaves the page it reads untouched', () => {
    const { document } = parseHTML(page(CHROME));
    const before = document.toString();
    extractArticle(document as unknown as Document, 'https://news.example/story');
    expect(document.toString()).toBe(before);
  });

  it.each<[string, string, { kind: string; text: string }[]]>([
    [
      'list items inside the article',
      `<p>${PARAGRAPHS[0]}</p><ul><li>First point of the list.</li><li>Second point of the list.</li></ul><p>${PARAGRAPHS[1]}</p>`,
      [
        { kind: 'item', text: 'First point of the list.' },
        { kind: 'item', text: 'Second point of the list.' },
      ],
    ],
    [
      'paragraphs inside a non-block wrapper',
      `<div><main><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p></main></div>`,
      [
        { kind: 'paragraph', text: PARAGRAPHS[0] ?? '' },
        { kind: 'paragraph', text: PARAGRAPHS[1] ?? '' },
      ],
    ],
    [
      'a figure caption',
      `<p>${PARAGRAPHS[0]}</p><figure><img src="pier.jpg" alt=""><figcaption>The cracked pier in March.</figcaption></figure><p>${PARAGRAPHS[1]}</p>`,
      [{ kind: 'caption', text: 'The cracked pier in March.' }],
    ],
  ])('keeps %s as blocks of their own', (_label, body, expected) => {
    const a = must(extract(page({ body: `${body}<p>${PARAGRAPHS[2]}</p>` })));
    for (const block of expected) {
      expect(a.blocks).toContainEqual(block);
      // no block runs into the next
      expect(a.blocks.filter((b) => b.text.includes(block.text))).toHaveLength(1);
    }
  });
});

describe('extractArticle: cookie banners', () => {
  const story = (bodyClass: string, banner: string) =>
    `<!doctype html><html lang="en"><head><title>Ferry delayed</title></head><body class="${bodyClass}">${banner}<article><h1>Ferry terminal opening delayed to June</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  it.each([
    [
      'a consent banner before the story',
      '',
      '<div class="consent">We and our partners use cookies to personalise content and ads. <a href="/p">Learn more</a></div>',
    ],
    [
      'a cookie notice by id',
      '',
      '<div id="cookie-notice"><p>This site uses cookies to improve your experience of our journalism.</p></div>',
    ],
    ['a page-wide class that marks no banner', 'has-cookie-banner', ''],
  ])('%s: the story is read, the banner is not', (_label, bodyClass, banner) => {
    const a = must(extract(story(bodyClass, banner)));
    expect(a.blocks).toContainEqual({ kind: 'paragraph', text: PARAGRAPHS[0] });
    expect(textOf(a)).not.toContain('cookies');
  });
});

describe('extractArticle: the lead between headline and body', () => {
  const DEK = 'Repairs to the cracked main pier pushed the opening back by two months, the harbour authority said.';
  const CAPTION = 'Workers on the main pier of the new ferry terminal in Northport in March.';
  const lead = (between: string) =>
    `<!doctype html><html lang="en"><head><title>Ferry delayed</title></head><body><article><h1>Ferry terminal opening delayed to June</h1>${between}<div class="body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></article><aside><p>Read more: our readers' favourite beaches, ranked by the number of visitors last summer.</p></aside></body></html>`;
  it.each<[string, string, { kind: string; text: string }[], string[]]>([
    ['a standfirst in an h2', `<h2 class="dek">${DEK}</h2>`, [{ kind: 'heading', text: DEK }], []],
    [
      'a lead caption without its credit',
      `<figure><img src="a.jpg" alt=""><figcaption>${CAPTION} <span class="credit">Photo: Jane Doe/Agency</span></figcaption></figure>`,
      [{ kind: 'caption', text: CAPTION }],
      ['Jane Doe'],
    ],
    [
      'key points in a list',
      `<ul class="keypoints"><li>Opening pushed back to June</li><li>Cracks found in the main pier</li></ul>`,
      [
        { kind: 'item', text: 'Opening pushed back to June' },
        { kind: 'item', text: 'Cracks found in the main pier' },
      ],
      [],
    ],
    [
      'bylines, dates and share links left out',
      `<p class="byline">By Anna Reporter and Tom Writer in Northport</p><p class="share"><a href="#">Share this story on Facebook and Twitter now</a></p>`,
      [],
      ['Anna Reporter', 'Share this story'],
    ],
  ])('reads %s', (_label, between, expected, absent) => {
    const a = must(extract(lead(between)));
    for (const block of expected) expect(a.blocks.filter((b) => b.text === block.text)).toEqual([block]);
    for (const text of absent) expect(textOf(a)).not.toContain(text);
    expect(textOf(a)).not.toContain('favourite beaches');
  });
});

interface FixturePage {
  file: string;
  title: string;
  published: string;
  lang: string | null;
  /** Text of navigation, comments, related links and footers on the page. */
  furniture: string[];
  /** A paragraph of the article that must come out as a block of its own. */
  paragraph: string;
  /** Key points or other list items between headline and body that must come out as items. */
  items?: string[];
  /** Sub-headings of the story that must come out as headings. */
  headings?: string[];
}

const FIXTURES: FixturePage[] = [
  {
    // a timeline box in an aside inside the story (Readability drops asides); the rail of related links stays out
    file: 'test/holdout-14/03-us-cable-analysis-trump-putin-call.html',
    title: "Analysis: Trump's first call with Putin since the Syria strikes comes with plenty of baggage",
    published: '2017-05-02',
    lang: 'en-US',
    paragraph: 'The conversation was always going to be awkward.',
    items: [
      'Jan. 28: Putin phones Trump to congratulate him on his election win, and the two discuss defeating ISIS.',
      "April 3: U.S. warships fire 59 Tomahawk missiles at Syria's Shayrat air base.",
    ],
    headings: ['How we got here'],
    furniture: ['More from MNN Politics', 'Comey defends handling of Clinton email probe'],
  },
  {
    // a digest of list items, each a heading and paragraphs: none is read as one run-together key point
    file: 'test/holdout-7/07-news-aggregator-digest.html',
    title: 'The Morning Digest',
    published: '2017-05-03',
    lang: 'en-US',
    paragraph: 'Merkel raised the treatment of gay men in Chechnya, her spokesman said.',
    headings: ['Merkel meets Putin in Sochi'],
    furniture: [],
  },
  {
    // a digest whose sub-heading looks like the page title (Readability drops such a heading), under a cookie banner
    file: 'test/holdout-13/03-us-wire-today-in-brief-digest.html',
    title: 'Today in Brief: Wednesday, May 3',
    published: '2017-05-03',
    lang: 'en-US',
    paragraph: 'The two leaders clashed at a joint news conference over the conflict in eastern Ukraine.',
    headings: ['Merkel visits Putin in Sochi', 'Syrian fighters press on toward Tabqa'],
    furniture: ['use cookies', 'DJIA'],
  },
  {
    // key points after a byline and datelines that Readability keeps as paragraphs
    file: 'test/holdout-13/05-au-broadcaster-trump-putin-call-aest.html',
    title: 'Donald Trump and Vladimir Putin talk Syria in first phone call since US missile strike',
    published: '2017-05-03',
    lang: 'en-AU',
    paragraph:
      'US President Donald Trump and his Russian counterpart Vladimir Putin have held their first telephone conversation since Washington launched a missile strike on a Syrian airfield last month.',
    items: [
      'The two presidents spoke by phone in the early hours of Wednesday, Australian time',
      'Russia has rejected claims the Assad government was behind the nerve agent attack',
    ],
    furniture: ['Comments (47)', 'House Rules'],
  },
  {
    file: 'test/eval/01-wire-aliases.html',
    title: 'Trump, Putin to discuss Syria in first call since U.S. missile strike',
    published: '2017-05-02',
    lang: 'en-US',
    paragraph: 'It will be only the third time the pair have spoken since the Republican took office.',
    furniture: ['Related Coverage', 'U.S. fires 59 Tomahawk missiles at Syrian air base', 'All quotes delayed', 'use cookies'],
  },
  {
    file: 'test/eval/02-tabloid-errors.html',
    title: 'Trump and Putin to talk for the fourth time as Syria row simmers',
    published: '2017-05-02',
    lang: null,
    paragraph: 'Putin praised the strike as a proportionate response.',
    furniture: ['learn to count', 'Lottery winner', 'GET THE CLARION BRIEFING', 'IPSO regulated', 'he never praised it'],
  },
  {
    file: 'test/eval/03-numbers-hedged.html',
    title: 'Syria by the numbers: what to know before the Trump-Putin call',
    published: '2017-05-02',
    lang: 'en-GB',
    paragraph: 'The figures behind the war are contested, and they matter.',
    furniture: ['Fewer than 80 died', 'Who are the 15 members', 'One email, five charts', '70 million dollars'],
  },
  {
    file: 'test/eval/04-relative-dates.html',
    title: 'Washington and Moscow test a fragile thaw',
    published: '2017-05-05',
    lang: 'en-GB',
    paragraph: 'The call had been scheduled for 3.30pm UK time.',
    furniture: ['I listened to the radio', 'Merkel in Sochi: first visit', 'Proudly powered by WordPress', 'Recent Posts', 'Leave a Reply'],
  },
  {
    file: 'test/eval/05-reported-speech.html',
    title: 'Blame game over Khan Sheikhoun shadows Trump-Putin call',
    published: '2017-05-03',
    lang: 'en',
    paragraph: 'Washington, by contrast, holds the Syrian government responsible.',
    furniture: ['90 killed, including children', 'Putin and Merkel clash over Ukraine', 'Most watched', 'All rights reserved'],
  },
  {
    file: 'test/eval/06-offtopic-hockey.html',
    title: 'Putin scores seven as veterans win Night Hockey League gala in Sochi',
    published: '2017-05-11',
    lang: 'en',
    paragraph: 'After the final whistle, he skated over to the stands to greet fans.',
    furniture: ['goalie never seems to stop', 'Al-Karamah', 'OTT 2 NYR 4', 'not 4,900'],
  },
  {
    file: 'test/eval/07-same-actors-other-events.html',
    title: 'After the Trump-Putin call, Syria diplomacy moves to Sochi',
    published: '2017-05-03',
    lang: 'en',
    paragraph: 'Israel did not confirm the attack.',
    furniture: ['May Day marches in Moscow', 'Yesterday’s briefing', 'Cookie settings'],
  },
  {
    file: 'test/eval/08-opinion-analysis.html',
    title: 'A phone call is not a reset',
    published: '2017-05-04',
    lang: 'en-GB',
    paragraph: 'Either would be worth having, but neither would be a reset.',
    furniture: [
      'Fifty-nine Tomahawks in a night',
      'two years rather than three',
      'UNHCR: 4.9 million Syrians now refugees',
      'View more comments',
    ],
  },
  {
    file: 'test/fixtures/sample-article.html',
    title: "Phone diplomacy: what to expect from today's Trump–Putin call",
    published: '2017-05-02',
    lang: 'en',
    paragraph: 'Russian Prime Minister Dmitry Medvedev said the American strikes were illegal.',
    furniture: ['This site uses cookies', 'Eight things we learned', 'Refugee camps brace'],
  },
  {
    file: 'test/fixtures/contradicting-report.html',
    title: 'Trump and Putin to discuss Syria in first call since missile strike',
    published: '2017-05-02',
    lang: 'en-GB',
    paragraph:
      'Three days later, the US fired 39 cruise missiles at the Shayrat air base, southeast of Homs, from where American officials say the attack was launched.',
    furniture: ['over a hundred missiles', 'Late penalty settles cup final', 'We and our 312 partners', 'Subscribe from £1'],
  },
];

describe.each(FIXTURES)('extractArticle on $file', ({ file, title, published, lang, furniture, paragraph, items = [], headings = [] }) => {
  const html = readFileSync(join(REPO_ROOT, file), 'utf8');
  const article = () => must(extract(html, file), `an article in ${file}`);

  it('reads title, publication date and language', () => {
    const a = article();
    expect({ title: a.title, published: a.published, lang: a.lang }).toEqual({ title, published, lang });
  });

  it('puts the headline first', () => {
    expect(article().blocks[0]).toEqual({ kind: 'heading', text: title });
  });

  it('keeps a paragraph of the article as a block of its own', () => {
    expect(article().blocks).toContainEqual({ kind: 'paragraph', text: paragraph });
  });

  it.each(items)('keeps the item "%s"', (text) => {
    expect(article().blocks).toContainEqual({ kind: 'item', text });
  });

  it.each(headings)('keeps the heading "%s", run into no paragraph', (text) => {
    expect(article().blocks).toContainEqual({ kind: 'heading', text });
    expect(article().blocks.filter((b) => b.text.startsWith(`${text} `))).toEqual([]);
  });

  it.each(furniture)('leaves out "%s"', (text) => {
    expect(textOf(article())).not.toContain(text);
  });

  it('never returns markup', () => {
    for (const b of article().blocks) expect(b.text).not.toMatch(/<\/?[a-z][^>]*>/i);
  });
});

describe.each(FIXTURES.filter((f) => f.file.startsWith('test/eval/')))('$file agrees with its labels', ({ file }) => {
  it('has the publication date its labels give', () => {
    const labels = JSON.parse(readFileSync(join(REPO_ROOT, file.replace(/\.html$/, '.labels.json')), 'utf8')) as { published: string };
    expect(must(extract(readFileSync(join(REPO_ROOT, file), 'utf8'), file)).published).toBe(labels.published);
  });
});

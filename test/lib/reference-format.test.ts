import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/cli/load';
import {
  documentFromArticle,
  LIMITS,
  parseSetFile,
  SET_FILE_FORMAT,
  serializeSetFile,
  slugify,
  uniqueId,
  validateSetFile,
} from '@/lib/reference-format';
import { compileReferences, ReferenceDataError, type ReferenceSetSource } from '@/lib/references';
import type { Article } from '@/lib/types';
import { bundledSource } from '../helpers/engine';

/** The field a ReferenceDataError names, failing the test for any other outcome. */
function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ReferenceDataError);
    return (e as ReferenceDataError).field;
  }
  throw new Error('expected a ReferenceDataError, but nothing was thrown');
}

function source(): ReferenceSetSource {
  return {
    id: 'harbour-fire',
    title: 'Northport harbour fire',
    furniture: ['^MORE:'],
    entities: { northport: ['Northport'] },
    documents: [
      {
        id: 'gazette',
        outlet: 'Harbour Gazette',
        title: 'Fire at depot',
        date: '2024-03-06',
        url: 'https://gazette.example/a',
        text: 'Twelve people were injured.',
      },
      { id: 'radio', outlet: 'Coastal Radio', title: 'Blaze', date: '2024-03-06', text: 'About 60 firefighters fought the blaze.' },
    ],
  };
}

/** A set file as plain JSON data, to break in place. */
const fileData = (): Record<string, unknown> => JSON.parse(serializeSetFile(source())) as Record<string, unknown>;
const docsOf = (o: Record<string, unknown>) => o.documents as Record<string, unknown>[];

describe('set file round trip', () => {
  it('serialises a source with its format tag and version, and reads it back as it was', () => {
    const text = serializeSetFile(source(), false);
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(data.format).toBe(SET_FILE_FORMAT);
    expect(data.version).toBe(1);
    const back = parseSetFile(text);
    expect(back).toEqual({ ...source(), format: SET_FILE_FORMAT, version: 1, enabled: false });
  });

  it('reads the bundled set written as one file, and compiles it the same as the folder', () => {
    const text = serializeSetFile(bundledSource());
    const file = parseSetFile(text);
    expect(compileReferences(file, readLexicon()).claims).toEqual(compileReferences(bundledSource(), readLexicon()).claims);
  });

  it('accepts a bundled-style set.json with inline documents (no format tag)', () => {
    const o = fileData();
    delete o.format;
    expect(validateSetFile(o).id).toBe('harbour-fire');
  });

  it('keeps script text as text', () => {
    const o = fileData();
    const doc = docsOf(o)[0] as Record<string, unknown>;
    doc.text = '<script>alert(1)</script> Twelve people were injured.';
    doc.title = '<img src=x onerror=alert(1)>';
    const file = validateSetFile(o);
    expect(file.documents[0]?.text).toBe('<script>alert(1)</script> Twelve people were injured.');
    expect(file.documents[0]?.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('copies only known fields', () => {
    const o = fileData();
    o.extra = { evil: true };
    (docsOf(o)[0] as Record<string, unknown>).html = '<b>x</b>';
    const file = validateSetFile(o) as unknown as Record<string, unknown>;
    expect(file.extra).toBeUndefined();
    expect((file.documents as Record<string, unknown>[])[0]?.html).toBeUndefined();
  });
});

describe('parseSetFile refuses, naming the field', () => {
  it.each<[string, () => string, string]>([
    ['an empty file', () => '', '(file)'],
    ['a truncated file', () => serializeSetFile(source()).slice(0, 200), '(file)'],
    ['a file that is not JSON', () => 'Title: hello\n\nSome text', '(file)'],
    ['an oversized file', () => `{"pad":"${'x'.repeat(LIMITS.fileChars)}"}`, '(file)'],
    ['a JSON list', () => '[]', '(root)'],
    ['JSON null', () => 'null', '(root)'],
    ['another format', () => JSON.stringify({ ...fileData(), format: 'something-else' }), 'format'],
    ['a newer version', () => JSON.stringify({ ...fileData(), version: 2 }), 'version'],
    ['a version written as text', () => JSON.stringify({ ...fileData(), version: '1' }), 'version'],
    ['compiled claims', () => JSON.stringify({ ...fileData(), claims: [] }), 'claims'],
    ['documents that are not a list', () => JSON.stringify({ ...fileData(), documents: {} }), 'documents'],
    ['no documents', () => JSON.stringify({ ...fileData(), documents: [] }), 'documents'],
    [
      'too many documents',
      () => JSON.stringify({ ...fileData(), documents: Array.from({ length: LIMITS.documents + 1 }, () => ({})) }),
      'documents',
    ],
    ['a document that is a string', () => JSON.stringify({ ...fileData(), documents: ['text'] }), 'documents[0]'],
    [
      'a number as outlet',
      () => JSON.stringify({ ...fileData(), documents: [{ ...docsOf(fileData())[0], outlet: 42 }] }),
      'documents[0].outlet',
    ],
    [
      'a huge text',
      () => JSON.stringify({ ...fileData(), documents: [{ ...docsOf(fileData())[0], text: 'a '.repeat(LIMITS.documentChars) }] }),
      'documents[0].text',
    ],
    ['a huge title', () => JSON.stringify({ ...fileData(), title: 'T'.repeat(LIMITS.title + 1) }), 'title'],
    [
      'a javascript: url',
      () => JSON.stringify({ ...fileData(), documents: [{ ...docsOf(fileData())[0], url: 'javascript:alert(1)' }] }),
      'documents[0].url',
    ],
    [
      'a bad date',
      () => JSON.stringify({ ...fileData(), documents: [{ ...docsOf(fileData())[0], date: 'March 6' }] }),
      'documents[0].date',
    ],
    ['an id that is no slug', () => JSON.stringify({ ...fileData(), id: 'Not A Slug' }), 'id'],
    ['enabled as text', () => JSON.stringify({ ...fileData(), enabled: 'yes' }), 'enabled'],
    [
      'a __proto__ key at the top',
      () => serializeSetFile(source()).replace('"format"', '"__proto__": {"polluted": true}, "format"'),
      '__proto__',
    ],
    [
      'a __proto__ entity',
      () => serializeSetFile(source()).replace('"entities": {', '"entities": {"__proto__": ["x"], '),
      'entities.__proto__',
    ],
    [
      'a constructor key in a document',
      () => serializeSetFile(source()).replace('"id": "gazette"', '"constructor": {"prototype": {}}, "id": "gazette"'),
      'documents[0].constructor',
    ],
    [
      'deep nesting',
      () => JSON.stringify({ ...fileData(), x: JSON.parse(`${'['.repeat(50)}${']'.repeat(50)}`) }),
      'x[0][0][0][0][0][0][0][0]',
    ],
    ['a slow furniture pattern', () => JSON.stringify({ ...fileData(), furniture: ['^(a+)+$'] }), 'furniture[0]'],
    ['an invalid furniture pattern', () => JSON.stringify({ ...fileData(), furniture: ['[unclosed'] }), 'furniture[0]'],
    [
      'entity names that are not a list',
      () => JSON.stringify({ ...fileData(), entities: { northport: 'Northport' } }),
      'entities.northport',
    ],
  ])('%s', (_label, make, field) => {
    expect(fieldOf(() => parseSetFile(make()))).toBe(field);
  });

  it('does not pollute Object.prototype', () => {
    const text = serializeSetFile(source()).replace('"entities": {', '"entities": {"__proto__": {"polluted": ["yes"]}, ');
    expect(() => parseSetFile(text)).toThrow(ReferenceDataError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a message a reader can act on', () => {
    expect(() => parseSetFile('{"format":"crosscheck-reference-set","vers')).toThrow(/not valid JSON, perhaps truncated/);
    expect(() => parseSetFile(JSON.stringify({ ...fileData(), documents: [{ ...docsOf(fileData())[0], date: 'x' }] }))).toThrow(
      'documents[0].date: must be a date written YYYY-MM-DD',
    );
  });
});

describe('helpers', () => {
  it('slugify and uniqueId make lower-case, distinct ids', () => {
    expect(slugify('Trump–Putin call, 2 May 2017!')).toBe('trump-putin-call-2-may-2017');
    expect(slugify('***')).toBe('set');
    expect(uniqueId('a', ['a', 'a-2'])).toBe('a-3');
  });

  it('documentFromArticle credits the site name, else the host, and falls back to today', () => {
    const article: Article = {
      url: 'https://www.gazette.example/fire',
      title: ' Fire at depot ',
      published: null,
      lang: 'en',
      siteName: null,
      blocks: [
        { kind: 'heading', text: 'Fire at depot' },
        { kind: 'paragraph', text: 'Twelve   people were injured.' },
      ],
    };
    expect(documentFromArticle(article, '2024-03-07')).toEqual({
      id: 'gazette-example-fire-at-depot',
      outlet: 'gazette.example',
      title: 'Fire at depot',
      date: '2024-03-07',
      url: 'https://www.gazette.example/fire',
      text: 'Fire at depot\nTwelve people were injured.',
    });
    expect(documentFromArticle({ ...article, siteName: 'Harbour Gazette', published: '2024-03-06' }, '2024-03-07')).toMatchObject({
      outlet: 'Harbour Gazette',
      date: '2024-03-06',
    });
  });
});

/**
 * Hostile inputs for every importer, generated from a seed (fast-check's arbitraries, sampled
 * one input per seed so that any input is replayed from its seed alone). Each importer gets
 * three kinds: token soup from its own syntax, structures nested or repeated far past what a
 * real document holds, and real documents mutated (cut, spliced, repeated, bytes flipped).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { epub2, epub3, zipEpub } from '../../unit/epub/build-epub.ts';

export const IMPORTERS = ['txt', 'md', 'html', 'epub', 'w3c', 'hypothesis'] as const;
export type Importer = (typeof IMPORTERS)[number];

/** One input: text for the text importers and the JSON ones, bytes for books. */
export type HostileInput = string | Uint8Array;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

/** Real documents to mutate, per kind. */
const SEEDS = {
  txt: [
    read('assets', '000_8366b94cf810edf5.txt'),
    read('tests', 'fixtures', 'attribution', '01_coalition_talks.txt'),
  ],
  md: [
    '---\ntitle: The council\ntags: [a, b]\n---\n# The council\n\n> "We agreed," she said.\n\n' +
      '- one\n  - two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nx\n```\n\n[link](http://x.test) ![](y.png)\n',
  ],
  html: ['blog-post.html', 'harbour-ferry.html', 'hostile.html'].map((f) =>
    read('tests', 'fixtures', 'html', f),
  ),
};

const WORDS = ['the', 'council', '"We', 'agreed,"', 'said', 'Ana', 'Costa', 'Reuters', '|'];
const SYNTAX: Record<'txt' | 'md' | 'html', string[]> = {
  txt: [...WORDS, '\n', '\n\n', '\r\n', '“', '”', '’', '—', ' ', '\t', '(AP) —', 'By ', 'LONDON'],
  md: [
    ...WORDS,
    '>',
    '> ',
    '#',
    '# ',
    '*',
    '**',
    '_',
    '`',
    '```',
    '[',
    '](',
    ')',
    '![',
    '<',
    '&amp;',
    '|',
    '- ',
    '1. ',
    '    ',
    '\n',
    '\n\n',
    '---\n',
    '<div>',
    '\\',
  ],
  html: [
    ...WORDS,
    '<div>',
    '</div>',
    '<p>',
    '</p>',
    '<blockquote>',
    '<table><tr><td>',
    '<svg><foreignObject>',
    '<math><mi>',
    '<style>@import url(',
    '<style>',
    '</style>',
    '<script>',
    '<!--',
    '-->',
    '<![CDATA[',
    '<img src="',
    '<a href="javascript:',
    '<meta charset="',
    '<base href="',
    '<template>',
    '&#x',
    '&amp',
    ';',
    '"',
    "'",
    '>',
    '<',
    '<h1>',
    '<article>',
    '<iframe srcdoc="',
    '<noscript>',
  ],
};

/** A string of the importer's own tokens mixed with arbitrary characters. */
function soup(tokens: string[], maxTokens: number): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...tokens) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { maxLength: maxTokens },
    )
    .map((parts) => parts.join(''));
}

/** One unit repeated or nested to a depth no real document reaches. */
function deep(units: string[], maxDepth: number): fc.Arbitrary<string> {
  return fc
    .record({
      unit: fc.constantFrom(...units),
      depth: fc.integer({ min: 1, max: maxDepth }),
      tail: fc.constantFrom('x', 'word\n', '"Quote," he said.', ''),
      lines: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ unit, depth, tail, lines }) =>
      Array.from({ length: lines }, () => unit.repeat(depth) + tail).join('\n'),
    );
}

/** A real document cut, spliced, repeated and sprinkled with tokens. */
function mutated(documents: string[], tokens: string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 400 }),
    kind: fc.constantFrom('insert', 'delete', 'repeat', 'truncate'),
    token: fc.constantFrom(...tokens),
    times: fc.integer({ min: 2, max: 200 }),
  });
  return fc
    .record({ document: fc.constantFrom(...documents), edits: fc.array(edit, { maxLength: 12 }) })
    .map(({ document, edits }) => {
      let text = document;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        if (e.kind === 'insert') text = text.slice(0, at) + e.token + text.slice(at);
        else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
        else if (e.kind === 'truncate') text = text.slice(0, at);
        else
          text = text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at);
      }
      return text;
    });
}

const textArbitrary = (kind: 'txt' | 'md' | 'html', deepUnits: string[]) =>
  fc.oneof(soup(SYNTAX[kind], 400), deep(deepUnits, 3000), mutated(SEEDS[kind], SYNTAX[kind]));

/** Books: real ones with bytes flipped or cut, and well-formed ones holding hostile chapters. */
const epubArbitrary: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .record({
      book: fc.constantFrom(epub3(), epub2()),
      flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(255)), {
        maxLength: 20,
      }),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ book, flips, cut }) => {
      const bytes = Uint8Array.from(book);
      for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
      return cut === null ? bytes : bytes.slice(0, Math.floor(cut * bytes.length));
    }),
  fc
    .record({
      chapter: textArbitrary('html', ['<div>', '<blockquote>', '<table><tr><td>', '<ol><li>']),
      opf: fc.option(
        soup(['<item ', 'href="', '../', '"/>', '<spine>', '<itemref idref="c"/>'], 60),
      ),
    })
    .map(({ chapter, opf }) =>
      zipEpub({
        'META-INF/container.xml':
          '<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>',
        'c.opf':
          opf ??
          '<package version="3.0"><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">T</dc:title></metadata>' +
            '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>' +
            '<spine><itemref idref="c"/></spine></package>',
        'c.xhtml': chapter,
      }),
    ),
);

/** A well-formed annotation of each kind, to be mutated. */
const W3C_ANNOTATION = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:gloss:highlight:h1',
  type: 'Annotation',
  body: [{ type: 'TextualBody', purpose: 'commenting', value: 'A *note* #tag' }],
  target: {
    source: 'https://example.test/story',
    selector: [
      { type: 'TextPositionSelector', start: 4, end: 30 },
      { type: 'TextQuoteSelector', exact: 'council', prefix: 'The ', suffix: ' met' },
    ],
  },
};
const HYPOTHESIS_ANNOTATION = {
  id: 'abc123',
  uri: 'https://example.test/story',
  text: 'A note',
  tags: ['one'],
  document: { title: ['The council'] },
  target: [
    {
      source: 'https://example.test/story',
      selector: [
        { type: 'TextQuoteSelector', exact: 'agreed', prefix: 'and ', suffix: ' the' },
        { type: 'TextPositionSelector', start: 10, end: 16 },
      ],
    },
  ],
};

/** Values that break assumptions: huge or negative numbers, odd strings, deep nesting. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.5, '', 'x'.repeat(200_000), null, [], {}),
  fc
    .integer({ min: 1, max: 5000 })
    .map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.anything({ maxDepth: 3 }),
);

/** An annotation with values replaced at random places, several of them, in a list or not. */
function annotationArbitrary(base: unknown): fc.Arbitrary<string> {
  const edit = fc.record({
    path: fc.array(fc.nat(8), { minLength: 1, maxLength: 5 }),
    value: oddValue,
  });
  return fc
    .record({
      edits: fc.array(edit, { maxLength: 6 }),
      copies: fc.integer({ min: 1, max: 50 }),
      wrap: fc.constantFrom('one', 'array', 'rows', 'collection'),
      raw: fc.option(
        soup(['{', '}', '[', ']', '"', ':', ',', '"selector"', '"exact"', '1e999'], 80),
        {
          freq: 8,
        },
      ),
    })
    .map(({ edits, copies, wrap, raw }) => {
      if (raw !== null) return raw;
      const item = structuredClone(base) as Record<string, unknown>;
      for (const { path, value } of edits) replaceAt(item, path, value);
      const items = Array.from({ length: copies }, () => item);
      const body =
        wrap === 'one'
          ? item
          : wrap === 'array'
            ? items
            : wrap === 'rows'
              ? { total: copies, rows: items }
              : { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } };
      return JSON.stringify(body);
    });
}

/** Replaces the value found by walking `path` (indexes into each level's keys). */
function replaceAt(root: Record<string, unknown>, path: number[], value: unknown): void {
  let node: unknown = root;
  for (const [depth, step] of path.entries()) {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (!keys.length) return;
    const key = keys[step % keys.length]!;
    const record = node as Record<string, unknown>;
    if (depth === path.length - 1) record[key] = value;
    else node = record[key];
  }
}

const ARBITRARIES: Record<Importer, fc.Arbitrary<HostileInput>> = {
  txt: textArbitrary('txt', ['“', '"', '\n\n', 'a\n\n', ' ', '— ', '(AP) ', 'said ']),
  md: textArbitrary('md', [
    '>',
    '> ',
    '- ',
    '* ',
    '1. ',
    '  ',
    '[',
    '](',
    '*',
    '_',
    '`',
    '#',
    '<div>',
  ]),
  html: textArbitrary('html', [
    '<div>',
    '<blockquote>',
    '<table><tr><td>',
    '<b>',
    '<ol><li>',
    '<p>',
  ]),
  epub: epubArbitrary,
  w3c: annotationArbitrary(W3C_ANNOTATION),
  hypothesis: annotationArbitrary(HYPOTHESIS_ANNOTATION),
};

/** The input of `importer` for `seed`: the same seed always gives the same input. */
export function hostileInput(importer: Importer, seed: number): HostileInput {
  const [input] = fc.sample(ARBITRARIES[importer], { seed, numRuns: 1 });
  return input!;
}

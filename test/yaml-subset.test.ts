/**
 * The subset reader (src/yaml/subset.ts) must give exactly the careful parser's answer (the
 * `yaml` package through parseYaml, which every command falls back to) or give up: it is the
 * fast path of check, aggregate, compare and report, and a file has one verdict (issue #22).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, stringify, visit } from 'yaml';
import { SessionFile } from '../src/session/file.js';
import { messages } from '../src/i18n/index.js';
import { parseYaml } from '../src/yaml/parse.js';
import { subsetParse } from '../src/yaml/subset.js';
import { FIXTURES, makeSession, ROOT } from './helpers.js';
import { generateSession, loadFramework } from './support/gemeenten.js';
import { yamlishDocument } from './support/yamlish.js';

const nl = messages('nl');

/** The careful parser's reading, or 'error' when it reports any error (kader then refuses the file). */
function careful(text: string): unknown {
  const parsed = parseYaml('f.yaml', text, nl);
  return parsed.diagnostics.some((d) => d.severity === 'error') ? 'error' : parsed.value;
}

/** The rule: the subset gives up, or agrees with the careful parser to the last -0 and prototype. */
function agrees(text: string): boolean {
  const subset = subsetParse(text);
  if (subset === undefined) return true;
  expect(subset, JSON.stringify(text)).toStrictEqual(careful(text));
  return true;
}

const yamlFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.yaml')).map((n) => readFileSync(join(dir, n), 'utf8'));

/** Sessions as kader writes them: the examples (flow-style answers) and generated ones (block style). */
const kaderWritten = [
  ...yamlFiles(join(ROOT, 'examples')).filter((t) => t.includes('kind: session')),
  ...yamlFiles(join(ROOT, 'examples', 'regio')),
];
const generated = (() => {
  const loaded = loadFramework(join(FIXTURES, 'frameworks', 'valid.yaml'));
  return [1, 2, 3].map((seed) => stringify(generateSession(loaded, { gemeente: `Gemeente ${seed}`, seed, respondent: 'wijkteam' }), { lineWidth: 0 }));
})();
const sessions = [...kaderWritten, ...generated, readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8')];

/** Characters that mean something in YAML, so random edits hit the parser's decisions. */
const YAMLISH = [' ', '  ', '\n', '\n  ', '- ', ': ', ':', '#', ' #', '"', "'", '[', ']', '{', '}', ', ', ',', '\\', '\\u00e9', '\\x41', 'a', 'Z', '0', '-1', '1.5', '0x1', '1e3', '.', '~', 'null', 'TRUE', '|', '>', '&a', '*a', '!', '?', '%', '@', '`', '---', '...', '\r', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff', '\x85', '\x07'];

/** A text with a few random edits made of YAML's own characters, or arbitrary ones. */
function edited(text: string) {
  const insert = fc.oneof(fc.array(fc.constantFrom(...YAMLISH), { maxLength: 4 }).map((parts) => parts.join('')), fc.string({ maxLength: 4, unit: 'binary' }));
  const edit = fc.record({ at: fc.nat({ max: text.length }), remove: fc.nat({ max: 6 }), insert });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((t, e) => t.slice(0, Math.min(e.at, t.length)) + e.insert + t.slice(Math.min(e.at, t.length) + e.remove), text),
  );
}

describe('subset reader', () => {
  it('reads every session kader writes, without giving up, as the careful parser does', () => {
    expect(sessions.length).toBeGreaterThanOrEqual(10);
    for (const text of sessions) {
      const subset = subsetParse(text);
      expect(subset).toBeDefined();
      expect(subset).toStrictEqual(careful(text));
    }
  });

  it('reads notes as users type them, written by kader\'s own writer, as the careful parser does', () => {
    const notes = ['Let op: dit geldt alleen voor het wijkteam', 'zie punt #3', '"geciteerd"', "het team's aanpak", '- opsomming', '12', 'ja', 'null', '2026-11-20', 'café – ½ € 🙂', '  spaties  ', '[haken] {accolades}'];
    const answers = Object.fromEntries(notes.map((note, i) => [`Q-${i}`, { value: i % 2 ? 'voldoet' : ['a', 'b'], note, at: '2026-11-20T10:00:00Z' }]));
    const text = SessionFile.create('/tmp/s.yaml', makeSession({ answers }), messages('nl')).text();
    const read = subsetParse(text);
    expect(read).toBeDefined(); // one-line notes, however odd, stay inside the subset
    expect(read).toStrictEqual(careful(text));
    // A note over several lines is written double-quoted on one line, so the subset reads it too,
    // with the bullets and ampersands that made the old fast path give up (issue #16, item 12).
    const note = 'Punten:\n *eerste\n &tweede\n\n  - derde \n';
    const multiline = SessionFile.create('/tmp/s.yaml', makeSession({ answers: { Q: { value: 'voldoet', note, at: '2026-11-20T10:00:00Z' } }, context: { gemeente: 'G', date: '2026-11-20', team: 'team\nnoord' } }), messages('nl')).text();
    expect(multiline).toContain('note: "Punten:\\n *eerste');
    expect(subsetParse(multiline)).toMatchObject({ answers: { Q: { note } }, context: { team: 'team\nnoord' } });
    expect(subsetParse(multiline)).toStrictEqual(careful(multiline));
  });

  it('gives up or agrees with the careful parser on every fixture, framework and example', () => {
    const dirs = [join(FIXTURES, 'sessions'), join(FIXTURES, 'sessions', 'broken'), join(FIXTURES, 'frameworks'), join(FIXTURES, 'frameworks', 'broken'), join(ROOT, 'frameworks'), join(ROOT, 'examples'), join(ROOT, 'examples', 'regio')];
    let files = 0;
    for (const dir of dirs) {
      for (const text of yamlFiles(dir)) {
        agrees(text);
        files++;
      }
    }
    expect(files).toBe(53);
  });

  it('gives up on what it does not know, and is right about what it does', () => {
    const cases: [string, unknown][] = [
      ['a: 1\na: 2\n', undefined], // duplicate key: the careful parser says where
      ['a: |\n  x\n', { a: 'x\n' }],
      ['a: >-\n  x\n  y\n\n  z\n# c\nb: |-\n    # geen commentaar\n    k: v\n\n\n    - z\n', { a: 'x y\nz', b: '# geen commentaar\nk: v\n\n\n- z' }],
      ['a: |\n  x\n   y\n', undefined], // a more-indented line
      ['a: >\n\n  x\n', undefined], // a leading empty line
      ['a: |\n  x\n  \n  y\n', undefined], // a line of spaces only
      ['a: |+\n  x\n\n', undefined],
      ['a: |2\n   x\n', undefined],
      ['a: |\nb: 1\n', undefined], // an empty block scalar
      ['a: |\n  x\n b: 1\n', undefined],
      ['a: &x 1\nb: *x\n', undefined],
      ['a: !!str 1\n', undefined],
      ['a: 0x1F\n', undefined],
      ['a: 1e3\n', undefined],
      ['a: +1\nb: .5\nc: .inf\nd: 12345678901234567\n', undefined],
      ['a: 2026-11-20\nb: 6f1e2a4c-0000-4000\n', { a: '2026-11-20', b: '6f1e2a4c-0000-4000' }], // the core schema has no dates
      ['a: plain\n  continued\n', undefined],
      ['a: "open\n  quote"\n', undefined],
      ['a:\tb\n', undefined],
      ['---\na: 1\n', undefined],
      ['- a\n', undefined],
      ['TRUE: 1\n', undefined],
      ['a: b # note\n', undefined],
      ['a: "b" # note\n', { a: 'b' }],
      ['a: -0\nb: -00\nc: 007\nd: -1.50\ne: -0.0\n', { a: -0, b: -0, c: 7, d: -1.5, e: -0 }],
      ['a: ~\nb: Null\nc: True\nd: FALSE\ne: -x\nf: x-1\n', { a: null, b: null, c: true, d: false, e: '-x', f: 'x-1' }],
      ['a: "\\u00e9\\n\\"\\\\"\nb: \'it\'\'s\'\n', { a: 'é\n"\\', b: "it's" }],
      ['a: { value: [ x, y ], at: "2026", n: 3 }\nb: []\nc: {}\n', { a: { value: ['x', 'y'], at: '2026', n: 3 }, b: [], c: {} }],
      ['a:\n  - x\n  - role: y\n    team: z\nb:\n  c: # none\nd: https://x.nl/a#b\n', { a: ['x', { role: 'y', team: 'z' }], b: { c: null }, d: 'https://x.nl/a#b' }],
      ['a: 1\r\nb: 2\r\n', { a: 1, b: 2 }],
      ['a:\r\n # c\nb: 2\n', { a: null, b: 2 }], // mixed line ends (found by the random edits below)
      ['a: 1\rb: 2\n', undefined],
      ['a: { value: teaml\ufeff }\n', { a: { value: 'teaml\ufeff' } }], // trimEnd would have dropped the BOM
      ['a:\n  -\n    -\n  - x\n', undefined], // items that start empty: the subset leaves them to the careful parser
      ['a:\n- x\n', undefined], // a sequence at its key's indentation
      // The reader works on offsets into the whole text (issue #20): nothing past a line's end counts.
      ['a: "x\\\nb: 1\n', undefined], // an escape at the line's end
      ['a: "\\u00\ne9"\n', undefined], // a \u escape cut by the line's end
      ["a: 'it''\nb: 1\n", undefined], // a doubled quote at the line's end
      ['a: { b: c\nd: e }\n', undefined],
      ['a: [x,\n  y]\n', undefined],
      ['a: "b"   \nc: [x, y]  # c\nd: { e: \'f\' }  \n', { a: 'b', c: ['x', 'y'], d: { e: 'f' } }],
      ['a: |\r\n  x\r\n\r\n  y\r\nb: 1\r\n', { a: 'x\n\ny\n', b: 1 }],
      ['a: >-\n  x\n  y', { a: 'x y' }], // no line end after the last line
      ['a: { TRUE: 1 }\n', undefined], // special keys in a flow mapping, met before or not
      ['a: { TRUE: 1 }\nTRUE: 2\n', undefined],
      ['b:\n  __proto__: 1\n', undefined],
    ];
    for (const [text, expected] of cases) {
      expect(subsetParse(text), JSON.stringify(text)).toStrictEqual(expected);
      agrees(text);
    }
  });

  it('gives up or agrees with the careful parser on sessions with random edits', () => {
    for (const text of [kaderWritten[0]!, generated[0]!]) {
      fc.assert(fc.property(edited(text), agrees), { numRuns: 1500 });
    }
    // The careful parser checks every session the subset reads: ~10 s on a busy 2-core machine.
  }, 120_000);

  it('gives up or agrees with the careful parser on random documents around the subset, and reads many of them', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlishDocument, (text) => {
        if (subsetParse(text) !== undefined) read++;
        return agrees(text);
      }),
      { numRuns: 4000 },
    );
    // The documents are built to sit on the subset's edges: a good share must be read, or
    // the comparison above tests nothing. (About a fifth are, with this generator.)
    expect(read).toBeGreaterThan(400);
  });

  it('reads block scalars as the careful parser does: texts over lines written by the yaml package', () => {
    const line = fc.stringMatching(/^[a-z#:\- "']{0,12}$/);
    const text = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
    let read = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('BLOCK_LITERAL', 'BLOCK_FOLDED') , fc.boolean(), (value, type, nested) => {
        const doc = new Document(nested ? { root: { items: [{ note: value }] } } : { note: value, after: 1 });
        visit(doc, { Scalar(_key, node) { if (typeof node.value === 'string' && node.value.includes('\n')) node.type = type as 'BLOCK_LITERAL' | 'BLOCK_FOLDED'; } });
        const written = doc.toString({ lineWidth: 0 });
        if (subsetParse(written) !== undefined) read++;
        return agrees(written);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('gives up or agrees with the careful parser on arbitrary values written as YAML, block and flow', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, flow) => {
        const text = stringify({ root: value }, { lineWidth: 0, ...(flow && { collectionStyle: 'flow' as const }) });
        return agrees(text);
      }),
      { numRuns: 1500 },
    );
  });
});

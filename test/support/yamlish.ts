/**
 * Random YAML documents in and around the subset kader writes (block and flow collections,
 * plain and quoted scalars chosen to sit on the edges of YAML's typing rules), for holding
 * src/yaml/subset.ts to the careful parser's reading.
 */
import fc from 'fast-check';

/** Scalars as written in a file: the edges of the core schema's types and of plain style. */
const SCALARS = [
  'voldoet', 'deels', 'voldoet-niet', 'Gemeente 1', 'a b', '-x', '-', '- x', '-1', '-0', '-00', '0', '007', '12', '1.5', '-1.50', '1.', '.5', '1e3', '+1', '0x1F', '0o7', '0b1',
  '12345678901234567890', '1.2.3', '2026-11-20', '6f1e2a4c-0000-4000', '~', 'null', 'Null', 'NULL', 'nul', 'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'no', 'on', '.inf', '-.inf', '.nan',
  'a#b', 'a #b', 'a:b', 'a: b', 'a:', 'https://x.nl/a#b', "it's", 'a "b"', 'a, b', 'a]', 'a}', '[a', '{a', '?', '?a', '!a', '&a', '*a', '|', '>', '%a', '@a', '`a', '#a', "'", '"',
  '""', "''", '"a b"', '"a\\nb"', '"\\u00e9"', '"\\x41"', '"\\\\"', '"\\""', '"a" # c', '"a"#c', '"a" x', "'it''s'", "'a' # c", "'a", '"a', '"\\ud800"', '"\\t\\/\\0\\b\\f\\r"', '"\\e"',
  '[]', '{}', '[ a, b ]', '[a,b]', '[ a, ]', '[ , a ]', '[ a: b ]', '[ [ a ], { b: c } ]', '{ a: b, c: [ d ] }', '{ a: b, a: c }', '{ a:b }', '{ a: }', '{ a }', '{ "a": b }', '{ a: b } x', '{ a: b } # c',
  '[ "a, b", \'c\' ]', '{ a: "x: y" }', '[ a #b ]', 'é', '\u00a0a\u00a0', 'a\u2028b', 'a\x85b', '\ufeffa',
];
const KEYS = ['a', 'b', 'value', 'at', 'respondent', 'WAV-V-01a', 'x.y', '_k', 'a b', '1', '01', 'true', 'TRUE', 'null', '~', '"q"', "'q'", '__proto__', '<<', 'a:b', '-a', '?a'];
const SPACES = ['', ' ', ' ', ' ', '  '];

interface Doc {
  lines: string[];
}

/** Mostly ordinary values, so that many documents stay inside the subset and are compared. */
const COMMON = ['voldoet', 'Gemeente 1', '12', '-3', '1.5', 'true', '~', '"2026-11-20"', '-x', 'a#b', '[ a, b ]', '{ a: 1, b: "c" }', "'it''s'"];
const scalar = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...SCALARS) });
const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS.slice(0, 8)) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((text) => ({ kind: 'scalar' as const, text })),
    fc.uniqueArray(fc.tuple(key, tie('tree')), { maxLength: 4, selector: ([k]) => k }).map((entries) => ({ kind: 'map' as const, entries })),
    fc.array(tie('tree'), { maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  ),
})).tree;

/** Emit a tree in block style with a chosen indentation step; `noise` adds comments, blank lines and odd spacing. */
function emit(node: Tree, indent: number, step: number, noise: string[], out: string[], pick: () => string): void {
  const pad = ' '.repeat(indent);
  if (node.kind === 'map') {
    for (const [k, v] of node.entries) {
      if (v.kind === 'scalar') out.push(`${pad}${k}:${pick() || ' '}${v.text}`);
      else if ((v.kind === 'map' && v.entries.length === 0) || (v.kind === 'seq' && v.items.length === 0)) out.push(`${pad}${k}:${pick()}`);
      else {
        out.push(`${pad}${k}:${pick() === ' ' ? ' # c' : ''}`);
        emit(v, v.kind === 'seq' && pick() === '' ? indent : indent + step, step, noise, out, pick);
      }
      if (pick() === '  ') out.push(noise[out.length % noise.length]!);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) {
      if (item.kind === 'scalar') out.push(`${pad}-${pick() || ' '}${item.text}`);
      else if (item.kind === 'map' && item.entries.length > 0) {
        const inner: string[] = [];
        emit(item, indent + 2, step, noise, inner, pick);
        out.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
      } else {
        out.push(`${pad}-`);
        emit(item, indent + step, step, noise, out, pick);
      }
    }
  } else {
    out.push(`${pad}${node.text}`);
  }
}

/** A document: a top-level mapping of random trees, in block style with some noise. */
export const yamlishDocument = fc
  .tuple(fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 5, selector: ([k]) => k }), fc.constantFrom(2, 3, 4), fc.array(fc.constantFrom(...SPACES), { minLength: 8, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([entries, step, spaces, eol]) => {
    let n = 0;
    const pick = () => spaces[n++ % spaces.length]!;
    const out: string[] = [];
    emit({ kind: 'map', entries }, 0, step, ['', '# comment', '   # indented comment', '  '], out, pick);
    return out.join(eol) + eol;
  });

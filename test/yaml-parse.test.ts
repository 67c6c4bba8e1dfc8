import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { parseYaml } from '../src/yaml/parse.js';
import { ROOT } from './helpers.js';

const nl = messages('nl');
const parse = (text: string) => parseYaml('f.yaml', text, nl);
const brief = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);

describe('parseYaml', () => {
  it('returns the value and locates keys and values by path', () => {
    const parsed = parse('a: 1\nlist:\n  - id: x\n    name: y\n');
    expect(parsed.value).toEqual({ a: 1, list: [{ id: 'x', name: 'y' }] });
    expect(parsed.locate(['list', 0, 'name'])).toEqual({ line: 4, column: 11 });
    expect(parsed.locate(['list', 0, 'name'], 'key')).toEqual({ line: 4, column: 5 });
    // A path that goes further than the document points at the nearest existing node.
    expect(parsed.locate(['list', 0, 'missing', 3])).toEqual({ line: 3, column: 5 });
    expect(parsed.locate(['list', 7])).toEqual({ line: 3, column: 3 });
  });

  it('points just after the colon when the value is empty', () => {
    expect(parse('a:\nb: 2\n').locate(['a'])).toEqual({ line: 1, column: 3 });
  });

  it('reports a duplicate key by name and still gives the value', () => {
    const parsed = parse('a: 1\nb:\n  c: 2\n  "c": 3\n');
    expect(brief('a: 1\nb:\n  c: 2\n  "c": 3\n')).toEqual(['4:3 duplicate-key sleutel "c" komt twee keer voor in dezelfde mapping']);
    expect(parsed.value).toEqual({ a: 1, b: { c: 3 } });
  });

  it('gives syntax errors a line and no value', () => {
    const parsed = parse('a: [1, 2\nb: 3\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', line: 2, severity: 'error' });
  });

  it('counts lines the same with CRLF line ends', () => {
    expect(parse('a: 1\r\nb:\r\n  c: 2\r\n').locate(['b', 'c'])).toEqual({ line: 3, column: 6 });
  });

  it('says so for an empty file, a comment-only file and a file that is not a mapping', () => {
    expect(brief('')).toEqual(['1:1 yaml-syntax bestand is leeg']);
    expect(brief('# alleen commentaar\n')).toEqual(['1:1 yaml-syntax bestand is leeg']);
    expect(brief('- a\n- b\n')).toEqual(['1:1 yaml-syntax bestand moet een YAML-mapping zijn (regels als "sleutel: waarde")']);
    expect(brief('gewoon tekst\n')).toEqual(['1:1 yaml-syntax bestand moet een YAML-mapping zijn (regels als "sleutel: waarde")']);
  });

  it('refuses several documents in one file', () => {
    expect(brief('a: 1\n---\nb: 2\n')).toEqual([
      '2:1 yaml-syntax bestand bevat meer dan één YAML-document (---); gebruik één document per bestand',
    ]);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const parsed = parse(`${levels.join('\n')}\n`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([nl.yaml.aliasLimit]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps __proto__ as a plain key without touching prototypes', () => {
    const parsed = parse('__proto__: { polluted: true }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
  });

  it('reports every duplicate key, in block and flow mappings, at any depth, once per repeat', () => {
    expect(brief('a: 1\nb: { x: 1, y: 2, x: 3 }\nc:\n  - k: 1\n    k: 2\n    k: 3\na: 4\n')).toEqual([
      '2:18 duplicate-key sleutel "x" komt twee keer voor in dezelfde mapping',
      '5:5 duplicate-key sleutel "k" komt twee keer voor in dezelfde mapping',
      '6:5 duplicate-key sleutel "k" komt twee keer voor in dezelfde mapping',
      '7:1 duplicate-key sleutel "a" komt twee keer voor in dezelfde mapping',
    ]);
    // A number and a text are different keys, as the yaml package's own check has it.
    expect(brief('1: a\n"1": b\n')).toEqual([]);
  });

  it('finds a position in work linear in the number of findings, not quadratic (issue #16, item 7)', () => {
    // Count the yaml package's isPair calls: the old lookup searched a mapping's pairs for
    // every finding, n findings in a mapping of n keys cost n² calls (40,000 unknown answer ids
    // took half a minute to check).
    const yamlLib = createRequire(import.meta.url)('yaml') as { isPair: (node: unknown) => boolean };
    const original = yamlLib.isPair;
    let calls = 0;
    yamlLib.isPair = (node: unknown) => {
      calls++;
      return original(node);
    };
    try {
      const n = 3000;
      const text = `answers:\n${Array.from({ length: n }, (_, i) => `  X-${i}: { value: ja }\n`).join('')}`;
      const parsed = parse(text);
      calls = 0;
      for (let i = 0; i < n; i++) expect(parsed.locate(['answers', `X-${i}`], 'key')).toEqual({ line: i + 2, column: 3 });
      expect(calls).toBeLessThan(10 * n);
    } finally {
      yamlLib.isPair = original;
    }
  });

  it('gathers schema errors without copying them for every item (issue #16, item 7)', () => {
    // ajv's generated code did vErrors = vErrors.concat(...) per failing item: quadratic in the
    // number of errors. The build rewrites it to append in place (scripts/precompile.mjs).
    for (const name of ['session', 'framework']) {
      const code = readFileSync(join(ROOT, 'dist', 'validators', `${name}.cjs`), 'utf8');
      expect(code).not.toContain('vErrors.concat(');
      expect(code).toContain('else for (const e of ');
    }
  });
});

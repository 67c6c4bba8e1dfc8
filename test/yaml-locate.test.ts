/**
 * Positions without the careful parser (src/yaml/locate.ts): for every document the subset
 * reader reads, every path leads to the line:column the careful parser's `locate` gives, or
 * to undefined (then the careful parser is asked). A finding has one place, whichever path
 * read the file (issue #20, item 1; issue #19, item 4).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { messages } from '../src/i18n/index.js';
import { subsetLocate } from '../src/yaml/locate.js';
import { parseYaml, type YamlPath } from '../src/yaml/parse.js';
import { subsetParse } from '../src/yaml/subset.js';
import { FIXTURES, ROOT } from './helpers.js';
import { generateSession, loadFramework } from './support/gemeenten.js';
import { yamlishDocument } from './support/yamlish.js';

const nl = messages('nl');

/** Every path into a value, and beside each a path that does not exist (the fallback). */
function pathsOf(value: unknown, prefix: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [prefix, [...prefix, 'ontbreekt'], [...prefix, 99]];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** Compares every path; returns how many the scan placed itself. */
function agrees(text: string): number {
  const value = subsetParse(text);
  if (value === undefined) return 0;
  const careful = parseYaml('f.yaml', text, nl);
  let placed = 0;
  // A 1,500-line framework has ~20,000 paths; a spread of them keeps the test quick.
  const all = pathsOf(value);
  const step = Math.ceil(all.length / 600);
  for (const path of all.filter((_, i) => i % step === 0)) {
    for (const at of ['key', 'value'] as const) {
      const fast = subsetLocate(text, path, at);
      if (fast === undefined) continue;
      placed++;
      expect(fast, `${JSON.stringify(text)} ${JSON.stringify(path)} ${at}`).toStrictEqual(careful.locate(path, at));
    }
  }
  return placed;
}

const yamlFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.yaml')).map((n) => readFileSync(join(dir, n), 'utf8'));
const generated = (() => {
  const loaded = loadFramework(join(FIXTURES, 'frameworks', 'valid.yaml'));
  return [1, 2].map((seed) => stringify(generateSession(loaded, { gemeente: `Gemeente ${seed}`, seed, respondent: 'wijkteam' }), { lineWidth: 0 }));
})();

describe('positions from the subset reader\'s lines', () => {
  it('are the careful parser\'s on every path of every fixture, framework and example', () => {
    const dirs = [join(FIXTURES, 'sessions'), join(FIXTURES, 'frameworks'), join(ROOT, 'frameworks'), join(ROOT, 'examples'), join(ROOT, 'examples', 'regio')];
    let placed = 0;
    for (const dir of dirs) for (const text of yamlFiles(dir)) placed += agrees(text);
    for (const text of generated) placed += agrees(text);
    expect(placed).toBeGreaterThan(10_000);
  }, 60_000);

  it('are the careful parser\'s on small documents of every shape the subset reads', () => {
    const cases = [
      'a: 1\nb:\n  c: 2\n  d:\n    - x\n    - e: 3\n      f: [1, 2]\n    - { g: 4 }\n',
      '# kop\n\na:\n  # tussen\n  b: 1\n\n  c: "x" # na\nd: # leeg\ne:\n',
      'a: |\n  - regel\n  b: 3\nb: >-\n  x\n\n  y\nc:\n  - "q"\n  - \'r\'\n',
      'a: 1\r\nb:\r\n  c: 2\r\n',
      'a:\n  - b: 1\n\n    # c\n    c: 2\n  - d\n',
    ];
    for (const text of cases) expect(agrees(text), text).toBeGreaterThan(0);
  });

  it('are the careful parser\'s on sessions with random edits and on random documents', () => {
    const yamlish = [' ', '  ', '\n', '\n  ', '- ', ': ', '#', ' #', '"', '[', ']', '{', '}', ', ', 'a', '0', '|', '>', '\r\n'];
    const edited = (text: string) =>
      fc.array(fc.record({ at: fc.nat({ max: text.length }), remove: fc.nat({ max: 6 }), insert: fc.array(fc.constantFrom(...yamlish), { maxLength: 4 }).map((p) => p.join('')) }), { minLength: 1, maxLength: 3 })
        .map((edits) => edits.reduce((t, e) => t.slice(0, e.at) + e.insert + t.slice(e.at + e.remove), text));
    fc.assert(fc.property(edited(generated[0]!), (text) => agrees(text) >= 0), { numRuns: 300 });
    fc.assert(fc.property(yamlishDocument, (text) => agrees(text) >= 0), { numRuns: 1500 });
  }, 120_000);
});

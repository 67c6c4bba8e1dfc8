import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { FIXTURES } from './helpers.js';

const nl = messages('nl');
const dir = join(FIXTURES, 'frameworks');
const brokenDir = join(dir, 'broken');

/** `# expect: rule line:column` comments at the end of each broken fixture. */
function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (\S+) (\d+:\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

describe('framework validation', () => {
  it('accepts the valid fixture with every question type and condition form', () => {
    const result = validateFrameworkText('valid.yaml', readFileSync(join(dir, 'valid.yaml'), 'utf8'), nl);
    expect(result.diagnostics).toEqual([]);
    expect(result.framework?.id).toBe('test-kader');
  });

  const files = readdirSync(brokenDir).filter((f) => f.endsWith('.yaml'));
  it('has a broken fixture for every rule', () => {
    const rules = new Set(files.flatMap((f) => expectations(readFileSync(join(brokenDir, f), 'utf8')).map((e) => e.split(' ')[0])));
    expect([...rules].sort()).toEqual(
      [
        'audience-ref',
        'basis-missing',
        'basis-reference',
        'critical-mean',
        'duplicate-key',
        'kind',
        'migration-from',
        'migration-target',
        'no-scored-question',
        'number-range',
        'provenance-missing',
        'scale-order',
        'scale-ref',
        'schema',
        'thresholds',
        'unique-id',
        'unique-value',
        'when-ref',
        'when-value',
        'yaml-syntax',
      ].sort(),
    );
  });

  it.each(files)('%s gives exactly its expected rules at their lines', (file) => {
    const text = readFileSync(join(brokenDir, file), 'utf8');
    const expected = expectations(text);
    expect(expected.length).toBeGreaterThan(0);
    const result = validateFrameworkText(file, text, nl);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(expected);
    const hasError = result.diagnostics.some((d) => d.severity === 'error');
    expect(result.framework === undefined).toBe(hasError);
  });

  it('words findings as a user reads them', () => {
    const text = readFileSync(join(brokenDir, 'when-value.yaml'), 'utf8');
    const messagesNl = validateFrameworkText('f.yaml', text, nl).diagnostics.map((d) => d.message);
    expect(messagesNl).toEqual([
      'waarde "slecht" kan vraag "TK-T1-01a" niet hebben; mogelijk: "voldoet", "deels", "voldoet-niet", "nvt", "onbekend"',
      'waarde "ja" kan vraag "TK-T2-01c" niet hebben; mogelijk: true, false',
      'waarde "veel" past niet bij vraag "TK-T2-01b": verwacht een getal',
    ]);
    const messagesEn = validateFrameworkText('f.yaml', text, messages('en')).diagnostics.map((d) => d.message);
    expect(messagesEn[0]).toBe('question "TK-T1-01a" cannot have the value "slecht"; possible: "voldoet", "deels", "voldoet-niet", "nvt", "onbekend"');
  });

  it('reports schema problems in plain words at the offending key', () => {
    const text = readFileSync(join(brokenDir, 'schema-unknown-key.yaml'), 'utf8');
    const [finding] = validateFrameworkText('f.yaml', text, nl).diagnostics;
    expect(finding).toMatchObject({ rule: 'schema', message: 'onbekende sleutel "guidence"', line: 33, column: 9 });
  });

  it('never throws on mutilated frameworks: every key removed or replaced in turn', () => {
    // A cheap mutation sweep until the property-based tests arrive: drop or retype each line.
    const lines = readFileSync(join(dir, 'valid.yaml'), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      for (const mutate of [() => '', () => lines[i]!.replace(/:\s.*$/, ': 42'), () => lines[i]!.replace(/:\s.*$/, ': [a, {b: c}]')]) {
        const mutated = [...lines.slice(0, i), mutate(), ...lines.slice(i + 1)].join('\n');
        expect(() => validateFrameworkText('m.yaml', mutated, nl)).not.toThrow();
      }
    }
  });
});

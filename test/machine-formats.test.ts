/**
 * The CI formats of the built binary, checked by validators nobody here wrote: xmllint
 * (Debian's libxml2-utils, installed by .ci/run) against the Jenkins junit-10.xsd.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kader, ROOT, tempDir } from './helpers.js';

const VALID = join(FIXTURES, 'frameworks', 'valid.yaml');
const WARNING = 'test/fixtures/frameworks/broken/no-scored-question.yaml';
const XSD = join(ROOT, 'test', 'support', 'junit-10.xsd');

/** Run xmllint; no skip when it is missing: .ci/run installs it, so its absence is a failure to see. */
function xmllint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint did not run (${result.error.message}); install it: apt-get install libxml2-utils`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the valid framework with extra top-level keys (each an "unknown key" finding). */
function frameworkWith(dir: string, name: string, extraLines: string[]): string {
  const text = readFileSync(VALID, 'utf8').replace(/^publisher: kader-project$/m, (line) => [line, ...extraLines].join('\n'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('--format junit (Jenkins junit-10.xsd)', () => {
  it('stays well-formed with control characters, keeps newlines in attributes, and validates', () => {
    const dir = tempDir();
    // Double-quoted YAML escapes put a BEL, a newline and a CR into the keys, so into the messages.
    frameworkWith(dir, 'kader.yaml', ['"bel\\x07key": 1', '"two\\nlines\\r": 2']);
    const result = kader(['validate', '--format', 'junit', 'kader.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    writeFileSync(join(dir, 'junit.xml'), result.stdout);
    const check = xmllint(['--noout', '--schema', XSD, join(dir, 'junit.xml')]);
    expect(check.stderr).toBe(`${join(dir, 'junit.xml')} validates\n`);
    expect(check.status).toBe(0);
    // The BEL is shown as its Control Picture; the attribute reads back with its newline and CR.
    const message = (n: number) => xmllint(['--xpath', `string(//testcase[${n}]/failure/@message)`, join(dir, 'junit.xml')]).stdout.replace(/\n$/, '');
    expect(message(1)).toBe('onbekende sleutel "bel\u2407key"');
    expect(message(2)).toBe('onbekende sleutel "two\nlines\r"');
  });

  it('lists warnings as skipped whatever --fail-on says, and failures at or above it', () => {
    const dir = tempDir();
    const asError = kader(['validate', '--format', 'junit', '--fail-on', 'warning', WARNING]);
    const byDefault = kader(['validate', '--format', 'junit', WARNING]);
    expect(byDefault.code).toBe(0);
    expect(asError.code).toBe(1);
    const warning = 'criterium &quot;TK-T2-01&quot; heeft geen vraag van type scale en krijgt dus geen score';
    expect(byDefault.stdout).toContain(`<testsuite name="${WARNING}" tests="1" failures="0" errors="0" skipped="1">`);
    expect(byDefault.stdout).toContain(`<testcase name="no-scored-question 62:13" classname="${WARNING}"><skipped type="warning" message="${warning}">`);
    expect(asError.stdout).toContain(`<testsuite name="${WARNING}" tests="1" failures="1" errors="0" skipped="0">`);
    expect(asError.stdout).toContain(`<failure type="warning" message="${warning}">`);
    for (const [name, run] of [['default.xml', byDefault], ['strict.xml', asError]] as const) {
      writeFileSync(join(dir, name), run.stdout);
      expect(xmllint(['--noout', '--schema', XSD, join(dir, name)]).status).toBe(0);
    }
  });

  it('gives findings of one rule at one place their own testcase names', () => {
    const dir = tempDir();
    // A question without id and text but with an unknown key: three schema findings at 42:13.
    const text = readFileSync(VALID, 'utf8')
      .replace('          - id: TK-T1-01a\n            text: Beoordeelt het team de veiligheid bij de start?\n', '          - idx: TK-T1-01a\n')
      .replace(/when: \{ question: TK-T1-01a, in/, 'when: { question: TK-T1-01b, in');
    writeFileSync(join(dir, 'kader.yaml'), text);
    const result = kader(['validate', '--format', 'junit', 'kader.yaml'], { cwd: dir });
    const names = [...result.stdout.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);
    expect(names.filter((n) => n!.startsWith('schema 42:13'))).toEqual(['schema 42:13', 'schema 42:13 (2)', 'schema 42:13 (3)']);
    expect(new Set(names).size).toBe(names.length);
  });
});

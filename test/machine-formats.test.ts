/**
 * The CI formats of the built binary, checked by validators nobody here wrote: xmllint
 * (Debian's libxml2-utils, installed by .ci/run) against the Jenkins junit-10.xsd, and ajv
 * against the OASIS SARIF 2.1.0 schema (sarif-2.1.0-rtm.5.json, as @microsoft/jest-sarif ships it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/cli/format/rules-doc.js';
import { ruleHelp as en } from '../src/i18n/en-rules.js';
import { ruleHelp as nl } from '../src/i18n/nl-rules.js';
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

/** The OASIS SARIF 2.1.0 schema (JSON Schema draft-04), compiled with ajv and its formats (uri, date-time …). */
const validateSarif = (() => {
  // CommonJS packages, loaded as src/core/json-schema.ts loads ajv.
  const require = createRequire(import.meta.url);
  const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const dir = dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const schema = JSON.parse(readFileSync(join(dir, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // unicodeRegExp off: the schema's language pattern is valid only without the u flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
})();

interface Sarif {
  runs: {
    language: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    tool: { driver: { informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[] } };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
  }[];
}

function sarifOf(stdout: string): Sarif {
  const log = JSON.parse(stdout) as Sarif;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF 2.1.0 schema').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('--format sarif (OASIS SARIF 2.1.0 schema)', () => {
  it('describes each rule with its meaning and fix, in Dutch or English per --lang', () => {
    const broken = ['when-ref', 'no-scored-question', 'yaml-syntax', 'schema-unknown-key'].map((f) => `test/fixtures/frameworks/broken/${f}.yaml`);
    const nlRun = sarifOf(kader(['validate', '--format', 'sarif', ...broken]).stdout).runs[0]!;
    const enRun = sarifOf(kader(['validate', '--format', 'sarif', '--lang', 'en', ...broken]).stdout).runs[0]!;
    expect(nlRun.tool.driver.rules.map((r) => r.id)).toEqual(['no-scored-question', 'schema', 'when-ref', 'yaml-syntax']);
    expect(nlRun.language).toBe('nl-NL');
    expect(enRun.language).toBe('en');
    const whenNl = nlRun.tool.driver.rules.find((r) => r.id === 'when-ref')!;
    const whenEn = enRun.tool.driver.rules.find((r) => r.id === 'when-ref')!;
    expect(whenNl.shortDescription.text).toBe('when verwijst naar een onbekende of latere vraag');
    expect(whenNl.fullDescription.text).toBe(nl.rules['when-ref']!.full);
    expect(whenNl.help.text).toBe(`${nl.rules['when-ref']!.full} Oplossing: Verwijs naar het id van een eerdere vraag, of zet de vragen in een andere volgorde.`);
    expect(whenNl.help.markdown).toContain('**Oplossing:** Verwijs naar het id van een eerdere vraag');
    expect(whenEn.shortDescription.text).toBe('when refers to an unknown or later question');
    expect(whenEn.help.markdown).toContain('**Fix:** Refer to the id of an earlier question, or reorder the questions.');
    // The links point to the rule's section of docs/rules.md and to the README, both in the package.
    expect(whenNl.helpUri).toBe(`${pathToFileURL(join(ROOT, 'docs', 'rules.md')).href}#when-ref`);
    expect(nlRun.tool.driver.informationUri).toBe(pathToFileURL(join(ROOT, 'README.md')).href);
    expect(readFileSync(fileURLToPath(whenNl.helpUri.replace(/#.*/, '')), 'utf8')).toMatch(/^## when-ref$/m);
  });

  it('has help for every rule in both languages, and docs/rules.md says the same', () => {
    expect(Object.keys(en.rules).sort()).toEqual(Object.keys(nl.rules).sort());
    // Every rule of the framework-format table has help.
    const table = readFileSync(join(ROOT, 'docs', 'framework-format.md'), 'utf8').match(/^\| `[a-z-]+` \| (error|warning) \|/gm)!;
    for (const row of table) expect(Object.keys(nl.rules)).toContain(/`([a-z-]+)`/.exec(row)![1]);
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown(en, nl));
  });

  it('makes URIs relative to %SRCROOT% (the git root, else the working folder); outside it, absolute file:// URIs', () => {
    const dir = tempDir();
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'kaders', 'sub'), { recursive: true });
    const inside = frameworkWith(join(repo, 'kaders', 'sub'), 'c:kader.yaml', ['onbekend: 1']);
    const outside = frameworkWith(dir, 'buiten #1.yaml', ['onbekend: 1']);
    // Run from a subfolder of the repository: the root is still the repository's.
    const run = sarifOf(kader(['validate', '--format', 'sarif', 'sub/c:kader.yaml', outside], { cwd: join(repo, 'kaders') }).stdout).runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
    expect(run.artifacts.map((a) => a.location)).toEqual([
      { uri: 'kaders/sub/c%3Akader.yaml', uriBaseId: '%SRCROOT%' },
      { uri: pathToFileURL(outside).href },
    ]);
    // The relative URI resolves against the root to the file itself, not to a "c:" scheme.
    expect(fileURLToPath(new URL(run.artifacts[0]!.location.uri, run.originalUriBaseIds['%SRCROOT%']!.uri))).toBe(inside);
    // Results (sorted by the path as shown) point to the same locations as the artifacts.
    const byUri = (x: { uri: string }, y: { uri: string }) => x.uri.localeCompare(y.uri);
    expect(run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation).sort(byUri)).toEqual(run.artifacts.map((a) => a.location).sort(byUri));

    // Outside git: the working folder is the root.
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    frameworkWith(plain, 'c:kader.yaml', ['onbekend: 1']);
    const here = sarifOf(kader(['validate', '--format', 'sarif', 'c:kader.yaml'], { cwd: plain }).stdout).runs[0]!;
    expect(here.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(plain).href}/`);
    expect(here.artifacts[0]!.location).toEqual({ uri: 'c%3Akader.yaml', uriBaseId: '%SRCROOT%' });
  });
});

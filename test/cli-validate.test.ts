import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kader, tempDir } from './helpers.js';

const VALID = 'test/fixtures/frameworks/valid.yaml';
const WHEN_REF = 'test/fixtures/frameworks/broken/when-ref.yaml';
const WARNING = 'test/fixtures/frameworks/broken/no-scored-question.yaml';

describe('kader validate (built binary)', () => {
  it('passes the bundled frameworks with exit 0', () => {
    const result = kader(['validate']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('7 bestanden gecontroleerd, geen problemen gevonden\n');
    expect(result.code).toBe(0);
    expect(kader(['validate', 'frameworks/']).code).toBe(0);
  });

  it('prints stylish findings with file, line:column, rule and a summary, exit 1', () => {
    const result = kader(['validate', VALID, WHEN_REF]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      WHEN_REF,
      '  53:31  fout          when verwijst naar vraag "TK-T9-99a" die niet bestaat  when-ref',
      '  58:39  fout          when verwijst naar vraag "TK-T2-01c" die later komt; een voorwaarde mag alleen naar een eerdere vraag verwijzen  when-ref',
      '  58:85  fout          when van vraag "TK-T1-01c" verwijst naar de vraag zelf  when-ref',
      '',
      '✖ 3 problemen (3 fouten, 0 waarschuwingen)',
      '',
    ]);
  });

  it('speaks English with --lang en', () => {
    const result = kader(['validate', '--lang', 'en', WHEN_REF]);
    expect(result.stdout).toContain('  53:31  error    when refers to question "TK-T9-99a", which does not exist  when-ref');
    expect(result.stdout).toContain('✖ 3 problems (3 errors, 0 warnings)');
  });

  it('exits 0 on warnings unless --fail-on warning', () => {
    expect(kader(['validate', WARNING]).code).toBe(0);
    expect(kader(['validate', '--fail-on', 'warning', WARNING]).code).toBe(1);
    const quiet = kader(['validate', '--quiet', WARNING]);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  it('writes JSON with every finding', () => {
    const result = kader(['validate', '--format', 'json', VALID, WHEN_REF]);
    const json = JSON.parse(result.stdout) as { files: number; errors: number; warnings: number; diagnostics: unknown[] };
    expect(json).toMatchObject({ files: 2, errors: 3, warnings: 0 });
    expect(json.diagnostics[0]).toEqual({
      file: WHEN_REF,
      line: 53,
      column: 31,
      severity: 'error',
      rule: 'when-ref',
      message: 'when verwijst naar vraag "TK-T9-99a" die niet bestaat',
    });
  });

  it('writes GitHub annotations, escaped', () => {
    const result = kader(['validate', '--format', 'github', WHEN_REF, WARNING]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `::warning file=${WARNING},line=62,col=13,title=kader no-scored-question::criterium "TK-T2-01" heeft geen vraag van type scale en krijgt dus geen score`,
    );
    expect(lines[1]).toBe(`::error file=${WHEN_REF},line=53,col=31,title=kader when-ref::when verwijst naar vraag "TK-T9-99a" die niet bestaat`);
  });

  it('writes JUnit XML with a testsuite per file and a failure per error', () => {
    const result = kader(['validate', '--format', 'junit', VALID, WHEN_REF, WARNING]);
    const xml = result.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kader validate" tests="5" failures="3" errors="0">')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(3);
    expect(xml).toContain(`<testsuite name="${VALID}" tests="1" failures="0" errors="0" skipped="0">`);
    expect(xml).toContain('message="when verwijst naar vraag &quot;TK-T9-99a&quot; die niet bestaat"');
    // The warning is below the fail level: reported as skipped (shown by Jenkins and GitLab), not failed.
    expect(xml).toMatch(/<testcase name="no-scored-question 62:13" [^>]*><skipped type="warning" /);
  });

  it('writes SARIF 2.1.0 with rules, artifacts and regions', () => {
    const result = kader(['validate', '--format', 'sarif', VALID, WHEN_REF]);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; artifacts: unknown[]; results: any[] }[];
    };
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.tool.driver).toMatchObject({ name: 'kader', version: pkg.version, rules: [{ id: 'when-ref' }] });
    expect(run!.artifacts).toHaveLength(2);
    expect(run!.results).toHaveLength(3);
    expect(run!.results[0]).toMatchObject({
      ruleId: 'when-ref',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: WHEN_REF }, region: { startLine: 53, startColumn: 31 } } }],
    });
  });

  it('writes the report to --out and keeps stdout empty', () => {
    const dir = tempDir();
    const out = join(dir, 'kader.sarif');
    const result = kader(['validate', '--format', 'sarif', '-o', out, WHEN_REF]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results).toHaveLength(3);
  });

  it('walks directories for .yaml and .yml files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.yml'), readFileSync(VALID, 'utf8'));
    writeFileSync(join(dir, 'notes.txt'), 'geen yaml');
    const result = kader(['validate', dir], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
  });

  it('exits 2 with one clear line for I/O problems, and still checks the other files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'leeg'));
    writeFileSync(join(dir, 'binair.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]));
    const result = kader(['validate', 'bestaat-niet.yaml', 'leeg', 'binair.yaml', join(process.cwd(), VALID)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'kader: bestaat-niet.yaml: bestand of map bestaat niet',
      'kader: leeg: map bevat geen .yaml- of .yml-bestanden',
      'kader: binair.yaml: bestand is geen geldige UTF-8-tekst (binair bestand of verkeerde tekenset?)',
      '',
    ]);
    expect(result.stdout).toBe('1 bestand gecontroleerd zonder problemen; 3 paden niet gelezen (zie hierboven)\n');
  });

  // root reads every file whatever its mode, so this check only means something for other users.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file without a stack trace', () => {
    const dir = tempDir();
    const file = join(dir, 'dicht.yaml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o000);
    const result = kader(['validate', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: dicht.yaml: kan niet gelezen worden (EACCES)\n');
  });

  it('handles a BOM and CRLF line ends like any other file', () => {
    const dir = tempDir();
    const text = readFileSync(WHEN_REF, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'crlf.yaml'), `\uFEFF${text}`);
    const result = kader(['validate', '--format', 'json', 'crlf.yaml'], { cwd: dir });
    const json = JSON.parse(result.stdout) as { diagnostics: { line: number; column: number }[] };
    expect(json.diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['53:31', '58:39', '58:85']);
  });
});

describe('usage errors', () => {
  it('exits 2 with a Dutch message for an unknown option or format', () => {
    expect(kader(['validate', '--bogus'])).toMatchObject({ code: 2, stderr: 'kader: onbekende optie --bogus\n' });
    expect(kader(['validate', '--format', 'xml'])).toMatchObject({
      code: 2,
      stderr: 'kader: ongeldige waarde "xml" voor --format; kies uit: stylish, json, github, junit, sarif\n',
    });
    expect(kader(['valideer'])).toMatchObject({ code: 2, stderr: 'kader: onbekende opdracht "valideer"; zie kader --help. Bedoel je kader validate?\n' });
    expect(kader(['show'])).toMatchObject({ code: 2, stderr: 'kader: argument <kader> ontbreekt\n' });
  });
});

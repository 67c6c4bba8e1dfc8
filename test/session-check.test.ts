import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newAjv } from '../src/core/json-schema.js';
import { frameworkDigest } from '../src/framework/digest.js';
import { questionsOf, type Framework } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { deriveAnswersSchema } from '../src/session/answers-schema.js';
import { checkSessionAgainst, parseSessionText } from '../src/session/check.js';
import { checkValue } from '../src/session/values.js';
import { FIXTURES, kader } from './helpers.js';

const nl = messages('nl');
const frameworkFile = join(FIXTURES, 'frameworks', 'valid.yaml');
const frameworkText = readFileSync(frameworkFile, 'utf8');
const framework = validateFrameworkText('valid.yaml', frameworkText, nl).framework as Framework;
const digest = frameworkDigest(readFileSync(frameworkFile));
const dir = join(FIXTURES, 'sessions');

function check(file: string) {
  const { parsed, session, diagnostics } = parseSessionText(file, readFileSync(file, 'utf8'), nl);
  return session ? [...diagnostics, ...checkSessionAgainst(parsed, session, framework, nl, { digest })] : diagnostics;
}

describe('session check', () => {
  it('accepts the complete fixture session', () => {
    expect(check(join(dir, 'complete.yaml'))).toEqual([]);
  });

  const broken = readdirSync(join(dir, 'broken')).filter((f) => f.endsWith('.yaml'));
  it.each(broken)('%s gives exactly its expected rules at their lines', (file) => {
    const path = join(dir, 'broken', file);
    const expected = [...readFileSync(path, 'utf8').matchAll(/^# expect: (\S+) (\d+:\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(check(path).map((d) => `${d.rule} ${d.line}:${d.column}`)).toEqual(expected);
  });

  it('treats a lost question as a warning only when the framework changed', () => {
    const findings = check(join(dir, 'broken', 'drift.yaml'));
    expect(findings.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});

describe('kader check (built binary)', () => {
  const args = ['check', '--framework', 'test/fixtures/frameworks/valid.yaml'];
  it('exits 0 for a complete session and prints completeness per theme', () => {
    const result = kader([...args, '--completeness', 'test/fixtures/sessions/complete.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'test/fixtures/sessions/complete.yaml',
      'thema  beantwoord  open  titel',
      'T1              3     0  Veiligheid',
      'T2              5     0  Regie',
    ]);
  });

  it('exits 1 with exact lines for broken sessions, and reads the framework id from the session', () => {
    const result = kader([...args, 'test/fixtures/sessions/broken/incomplete.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  20:9  fout          sessie is niet af: 1 verplichte vraag open (TK-T2-01c)  incomplete');
    const missing = kader(['check', 'test/fixtures/sessions/complete.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('  7:7  fout          kwaliteitskader "test-kader" niet gevonden; beschikbaar: ');
  });

  it('exits 0 for a framework change alone (a warning), 1 with --fail-on warning', () => {
    expect(kader([...args, 'test/fixtures/sessions/broken/drift.yaml']).code).toBe(0);
    expect(kader([...args, '--fail-on', 'warning', 'test/fixtures/sessions/broken/drift.yaml']).code).toBe(1);
  });

  it('checks the committed example sessions against the bundled frameworks', () => {
    const result = kader(['check', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('derived answers schema', () => {
  const schema = deriveAnswersSchema(framework);
  const validate = newAjv().compile(schema);

  it('agrees with the answer checks on every question for good and bad values', () => {
    const candidates: unknown[] = ['voldoet', 'deels', 'nvt', 'misschien', ['tijd'], ['tijd', 'geld'], [], 0, 64, 150, -1, true, 'tekst', '', '2024-03-01', '2024-13-01'];
    for (const { question } of questionsOf(framework)) {
      for (const value of candidates) {
        const alone = { [question.id]: { value, at: '2026-11-23T10:00:00Z' } };
        // Only the value is compared: requiredness of the other questions is not at stake here.
        const valueErrors = validate(alone) ? [] : (validate.errors ?? []).filter((e) => e.instancePath.startsWith(`/${question.id}/value`));
        const agrees = (valueErrors.length === 0) === (checkValue(question, value, framework) === undefined);
        // The schema's date pattern accepts 2024-02-30-like dates; checkValue is stricter. None of the candidates hits that gap.
        expect(agrees, `${question.id} ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('requires questions without when, and questions with when only while it holds', () => {
    const at = '2026-11-23T10:00:00Z';
    const base = { 'TK-T1-01a': { value: 'voldoet', at }, 'TK-T2-01a': { value: 'voldoet', at }, 'TK-T2-01c': { value: false, at }, 'TK-T2-01e': { value: 'wethouder', at } };
    expect(validate(base)).toBe(true);
    // 01a = deels makes the multi follow-up 01b required.
    expect(validate({ ...base, 'TK-T1-01a': { value: 'deels', at } })).toBe(false);
    expect(validate({ ...base, 'TK-T1-01a': { value: 'deels', at }, 'TK-T1-01b': { value: ['instrument'], at } })).toBe(true);
    // 01b = tijd asks for 01c, but 01c is optional.
    expect(validate({ ...base, 'TK-T1-01a': { value: 'deels', at }, 'TK-T1-01b': { value: ['tijd'], at } })).toBe(true);
    expect(validate({ ...base, 'TK-T9-99': { value: 'x', at } })).toBe(false);
  });

  it('is printed by kader schema answers', () => {
    const result = kader(['schema', 'answers', 'test/fixtures/frameworks/valid.yaml']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(schema);
    expect(kader(['schema', 'answers'])).toMatchObject({ code: 2 });
    expect(JSON.parse(kader(['schema', 'session']).stdout).$id).toBe('urn:kader:schema:session:1');
  });
});

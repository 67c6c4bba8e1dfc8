import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { parseSessionText } from '../src/session/check.js';
import { validateFrameworkFile } from '../src/framework/validate.js';
import type { Framework } from '../src/framework/types.js';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const loadFramework = (): Framework => validateFrameworkFile(FRAMEWORK, FRAMEWORK, messages('nl')).framework!;
const newArgs = ['--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--respondent', 'teamleider', '--date', '2026-11-20'];

function session(path: string) {
  const { session: value, diagnostics } = parseSessionText('s.yaml', readFileSync(path, 'utf8'), messages('nl'));
  expect(diagnostics).toEqual([]);
  return value!;
}

describe('kader interview --answers (no terminal)', () => {
  it('creates a session with mode 0600, merges the answers and reports what is open', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\nTK-T1-01b: { value: [tijd], note: "vooral bij drukte" }\n');
    const result = kader(['interview', 's.yaml', ...newArgs, '--answers', 'a.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('2 antwoorden toegevoegd aan s.yaml. Nog 3 verplichte vragen open.\n');
    const path = join(dir, 's.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const s = session(path);
    expect(s).toMatchObject({ status: 'in-progress', context: { gemeente: 'Testdorp', date: '2026-11-20', respondents: [{ role: 'teamleider' }] } });
    expect(s.answers['TK-T1-01b']).toMatchObject({ value: ['tijd'], note: 'vooral bij drukte', respondent: 'teamleider' });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/session\.schema\.json$/);
  });

  it('refuses the whole file when one answer is wrong, leaving the session untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    kader(['interview', 's.yaml', ...newArgs, '--answers', 'a.yaml'], { cwd: dir });
    const before = readFileSync(join(dir, 's.yaml'), 'utf8');
    writeFileSync(join(dir, 'b.yaml'), 'TK-T2-01a: voldoet\nTK-T2-01b: 250\nTK-X: ja\n');
    const result = kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'b.yaml',
      '  2:12  fout          antwoord 250 ligt buiten het bereik 0 tot en met 100  answer-value',
      '  3:1   fout          vraag "TK-X" bestaat niet in het kwaliteitskader  unknown-question',
      '',
      '✖ 2 problemen (2 fouten, 0 waarschuwingen)',
      'kader: b.yaml: antwoorden niet toegevoegd; de sessie is niet gewijzigd',
      '',
    ]);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before);
  });

  it('keeps comments the user wrote in the session file, and marks answers a change made irrelevant', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\nTK-T1-01b: [tijd]\n');
    kader(['interview', 's.yaml', ...newArgs, '--answers', 'a.yaml'], { cwd: dir });
    const path = join(dir, 's.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('context:', '# besproken met het hele team\ncontext:'));
    writeFileSync(join(dir, 'b.yaml'), 'TK-T1-01a: voldoet\n');
    expect(kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', 'b.yaml'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# besproken met het hele team\ncontext:');
    expect(session(path).answers['TK-T1-01b']).toMatchObject({ value: ['tijd'], inactive: true });
  });

  it('needs a framework and a gemeente to start a session without a terminal', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    expect(kader(['interview', 's.yaml', '--answers', 'a.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'kader: een nieuwe sessie zonder terminal heeft --framework en --gemeente nodig\n',
    });
  });

  it('without a terminal and without --answers, exits 2 pointing to --answers', () => {
    const result = spawnSync(process.execPath, [BIN, 'interview'], { input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('kader: kader interview heeft een terminal nodig. Gebruik --answers bestand.yaml om antwoorden zonder terminal toe te voegen.\n');
  });

  it('refuses to overwrite a session another program changed after it was read', async () => {
    const { SessionFile } = await import('../src/session/file.js');
    const dir = tempDir();
    const path = join(dir, 's.yaml');
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    kader(['interview', 's.yaml', ...newArgs, '--answers', 'a.yaml'], { cwd: dir });
    const { file } = SessionFile.read(path, 's.yaml', messages('nl'));
    const s = session(path);
    writeFileSync(path, `${readFileSync(path, 'utf8')}# een tweede interview schreef hier\n`);
    s.answers['TK-T2-01a'] = { value: 'voldoet', at: '2026-11-23T10:00:00Z' };
    expect(() => file.save(s, loadFramework())).toThrow(/is gewijzigd door een ander programma/);
    expect(readFileSync(path, 'utf8')).toContain('# een tweede interview schreef hier');
  });

  it('reports a folder it cannot create in one line, without a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    writeFileSync(join(dir, 'bestand'), '');
    const result = kader(['interview', 'bestand/s.yaml', ...newArgs, '--answers', 'a.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kader: bestand: kan niet geschreven worden \((EEXIST|ENOTDIR)\)\n$/);
  });
});

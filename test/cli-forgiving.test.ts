/**
 * #17, the command line forgives and says what it did: the nearest command or option for a
 * typo, no "geen problemen gevonden" after a file that was not read, quoted globs expanded,
 * and -o says what it wrote and where.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { invocation } from '../src/cli/invocation.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kader, tempDir } from './helpers.js';

describe('did you mean (#17)', () => {
  it('suggests the nearest command and option, in Dutch and English', () => {
    expect(kader(['intervieuw'])).toMatchObject({ code: 2, stdout: '', stderr: 'kader: onbekende opdracht "intervieuw"; zie kader --help. Bedoel je kader interview?\n' });
    expect(kader(['reprot', 's.yaml']).stderr).toBe('kader: onbekende opdracht "reprot"; zie kader --help. Bedoel je kader report?\n');
    expect(kader(['report', 's.yaml', '--fromat', 'md']).stderr).toBe('kader: onbekende optie --fromat. Bedoel je --format?\n');
    expect(kader(['--lang', 'en', 'reprot']).stderr).toBe('kader: unknown command "reprot"; see kader --help. Did you mean kader report?\n');
    expect(kader(['xyzzy']).stderr).toBe('kader: onbekende opdracht "xyzzy"; zie kader --help\n');
  });
});

describe('no contradiction after a path that was not read (#17)', () => {
  it('check missing.yaml and validate emptydir/ do not claim "geen problemen gevonden"', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'leeg'));
    expect(kader(['check', 'missing.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: 'niets gecontroleerd: 1 pad niet gelezen (zie hierboven)\n',
      stderr: 'kader: missing.yaml: bestand of map bestaat niet\n',
    });
    expect(kader(['validate', 'leeg/'], { cwd: dir })).toMatchObject({ code: 2, stdout: 'niets gecontroleerd: 1 pad niet gelezen (zie hierboven)\n' });
  });

  it('expands a quoted glob as other linters do, and says when it matches nothing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'kaders'));
    writeFileSync(join(dir, 'kaders', 'a.yaml'), readFixture());
    writeFileSync(join(dir, 'kaders', 'b.yaml'), readFixture());
    expect(kader(['validate', 'kaders/*.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '2 bestanden gecontroleerd, geen problemen gevonden\n' });
    mkdirSync(join(dir, 'kaders', 'diep'));
    writeFileSync(join(dir, 'kaders', 'diep', 'c.yml'), readFixture());
    expect(kader(['validate', 'kaders/**/*.yml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
    expect(kader(['validate', 'kaders/**/*'], { cwd: dir })).toMatchObject({ code: 0, stdout: '3 bestanden gecontroleerd, geen problemen gevonden\n' });
    expect(kader(['validate', 'elders/*.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'kader: elders/*.yaml: bestand of map bestaat niet\n' });
  });
});

describe('-o says what it wrote (#17)', () => {
  it('report, aggregate and compare name the file and its size', () => {
    const dir = tempDir();
    const session = join(FIXTURES, 'sessions', 'complete.yaml');
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    expect(kader(['report', session, '--framework', framework, '--format', 'md', '-o', 'plan.md'], { cwd: dir }).stdout).toMatch(/^Geschreven: plan\.md \(\d+ (kB|bytes)\)\n$/);
    expect(kader(['aggregate', session, '--framework', framework, '--format', 'json', '-o', 'regio.json'], { cwd: dir }).stdout).toMatch(/^Geschreven: regio\.json \(\d+ (kB|bytes)\)\n$/);
    expect(kader(['compare', session, session, '--framework', framework, '--format', 'md', '-o', 'vgl.md'], { cwd: dir }).stdout).toMatch(/^Geschreven: vgl\.md \(\d+ (kB|bytes)\)\n$/);
  });
});

function readFixture(): string {
  return readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8').replace(/^# yaml-language-server.*\n/, '');
}

describe('printed commands run as kader was started (#17)', () => {
  it('says `kader` only when that name on PATH is this program, `npx kader` under npx, else `node <script>`', () => {
    const dir = tempDir();
    const script = join(dir, 'app', 'bin', 'kader.js');
    mkdirSync(join(dir, 'app', 'bin'), { recursive: true });
    mkdirSync(join(dir, 'path'));
    writeFileSync(script, '');
    expect(invocation({ PATH: join(dir, 'path') }, join(dir, 'app'), script)).toBe('node bin/kader.js');
    expect(invocation({ PATH: join(dir, 'path') }, join(dir, 'elders'), script)).toBe(`node ${script}`);
    symlinkSync(script, join(dir, 'path', 'kader'));
    expect(invocation({ PATH: join(dir, 'path') }, join(dir, 'app'), script)).toBe('kader');
    expect(invocation({ PATH: '' }, dir, join(dir, 'node_modules', '.bin', 'kader'))).toBe('npx kader');
  });
});

/**
 * What check and aggregate read (issue #20): a quoted glob is expanded by kader itself, so a
 * folder of 50,000 sessions needs no shell expansion ("Argument list too long"), and a
 * symbolic link to a session in a folder is read, not skipped without a word. Writing
 * through links stays as issue #16 made it (test/write-safety.test.ts).
 */
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kader, ROOT, tempDir } from './helpers.js';

const regio = (name: string) => join(ROOT, 'examples', 'regio', name);

/** Two sessions as files, a third as a link to the example elsewhere. */
function folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'sessies'));
  copyFileSync(regio('modelstad.yaml'), join(dir, 'sessies', 'modelstad.yaml'));
  copyFileSync(regio('oefenhaven.yaml'), join(dir, 'sessies', 'oefenhaven.yaml'));
  symlinkSync(regio('proefdorp.yaml'), join(dir, 'sessies', 'proefdorp.yaml'));
  return dir;
}

describe('inputs of check and aggregate', () => {
  it('check reads a linked session in a folder, by folder, by quoted glob and by absolute glob', () => {
    const dir = folder();
    const ok = { code: 0, stdout: '3 bestanden gecontroleerd, geen problemen gevonden\n', stderr: '' };
    expect(kader(['check', 'sessies'], { cwd: dir })).toMatchObject(ok);
    expect(kader(['check', 'sessies/*.yaml'], { cwd: dir })).toMatchObject(ok);
    expect(kader(['check', join(dir, 'sessies', '*.yaml')], { cwd: dir })).toMatchObject(ok);
    expect(kader(['check', 'sessies/**/*.y?ml'], { cwd: dir })).toMatchObject(ok);
  });

  it('aggregate counts the linked session as one of the gemeenten', () => {
    const dir = folder();
    const result = kader(['aggregate', '--format', 'csv', 'sessies/*.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Proefdorp');
    expect(result.stdout.trim().split('\n')).toHaveLength(4); // header and three gemeenten
  });

  it('a link to a file that is gone is named, not skipped', () => {
    const dir = folder();
    symlinkSync(join(dir, 'nergens.yaml'), join(dir, 'sessies', 'weg.yaml'));
    const result = kader(['check', 'sessies'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: sessies/weg.yaml: is een symbolische link naar een bestand dat niet bestaat\n');
    expect(result.stdout).toBe('3 bestanden gecontroleerd zonder problemen; 1 pad niet gelezen (zie hierboven)\n');
  });
});

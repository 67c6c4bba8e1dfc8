/**
 * Keeping a framework in git (issue #23, items 3–6): init makes the folder, starts from a bundled
 * framework with its comments, writes a $schema line that still works after a commit, and a CRLF
 * checkout does not look like a changed framework.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkDigest } from '../src/framework/digest.js';
import { kader, ROOT, tempDir } from './helpers.js';

describe('kader init framework', () => {
  it('creates the folder it writes into', () => {
    const dir = tempDir();
    const result = kader(['init', 'framework', 'mijn-regio', '-o', 'kaders/mijn-regio.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').at(-2)).toBe('Kwaliteitskader aangemaakt: kaders/mijn-regio.yaml. Pas de teksten aan en controleer met kader validate kaders/mijn-regio.yaml');
    expect(kader(['validate', 'kaders/'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
  });

  it('--from writes a bundled framework out with its comments; only the id and the $schema line change', () => {
    const dir = tempDir();
    const result = kader(['init', 'framework', 'onze-afspraken', '--from', 'samenwerkingsafspraken', '-o', 'kaders/onze-afspraken.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    const original = readFileSync(join(ROOT, 'frameworks', 'samenwerkingsafspraken.yaml'), 'utf8').split('\n');
    const copy = readFileSync(join(dir, 'kaders', 'onze-afspraken.yaml'), 'utf8').split('\n');
    expect(copy.length).toBe(original.length);
    const changed = copy.flatMap((line, i) => (line === original[i] ? [] : [line]));
    expect(changed).toEqual(['id: onze-afspraken']);
    expect(copy[0]).toBe('# yaml-language-server: $schema=../schemas/framework.schema.json');
    expect(kader(['validate', 'kaders/onze-afspraken.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('--from a file keeps its comments too, and adds a $schema line when it had none', () => {
    const dir = tempDir();
    const fixture = readFileSync(join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml'), 'utf8').replace(/^# yaml-language-server.*\n/, '');
    writeFileSync(join(dir, 'oud.yaml'), `# Vastgesteld door de regio op 1 maart\n${fixture.replace(/^(\s*)(title: .*)$/m, '$1$2   # titel uit het convenant')}`);
    expect(kader(['init', 'framework', 'nieuw', '--from', 'oud.yaml'], { cwd: dir }).code).toBe(0);
    const copy = readFileSync(join(dir, 'nieuw.yaml'), 'utf8');
    expect(copy.split('\n').slice(0, 2)).toEqual(['# yaml-language-server: $schema=schemas/framework.schema.json', '# Vastgesteld door de regio op 1 maart']);
    expect(copy).toContain('   # titel uit het convenant');
    expect(copy).toMatch(/^id: nieuw$/m);
  });

  it('points $schema at a schema in the repository that it writes once, not into the install', () => {
    const dir = tempDir();
    const repo = join(dir, 'repo');
    kader(['init', 'framework', 'a', '-o', 'repo/kaders/a.yaml'], { cwd: dir });
    expect(existsSync(join(dir, 'schemas', 'framework.schema.json'))).toBe(true);
    // Inside a git repository the schema goes to its root, whatever folder you are in.
    const git = join(repo, '.git');
    writeFileSync(git, 'gitdir: elsewhere\n');
    const result = kader(['init', 'framework', 'b', '-o', 'b.yaml'], { cwd: join(repo, 'kaders') });
    expect(result.stdout.split('\n')[0]).toBe(`Schema geschreven: ${join(repo, 'schemas', 'framework.schema.json')}. Zet het mee in git: de $schema-regel in het kwaliteitskader wijst ernaar`);
    expect(readFileSync(join(repo, 'kaders', 'b.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/framework.schema.json');
    expect(readFileSync(join(repo, 'kaders', 'a.yaml'), 'utf8')).not.toContain('node_modules');
    expect(JSON.parse(readFileSync(join(repo, 'schemas', 'framework.schema.json'), 'utf8'))).toEqual(JSON.parse(kader(['schema', 'framework']).stdout));
    // A second framework reuses the committed schema and says nothing about it.
    expect(kader(['init', 'framework', 'c', '-o', 'c.yaml'], { cwd: join(repo, 'kaders') }).stdout).not.toContain('Schema geschreven');
  });
});

describe('the framework digest', () => {
  it('is the sha256 of an LF file\'s bytes, as before, so existing sessions keep matching', () => {
    const bytes = readFileSync(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'));
    expect(frameworkDigest(bytes)).toBe(`sha256-${createHash('sha256').update(bytes).digest('hex')}`);
    expect(frameworkDigest('a\rb\n')).toBe(`sha256-${createHash('sha256').update('a\rb\n').digest('hex')}`);
  });

  it('reads CRLF as LF: a Windows checkout of the framework gives no framework-drift', () => {
    const dir = tempDir();
    const lf = readFileSync(join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml'), 'utf8');
    writeFileSync(join(dir, 'k.yaml'), lf);
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: voldoet\n');
    expect(kader(['interview', 's.yaml', '--framework', 'k.yaml', '--gemeente', 'Aadorp', '--date', '2026-01-01', '--answers', 'a.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'k.yaml'), lf.replaceAll('\n', '\r\n'));
    const result = kader(['check', 's.yaml', '--framework', 'k.yaml'], { cwd: dir });
    expect(result.stdout).not.toContain('framework-drift');
    // A real change still counts.
    writeFileSync(join(dir, 'k.yaml'), `${lf}# gewijzigd\n`);
    expect(kader(['check', 's.yaml', '--framework', 'k.yaml'], { cwd: dir }).stdout).toContain('framework-drift');
  });
});

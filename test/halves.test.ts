/**
 * A large batch read on two threads (src/cli/halves.ts) must say exactly what one thread says:
 * same stdout, same stderr, same exit code, in every format. KADER_SPLIT=always splits these
 * small batches; --debug says that a second thread ran, so no test passes by not splitting.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { cut, described, shouldSplit, SPLIT_FROM } from '../src/cli/halves.js';
import { UsageError } from '../src/cli/errors.js';
import { kader, ROOT, tempDir, type RunResult } from './helpers.js';
import { generateSession, loadFramework, threeInterviews, writeSession, type LoadedFramework } from './support/gemeenten.js';

const WAV = join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml');
const TK = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');

/** Run with one thread and with two; the --debug line about the second thread is the only difference. */
function bothWays(args: string[], cwd: string): { one: RunResult; two: RunResult } {
  const one = kader(['--debug', ...args], { cwd, env: { KADER_SPLIT: 'never' } });
  const two = kader(['--debug', ...args], { cwd, env: { KADER_SPLIT: 'always' } });
  return { one, two };
}

function expectSame({ one, two }: { one: RunResult; two: RunResult }, split: RegExp = /^kader: \d+ bestanden in deze thread, \d+ in een tweede$/m): void {
  expect(one.stderr).not.toMatch(split);
  expect(two.stderr).toMatch(split);
  expect(two.code).toBe(one.code);
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr.replace(split, '').replace(/^\n/, '')).toBe(one.stderr);
}

describe('a batch on two threads', () => {
  let wav: LoadedFramework;
  let dir: string;
  beforeAll(() => {
    wav = loadFramework(WAV);
    dir = tempDir.root();
    const regio = join(dir, 'regio');
    mkdirSync(join(regio, 'oud'), { recursive: true });
    // The first file is no session: the framework is chosen by the second one.
    writeFileSync(join(regio, 'aa-kapot.yaml'), 'kader: 1\nkind: session\nid: x\n');
    const put = (name: string, options: Parameters<typeof generateSession>[1]) => writeSession(regio, name, generateSession(wav, options));
    put('beekstad.yaml', { gemeente: 'Beekstad', quality: 0 });
    put('dijkum.yaml', { gemeente: 'Dijkum', quality: 0.5, seed: 3 });
    put('eemwoude.yaml', { gemeente: 'Eemwoude', quality: 0.7, unanswered: 0.5, seed: 5 });
    put('vlietland.yaml', { gemeente: 'Vlietland', quality: 0.6, seed: 6 });
    // In the second half: a newer measurement of a gemeente in the first, a respondent of the
    // same date, an unreadable file and a session with a wrong answer.
    put('zz-dijkum-wijkteam.yaml', { gemeente: 'dijkum ', quality: 0.2, seed: 4 });
    put('oud/beekstad-2025.yaml', { gemeente: 'Beekstad', quality: 1, date: '2025-11-01' });
    put('zz-veendam.yaml', { gemeente: 'Veendam', quality: 0.4, seed: 8, fixed: { [wav.framework.themes[0]!.criteria[0]!.questions[0]!.id]: 'geen-van-deze' } });
    symlinkSync(join(dir, 'bestaat-niet.yaml'), join(regio, 'zz-weg.yaml'));
    // Sessions of another framework, for check and for the mixed-folder refusal.
    mkdirSync(join(dir, 'gemengd'));
    for (const name of ['beekstad.yaml', 'dijkum.yaml', 'eemwoude.yaml']) cpSync(join(regio, name), join(dir, 'gemengd', name));
    cpSync(join(ROOT, 'examples', 'voorbeeld-veilig-thuis.yaml'), join(dir, 'gemengd', 'zz-veilig-thuis.yaml'));
  });

  it('check gives the same findings, in every diagnostic format, with or without --framework', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) expectSame(bothWays(['check', '--format', format, 'regio'], dir));
    expectSame(bothWays(['check', '--completeness', '--framework', WAV, 'regio'], dir));
    expectSame(bothWays(['check', '--privacy', 'regio'], dir));
    expectSame(bothWays(['check', '--framework', 'werken-aan-veiligheid', 'gemengd'], dir));
    const { two } = bothWays(['check', '--format', 'json', 'gemengd'], dir);
    expect(two.code).toBe(1);
    expect(JSON.parse(two.stdout)).toMatchObject({ files: 4, errors: 1, diagnostics: [{ file: 'gemengd/eemwoude.yaml', rule: 'incomplete' }] });
  });

  it('check: the findings of both halves are there, in file order', () => {
    const { two } = bothWays(['check', 'regio'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^kader: 5 bestanden in deze thread, 4 in een tweede$/m);
    expect(two.stderr).toContain('zz-weg.yaml');
    const files = [...two.stdout.matchAll(/^(regio\/\S+)$/gm)].map((m) => m[1]);
    expect(files).toEqual(['regio/aa-kapot.yaml', 'regio/eemwoude.yaml', 'regio/zz-veendam.yaml']);
    expect(two.stdout).toContain('16:12  fout          antwoord "geen-van-deze" is niet toegestaan');
  });

  it('aggregate gives the same overview in every text format', () => {
    for (const format of ['text', 'json', 'csv', 'md', 'html']) expectSame(bothWays(['aggregate', '--format', format, 'regio'], dir));
    const { two } = bothWays(['aggregate', '--format', 'json', 'regio'], dir);
    const model = JSON.parse(two.stdout) as { rows: { gemeente: string }[]; notes: { file: string; reason: string }[] };
    expect(model.rows.map((r) => r.gemeente)).toEqual(['Beekstad', 'Dijkum', 'Eemwoude', 'Vlietland']);
    expect(model.notes.map((n) => `${n.file} ${n.reason}`)).toEqual([
      'regio/aa-kapot.yaml invalid',
      'regio/eemwoude.yaml incomplete',
      'regio/oud/beekstad-2025.yaml superseded',
      'regio/zz-dijkum-wijkteam.yaml same-date',
      'regio/zz-veendam.yaml invalid',
    ]);
  });

  it('aggregate refuses a mixed folder with the counts of both halves', () => {
    const both = bothWays(['aggregate', 'gemengd'], dir);
    expectSame(both);
    expect(both.two.code).toBe(2);
    expect(both.two.stderr).toMatch(/werken-aan-veiligheid \(3\), veilig-thuis \(1\)/);
  });
});

describe('a batch on two threads, with merged, migrated, empty and unreadable sessions', () => {
  it('aggregate lists sources merged into a session in the other half, and carries migrated sessions over', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 's'));
    // The sources sort into the first half, the merged session into the second.
    const sources = threeInterviews(join(dir, 's'), TK).map((name) => join('s', name));
    expect(kader(['merge', ...sources, '-o', 's/zz-samen.yaml', '--framework', TK], { cwd: dir }).code).toBe(0);
    // Version 2.0 renames a question and carries 1.0 answers over; a 1.0 session and an empty one.
    const v2 = `${readFileSync(TK, 'utf8').replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z')}migrations:\n  - from: "1.0"\n    ids: { TK-T1-01a: TK-T1-01z }\n`;
    writeFileSync(join(dir, 'v2.yaml'), v2);
    const v1 = loadFramework(TK);
    writeSession(join(dir, 's'), 'zz-oud.yaml', generateSession(v1, { gemeente: 'Oudorp', quality: 1 }));
    writeSession(join(dir, 's'), 'zz-leeg.yaml', generateSession(loadFramework(join(dir, 'v2.yaml')), { gemeente: 'Leegdorp', unanswered: 1 }));
    const merged = bothWays(['aggregate', '--format', 'json', '--framework', TK, 's'], dir);
    expectSame(merged);
    const model = JSON.parse(merged.two.stdout) as { rows: { gemeente: string; migratedFrom: string | null }[]; notes: { file: string; reason: string }[] };
    expect(model.notes.filter((n) => n.reason === 'merged-into').map((n) => n.file)).toEqual([...sources].sort());
    expect(model.rows.map((r) => r.gemeente)).toContain('Testdorp');
    const migrated = bothWays(['aggregate', '--format', 'json', '--framework', 'v2.yaml', 's'], dir);
    expectSame(migrated);
    const rows = (JSON.parse(migrated.two.stdout) as { rows: { gemeente: string; migratedFrom: string | null; complete: boolean }[] }).rows;
    expect(rows.find((r) => r.gemeente === 'Oudorp')).toMatchObject({ migratedFrom: '1.0' });
    expect(rows.find((r) => r.gemeente === 'Leegdorp')).toMatchObject({ complete: false, migratedFrom: null });
    expectSame(bothWays(['aggregate', '--framework', 'v2.yaml', 's'], dir));
  });

  it('aggregate with no session in the first half reads the second half itself, with the same result', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 's'));
    writeFileSync(join(dir, 's', 'a-kapot.yaml'), 'kader: 1\nkind: session\n');
    writeFileSync(join(dir, 's', 'b-leeg.yaml'), '');
    const wav = loadFramework(WAV);
    writeSession(join(dir, 's'), 'c.yaml', generateSession(wav, { gemeente: 'Cuijk', quality: 0.5 }));
    writeSession(join(dir, 's'), 'd.yaml', generateSession(wav, { gemeente: 'Dorpum', quality: 0.8 }));
    // The framework is the first session's, found only in the second half: no second thread.
    const { one, two } = bothWays(['aggregate', 's'], dir);
    expect(two).toEqual(one);
    expect(two.stderr).not.toContain('tweede');
    expect(two.code).toBe(1);
    expect(two.stdout).toMatch(/^Cuijk /m);
  });

  it('check reads a FIFO named on the command line in the second thread as in the first: refused, not waited for', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml'), join(dir, 'a.yaml'));
    const made = spawnSync('mkfifo', [join(dir, 'pijp.yaml')]);
    if (made.status !== 0) return; // no mkfifo here
    expectSame(bothWays(['check', 'a.yaml', 'pijp.yaml'], dir));
  });
});

describe('when a batch is split', () => {
  it('KADER_SPLIT decides first; otherwise only from SPLIT_FROM files', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/s/${i}.yaml`, shown: `s/${i}.yaml` }));
    expect(shouldSplit(files(100_000), { KADER_SPLIT: 'never' }, true)).toBe(false);
    expect(shouldSplit(files(2), { KADER_SPLIT: 'always' }, true)).toBe(true);
    expect(shouldSplit(files(1), { KADER_SPLIT: 'always' }, true)).toBe(false);
    expect(shouldSplit(files(SPLIT_FROM - 1), {}, true)).toBe(false);
    // Standard input is read by the main thread only.
    expect(shouldSplit([...files(3), { path: '-', shown: '<stdin>' }], { KADER_SPLIT: 'always' }, true)).toBe(false);
    // From src/ (as here, in process) never: the worker would run the built bundle.
    expect(shouldSplit(files(2), { KADER_SPLIT: 'always' })).toBe(false);
  });

  it('the main thread keeps the larger half', () => {
    expect(cut([1, 2, 3, 4, 5])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(cut([1, 2])).toEqual([[1], [2]]);
  });

  it("a worker's user error keeps its message and exit code", () => {
    expect(described(new UsageError('--foo bestaat niet'))).toEqual({ message: '--foo bestaat niet', exitCode: 2 });
    expect(described(new Error('stuk'))).toMatchObject({ message: 'stuk', stack: expect.stringContaining('stuk') });
  });
});

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../src/framework/types.js';
import { migrateSession, migrationPath } from '../src/session/migrate.js';
import { kader, makeSession, ROOT, tempDir } from './helpers.js';
import { generateSession, loadFramework, writeSession } from './support/gemeenten.js';

const V1 = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');

/** Version 2.0 of the test framework: one question renamed, with the step that says so. */
function writeV2(dir: string, step = 'ids: { TK-T1-01a: TK-T1-01z }'): string {
  const text = readFileSync(V1, 'utf8').replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z');
  const path = join(dir, 'v2.yaml');
  writeFileSync(path, `${text}migrations:\n  - from: "1.0"\n    ${step}\n`);
  return path;
}

describe('migrateSession (pure)', () => {
  const framework = {
    id: 'test-kader',
    version: '3',
    themes: [{ id: 'T', criteria: [{ id: 'C1', questions: [{ id: 'q1' }, { id: 'q2' }] }, { id: 'C2', questions: [{ id: 'q3' }] }] }],
    migrations: [
      { from: '1', ids: { old: 'mid', gone: [] } },
      { from: '2', ids: { mid: ['q1', 'q2'], OLDC: 'C2', twice: 'q3', q3old: 'q3' } },
    ],
  } as unknown as Framework;

  it('applies every step from the session\'s version: rename, split, drop; judgements and actions follow', () => {
    const at = '2025-01-01T00:00:00Z';
    const session = makeSession({
      framework: { id: 'test-kader', version: '1', digest: 'sha256-old' },
      answers: { old: { value: 'voldoet', at }, gone: { value: 'x', at }, twice: { value: 'a', at }, q3old: { value: 'b', at } },
      judgements: { OLDC: { verdict: 'partly', motivation: 'm', at } },
      actions: [{ id: 'A1', criterion: 'OLDC', what: 'w', owner: 'o', due: '2027-01-01', priority: 'hoog', indicator: 'i', status: 'open' }],
    });
    const result = migrateSession(framework, session, 'sha256-new');
    expect(result.steps).toEqual(['1', '2']);
    expect(Object.keys(result.session.answers).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(result.session.answers.q1!.value).toBe('voldoet');
    expect(result.session.answers.q3!.value).toBe('a'); // the first of two answers landing on q3
    expect(result.collisions).toEqual(['q3']);
    expect(result.dropped).toEqual(['gone']);
    expect(result.unmapped).toEqual([]);
    expect(result.session.judgements).toEqual({ C2: session.judgements!.OLDC });
    expect(result.session.actions![0]!.criterion).toBe('C2');
    expect(result.session.framework).toEqual({ id: 'test-kader', version: '3', digest: 'sha256-new' });
    expect(session.answers.old).toBeDefined(); // the input is not changed
  });

  it('knows which versions it can carry over', () => {
    expect(migrationPath(framework, '3')).toBe('current');
    expect(migrationPath(framework, '2')).toBe('migratable');
    expect(migrationPath(framework, '0.9')).toBe('none');
  });
});

describe('kader check --migrate', () => {
  it('rewrites a session on the earlier version, keeping its comments, and then checks it clean', () => {
    const dir = tempDir();
    const v2 = writeV2(dir);
    const path = writeSession(dir, 's.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 1 }));
    writeFileSync(path, `# interview met het wijkteam\n${readFileSync(path, 'utf8')}`);
    const result = kader(['check', 's.yaml', '--migrate', '--framework', v2], { cwd: dir });
    // What --migrate did is its result: on stdout, before check's own verdict.
    expect(result.stdout.split('\n')[0]).toBe('s.yaml: omgezet van versie 1.0 naar 2.0 (1 antwoord naar een nieuw id)');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^# interview met het wijkteam\n/);
    expect(text).toContain('TK-T1-01z:');
    expect(text).not.toContain('TK-T1-01a');
    expect(text).toMatch(/^ {2}version: "2\.0"$/m);
    // Once migrated, a second run has nothing to do.
    expect(kader(['check', 's.yaml', '--migrate', '--framework', v2], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });

  it('check without --migrate names the command that carries the session over', () => {
    const dir = tempDir();
    const v2 = writeV2(dir);
    writeSession(dir, 's.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 1 }));
    const result = kader(['check', 's.yaml', '--framework', v2], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Zet de sessie over met kader check --migrate');
  });

  it('changes nothing when an answer has no place in the new version', () => {
    const dir = tempDir();
    const v2 = writeV2(dir, 'ids: {}');
    const path = writeSession(dir, 's.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 1 }));
    const before = readFileSync(path, 'utf8');
    const result = kader(['check', 's.yaml', '--migrate', '--framework', v2], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'kader: s.yaml: niet omgezet, want het antwoord op TK-T1-01a heeft geen plek in het nieuwe kwaliteitskader; neem dit id op in migrations: (met [] als het bewust vervalt)',
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('says when there is no step from the session\'s version, and leaves the file alone', () => {
    const dir = tempDir();
    const v2 = writeV2(dir);
    const session = generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 1 });
    session.framework.version = '0.5';
    const path = writeSession(dir, 's.yaml', session);
    const before = readFileSync(path, 'utf8');
    const result = kader(['check', 's.yaml', '--migrate', '--framework', v2], { cwd: dir });
    expect(result.stderr.split('\n')[0]).toBe('kader: s.yaml: versie 0.5, het kwaliteitskader is 2.0 en heeft geen migratiestap vanaf 0.5; niet omgezet');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('compare carries the earlier measurement forward in memory, so a renamed question still compares', () => {
    const dir = tempDir();
    const v2 = writeV2(dir);
    const before = writeSession(dir, 'voor.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 0, date: '2025-11-01' }));
    const text = readFileSync(before, 'utf8');
    writeSession(dir, 'na.yaml', generateSession(loadFramework(v2), { gemeente: 'Aadorp', quality: 1 }));
    const result = kader(['compare', 'voor.yaml', 'na.yaml', '--framework', v2, '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('kader: de vorige meting (versie 1.0 van het kwaliteitskader) is voor de vergelijking omgezet naar 2.0 volgens migrations: in het kwaliteitskader; het bestand is niet gewijzigd\n');
    const model = JSON.parse(result.stdout) as { criteria: { id: string; change: string }[] };
    expect(model.criteria.find((c) => c.id === 'TK-T1-01')!.change).toBe('better');
    expect(readFileSync(before, 'utf8')).toBe(text);
  });

  it('compare says which earlier answers have no place in the current version', () => {
    const dir = tempDir();
    const v2 = writeV2(dir, 'ids: {}');
    writeSession(dir, 'voor.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 0, date: '2025-11-01' }));
    writeSession(dir, 'na.yaml', generateSession(loadFramework(v2), { gemeente: 'Aadorp', quality: 1 }));
    const result = kader(['compare', 'voor.yaml', 'na.yaml', '--framework', v2], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[1]).toBe('kader: de antwoorden op TK-T1-01a hebben geen plek in de huidige versie en geen migratiestap; ze tellen in de vergelijking niet mee');
  });
});

describe('migrating a complete session to a version with a new required question', () => {
  it('leaves it in progress, so check and the report do not call it complete', () => {
    const framework = {
      id: 'test-kader',
      version: '2',
      themes: [{ id: 'T', criteria: [{ id: 'C1', questions: [{ id: 'q1', type: 'boolean' }, { id: 'q2', type: 'boolean' }] }] }],
      migrations: [{ from: '1', ids: {} }],
    } as unknown as Framework;
    const session = makeSession({
      framework: { id: 'test-kader', version: '1', digest: 'sha256-old' },
      status: 'complete',
      answers: { q1: { value: true, at: '2025-01-01T00:00:00Z' } },
    });
    expect(migrateSession(framework, session, 'sha256-new').session.status).toBe('in-progress');
  });
});

describe('the bundled 2019.1 example of werken-aan-veiligheid', () => {
  it('migrates to the current version: every old answer has a place, only the new questions are open', () => {
    const dir = tempDir();
    const file = join(dir, 'oud.yaml');
    copyFileSync(join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid-2019.1.yaml'), file);
    const result = kader(['check', 'oud.yaml', '--migrate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('oud.yaml: omgezet van versie 2019.1 naar 2026.1 (19 antwoorden naar een nieuw id, 1 bewust vervallen)\n');
    // What is left are the questions 2026.1 added without a predecessor (the kindcheck, step 3,
    // the mandatory report at acute or structural unsafety, …): the interviewer asks them next.
    expect(result.stdout).toContain('sessie is niet af: 6 verplichte vragen open (WAV-T-01d, WAV-T-01e, WAV-T-06d, …)  incomplete');
    expect(result.stdout).not.toMatch(/unknown-question|framework-drift/);
    const migrated = readFileSync(file, 'utf8');
    expect(migrated).toMatch(/^status: in-progress$/m);
    expect(migrated).toMatch(/^ {2}version: "2026\.1"$/m);
  });
});

describe('every bundled framework carries sessions of its previous version over', () => {
  // The previous versions as they were shipped (kept as fixtures, so the test needs no git).
  const previous = join(ROOT, 'test', 'fixtures', 'frameworks', 'previous');
  it.each([
    ['werken-aan-veiligheid', '2019.1', '2026.1'],
    ['tsd-lokaal-netwerk', '2021.1', '2026.1'],
    ['veiligheid-voorop', '2018.1', '2026.1'],
    ['samenwerkingsafspraken', '2026.1', '2026.2'],
  ])('%s %s → %s: every answer of a complete session has a place', (id, from, to) => {
    const dir = tempDir();
    const old = loadFramework(join(previous, `${id}.yaml`));
    expect(old.framework.version).toBe(from);
    writeSession(dir, 's.yaml', generateSession(old, { gemeente: 'Aadorp', quality: 0.5 }));
    const result = kader(['check', 's.yaml', '--migrate'], { cwd: dir });
    expect(result.stdout).toMatch(new RegExp(`^s\\.yaml: omgezet van versie ${from.replace('.', '\\.')} naar ${to.replace('.', '\\.')} \\(`));
    expect(result.stdout).not.toMatch(/unknown-question|answer-value/);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toContain(`version: "${to}"`);
  });
});

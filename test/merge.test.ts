import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeSessions, undecided } from '../src/session/merge.js';
import type { Session } from '../src/session/types.js';
import { BIN, FIXTURES, kader, makeSession, tempDir } from './helpers.js';
import { generateSession, loadFramework, threeInterviews, writeSession } from './support/gemeenten.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const at = '2026-11-20T10:00:00Z';

describe('mergeSessions (pure)', () => {
  const { framework } = loadFramework(FRAMEWORK);
  const merge = (...sessions: Session[]) =>
    mergeSessions(framework, sessions.map((session, i) => ({ name: `bestand-${i + 1}`, session })), { id: 'samen', now: at, digest: 'sha256-x' });

  it('takes what respondents agree on, keeps each perspective where they differ, and leaves that question open', () => {
    const result = merge(
      makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-01', respondents: [{ role: 'beleid' }] }, answers: { 'TK-T1-01a': { value: 'voldoet', note: 'beleid ligt vast', at }, 'TK-T2-01c': { value: true, evidence: ['Convenant'], at } } }),
      makeSession({ context: { gemeente: 'testdorp ', date: '2026-11-05', team: 'Wijkteam Oost' }, answers: { 'TK-T1-01a': { value: 'deels', at }, 'TK-T2-01c': { value: true, note: 'getekend', evidence: ['Convenant', 'Jaarverslag'], at } } }),
    );
    expect(result.agreed).toBe(1);
    expect(result.differ).toEqual(['TK-T1-01a']);
    expect(result.criteria).toEqual(['TK-T1-01']);
    expect(result.session.answers['TK-T1-01a']).toBeUndefined();
    expect(result.session.perspectives).toEqual({
      'TK-T1-01a': [
        { respondent: 'beleid', value: 'voldoet', note: 'beleid ligt vast', at },
        { respondent: 'Wijkteam Oost', value: 'deels', at },
      ],
    });
    expect(result.session.answers['TK-T2-01c']).toEqual({ value: true, note: 'Wijkteam Oost: getekend', evidence: ['Convenant', 'Jaarverslag'], respondent: 'beleid, Wijkteam Oost', at });
    expect(result.session.context).toEqual({ gemeente: 'Testdorp', date: '2026-11-05', respondents: [{ role: 'beleid' }] });
    expect(result.session.merged).toEqual({ at, from: [{ id: '00000000-0000-4000-8000-000000000000', respondent: 'beleid', date: '2026-11-01' }, { id: '00000000-0000-4000-8000-000000000000', respondent: 'Wijkteam Oost', date: '2026-11-05' }] });
    expect(undecided(framework, result.session)).toEqual(['TK-T1-01']);
  });

  it('names perspectives by role, team or file, unique; ignores inactive answers; one answer alone is taken', () => {
    const result = merge(
      makeSession({ answers: { 'TK-T1-01a': { value: 'voldoet', at }, 'TK-T1-01b': { value: ['tijd'], inactive: true, at } } }),
      makeSession({ answers: { 'TK-T1-01a': { value: 'deels', at }, 'TK-T1-01b': { value: ['kennis'], at } } }),
      makeSession({ answers: { 'TK-T1-01a': { value: 'voldoet-niet', respondent: 'aandachtsfunctionaris', at } } }),
    );
    expect(result.session.perspectives!['TK-T1-01a']!.map((p) => p.respondent)).toEqual(['bestand-1', 'bestand-2', 'aandachtsfunctionaris']);
    expect(result.session.answers['TK-T1-01b']).toEqual({ value: ['kennis'], respondent: 'bestand-2', at });
    expect(result.agreed).toBe(0);
  });

  it('merging a merged session again keeps its perspectives', () => {
    const first = merge(
      makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-01', respondents: [{ role: 'beleid' }] }, answers: { 'TK-T1-01a': { value: 'voldoet', at } } }),
      makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-01', respondents: [{ role: 'wijkteam' }] }, answers: { 'TK-T1-01a': { value: 'deels', at } } }),
    ).session;
    const again = merge(first, makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-02', respondents: [{ role: 'veilig-thuis' }] }, answers: { 'TK-T1-01a': { value: 'deels', at } } }));
    expect(again.session.perspectives!['TK-T1-01a']!.map((p) => [p.respondent, p.value])).toEqual([
      ['beleid', 'voldoet'],
      ['wijkteam', 'deels'],
      ['veilig-thuis', 'deels'],
    ]);
  });

  it('carries judgements the sources agree on, drops conflicting ones, and renumbers clashing actions', () => {
    const action = { criterion: 'TK-T1-01', what: 'Werkinstructie', owner: 'teamleider', due: '2027-06-01', priority: 'hoog' as const, indicator: 'in 9 van 10 dossiers', status: 'open' as const };
    const result = merge(
      makeSession({ judgements: { 'TK-T1-01': { verdict: 'partly', motivation: 'a', at }, 'TK-T2-01': { verdict: 'meets', motivation: 'x', at } }, actions: [{ id: 'A1', ...action }] }),
      makeSession({ judgements: { 'TK-T1-01': { verdict: 'partly', motivation: 'b', at }, 'TK-T2-01': { verdict: 'not-met', motivation: 'y', at } }, actions: [{ id: 'A1', ...action, what: 'Scholing' }, { id: 'A2', ...action }] }),
    );
    expect(result.session.judgements).toEqual({ 'TK-T1-01': { verdict: 'partly', motivation: 'a\nb', at } });
    expect(result.droppedJudgements).toEqual(['TK-T2-01']);
    expect(result.session.actions!.map((a) => [a.id, a.what])).toEqual([
      ['A1', 'Werkinstructie'],
      ['A2', 'Scholing'],
    ]);
  });
});

describe('kader merge', () => {
  it('writes the consolidated session, says what differs, and the report shows each perspective', () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    const result = kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('samen.yaml: 5 vragen eensluidend, 1 vraag met verschillende antwoorden (in 1 criterium)\nBeslis per criterium met: kader merge --interactive samen.yaml\n');
    const session = parse(readFileSync(join(dir, 'samen.yaml'), 'utf8')) as Session;
    expect(session.perspectives!['TK-T1-01a']!.map((p) => [p.respondent, p.value])).toEqual([
      ['beleid', 'voldoet'],
      ['wijkteam', 'deels'],
      ['veilig-thuis', 'voldoet-niet'],
    ]);
    expect(session.answers['TK-T1-01a']).toBeUndefined();
    expect(session.answers['TK-T2-01a']).toMatchObject({ value: 'voldoet', respondent: 'beleid, wijkteam, veilig-thuis' });
    expect(session.status).toBe('in-progress');
    // Undecided, the question is open: check says so, and the criterion has no score yet.
    const check = kader(['check', 'samen.yaml', '--framework', FRAMEWORK, '--format', 'json'], { cwd: dir });
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual(['incomplete']);
    const md = kader(['report', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).stdout;
    expect(md).toContain('## Waar de perspectieven verschillen');
    expect(md).toContain('Samengevoegd uit de interviews met: beleid (2026-11-20), wijkteam (2026-11-20), veilig-thuis (2026-11-20).');
    expect(md).toContain('| Vraag | Respondent | Antwoord | Notitie |\n| --- | --- | --- | --- |\n| Beoordeelt het team de veiligheid bij de start? | beleid | Voldoet |  |\n|  | wijkteam | Voldoet gedeeltelijk |  |\n|  | veilig-thuis | Voldoet niet |  |');
    expect(md).toContain('**Oordeel interviewer:** nog niet beslist (kader merge --interactive)');
  });

  it('refuses interviews of two gemeenten, a missing -o, and an existing target', () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    const other = generateSession(loadFramework(FRAMEWORK), { gemeente: 'Anderdorp' });
    writeSession(dir, 'anderdorp.yaml', other);
    const two = kader(['merge', files[0]!, 'anderdorp.yaml', '-o', 'x.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(two).toMatchObject({ code: 1, stderr: 'kader: de sessies horen bij verschillende gemeenten (Testdorp, Anderdorp); voeg alleen interviews van één gemeente samen\n' });
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    expect(kader(['merge', ...files, '--framework', FRAMEWORK], { cwd: dir })).toMatchObject({ code: 2, stderr: 'kader: geef met -o aan waar de samengevoegde sessie komt, bijvoorbeeld -o sessies/utrecht-samengevoegd.yaml\n' });
    writeFileSync(join(dir, 'bestaat.yaml'), 'iets\n');
    expect(kader(['merge', ...files, '-o', 'bestaat.yaml', '--framework', FRAMEWORK], { cwd: dir }).stderr).toBe('kader: bestaat.yaml bestaat al; kies een andere naam of hervat met kader interview bestaat.yaml\n');
    expect(readFileSync(join(dir, 'bestaat.yaml'), 'utf8')).toBe('iets\n');
    expect(kader(['merge', '--interactive', files[0]!, '--framework', FRAMEWORK], { cwd: dir })).toMatchObject({ code: 1, stderr: 'kader: testdorp-beleid.yaml is geen samengevoegde sessie; geef minstens twee sessies om samen te voegen\n' });
  });

  it('checks and redacts a perspective\'s note like any other note', () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    const wijkteam = parse(readFileSync(join(dir, files[1]!), 'utf8')) as Session;
    wijkteam.answers['TK-T1-01a']!.note = 'Moeder belde vanaf 06-12345678';
    writeSession(dir, files[1]!, wijkteam);
    expect(kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    const check = kader(['check', 'samen.yaml', '--privacy', '--framework', FRAMEWORK, '--format', 'json'], { cwd: dir });
    const found = (JSON.parse(check.stdout) as { diagnostics: { rule: string; message: string }[] }).diagnostics.filter((d) => d.rule === 'personal-data');
    expect(found.map((d) => d.message)).toEqual(['mogelijk persoonsgegevens (telefoonnummer); beschrijf de werkwijze, niet de cliënt']);
    expect(kader(['report', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(1); // refused without --redact
    const md = kader(['report', 'samen.yaml', '--framework', FRAMEWORK, '--redact'], { cwd: dir }).stdout;
    expect(md).toContain('|  | wijkteam | Voldoet gedeeltelijk | Moeder belde vanaf \\[verwijderd: telefoonnummer\\] |');
    expect(md).not.toContain('06-12345678');
  });

  it('refuses a source on an older framework version that has no migration step', () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    const old = join(dir, files[2]!);
    writeFileSync(old, readFileSync(old, 'utf8').replace('version: "1.0"', 'version: "0.9"'));
    const result = kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(result).toMatchObject({ code: 1, stderr: 'kader: testdorp-veilig-thuis.yaml: sessie is gemaakt met versie "0.9" van kwaliteitskader "test-kader", maar die versie kent dit kwaliteitskader niet (nu versie "1.0", zonder migratiestap vanaf "0.9"); gebruik het bestand met versie "0.9" met --framework\n' });
    expect(existsSync(join(dir, 'samen.yaml'))).toBe(false);
  });

  it.skipIf(!hasTmux)('--interactive: Ctrl-C at the verdict keeps the file as it was and says what is still open', async () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    expect(kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'samen.yaml'), 'utf8');
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} merge --interactive samen.yaml --framework ${FRAMEWORK}`);
    await waitFor('? Jouw oordeel over dit criterium?');
    tmux('send-keys', '-t', 'k', 'C-c');
    const end = await waitFor('EXIT=');
    expect(end).toContain('0 oordelen vastgelegd, 1 criterium nog open, in samen.yaml.');
    expect(end).toContain('EXIT=0');
    expect(readFileSync(join(dir, 'samen.yaml'), 'utf8')).toBe(before);
  }, 40_000);

  it.skipIf(!hasTmux)('--interactive: the interviewer judges the criterion with a motivation; the session is then complete', async () => {
    const dir = tempDir();
    const files = threeInterviews(dir, FRAMEWORK);
    expect(kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} merge --interactive samen.yaml --framework ${FRAMEWORK}`);
    const shown = await waitFor('? Jouw oordeel over dit criterium?');
    expect(shown).toContain('TK-T1-01 Veiligheid wordt bij de start beoordeeld: de respondenten verschillen [kritiek]');
    expect(shown).toContain('    wijkteam: Voldoet gedeeltelijk');
    tmux('send-keys', '-t', 'k', 'Down', 'Enter'); // voldoet gedeeltelijk
    await waitFor('? Motivering: waarop rust je oordeel?');
    tmux('send-keys', '-t', 'k', 'Enter'); // empty: refused
    await waitFor('een oordeel zonder motivering is niet te volgen');
    tmux('send-keys', '-t', 'k', 'Beleid is er, uitvoering wisselt per team', 'Enter');
    const end = await waitFor('EXIT=');
    expect(end).toContain('1 oordeel vastgelegd, 0 criteria nog open, in samen.yaml.');
    expect(end).toContain('EXIT=0');
    const session = parse(readFileSync(join(dir, 'samen.yaml'), 'utf8')) as Session;
    expect(session.judgements!['TK-T1-01']).toMatchObject({ verdict: 'partly', motivation: 'Beleid is er, uitvoering wisselt per team' });
    expect(session.status).toBe('complete');
    expect(kader(['check', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    expect(kader(['report', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).stdout).toContain('**Oordeel interviewer:** voldoet gedeeltelijk — Beleid is er, uitvoering wisselt per team');
  }, 40_000);
});

/**
 * The privacy check through the built binary: it finishes on long runs of every pattern's
 * characters (issue 16 item 8), it reads every free-text field of a session, and --redact
 * removes what it finds from all of them (item 15), and a count after a year no longer blocks
 * a report (item 17).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Session } from '../src/session/types.js';
import { FIXTURES, kader, tempDir } from './helpers.js';
import { threeInterviews, writeSession } from './support/gemeenten.js';
import { LONG_RUNS } from './support/long-runs.js';

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
describe('the privacy check runs in linear time', () => {
  // One session and one answers file hold every run, as evidence of one answer.
  const runs = Object.values(LONG_RUNS);
  const yaml = (s: string) => JSON.stringify(s);

  it('check --privacy, report and interview --answers finish on long runs of each pattern’s characters', () => {
    const dir = tempDir();
    const complete = readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8');
    const evidence = `evidence: [ ${runs.map(yaml).join(', ')} ]`;
    writeFileSync(join(dir, 's.yaml'), complete.replace('evidence: [ Werkinstructie ]', evidence));

    // A generous spawn timeout (15 s, in kader()) bounds each run: a timed-out run has no exit code.
    const check = kader(['check', 's.yaml', '--privacy', '--framework', FRAMEWORK], { cwd: dir });
    expect(check).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
    const report = kader(['report', 's.yaml', '--framework', FRAMEWORK, '--format', 'json'], { cwd: dir });
    expect(report.code).toBe(0);

    writeFileSync(join(dir, 'a.yaml'), `TK-T1-01a: { value: deels, note: ${yaml(LONG_RUNS.letters!)}, ${evidence} }\n`);
    const answers = kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', 'a.yaml'], { cwd: dir });
    expect(answers).toMatchObject({ code: 0, stderr: '', stdout: '1 antwoord gewijzigd in s.yaml (notitie en bewijs blijven staan tenzij het bestand nieuwe geeft). Alle verplichte vragen zijn beantwoord; sessie afgerond: s.yaml\n' });
  });
});

/** What is planted in each free-text field, and the kind the check should name. */
const PLANTED = {
  gemeente: ['Testdorp, postbus j.jansen@example.nl', 'e-mailadres'],
  team: ['Wijkteam Oost, tel 06-11112222', 'telefoonnummer'],
  regio: ['Regio 1234 AB 12', 'postcode met huisnummer'],
  interviewer: ['P. de Vries, Kerkstraat 12', 'straat met huisnummer'],
  role: ['moeder, bsn 111222333', 'BSN'],
  organisation: ['gezin, geb. 12-03-2015', 'geboortedatum'],
  respondent: ['oma 06-22223333', 'telefoonnummer'],
  perspective: ['buurman 06-33334444', 'telefoonnummer'],
  merged: ['beleid 06-44445555', 'telefoonnummer'],
  motivation: ['zie de mail van a.bakker@example.nl', 'e-mailadres'],
  what: ['Bel vader op 06-55556666', 'telefoonnummer'],
  owner: ['k.smit@example.nl', 'e-mailadres'],
  indicator: ['Geld naar NL91ABNA0417164300 gestopt', 'IBAN'],
} as const;

function plantedSession(dir: string): void {
  const files = threeInterviews(dir, FRAMEWORK);
  expect(kader(['merge', ...files, '-o', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
  const s = parse(readFileSync(join(dir, 'samen.yaml'), 'utf8')) as Session;
  s.context.gemeente = PLANTED.gemeente[0];
  s.context.team = PLANTED.team[0];
  s.context.regio = PLANTED.regio[0];
  s.context.interviewers = ['inspecteur A', PLANTED.interviewer[0]];
  s.context.respondents = [...(s.context.respondents ?? []), { role: PLANTED.role[0], organisation: PLANTED.organisation[0] }];
  s.answers['TK-T2-01a']!.respondent = PLANTED.respondent[0];
  s.perspectives!['TK-T1-01a']![0]!.respondent = PLANTED.perspective[0];
  s.merged!.from[0]!.respondent = PLANTED.merged[0];
  s.judgements = { 'TK-T1-01': { verdict: 'partly', motivation: PLANTED.motivation[0], at: '2026-11-21T10:00:00Z' } };
  s.actions = [
    { id: 'A1', criterion: 'TK-T1-01', what: PLANTED.what[0], owner: PLANTED.owner[0], due: '2027-03-01', priority: 'hoog', indicator: PLANTED.indicator[0], status: 'open' },
  ];
  writeSession(dir, 'samen.yaml', s);
}

describe('every free-text field is checked and redacted', () => {
  it('check --privacy names each field at its line', () => {
    const dir = tempDir();
    plantedSession(dir);
    const lines = readFileSync(join(dir, 'samen.yaml'), 'utf8').split('\n');
    const check = kader(['check', 'samen.yaml', '--privacy', '--framework', FRAMEWORK, '--format', 'json'], { cwd: dir });
    expect(check.code).toBe(1);
    const found = (JSON.parse(check.stdout) as { diagnostics: { rule: string; line: number; message: string }[] }).diagnostics.filter((d) => d.rule === 'personal-data');
    // Each finding points at the line with the planted text, and names its kind.
    const seen = found.map((d) => {
      const planted = Object.values(PLANTED).find(([text]) => lines[d.line - 1]!.includes(text));
      expect(planted, `line ${d.line}: ${lines[d.line - 1]}`).toBeDefined();
      expect(d.message).toBe(`mogelijk persoonsgegevens (${planted![1]}); beschrijf de werkwijze, niet de cliënt`);
      return planted![0];
    });
    expect(new Set(seen)).toEqual(new Set(Object.values(PLANTED).map(([text]) => text)));
  });

  it('report refuses, and --redact leaves none of it in any format', () => {
    const dir = tempDir();
    plantedSession(dir);
    const refused = kader(['report', 'samen.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      'kader: het verbeterplan zou mogelijk persoonsgegevens bevatten (13×, eerst in context (gemeente)); pas de sessie aan, of gebruik --redact om ze weg te laten of --allow-personal-data als het zeker geen persoonsgegevens zijn\n',
    );
    for (const format of ['md', 'json', 'html', 'csv']) {
      const report = kader(['report', 'samen.yaml', '--framework', FRAMEWORK, '--redact', '--format', format], { cwd: dir });
      expect(report.code, format).toBe(0);
      for (const [text] of Object.values(PLANTED)) {
        // The personal part is gone; the words around it may stay.
        const personal = /[\w.]+@[\w.]+|06-\d+|\d{4} AB 12|Kerkstraat 12|111222333|12-03-2015|NL91\w+/.exec(text)![0];
        expect(report.stdout, `${format}: ${text}`).not.toContain(personal);
      }
    }
    const md = kader(['report', 'samen.yaml', '--framework', FRAMEWORK, '--redact'], { cwd: dir }).stdout;
    expect(md).toContain('Wijkteam Oost, tel \\[verwijderd: telefoonnummer\\]');
  });

  it('interview --answers warns about a respondent and evidence too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: { value: deels, respondent: "oma 06-22223333", evidence: [ "brief aan Kerkstraat 12" ] }\n');
    const result = kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--date', '2026-11-20', '--answers', 'a.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'kader: let op: TK-T1-01a (respondent) bevat mogelijk persoonsgegevens (telefoonnummer); beschrijf de werkwijze, niet de cliënt\n' +
        'kader: let op: TK-T1-01a (bewijs) bevat mogelijk persoonsgegevens (straat met huisnummer); beschrijf de werkwijze, niet de cliënt\n',
    );
  });
  it('a new interview warns about its context (team, interviewer, respondent role) at once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    const args = ['--gemeente', 'Testdorp', '--team', 'Wijkteam 06-11112222', '--interviewer', 'j.jansen@example.nl', '--respondent', 'moeder, Kerkstraat 12'];
    const result = kader(['interview', 's.yaml', '--framework', FRAMEWORK, ...args, '--date', '2026-11-20', '--answers', 'a.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'kader: let op: team bevat mogelijk persoonsgegevens (telefoonnummer); beschrijf de werkwijze, niet de cliënt\n' +
        'kader: let op: interviewer bevat mogelijk persoonsgegevens (e-mailadres); beschrijf de werkwijze, niet de cliënt\n' +
        'kader: let op: rol van respondent bevat mogelijk persoonsgegevens (straat met huisnummer); beschrijf de werkwijze, niet de cliënt\n',
    );
  });
});

describe('fewer false alarms', () => {
  it('a year, an organisation and a count in a note no longer block the report', () => {
    const dir = tempDir();
    const complete = readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8');
    const note = 'In 2024 VT 12 keer gebeld; zaaknummer 123456782; budget EUR 123.456.782; adviesnummer 088-2223344';
    writeFileSync(join(dir, 's.yaml'), complete.replace('Werkinstructie is er, wordt niet altijd gebruikt', note));
    expect(kader(['check', 's.yaml', '--privacy', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    const report = kader(['report', 's.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(report).toMatchObject({ code: 0, stderr: '' });
    expect(report.stdout).toContain('In 2024 VT 12 keer gebeld');
  });
});

/**
 * The interview as a person uses it: the built binary in a real pseudo-terminal (tmux),
 * keys sent one by one, the screen read back, Ctrl-C at a question.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

// CI installs tmux (.ci/run); a developer machine without it skips this one test.
describe.skipIf(!hasTmux)('kader interview in a terminal', () => {
  it('answers, notes, navigates and saves on Ctrl-C with the command to resume', async () => {
    const dir = tempDir();
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: deels\n');
    kader(['interview', 's.yaml', '--framework', framework, '--gemeente', 'Testdorp', '--respondent', 'teamleider', '--answers', 'a.yaml'], { cwd: dir });

    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${framework}`);
    // Resumes at the follow-up that deels asked for: a multi question.
    let shown = await waitFor('[2/5] Wat ontbreekt er?');
    expect(shown).toContain('Verder bij vraag 2 van 5 (1 beantwoord).');
    expect(shown).toContain('↑↓ bladeren • spatie kiezen • a alles • i omdraaien • ⏎ klaar'); // inquirer's key hints, in Dutch
    expect(shown).toContain('T1 Veiligheid › TK-T1-01 Veiligheid wordt bij de start beoordeeld [kritiek: veiligheid voorop]');
    tmux('send-keys', '-t', 'k', 'Down', 'Space', 'Enter'); // tick "Tijd"
    // Ticking tijd asks for 01c, a text question: ":?" shows the guidance, then the answer.
    await waitFor('[3/6] Toelichting');
    tmux('send-keys', '-t', 'k', ':?', 'Enter');
    shown = await waitFor('Aanwijzingen');
    expect(shown).toContain('Vraag naar een recente casus.');
    tmux('send-keys', '-t', 'k', 'Bij drukte', 'Enter');
    // Next criterion: a scale question; choose "Voldoet", then a note and no evidence.
    await waitFor('[4/6] Stuurt de gemeente op termijnen?');
    tmux('send-keys', '-t', 'k', 'Enter');
    await waitFor('Notitie (Enter = geen)');
    tmux('send-keys', '-t', 'k', 'Convenant ligt er', 'Enter');
    await waitFor('[5/6] Is er een convenant?');
    tmux('send-keys', '-t', 'k', 'C-c');
    shown = await waitFor('EXIT=');
    expect(shown).toContain('Opgeslagen in s.yaml. Nog 2 verplichte vragen open.');
    // Runnable as kader was started (#17): `node …/bin/kader.js`, since no `kader` on PATH is this program.
    expect(shown).toContain(`Verder gaan: node ${BIN} interview s.yaml`);
    expect(shown).toContain('EXIT=0');

    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toMatch(/TK-T1-01b: \{ value: \[ tijd \], respondent: teamleider, at: "[^"]+" \}/);
    expect(text).toMatch(/TK-T1-01c: \{ value: Bij drukte, respondent: teamleider, at: "[^"]+" \}/);
    expect(text).toMatch(/TK-T2-01a: \{ value: voldoet, note: Convenant ligt er, respondent: teamleider, at: "[^"]+" \}/);
  }, 40_000);
});

describe.skipIf(!hasTmux)('kader interview: Ctrl-C at the note', () => {
  it('keeps the scale answer just given', async () => {
    const dir = tempDir();
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', framework, '--gemeente', 'Testdorp', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${framework} --respondent teamleider`);
    await waitFor('[1/5] Beoordeelt het team de veiligheid bij de start?');
    tmux('send-keys', '-t', 'k', 'Down', 'Enter'); // Voldoet gedeeltelijk
    await waitFor('Notitie (Enter = geen)');
    tmux('send-keys', '-t', 'k', 'C-c');
    expect(await waitFor('EXIT=')).toContain('EXIT=0');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/TK-T1-01a: \{ value: deels, respondent: teamleider, at: "[^"]+" \}/);
  }, 40_000);
});

describe.skipIf(!hasTmux)('kader plan in a terminal', () => {
  it('records a SMART action, refusing a missing owner and a past date with the reason', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), join(dir, 's.yaml'));
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} plan s.yaml --framework ${framework}`);
    const shown = await waitFor('? Wat wil je doen?');
    expect(shown).toContain('Verbeterpunt 1 van 2: TK-T1-01 Veiligheid wordt bij de start beoordeeld [kritiek]');
    tmux('send-keys', '-t', 'k', 'Enter'); // Actie toevoegen
    await waitFor('? Welke actie?');
    tmux('send-keys', '-t', 'k', 'Enter'); // the framework's suggestion
    await waitFor('? Wie is eigenaar');
    tmux('send-keys', '-t', 'k', 'Enter'); // empty: refused
    await waitFor('wie (eigenaar) ontbreekt; een SMART-actie heeft dit nodig');
    tmux('send-keys', '-t', 'k', 'teamleider', 'Enter');
    await waitFor('? Klaar op');
    tmux('send-keys', '-t', 'k', '2020-01-01', 'Enter');
    await waitFor('klaar-op-datum moet in de toekomst liggen');
    tmux('send-keys', '-t', 'k', 'C-u', '2099-05-01', 'Enter');
    await waitFor('? Prioriteit?');
    tmux('send-keys', '-t', 'k', 'Enter'); // default hoog for a critical point
    await waitFor('? Hoe weten we dat het werkt');
    tmux('send-keys', '-t', 'k', 'In 9 van 10 dossiers', 'Enter');
    await waitFor('A1 Leg de werkwijze vast. (teamleider, 2099-05-01, open)');
    tmux('send-keys', '-t', 'k', 'C-c');
    expect(await waitFor('EXIT=')).toContain('1 actie in s.yaml.');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toContain(
      'actions:\n  - id: A1\n    criterion: TK-T1-01\n    what: Leg de werkwijze vast.\n    owner: teamleider\n    due: "2099-05-01"\n    priority: hoog\n    indicator: In 9 van 10 dossiers\n    status: open\n',
    );
  }, 40_000);
});

describe.skipIf(!hasTmux)('kader interview with several respondents', () => {
  it('asks once who answers and records that role on each answer; Ctrl-C at the first prompt is no error', async () => {
    const dir = tempDir();
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    const text = readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8')
      .replace('    - role: teamleider\n', '    - role: teamleider\n    - role: beleidsmedewerker\n')
      .replace(/ {2}TK-T2-01e: .*\n/, '');
    writeFileSync(join(dir, 's.yaml'), text);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${framework}`);
    await waitFor('? Wie beantwoordt de vragen nu?');
    tmux('send-keys', '-t', 'k', 'Down', 'Enter'); // beleidsmedewerker
    await waitFor('[8/8] Wie stuurt?');
    tmux('send-keys', '-t', 'k', 'Enter');
    expect(await waitFor('EXIT=')).toContain('Alle verplichte vragen zijn beantwoord; sessie afgerond: s.yaml');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/TK-T2-01e: \{ value: wethouder, respondent: beleidsmedewerker, at: "[^"]+" \}/);

    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview --framework ${framework}`);
    await waitFor('? Gemeente');
    tmux('send-keys', '-t', 'k', 'C-c');
    const shown = await waitFor('EXIT=');
    expect(shown).toContain('EXIT=0');
    expect(shown).not.toContain('interne fout');
  }, 40_000);
});

describe.skipIf(!hasTmux)('kader interview: described levels and counts', () => {
  it('shows what a level looks like, and holds a count to its total', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'telkader.yaml'),
      `kader: 1
kind: framework
id: telkader
version: "1"
title: Telkader
publisher: kader-project
adopted: "2026-01-01"
source: https://example.org/telkader
language: nl
provenance: { status: official, disclaimer: Testkader. }
audiences: [{ id: team, label: Team }]
scales:
  - id: oordeel
    label: Oordeel
    levels:
      - { value: goed, label: Goed, score: 1, description: In elk bekeken dossier staan toetsbare voorwaarden. }
      - { value: onvoldoende, label: Onvoldoende, score: 0, description: Voorwaarden ontbreken of zijn vaag. }
thresholds: { meets: 0.6, partly: 0.3 }
themes:
  - id: K
    title: Dossiers
    criteria:
      - id: K-01
        title: Voorwaarden in het dossier
        description: In elk dossier staan concrete veiligheidsvoorwaarden.
        audience: team
        questions:
          - { id: K-01a, text: Oordeel over de voorwaarden, type: scale, scale: oordeel }
          - { id: K-01n, text: Hoeveel dossiers bekeken?, type: number, min: 0 }
          - { id: K-01c, text: In hoeveel daarvan staan voorwaarden?, type: number, min: 0, count: { of: K-01n, scale: oordeel, levels: { goed: 0.9 } } }
`,
    );
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', 'telkader.yaml', '--gemeente', 'Testdorp', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework telkader.yaml --respondent teamleider`);
    let shown = await waitFor('Oordeel over de voorwaarden');
    shown = await waitFor('In elk bekeken dossier staan toetsbare voorwaarden.');
    tmux('send-keys', '-t', 'k', 'Down');
    await waitFor('Voorwaarden ontbreken of zijn vaag.');
    tmux('send-keys', '-t', 'k', 'Up', 'Enter');
    await waitFor('Notitie (Enter = geen)');
    tmux('send-keys', '-t', 'k', 'Enter');
    await waitFor('Hoeveel dossiers bekeken?');
    tmux('send-keys', '-t', 'k', '10', 'Enter');
    shown = await waitFor('In hoeveel daarvan staan voorwaarden? van de 10');
    tmux('send-keys', '-t', 'k', '12', 'Enter');
    shown = await waitFor('typ een aantal van 0 tot en met 10: meer dan het totaal kan niet');
    tmux('send-keys', '-t', 'k', 'BSpace', 'BSpace', '7', 'Enter');
    shown = await waitFor('EXIT=');
    expect(shown).toContain('EXIT=0');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/K-01c: \{ value: 7, respondent: teamleider, at: "[^"]+" \}/);
  }, 40_000);
});

/**
 * #17 in a real terminal: the record stays true (a mistyped resume path, Ctrl-C in the context
 * questions, pausing a review, a note with personal data) and the end of an interview says
 * where things stand. The built binary in tmux, keys sent one by one, the screen read back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const run = (dir: string, args: string) => startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} ${args}`);
const keys = (...k: string[]) => tmux('send-keys', '-t', 'k', ...k);

/** A session with the given answers file merged (no terminal needed). */
function sessionWith(answers: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.yaml'), answers);
  const made = kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--respondent', 'teamleider', '--answers', 'a.yaml'], { cwd: dir });
  expect(made.code).toBe(0);
  return dir;
}

describe.skipIf(!hasTmux)('kader interview keeps the record true (#17)', () => {
  it('a mistyped resume path says the file does not exist and starts nothing unless asked', async () => {
    const dir = tempDir();
    run(dir, `interview sessies/bestaat-niet.yaml --framework ${FRAMEWORK}`);
    const shown = await waitFor('Een nieuw interview beginnen en opslaan in sessies/bestaat-niet.yaml?');
    expect(shown).toContain('sessies/bestaat-niet.yaml bestaat niet.');
    keys('Enter'); // the default is no
    const end = await waitFor('EXIT=');
    expect(end).toContain('Geen interview begonnen; er is niets opgeslagen.');
    expect(end).toContain('EXIT=0');
    expect(existsSync(join(dir, 'sessies'))).toBe(false);
  }, 30_000);

  it('Ctrl-C in the context questions says nothing was saved and gives back what was typed as a command', async () => {
    const dir = tempDir();
    run(dir, `interview --framework ${FRAMEWORK}`);
    await waitFor('? Gemeente');
    keys('Testdorp', 'Enter');
    await waitFor('? Team (Enter = geen)');
    keys('Team Noord', 'Enter');
    await waitFor('? Regio (Enter = geen)');
    keys('C-c');
    const end = await waitFor('EXIT=');
    expect(end).toContain(
      `Afgebroken voordat de sessie was aangemaakt; er is niets opgeslagen. Opnieuw beginnen met wat je al typte: node ${BIN} interview --framework ${FRAMEWORK} --gemeente Testdorp --team 'Team Noord'`,
    );
    expect(end).toContain('EXIT=0');
  }, 30_000);

  it('pausing a --review prints a resume command with --review', async () => {
    const dir = sessionWith('TK-T1-01a: voldoet\n');
    run(dir, `interview s.yaml --review --framework ${FRAMEWORK}`);
    await waitFor('? [1/');
    keys('Up', 'Enter'); // the last entry of the list: Pauzeren en opslaan
    const end = await waitFor('EXIT=');
    expect(end).toContain(`Verder gaan: node ${BIN} interview s.yaml --framework ${FRAMEWORK} --review`);
  }, 30_000);

  it('warns about personal data in a note before it is saved, and lets the interviewer edit it', async () => {
    const dir = sessionWith('{}\n');
    run(dir, `interview s.yaml --framework ${FRAMEWORK} --respondent teamleider`);
    await waitFor('? [1/');
    keys('Enter'); // Voldoet
    await waitFor('? Notitie (Enter = geen)');
    keys('Moeder belt vanaf 06-12345678', 'Enter');
    let shown = await waitFor('Hij is nog niet opgeslagen.');
    expect(shown).toContain('telefoonnummer');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).not.toContain('06-12345678');
    keys('Enter'); // Aanpassen: the note comes back, editable
    await waitFor(/Notitie \(Enter = geen\) Moeder belt vanaf 06-12345678/);
    for (let i = 0; i < ' vanaf 06-12345678'.length; i++) keys('BSpace');
    keys(' zelf', 'Enter');
    await waitFor('Welk bewijs is gezien?');
    keys('Enter');
    await waitFor('Stuurt de gemeente op termijnen?');
    keys('C-c');
    await waitFor('EXIT=');
    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toMatch(/TK-T1-01a: \{ value: voldoet, note: Moeder belt zelf, respondent: teamleider, at: "[^"]+" \}/);
    expect(text).not.toContain('06-12345678');
  }, 40_000);

  it('a typed text answer with personal data is flagged before it is saved, and can be kept by choice', async () => {
    const dir = sessionWith('{}\n');
    run(dir, `interview s.yaml --framework ${FRAMEWORK} --respondent teamleider`);
    await waitFor('? [1/');
    keys('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter'); // Overslaan: with 01a open, the text question 01c is asked
    await waitFor('Toelichting (Enter = overslaan,');
    keys('Bel 06-12345678', 'Enter');
    await waitFor('Hij is nog niet opgeslagen.');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).not.toContain('06-12345678');
    keys('Down', 'Enter'); // Toch zo opslaan
    await waitFor('Stuurt de gemeente op termijnen?');
    keys('C-c');
    await waitFor('EXIT=');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/TK-T1-01c: \{ value: Bel 06-12345678, respondent: teamleider/);
  }, 40_000);

  it('an existing note: the hint says Enter keeps it and "-" removes it', async () => {
    const dir = sessionWith('TK-T1-01a: { value: voldoet, note: oude notitie }\n');
    run(dir, `interview s.yaml --framework ${FRAMEWORK} --review --respondent teamleider`);
    await waitFor('? [1/');
    keys('Enter');
    await waitFor('? Notitie (Enter = houden, - = wissen)');
    keys('-', 'Enter');
    await waitFor('Welk bewijs is gezien?');
    keys('Enter');
    await waitFor('Stuurt de gemeente op termijnen?');
    keys('C-c');
    await waitFor('EXIT=');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).not.toContain('oude notitie');
  }, 40_000);
});

describe.skipIf(!hasTmux)('the end of an interview (#17)', () => {
  it('shows per theme what is answered, the critical points, the time and the next commands; a complete session offers what comes next', async () => {
    const dir = sessionWith('TK-T1-01a: voldoet\nTK-T2-01a: voldoet\nTK-T2-01c: false\n');
    run(dir, `interview s.yaml --framework ${FRAMEWORK} --respondent teamleider`);
    await waitFor('[4/4] Wie stuurt?');
    keys('Enter'); // Wethouder: the last open question
    const end = await waitFor('EXIT=');
    expect(end).toContain('Samenvatting');
    expect(end).toContain('  T1 Veiligheid: 1 van 1 vragen beantwoord · 100%');
    expect(end).toContain('  T2 Regie: 3 van 3 vragen beantwoord · 100%');
    expect(end).toMatch(/Tijd deze zitting: (minder dan een minuut|\d+ min)\./);
    expect(end).toContain(`  node ${BIN} interview s.yaml --framework ${FRAMEWORK} --review  antwoorden nalopen`);
    expect(end).toContain(`  node ${BIN} plan s.yaml --framework ${FRAMEWORK}  verbeteracties vastleggen`);
    expect(end).toContain(`  node ${BIN} report s.yaml --framework ${FRAMEWORK} --format html -o s.html  het verbeterplan`);
    expect(end).toContain('Alle verplichte vragen zijn beantwoord; sessie afgerond: s.yaml');

    run(dir, `interview s.yaml --framework ${FRAMEWORK}`);
    const offer = await waitFor('? Wat wil je doen?');
    expect(offer).toContain('s.yaml is afgerond: alle verplichte vragen zijn beantwoord.');
    expect(offer).not.toContain('Wie beantwoordt');
    keys('Down', 'Down', 'Enter'); // Verbeterplan maken
    const written = await waitFor('EXIT=');
    expect(written).toMatch(/Geschreven: s\.html \(\d+ kB\)/);
    expect(readFileSync(join(dir, 's.html'), 'utf8')).toContain('Testdorp');
  }, 40_000);
});

describe.skipIf(!hasTmux)('a long session on screen (#17 item 11)', () => {
  it('remembers the last respondent, shows answered/open and minutes, and per-theme progress in "Naar thema…"', async () => {
    const dir = tempDir();
    const text = readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8')
      .replace('    - role: teamleider\n', '    - role: teamleider\n    - role: beleidsmedewerker\n')
      .replace(/ {2}TK-T2-01d: .*\n/, '')
      .replace(/ {2}TK-T2-01e: .*\n/, '')
      .replace(/(TK-T2-01c: \{ value: true, )respondent: teamleider, at: "[^"]+"/, '$1respondent: beleidsmedewerker, at: "2026-11-23T15:00:00Z"');
    writeFileSync(join(dir, 's.yaml'), text);
    run(dir, `interview s.yaml --framework ${FRAMEWORK}`);
    await waitFor('? Wie beantwoordt de vragen nu?');
    keys('Enter'); // the cursor starts at whoever answered last
    let shown = await waitFor('Sinds wanneer?');
    expect(shown).toMatch(/^6 beantwoord, 2 open · \d+ min$/m);
    keys(':th', 'Enter');
    shown = await waitFor('? Naar welk thema?');
    expect(shown).toContain('T1 Veiligheid (3 van 3 beantwoord)');
    expect(shown).toContain('T2 Regie (3 van 5 beantwoord)');
    keys('Down', 'Enter');
    await waitFor(/\[7\/8\] Sinds wanneer\?[\s\S]*\? \[7\/8\] Sinds wanneer\?/); // asked again after the jump
    keys('01-03-2024', 'Enter');
    await waitFor('[8/8] Wie stuurt?');
    keys('C-c');
    await waitFor('EXIT=');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/TK-T2-01d: \{ value: "2024-03-01", respondent: beleidsmedewerker/);
  }, 40_000);
});

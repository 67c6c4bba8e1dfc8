/**
 * #17 navigation and input in a real terminal: Enter skips an optional question, dates and
 * percentages typed the Dutch way, navigation in a multi-choice list that is no tick box, and
 * "Anders" asks what. The built binary in tmux, keys sent one by one, the file read back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { readDate, readNumber } from '../src/interview/typed-input.js';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

const keys = (...k: string[]) => tmux('send-keys', '-t', 'k', ...k);

describe('typed input read the Dutch way (#17)', () => {
  it('reads 15-03-2026 and ISO dates, 85% and a decimal comma; the range message fits the bounds', () => {
    expect(readDate('15-03-2026')).toBe('2026-03-15');
    expect(readDate('5/3/2026')).toBe('2026-03-05');
    expect(readDate('2026-03-15')).toBe('2026-03-15');
    expect(readDate('31-02-2026')).toBeUndefined();
    expect(readNumber('85%')).toBe(85);
    expect(readNumber('7,5')).toBe(7.5);
    expect(readNumber('')).toBeUndefined();
    const t = messages('nl').interview;
    expect(t.range(0, undefined)).toBe('typ een getal van 0 of hoger');
    expect(t.range(undefined, 10)).toBe('typ een getal tot en met 10');
    expect(t.range(0, 100)).toBe('typ een getal van 0 tot en met 100');
    expect(t.notADate).toBe('typ een datum als 15-03-2026 (of 2026-03-15)');
  });
});

describe.skipIf(!hasTmux)('kader interview input in a terminal (#17)', () => {
  it('skips an optional question on Enter, reads 85% and 15-03-2026, navigates from a multi list, asks what "Anders" is', async () => {
    const dir = tempDir();
    // The test framework with an "Anders" choice added to its last question.
    const framework = join(dir, 'kader.yaml');
    const text = readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8')
      .replace('$schema=../../../schemas/', `$schema=${join(FIXTURES, '..', '..', 'schemas')}/`)
      .replace('- { value: ambtenaar, label: Beleidsmedewerker }', '- { value: ambtenaar, label: Beleidsmedewerker }\n              - { value: anders, label: Anders }');
    writeFileSync(framework, text);
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', framework, '--gemeente', 'Testdorp', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${framework} --respondent teamleider`);

    await waitFor('? [1/5] Beoordeelt het team');
    keys('Down', 'Enter'); // Voldoet gedeeltelijk
    await waitFor('? Notitie (Enter = geen)');
    keys('Enter');
    await waitFor('Welk bewijs is gezien?');
    keys('Enter');
    // The multi list: navigation is no tick box; Enter with nothing ticked opens it.
    let shown = await waitFor('Wat ontbreekt er?');
    expect(shown).toContain('niets aangevinkt + ⏎: terug, overslaan, thema, respondent of pauze');
    expect(shown).not.toMatch(/◯ Terug|◯ Pauzeren/);
    keys('Enter');
    shown = await waitFor('? Niets aangevinkt. Wat wil je?');
    expect(shown).toContain('Overslaan (blijft open)');
    keys('Enter'); // Toch iets aanvinken
    await waitFor(/\? \[2\/\d\] Wat ontbreekt er\?(?![\s\S]*Niets aangevinkt\. Wat wil je\?\s*$)/);
    keys('a', 'Enter'); // "alles" ticks the two answers, nothing else
    // An optional text question: Enter skips it.
    shown = await waitFor('Toelichting (Enter = overslaan,');
    keys('Enter');
    await waitFor('Stuurt de gemeente op termijnen?');
    keys('Down', 'Enter'); // deels
    await waitFor(/Notitie \(Enter = geen\)\s*$/m);
    keys('Enter');
    await waitFor('Welk percentage is op tijd?');
    keys('85%', 'Enter');
    await waitFor('Is er een convenant?');
    keys('Enter'); // Ja
    await waitFor('Sinds wanneer?');
    keys('15-03-2026', 'Enter');
    await waitFor('Wie stuurt?');
    keys('Down', 'Down', 'Enter'); // Anders
    await waitFor('? Wat anders?');
    keys('De burgemeester', 'Enter');
    expect(await waitFor('EXIT=')).toContain('EXIT=0');

    const saved = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(saved).toMatch(/TK-T1-01b: \{ value: \[ instrument, tijd \], respondent: teamleider/);
    expect(saved).not.toContain('TK-T1-01c');
    expect(saved).toMatch(/TK-T2-01b: \{ value: 85, respondent: teamleider/);
    expect(saved).toMatch(/TK-T2-01d: \{ value: "2026-03-15", respondent: teamleider/);
    expect(saved).toMatch(/TK-T2-01e: \{ value: anders, note: De burgemeester, respondent: teamleider/);
  }, 60_000);
});

describe.skipIf(!hasTmux)('narrow terminals (#17 item 12)', () => {
  it('wraps the criterion text on word boundaries at 40 columns', async () => {
    const dir = tempDir();
    const framework = join(FIXTURES, 'frameworks', 'valid.yaml');
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', framework, '--gemeente', 'Testdorp', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${framework} --respondent teamleider`, 40);
    await waitFor('Beoordeelt het team');
    // Without -J: the lines as the terminal shows them, so a mid-word cut would be visible.
    const lines = tmux('capture-pane', '-p', '-t', 'k').split('\n');
    const description = 'Wat goed is: Bij elke casus beoordeelt het team de veiligheid bij de start.';
    const start = lines.findIndex((l) => l.startsWith('Wat goed is:'));
    const shown = lines.slice(start, start + 3);
    expect(shown.every((l) => l.length <= 40)).toBe(true);
    // Every visible line ends at a whole word: joined with spaces, the text comes back.
    expect(shown.join(' ').replace(/\s+/g, ' ').trim().startsWith(description)).toBe(true);
    keys('C-c');
    await waitFor('EXIT=');
  }, 30_000);
});

/**
 * kader form and kader import: a questionnaire written by kader, filled in by a respondent with
 * another xlsx library (SheetJS, test/support/respondent.ts), read back all or nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Session } from '../src/session/types.js';
import { kader, ROOT, tempDir } from './helpers.js';
import { fillForm, labelsOf, type Fill } from './support/respondent.js';

const WAV = join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml');
const ANSWERS = parse(readFileSync(join(ROOT, 'examples', 'voorbeeld-antwoorden.yaml'), 'utf8')) as Record<string, unknown>;
const label = labelsOf(WAV);

/** The whole zelfscan of the examples, as a respondent types it. */
function everything(extra: Fill['questions'] = {}): Fill {
  return {
    cover: { team: 'Sociaal wijkteam Centrum', date: { date: '2026-11-20' } },
    questions: { ...Object.fromEntries(Object.entries(ANSWERS).map(([id, value]) => [id, { answer: label(id, value) }])), ...extra },
  };
}

function makeForm(dir: string, args: string[] = []): string {
  const form = join(dir, 'vragenlijst.xlsx');
  const made = kader(['form', 'werken-aan-veiligheid', '--gemeente', 'Voorbeeldgemeente', '--respondent', 'wijkteammedewerker', '-o', form, ...args]);
  expect(made).toMatchObject({ code: 0, stderr: '' });
  return form;
}

const readSession = (path: string) => parse(readFileSync(path, 'utf8')) as Session;
const values = (session: Session) => Object.fromEntries(Object.entries(session.answers).map(([id, a]) => [id, a.value]));

describe('kader form → a respondent → kader import', () => {
  it('gives back a session with the same answers, which passes kader check', () => {
    const dir = tempDir();
    const form = makeForm(dir);
    const filled = join(dir, 'ingevuld.xlsx');
    fillForm(form, filled, everything({ 'WAV-V-01a': { answer: 'Voldoet', note: 'Besproken in het teamoverleg.', evidence: 'Visiedocument 2025; Werkinstructie veiligheid' } }));
    const out = join(dir, 'sessie.yaml');
    const result = kader(['import', filled, '-o', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`57 antwoorden ingelezen in ${out}. Alle verplichte vragen zijn beantwoord; sessie afgerond: ${out}\n`);
    const session = readSession(out);
    expect(values(session)).toEqual(ANSWERS);
    expect(session.context).toEqual({ gemeente: 'Voorbeeldgemeente', team: 'Sociaal wijkteam Centrum', date: '2026-11-20', interviewers: [], respondents: [{ role: 'wijkteammedewerker' }] });
    expect(session.answers['WAV-V-01a']).toMatchObject({ note: 'Besproken in het teamoverleg.', evidence: ['Visiedocument 2025', 'Werkinstructie veiligheid'], respondent: 'wijkteammedewerker' });
    expect(session.status).toBe('complete');
    expect(kader(['check', out])).toMatchObject({ code: 0 });
  });

  it('reports every problem at its sheet!cell and writes nothing', () => {
    const dir = tempDir();
    const form = makeForm(dir);
    const filled = join(dir, 'fouten.xlsx');
    const { questions } = everything();
    delete questions!['WAV-V-02a'];
    fillForm(form, filled, {
      cover: { date: 'volgende week' },
      questions: {
        ...questions,
        'WAV-V-01a': { answer: 'Voldoet wel' },
        'WAV-V-01b': { answer: '', note: 'Alleen een notitie' },
        'WAV-T-09b': { answer: -3 },
        'WAV-G-04b': { answer: 'veel' },
        'WAV-M-02b': { answer: '31-02-2025' },
        'WAV-T-02c': { answer: 'Bij drukte of een wachtlijst; Iets anders' },
      },
    });
    const out = join(dir, 'sessie.yaml');
    const result = kader(['import', filled, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const at = (cell: string, message: string) => `  ${cell.padEnd(37)}  ${message}`;
    expect(result.stderr).toBe(
      [
        filled,
        at('Voorblad!B17', '"volgende week" is geen datum in de vorm 23-11-2026 of 2026-11-23'),
        at("'WAV-V Visie en gefaseerd'!E5", '"Voldoet wel" is geen antwoord op vraag WAV-V-01a; kies uit: "Voldoet", "Voldoet gedeeltelijk", "Voldoet niet", "Niet van toepassing", "Onbekend"'),
        at("'WAV-V Visie en gefaseerd'!E6", 'vraag WAV-V-01b is verplicht maar niet ingevuld'),
        at("'WAV-V Visie en gefaseerd'!F6", 'er staat een notitie of bewijs bij vraag WAV-V-01b, maar geen antwoord; vul het antwoord in of maak de cel leeg'),
        at("'WAV-V Visie en gefaseerd'!E7", 'vraag WAV-V-02a is verplicht maar niet ingevuld'),
        at(
          "'WAV-T Taken van het lokale team'!E9",
          '"Iets anders" is geen antwoord op vraag WAV-T-02c; kies uit: "Als de hulpvraag over iets anders gaat", "Bij een overdracht van Veilig Thuis", "Bij gezinnen die al bekend zijn", "Bij drukte of een wachtlijst", "Anders"',
        ),
        at("'WAV-T Taken van het lokale team'!E22", '-3 ligt buiten het bereik 0 tot en met … (vraag WAV-T-09b)'),
        at("'WAV-G Regie'!E12", '"veel" is geen getal (vraag WAV-G-04b)'),
        at("'WAV-M Monitoring en effecten'!E8", '"31-02-2025" is geen datum in de vorm 23-11-2026 of 2026-11-23 (vraag WAV-M-02b)'),
        '',
        `kader: ${filled}: 9 problemen; niets ingelezen en niets geschreven`,
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);
  });
});

const TK = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');

/** The small test framework: every question type, with skip logic. */
function tkForm(dir: string, name: string, args: string[] = []): string {
  const form = join(dir, name);
  expect(kader(['form', TK, '--gemeente', 'Testdorp', '-o', form, ...args])).toMatchObject({ code: 0, stderr: '' });
  return form;
}
const TK_FILL: Fill = {
  cover: { role: 'teamleider', date: '20-11-2026' },
  questions: {
    'TK-T1-01a': { answer: 'Voldoet gedeeltelijk', note: 'Niet bij elke casus.' },
    'TK-T1-01b': { answer: 'Tijd; Een instrument' },
    'TK-T1-01c': { answer: 'Te weinig tijd per casus.' },
    'TK-T2-01a': { answer: 'Voldoet' },
    'TK-T2-01c': { answer: 'Ja' },
    'TK-T2-01d': { answer: '1-3-2024' },
    'TK-T2-01e': { answer: 'Beleidsmedewerker' },
  },
};
const TK_VALUES = {
  'TK-T1-01a': 'deels',
  'TK-T1-01b': ['tijd', 'instrument'],
  'TK-T1-01c': 'Te weinig tijd per casus.',
  'TK-T2-01a': 'voldoet',
  'TK-T2-01c': true,
  'TK-T2-01d': '2024-03-01',
  'TK-T2-01e': 'ambtenaar',
};

describe('kader import: several respondents', () => {
  it('forms of several respondents go into kader merge, which keeps where they differ', () => {
    const dir = tempDir();
    const form = tkForm(dir, 'v.xlsx');
    fillForm(form, join(dir, 'a.xlsx'), TK_FILL);
    fillForm(form, join(dir, 'b.xlsx'), { ...TK_FILL, cover: { role: 'wijkteammedewerker', date: { date: '2026-11-21' } }, questions: { ...TK_FILL.questions, 'TK-T2-01a': { answer: 'voldoet-niet' } } });
    for (const who of ['a', 'b']) expect(kader(['import', join(dir, `${who}.xlsx`), '-o', join(dir, `${who}.yaml`), '--framework', TK]).code).toBe(0);
    expect(values(readSession(join(dir, 'a.yaml')))).toEqual(TK_VALUES);
    expect(readSession(join(dir, 'b.yaml')).answers['TK-T2-01a']).toMatchObject({ value: 'voldoet-niet', respondent: 'wijkteammedewerker' });
    const merged = kader(['merge', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-o', join(dir, 'samen.yaml'), '--framework', TK]);
    expect(merged.code).toBe(0);
    const session = readSession(join(dir, 'samen.yaml'));
    expect(session.perspectives?.['TK-T2-01a']?.map((p) => [p.respondent, p.value])).toEqual([
      ['teamleider', 'voldoet'],
      ['wijkteammedewerker', 'voldoet-niet'],
    ]);
  });

  it('--into adds a respondent to a session; a different answer of another respondent stops it, nothing changed', () => {
    const dir = tempDir();
    const form = tkForm(dir, 'v.xlsx');
    fillForm(form, join(dir, 'a.xlsx'), TK_FILL);
    const session = join(dir, 'sessie.yaml');
    expect(kader(['import', join(dir, 'a.xlsx'), '-o', session, '--framework', TK]).code).toBe(0);
    const before = readFileSync(session, 'utf8');

    fillForm(form, join(dir, 'b.xlsx'), { ...TK_FILL, cover: { role: 'wijkteammedewerker', date: '2026-11-21' }, questions: { ...TK_FILL.questions, 'TK-T2-01a': { answer: 'Voldoet niet' } } });
    const refused = kader(['import', join(dir, 'b.xlsx'), '--into', session, '--framework', TK]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[1]).toBe(
      `  'T2 Regie'!E5  vraag TK-T2-01a is in de sessie al anders beantwoord door "teamleider"; lees deze vragenlijst in als eigen sessie (-o) en voeg samen met kader merge`,
    );
    expect(readFileSync(session, 'utf8')).toBe(before);

    fillForm(form, join(dir, 'c.xlsx'), { ...TK_FILL, cover: { role: 'wijkteammedewerker', date: '2026-11-21' }, questions: { 'TK-T1-01a': { answer: 'Voldoet gedeeltelijk' }, 'TK-T1-01b': { answer: 'tijd;instrument' }, 'TK-T2-01a': { answer: 'Voldoet' }, 'TK-T2-01c': { answer: 'Ja' }, 'TK-T2-01d': { answer: { date: '2024-03-01' } }, 'TK-T2-01e': { answer: 'ambtenaar' } } });
    const added = kader(['import', join(dir, 'c.xlsx'), '--into', session, '--framework', TK]);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const after = readSession(session);
    expect(after.context.respondents).toEqual([{ role: 'teamleider' }, { role: 'wijkteammedewerker' }]);
    // Alike answers stay the first respondent's; no answer of theirs is overwritten.
    expect(after.answers['TK-T1-01a']).toMatchObject({ value: 'deels', respondent: 'teamleider', note: 'Niet bij elke casus.' });
  });
});

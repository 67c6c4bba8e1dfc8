/**
 * kader form and kader import: a questionnaire written by kader, filled in by a respondent with
 * another xlsx library (SheetJS, test/support/respondent.ts), read back all or nothing.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { parse } from 'yaml';
import type { Session } from '../src/session/types.js';
import { kader, ROOT, tempDir } from './helpers.js';
import { fillForm, labelsOf, type Fill } from './support/respondent.js';


// Each test spawns kader a few times (and LibreOffice): on a busy machine that takes well over the default 20 s.
vi.setConfig({ testTimeout: 120_000 });
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
    expect(result.stdout).toBe(`84 antwoorden ingelezen in ${out}. Alle verplichte vragen zijn beantwoord; sessie afgerond: ${out}\n`);
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
        at('Voorblad!B20', '"volgende week" is geen datum in de vorm 23-11-2026 of 2026-11-23'),
        at("'WAV-V Visie en gefaseerd'!E5", '"Voldoet wel" is geen antwoord op vraag WAV-V-01a; kies uit: "Voldoet", "Voldoet gedeeltelijk", "Voldoet niet", "Niet van toepassing", "Onbekend"'),
        at("'WAV-V Visie en gefaseerd'!E7", 'vraag WAV-V-01b is verplicht maar niet ingevuld'),
        at("'WAV-V Visie en gefaseerd'!F7", 'er staat een notitie of bewijs bij vraag WAV-V-01b, maar geen antwoord; vul het antwoord in of maak de cel leeg'),
        at("'WAV-V Visie en gefaseerd'!E8", 'vraag WAV-V-02a is verplicht maar niet ingevuld'),
        at(
          "'WAV-T Taken van het lokale team'!E13",
          '"Iets anders" is geen antwoord op vraag WAV-T-02c; kies uit: "Als de hulpvraag over iets anders gaat", "Bij een overdracht van Veilig Thuis", "Bij gezinnen die al bekend zijn", "Bij drukte of een wachtlijst", "Anders"',
        ),
        at("'WAV-T Taken van het lokale team'!E31", '-3 ligt buiten het bereik 0 tot en met … (vraag WAV-T-09b)'),
        at("'WAV-G Regie'!E14", '"veel" is geen getal (vraag WAV-G-04b)'),
        at("'WAV-M Monitoring en effecten'!E10", '"31-02-2025" is geen datum in de vorm 23-11-2026 of 2026-11-23 (vraag WAV-M-02b)'),
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

describe('kader import: versions, review rounds, language, privacy', () => {
  it('a form of an earlier version: offers the migration, and --migrate carries the answers over', () => {
    const dir = tempDir();
    const form = tkForm(dir, 'v1.xlsx');
    fillForm(form, join(dir, 'ingevuld.xlsx'), TK_FILL);
    // Version 2.0: TK-T1-01a renamed, with the step that says so.
    const v2 = readFileSync(TK, 'utf8').replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z');
    writeFileSync(join(dir, 'v2.yaml'), `${v2}migrations:\n  - from: "1.0"\n    ids: { TK-T1-01a: TK-T1-01z }\n`);
    const out = join(dir, 'sessie.yaml');
    const offered = kader(['import', join(dir, 'ingevuld.xlsx'), '-o', out, '--framework', join(dir, 'v2.yaml')]);
    expect(offered.code).toBe(1);
    expect(offered.stderr.split('\n')[1]).toBe(
      '  kader!B3  deze vragenlijst is van versie 1.0 van kwaliteitskader "test-kader"; het kwaliteitskader is nu versie 2.0. Er is een migratiestap: importeer opnieuw met --migrate om de antwoorden om te zetten',
    );
    expect(existsSync(out)).toBe(false);
    const migrated = kader(['import', join(dir, 'ingevuld.xlsx'), '-o', out, '--framework', join(dir, 'v2.yaml'), '--migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toBe('kader: de vragenlijst van versie 1.0 is omgezet naar versie 2.0 volgens migrations: in het kwaliteitskader\n');
    const session = readSession(out);
    expect(session.framework.version).toBe('2.0');
    expect(session.answers['TK-T1-01z']?.value).toBe('deels');
    expect(kader(['check', out, '--framework', join(dir, 'v2.yaml')]).code).toBe(0);

    // Without a step from 1.0 there is nothing to offer: a new form is the way.
    writeFileSync(join(dir, 'v3.yaml'), readFileSync(TK, 'utf8').replace('version: "1.0"', 'version: "3.0"'));
    const none = kader(['import', join(dir, 'ingevuld.xlsx'), '-o', out.replace('.yaml', '-3.yaml'), '--framework', join(dir, 'v3.yaml')]);
    expect(none.stderr.split('\n')[1]).toBe(
      '  kader!B3  deze vragenlijst is van versie 1.0 van kwaliteitskader "test-kader"; het kwaliteitskader is nu versie 3.0 en heeft geen migratiestap vanaf 1.0. Maak een nieuwe vragenlijst met kader form test-kader',
    );
  });

  it('never carries answers unless asked: --prefill fills one session in for a review round', () => {
    const dir = tempDir();
    const session = join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');
    const blank = makeForm(dir);
    const review = join(dir, 'review.xlsx');
    expect(kader(['form', 'werken-aan-veiligheid', '--prefill', session, '--respondent', 'teamleider', '-o', review]).code).toBe(0);
    // Read with SheetJS: the blank form has no answer at all, the review form every answer of the session.
    const answersIn = (file: string) => {
      const book = XLSX.read(readFileSync(file));
      return book.SheetNames.slice(1, -2).flatMap((name) => Object.entries(book.Sheets[name]!).filter(([a, c]) => /^[EFG]\d+$/.test(a) && Number(a.slice(1)) >= 5 && c.v !== '' && c.v !== undefined));
    };
    expect(answersIn(blank)).toEqual([]);
    expect(answersIn(review).length).toBeGreaterThanOrEqual(57);
    // It holds the session's answers and notes: as private as the session file.
    expect(statSync(review).mode & 0o777).toBe(0o600);
    fillForm(review, join(dir, 'terug.xlsx'), { cover: { date: '2026-11-27' } });
    const out = join(dir, 'sessie.yaml');
    expect(kader(['import', join(dir, 'terug.xlsx'), '-o', out]).code).toBe(0);
    const original = readSession(session);
    expect(values(readSession(out))).toEqual(values(original));
    expect(readSession(out).context.gemeente).toBe('Voorbeeldgemeente');
  });

  it('--lang en: an English form with English yes/no, read back whatever the reader’s language', () => {
    const dir = tempDir();
    const form = tkForm(dir, 'en.xlsx', ['--lang', 'en']);
    const book = XLSX.read(readFileSync(form));
    expect(book.SheetNames).toEqual(['Cover', 'T1 Veiligheid', 'T2 Regie', 'Lists', 'kader']);
    expect(book.Sheets['T2 Regie']!.A4?.v).toBe('No');
    fillForm(form, join(dir, 'filled.xlsx'), { ...TK_FILL, questions: { ...TK_FILL.questions, 'TK-T2-01c': { answer: 'No' } } });
    const out = join(dir, 'session.yaml');
    expect(kader(['import', join(dir, 'filled.xlsx'), '-o', out, '--framework', TK]).code).toBe(0);
    expect(readSession(out).answers['TK-T2-01c']?.value).toBe(false);
  });

  it('checks imported text for personal data like typed text: a warning with the cell, the answers kept', () => {
    const dir = tempDir();
    const form = tkForm(dir, 'v.xlsx');
    fillForm(form, join(dir, 'ingevuld.xlsx'), { ...TK_FILL, questions: { ...TK_FILL.questions, 'TK-T1-01a': { answer: 'Voldoet', note: 'Gebeld met moeder, 06-12345678' } } });
    const result = kader(['import', join(dir, 'ingevuld.xlsx'), '-o', join(dir, 's.yaml'), '--framework', TK]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("kader: let op: 'T1 Veiligheid'!F5 (TK-T1-01a, notitie) bevat mogelijk persoonsgegevens (telefoonnummer); beschrijf de werkwijze, niet de cliënt\n");
    expect(kader(['check', join(dir, 's.yaml'), '--framework', TK, '--privacy']).code).toBe(1);
  });

  it('refuses what is not a form, with one sentence', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leeg.xlsx'), 'geen zip');
    expect(kader(['import', join(dir, 'leeg.xlsx'), '-o', join(dir, 's.yaml')])).toMatchObject({ code: 1, stderr: `kader: ${join(dir, 'leeg.xlsx')} is geen leesbaar xlsx-werkboek\n` });
    const other = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(other, XLSX.utils.aoa_to_sheet([['begroting']]), 'Blad1');
    writeFileSync(join(dir, 'ander.xlsx'), XLSX.write(other, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(kader(['import', join(dir, 'ander.xlsx'), '-o', join(dir, 's.yaml')])).toMatchObject({
      code: 1,
      stderr: `kader: ${join(dir, 'ander.xlsx')} is geen vragenlijst van kader (het verborgen tabblad "kader" ontbreekt); maak een nieuwe met kader form\n`,
    });
    expect(kader(['import', join(dir, 'ander.xlsx')])).toMatchObject({ code: 2, stderr: 'kader: geef -o sessie.yaml voor een nieuwe sessie, of --into sessie.yaml om aan een bestaande toe te voegen\n' });
    expect(kader(['form', 'werken-aan-veiligheid'])).toMatchObject({ code: 2, stderr: 'kader: een vragenlijst gaat naar een bestand: geef -o vragenlijst.xlsx\n' });
    expect(kader(['form', 'werken-aan-veiligheid', '--theme', 'WAV-X', '-o', join(dir, 'v.xlsx')])).toMatchObject({ code: 2, stderr: 'kader: thema "WAV-X" bestaat niet; kies uit: WAV-V, WAV-T, WAV-E, WAV-O, WAV-G, WAV-M\n' });
  });
});

describe('examples/ questionnaires', () => {
  it('match what the code produces, byte for byte (regenerate with npm run examples)', async () => {
    // @ts-expect-error: a plain ES module script without types
    const { generateFormExamples } = (await import('../scripts/examples.mjs')) as { generateFormExamples: () => Promise<Record<string, Uint8Array>> };
    const files = await generateFormExamples();
    expect(Object.keys(files).sort()).toEqual(['examples/vragenlijst-voorbeeldgemeente-ingevuld.xlsx', 'examples/vragenlijst-voorbeeldgemeente.xlsx']);
    for (const [path, content] of Object.entries(files)) expect(Buffer.compare(readFileSync(join(ROOT, path)), Buffer.from(content)), path).toBe(0);
  });

  it('the returned questionnaire reads back as the measurement it came from', () => {
    const dir = tempDir();
    const out = join(dir, 'sessie.yaml');
    const result = kader(['import', join(ROOT, 'examples', 'vragenlijst-voorbeeldgemeente-ingevuld.xlsx'), '-o', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(values(readSession(out))).toEqual(values(readSession(join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml'))));
    expect(readSession(out).context).toMatchObject({ gemeente: 'Voorbeeldgemeente', team: 'Sociaal wijkteam Centrum', date: '2026-11-20', respondents: [{ role: 'wijkteammedewerker' }] });
  });
});

describe('kader import: a zip bomb', () => {
  it('is refused from the sizes in the zip directory, before anything is unpacked', () => {
    const dir = tempDir();
    const bytes = Buffer.from(readFileSync(join(ROOT, 'examples', 'vragenlijst-voorbeeldgemeente.xlsx')));
    // Declare 2 GB for the first entry in the central directory.
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = bytes.readUInt32LE(end + 16);
    bytes.writeUInt32LE(0x7fffffff, first + 24);
    writeFileSync(join(dir, 'bom.xlsx'), bytes);
    expect(kader(['import', join(dir, 'bom.xlsx'), '-o', join(dir, 's.yaml')])).toMatchObject({
      code: 1,
      stderr: `kader: ${join(dir, 'bom.xlsx')} zou uitgepakt groter zijn dan 100 MB; zo groot is geen vragenlijst\n`,
    });
  });
});

describe('kader import: broken files', () => {
  it('answers each with one sentence naming the file, exit 1 or 2, no stack trace', () => {
    const dir = tempDir();
    const files: Record<string, string | Buffer> = {
      'leeg.xlsx': '',
      'binair.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x10]),
      'groot.xlsx': Buffer.alloc(11 * 1024 * 1024),
      'leeg.csv': '',
      'latin1.csv': Buffer.from('caf\xe9;x\n', 'latin1'),
      'vragenlijst.ods': 'x',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    for (const name of [...Object.keys(files), 'weg.xlsx']) {
      const result = kader(['import', join(dir, name), '-o', join(dir, 's.yaml')]);
      expect([1, 2], `${name}: ${result.stderr}`).toContain(result.code);
      expect(result.stderr, name).toMatch(new RegExp(`^kader: .*${name.replace('.', '\\.')}[^\\n]*\\n$`));
      expect(existsSync(join(dir, 's.yaml'))).toBe(false);
    }
  });
});

describe('the form model (pure)', () => {
  it('shows the framework’s provenance and a criterion’s basis when the framework states them', async () => {
    const { buildFormModel } = await import('../src/form/model.js');
    const { validateFrameworkText } = await import('../src/framework/validate.js');
    const { nl } = await import('../src/i18n/nl.js');
    const framework = validateFrameworkText('valid.yaml', readFileSync(TK, 'utf8'), nl).framework!;
    delete framework.provenance; // the fixture states it; a framework without it shows none
    const plain = buildFormModel(framework, { digest: 'sha256-x', lang: 'nl' }, nl);
    expect(plain.cover.some((l) => l.text === nl.form.provenanceTitle)).toBe(false);
    // The provenance fields the framework format is getting, read as optional.
    const withProvenance = structuredClone(framework) as typeof framework & { provenance: object };
    withProvenance.provenance = { status: 'reconstruction', disclaimer: 'Geen officiële tekst; controleer voor gebruik.' };
    (withProvenance.themes[0]!.criteria[0] as object as { basis: string }).basis = 'interpretation';
    const model = buildFormModel(withProvenance, { digest: 'sha256-x', lang: 'nl' }, nl);
    const cover = model.cover.map((l) => l.text);
    expect(cover.slice(3, 6)).toEqual(['Herkomst van de tekst', 'reconstructie: in eigen woorden, naar wat openbaar bekend is', 'Geen officiële tekst; controleer voor gebruik.']);
    expect(model.sheets[0]!.rows[0]!.criterionText).toBe('TK-T1-01 Veiligheid wordt bij de start beoordeeld\n(kritiek: veiligheid voorop)\nGrondslag: eigen interpretatie');
  });

  it('says skip logic in words with the labels the respondent sees, and keeps sheet names within Excel’s rules', async () => {
    const { buildFormModel } = await import('../src/form/model.js');
    const { validateFrameworkText } = await import('../src/framework/validate.js');
    const { nl } = await import('../src/i18n/nl.js');
    const framework = validateFrameworkText('valid.yaml', readFileSync(TK, 'utf8'), nl).framework!;
    const rows = buildFormModel(framework, { digest: 'd', lang: 'nl' }, nl).sheets.flatMap((s) => s.rows);
    const required = Object.fromEntries(rows.map((r) => [r.question.id, r.requiredText]));
    expect(required).toMatchObject({
      'TK-T1-01a': 'ja',
      'TK-T1-01b': 'alleen invullen als u bij TK-T1-01a "Voldoet gedeeltelijk" of "Voldoet niet" koos',
      'TK-T1-01c': 'nee; alleen invullen als u bij TK-T1-01b "Tijd" koos of niet: TK-T1-01a hebt ingevuld',
      'TK-T2-01b': 'alleen invullen als u bij TK-T2-01a "Voldoet gedeeltelijk" koos en TK-T1-01a hebt ingevuld',
    });
    const long = structuredClone(framework);
    long.themes[1]!.title = 'Regie: [opdrachtgeverschap] en sturing op/door de gemeente?';
    long.themes.push(structuredClone(long.themes[1]!));
    const names = buildFormModel(long, { digest: 'd', lang: 'nl' }, nl).sheets.map((s) => s.name);
    expect(names).toEqual(['T1 Veiligheid', 'T2 Regie opdrachtgeverschap', 'T2 Regie opdrachtgeverscha (2)']);
    for (const name of names) expect(name).toMatch(/^[^[\]:*?/\\']{1,31}$/);
  });
});

describe('kader form: layout and choice of questions', () => {
  it('freezes the heading rows, sets column widths and A4 landscape, protects each sheet (read from the sheet XML)', async () => {
    const { default: JSZip } = await import('jszip');
    const dir = tempDir();
    const form = makeForm(dir);
    const zip = await JSZip.loadAsync(readFileSync(form));
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheet).toMatch(/<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"\/>/);
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].flatMap((m) => Array<number>(Number(m[2]) - Number(m[1]) + 1).fill(Number(m[3])));
    expect(widths).toEqual([10, 24, 38, 38, 20, 30, 22, 18]);
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;WAV-V Visie en gefaseerd&apos;!\$4:\$4<\/definedName>/);
    expect([...workbook.matchAll(/<sheet sheetId="\d+" name="([^"]+)" state="hidden"/g)].map((m) => m[1])).toEqual(['Keuzelijsten', 'kader']);
  });

  it('--theme and --audience narrow the form, and import checks only the questions in it', () => {
    const dir = tempDir();
    const form = join(dir, 'wijkteam.xlsx');
    const made = kader(['form', 'werken-aan-veiligheid', '--theme', 'WAV-G', '--audience', 'gemeente', '--gemeente', 'Voorbeeldgemeente', '--respondent', 'beleidsmedewerker', '-o', form]);
    expect(made).toMatchObject({ code: 0, stdout: `Vragenlijst geschreven: ${form} (13 vragen op 1 tabblad).\n` });
    const book = XLSX.read(readFileSync(form));
    expect(book.SheetNames).toEqual(['Voorblad', 'WAV-G Regie', 'Keuzelijsten', 'kader']);
    const ids = Object.entries(ANSWERS).filter(([id]) => id.startsWith('WAV-G-'));
    fillForm(form, join(dir, 'ingevuld.xlsx'), { cover: { date: '2026-11-20' }, questions: Object.fromEntries(ids.map(([id, v]) => [id, { answer: label(id, v) }])) });
    const out = join(dir, 'sessie.yaml');
    const result = kader(['import', join(dir, 'ingevuld.xlsx'), '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${ids.length} antwoorden ingelezen in ${out}. Nog 60 verplichte vragen open.\n`);
    expect(values(readSession(out))).toEqual(Object.fromEntries(ids));
  });
});

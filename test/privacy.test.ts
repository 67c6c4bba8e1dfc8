import { describe, expect, it } from 'vitest';
import { findPersonalData, passesElfproef, passesIbanCheck, redact } from '../src/privacy/detect.js';
import { DETECTORS } from '../src/privacy/patterns.js';
import { LONG_RUNS } from './support/long-runs.js';

const kinds = (text: string) => findPersonalData(text).map((h) => `${h.kind}:${h.text}`);

describe('personal data detection', () => {
  it.each([
    ['BSN 111222333 van moeder', ['bsn:111222333']],
    ['bsn: 123.456.782', ['bsn:123.456.782']],
    ['tel 06-12345678', ['phone:06-12345678']],
    ['bel 06 12 34 56 78', ['phone:06 12 34 56 78']],
    ['+31 6 1234 5678', ['phone:+31 6 1234 5678']],
    ['vader: 010-1234567', ['phone:010-1234567']],
    ['mail j.jansen@example.nl', ['email:j.jansen@example.nl']],
    ['IBAN NL91 ABNA 0417 1643 00', ['iban:NL91 ABNA 0417 1643 00']],
    ['woont op 1234 AB 12', ['postcode:1234 AB 12']],
    ['Dorpsstraat 12, 1234 AB Utrecht', ['address:Dorpsstraat 12', 'postcode:12, 1234 AB']],
    // Issue 16 item 16: shapes that were missed.
    ['bel (020) 123 4567', ['phone:(020) 123 4567']],
    ['vader 06 - 12345678', ['phone:06 - 12345678']],
    ['nummer 06.12.34.56.78', ['phone:06.12.34.56.78']],
    ['zus (0318) 12 34 56', ['phone:(0318) 12 34 56']],
    ['+31 (0)6 23456781', ['phone:+31 (0)6 23456781']],
    ['bsn 111-222-333', ['bsn:111-222-333']],
    ['verhuisd naar 9712 ab 103', ['postcode:9712 ab 103']],
    ['adres 5611 EF, 22A', ['postcode:5611 EF, 22A']],
    ['het gezin woont aan de Kerkstraat 12', ['address:Kerkstraat 12']],
    ['vader woont Lindenlaan 45b', ['address:Lindenlaan 45b']],
    ['op de Havenkade 31 II', ['address:Havenkade 31 II']],
    ['geb. 12-03-2015', ['birthdate:geb. 12-03-2015']],
    ['dochter geb. 12-03-15', ['birthdate:geb. 12-03-15']],
    ["geboren 1-4-'09", ["birthdate:geboren 1-4-'09"]],
    ["moeder geboren '92", ["birthdate:geboren '92"]],
    ['oma (geb. 1948)', ['birthdate:geb. 1948']],
    ['geboren in juni 2024', ['birthdate:geboren in juni 2024']],
    ['Geb.datum kind 2: 09-09-2019', ['birthdate:Geb.datum kind 2: 09-09-2019']],
    // A BSN word anywhere near overrules a case-number word.
    ['in het dossier staat bsn 852.266.716', ['bsn:852.266.716']],
    ['geboren op 12-03-2015', ['birthdate:geboren op 12-03-2015']],
    ['geb. 3 maart 2016', ['birthdate:geb. 3 maart 2016']],
  ])('finds it in %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'nummer 123456789', // nine digits that fail the elfproef: no BSN
    'NL91ABNA0417164301', // IBAN with a wrong check digit
    'evaluatie op 12-03-2026', // a date without a word that makes it a birthday
    'in 2019 zagen we 25 dossiers in 14 gemeenten',
    '90% binnen 5 werkdagen, 80% binnen 10 weken',
    'versie 2019.1, kader WAV-T-02a',
    'zaaknummer 2024-0012345',
    'postcode 1234 AB zonder huisnummer',
    'Veilig Thuis is bereikbaar via 0800-2000',
    // Issue 16 item 17: false alarms.
    'in 2024 VT 12 keer gebeld',
    'In 2023 AB 5 gezinnen opnieuw aangemeld',
    'sinds 2019 WT 3 keer per jaar',
    'tussen 2019 en 2023 gestegen',
    'zaaknummer 111222333',
    'het registratienummer van de aanvraag is 123456782',
    'EUR 123.456.782',
    '€ 111.222.333',
    'in totaal 123.456.782 euro',
    'adviesnummer 088-2223344 van Veilig Thuis',
    'het kantoor van Veilig Thuis aan de Stationsstraat 12 gaat dicht',
    'de arbeidsmarkt 2024 was krap',
    'op 01-02-2025 10.00 uur overleg',
    'kinderen geboren tussen 2010 en 2015',
    'Antwoord 3 is onduidelijk, Akkoord 2 ook',
    'het team in Schiedam 4 heeft een vacature',
  ])('leaves %j alone', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('checks the elfproef and the IBAN check digits', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
    expect(passesIbanCheck('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164301')).toBe(false);
  });

  it('redacts every hit and keeps the rest of the sentence', () => {
    expect(redact('Moeder (BSN 111222333) belt vanaf 06-12345678.', (k) => `[weg: ${k}]`)).toBe('Moeder (BSN [weg: bsn]) belt vanaf [weg: phone].');
  });
});

describe('linear time by construction (issue 16 item 8)', () => {
  /** A pattern's source without escapes and character classes, where `+` and `*` are literal. */
  const structure = (source: string) => source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');

  it.each(DETECTORS.map((d) => [d.kind, d.pattern] as const))('the %s pattern has no unbounded quantifier and starts with a look-behind', (_kind, pattern) => {
    const shape = structure(pattern.source);
    expect(shape).not.toMatch(/[*+]|\{\d+,\}/);
    expect(pattern.source.startsWith('(?<!')).toBe(true);
  });

  it('answers on long runs of each pattern’s characters (200,000 characters each)', () => {
    for (const [name, text] of Object.entries(LONG_RUNS)) expect(findPersonalData(text), name).toEqual([]);
    // Many hits in one text are sorted and sifted once, not compared pairwise.
    expect(findPersonalData('0612345678 '.repeat(18_000))).toHaveLength(18_000);
  });
});

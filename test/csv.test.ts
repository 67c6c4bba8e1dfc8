import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../src/report/csv.js';
import { kader, tempDir } from './helpers.js';

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+31 6', '-2+3', '@cmd', '\tx', '\rx', 'veilig', '2027-01-01'].map(neutralise)).toEqual([
      "'=SUM(A1)",
      "'+31 6",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
      'veilig',
      '2027-01-01',
    ]);
  });

  it('quotes per RFC 4180, with a BOM and CRLF, numbers left as numbers', () => {
    expect(toCsv([['a;b', 'zei "ja"', 'regel\nregel', -5, null, '=1+1']], ';')).toBe('\uFEFF"a;b";"zei ""ja""";"regel\nregel";-5;;\'=1+1\r\n');
    expect(toCsv([['a;b', 'c,d']], ',')).toBe('\uFEFFa;b,"c,d"\r\n');
  });

  it('kader report --format csv: the action plan and the scores, for Dutch Excel with ;', () => {
    const dir = tempDir();
    const session = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';
    expect(kader(['report', session, '--format', 'csv', '--separator', ';', '-o', join(dir, 'acties.csv')]).code).toBe(0);
    const actions = readFileSync(join(dir, 'acties.csv'), 'utf8').split('\r\n');
    expect(actions[0]).toBe('\uFEFFNr;Criterium;Titel;Wat;Wie;Wanneer;Prioriteit;Hoe weten we dat het werkt;Status');
    expect(actions[1]).toMatch(/^A2;WAV-T-09;Melden bij Veilig Thuis volgens stap 5 van de meldcode;.*;aandachtsfunctionaris;2027-02-01;hoog;.*;open$/);
    const scores = kader(['report', session, '--format', 'csv', '--table', 'scores']).stdout.split('\r\n');
    expect(scores[0]).toBe('\uFEFFThema,Criterium,Titel,Uitkomst,Score,Kritiek,Gewicht,Rust op');
    expect(scores).toHaveLength(32 + 2); // header, 32 criteria, final line end
    expect(scores[1]).toBe('WAV-V Visie en gefaseerd samenwerken aan veiligheid,WAV-V-01,Een gedeelde visie op veiligheid,voldoet gedeeltelijk,67,nee,2,openbare publicatie');
  });
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kader, ROOT, tempDir } from './helpers.js';
import { generateSession, loadFramework, writeSession, type LoadedFramework } from './support/gemeenten.js';

const WAV = join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml');

interface Model {
  kind: string;
  rows: { gemeente: string; complete: boolean; migratedFrom: string | null; total: { percent: number | null; band: string }; themes: { percent: number | null }[] }[];
  mean: { total: { percent: number | null } };
  criteria: { id: string; tally: Record<string, number> }[];
  improvements: { id: string; count: number; share: number; critical: boolean }[];
  notes: { file: string; reason: string; detail: string | null }[];
}

/** A region of five gemeenten, with the kinds of file a real folder holds. */
function region(wav: LoadedFramework): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'regio', 'oud'), { recursive: true });
  const put = (name: string, options: Parameters<typeof generateSession>[1]) => writeSession(join(dir, 'regio'), name, generateSession(wav, options));
  put('aadorp.yaml', { gemeente: 'Aadorp', quality: 1 });
  put('beekstad.yaml', { gemeente: 'Beekstad', quality: 0 });
  put('oud/beekstad-2025.yaml', { gemeente: 'Beekstad', quality: 1, date: '2025-11-01' });
  put('dijkum.yaml', { gemeente: 'Dijkum', quality: 0.5, seed: 3 });
  put('dijkum-wijkteam.yaml', { gemeente: 'dijkum ', quality: 0.2, seed: 4 });
  put('eemwoude.yaml', { gemeente: 'Eemwoude', quality: 0.7, unanswered: 0.5, seed: 5 });
  put('vlietland.yaml', { gemeente: 'Vlietland', quality: 0.6, seed: 6 });
  writeFileSync(join(dir, 'regio', 'kapot.yaml'), 'kader: 1\nkind: session\nid: x\n');
  return dir;
}

describe('kader aggregate', () => {
  let wav: LoadedFramework;
  beforeAll(() => {
    wav = loadFramework(WAV);
  });

  it('prints the gemeente × theme matrix, the mean, the shared improvement points and what it left out', () => {
    const dir = region(wav);
    const result = kader(['aggregate', 'regio'], { cwd: dir });
    expect(result.code).toBe(1); // the broken file is a finding; the overview is still written
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Regionaal overzicht: Werken aan Veiligheid: zelfscan voor lokale (wijk)teams en gemeenten, gereconstrueerd naar het VNG-Kwaliteitskader',
      '5 gemeenten, versie 2026.1 van het kwaliteitskader',
      "Status van de tekst: reconstructie door het kader-project, geen officiële tekst. Reconstructie door het kader-project: de officiële tekst van de VNG-zelfscan was niet beschikbaar. Thema's, criteria en vragen zijn opgebouwd uit openbare bronnen; per criterium staat waarop het rust. Het is geen tekst van de VNG. Welke criteria kritiek zijn, is een keuze van dit project.",
      '',
      'Gemeente    Datum       Totaal  WAV-V  WAV-T  WAV-E  WAV-O  WAV-G  WAV-M',
    ]);
    expect(lines[5]).toBe('Aadorp      2026-11-20    100%   100%   100%   100%   100%   100%   100%');
    expect(lines[6]).toBe('Beekstad    2026-11-20      0%     0%     0%     0%     0%     0%     0%');
    expect(lines[7]).toMatch(/^dijkum      2026-11-20 /);
    expect(lines[8]).toMatch(/^Eemwoude \* +2026-11-20 +\d+%/);
    expect(lines).toContain('Meest voorkomende verbeterpunten');
    expect(lines).toContain('  regio/oud/beekstad-2025.yaml: vervangen door de nieuwere meting in regio/beekstad.yaml');
    expect(lines).toContain('  regio/dijkum.yaml: zelfde gemeente en datum als regio/dijkum-wijkteam.yaml; dat bestand telt. Voeg respondenten samen met kader merge');
    expect(lines).toContain('  regio/eemwoude.yaml: onvolledig: open vragen tellen niet mee in de scores');
    expect(result.stdout).toMatch(/^ {2}regio\/kapot\.yaml: ongeldig bestand: \d+:\d+ .+$/m);
  });

  it('gives a JSON model whose counts add up per criterion', () => {
    const dir = region(wav);
    const model = JSON.parse(kader(['aggregate', 'regio', '--format', 'json'], { cwd: dir }).stdout) as Model;
    expect(model.kind).toBe('aggregate');
    expect(model.rows.map((r) => r.gemeente)).toEqual(['Aadorp', 'Beekstad', 'dijkum', 'Eemwoude', 'Vlietland']);
    expect(model.rows[0]!.total).toEqual({ id: 'total', percent: 100, band: 'meets', step: 4 });
    expect(model.rows[1]!.total).toEqual({ id: 'total', percent: 0, band: 'not-met', step: 0 });
    const present = model.rows.map((r) => r.total.percent).filter((p): p is number => p !== null);
    expect(model.mean.total.percent).toBe(Math.round(present.reduce((a, b) => a + b, 0) / present.length));
    for (const criterion of model.criteria) {
      expect(Object.values(criterion.tally).reduce((a, b) => a + b, 0)).toBe(5);
    }
    // Beekstad fails every criterion, so every improvement point counts it; none exceeds 5.
    expect(model.improvements.length).toBe(10);
    for (const point of model.improvements) {
      const tally = model.criteria.find((c) => c.id === point.id)!.tally;
      expect(point.count).toBe(tally.partly! + tally['not-met']!);
      expect(point.share).toBe(Math.round((point.count / 5) * 100));
    }
    const counts = model.improvements.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(model.notes.map((n) => [n.file, n.reason])).toEqual([
      ['regio/dijkum.yaml', 'same-date'],
      ['regio/eemwoude.yaml', 'incomplete'],
      ['regio/kapot.yaml', 'invalid'],
      ['regio/oud/beekstad-2025.yaml', 'superseded'],
    ]);
  });

  it('refuses a folder with sessions of two frameworks unless --framework picks one', () => {
    const dir = region(wav);
    const other = loadFramework(join(ROOT, 'frameworks', 'veiligheid-voorop.yaml'));
    writeSession(join(dir, 'regio'), 'vv.yaml', generateSession(other, { gemeente: 'Aadorp' }));
    const mixed = kader(['aggregate', 'regio'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('kader: sessies van meer dan één kwaliteitskader: werken-aan-veiligheid (7), veiligheid-voorop (1); kies er één met --framework\n');
    const picked = JSON.parse(kader(['aggregate', 'regio', '--framework', 'werken-aan-veiligheid', '--format', 'json'], { cwd: dir }).stdout) as Model;
    expect(picked.notes).toContainEqual({ file: 'regio/vv.yaml', gemeente: 'Aadorp', reason: 'other-framework', detail: 'veiligheid-voorop' });
  });

  it('writes CSV for Dutch Excel: BOM, ";" and one row per gemeente', () => {
    const dir = region(wav);
    const csv = kader(['aggregate', 'regio', '--format', 'csv', '--separator', ';'], { cwd: dir }).stdout;
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('\uFEFFGemeente;Datum;afgerond;Totaal;WAV-V Visie en gefaseerd samenwerken aan veiligheid;WAV-T Taken van het lokale team;WAV-E Expertise;WAV-O Organisatie en samenwerking;WAV-G Regie en opdrachtgeverschap van de gemeente;WAV-M Monitoring en effecten');
    expect(rows[1]).toBe('Aadorp;2026-11-20;ja;100;100;100;100;100;100;100');
    expect(rows).toHaveLength(7); // header, five gemeenten, and the empty string after the last CRLF
    const criteria = kader(['aggregate', 'regio', '--format', 'csv', '--table', 'criteria'], { cwd: dir }).stdout.split('\r\n');
    expect(criteria[0]).toBe('\uFEFFThema,Criterium,Titel,Kritiek,voldoet,voldoet gedeeltelijk,voldoet niet,niet van toepassing,onbekend,nog niet beoordeeld');
  });

  it('neutralises a gemeente name a spreadsheet would run as a formula', () => {
    const dir = tempDir();
    writeSession(dir, 'a.yaml', generateSession(wav, { gemeente: '=HYPERLINK("http://x","y")', quality: 1 }));
    const rows = kader(['aggregate', dir, '--format', 'csv', '--separator', ';']).stdout.split('\r\n');
    expect(rows[1]).toBe('"\'=HYPERLINK(""http://x"",""y"")";2026-11-20;ja;100;100;100;100;100;100;100');
  });

  it('writes an HTML heat map without scripts, every score with a word next to its colour', () => {
    const dir = region(wav);
    expect(kader(['aggregate', 'regio', '--format', 'html', '-o', 'overzicht.html'], { cwd: dir }).code).toBe(1);
    const html = readFileSync(join(dir, 'overzicht.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).not.toMatch(/<script|javascript:|https?:\/\//i);
    expect(html).toContain('<th scope="row">Aadorp</th><td class="date">2026-11-20</td><td class="num step-4">100%<span class="band-word">voldoet</span></td>');
    expect(html).toContain('<td class="num step-0">0%<span class="band-word">voldoet niet</span></td>');
    const md = kader(['aggregate', 'regio', '--format', 'md'], { cwd: dir }).stdout;
    expect(md).toContain('| Aadorp | 2026-11-20 | 100% | 100% | 100% | 100% | 100% | 100% | 100% |');
  });

  it('carries older sessions forward with the framework\'s migrations, and lists those it cannot', () => {
    const dir = tempDir();
    const v1Path = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');
    const v1 = loadFramework(v1Path);
    // Version 2.0 renames question TK-T1-01a and knows how to carry 1.0 answers over.
    const v2Text = `${readFileSync(v1Path, 'utf8').replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z')}migrations:\n  - from: "1.0"\n    ids: { TK-T1-01a: TK-T1-01z }\n`;
    writeFileSync(join(dir, 'v2.yaml'), v2Text);
    const v2 = loadFramework(join(dir, 'v2.yaml'));
    mkdirSync(join(dir, 's'));
    writeSession(join(dir, 's'), 'a.yaml', generateSession(v1, { gemeente: 'Aadorp', quality: 1 }));
    writeSession(join(dir, 's'), 'b.yaml', generateSession(v2, { gemeente: 'Beekstad', quality: 1 }));
    const ancient = generateSession(v1, { gemeente: 'Cuijk', quality: 1 });
    ancient.framework.version = '0.5';
    writeSession(join(dir, 's'), 'c.yaml', ancient);
    // An answer that the framework dropped without saying so in its migration: invalid, as check --migrate says.
    const lost = generateSession(v1, { gemeente: 'Dorpum', quality: 1 });
    lost.answers['TK-OUD-9'] = { value: 'ja', at: '2026-11-20T10:00:00Z' };
    writeSession(join(dir, 's'), 'd.yaml', lost);
    const result = kader(['aggregate', 's', '--framework', 'v2.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const model = JSON.parse(result.stdout) as Model;
    expect(model.rows.map((r) => [r.gemeente, r.migratedFrom, r.total.percent])).toEqual([
      ['Aadorp', '1.0', 100],
      ['Beekstad', null, 100],
    ]);
    expect(model.notes.map((n) => [n.file, n.reason, n.detail])).toEqual([
      ['s/a.yaml', 'migrated', '1.0'],
      ['s/c.yaml', 'older-version', '0.5'],
      ['s/d.yaml', 'invalid', 'vraag "TK-OUD-9" bestaat niet in het kwaliteitskader'],
    ]);
    expect(result.stderr).toBe('kader: 2 bestanden niet meegenomen; zie "Niet meegenomen of gemarkeerd"\n');
    expect(kader(['aggregate', 's', '--framework', 'v2.yaml'], { cwd: dir }).stdout).toMatch(/^Aadorp † +2026-11-20/m);
  });

  it('says so when nothing usable is found, and refuses a bad --top', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leeg.yaml'), 'kader: 1\n');
    const none = kader(['aggregate', 'leeg.yaml'], { cwd: dir });
    expect(none.code).toBe(1);
    // With no overview to list it in, the reason a file was left out goes to stderr.
    expect(none.stderr).toBe('kader: leeg.yaml: ongeldig bestand: 1:1 geen bestand voor kader: "kind: session" ontbreekt\nkader: geen bruikbare sessies gevonden\n');
    const top = kader(['aggregate', 'leeg.yaml', '--top', 'nul'], { cwd: dir });
    expect(top.code).toBe(2);
    expect(top.stderr).toBe('kader: --top verwacht een heel getal van 1 tot 9999, niet "nul"\n');
  });

  it('writes json of many gemeenten in pieces to stdout: the same bytes as to a file with -o', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'groot'));
    // Enough rows for more than two 64 kB pieces, names with characters UTF-8 writes in two to four bytes.
    for (let i = 0; i < 150; i++) writeSession(join(dir, 'groot'), `g${i}.yaml`, generateSession(wav, { gemeente: `Súdwest-Fryslân ${i} 🏘️`, seed: i + 1, quality: (i % 10) / 10 }));
    const piped = kader(['aggregate', 'groot', '--format', 'json'], { cwd: dir });
    expect(piped.code).toBe(0);
    expect(Buffer.byteLength(piped.stdout)).toBeGreaterThan(2 * 65536);
    expect(kader(['aggregate', 'groot', '--format', 'json', '-o', 'overzicht.json'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'overzicht.json'), 'utf8')).toBe(piped.stdout);
    const model = JSON.parse(piped.stdout) as Model;
    expect(model.rows.length).toBe(150);
    expect(`${JSON.stringify(model, null, 2)}\n`).toBe(piped.stdout);
    expect(model.rows[0]!.gemeente).toBe('Súdwest-Fryslân 0 🏘️');
  });
});

/**
 * The questionnaire in LibreOffice Calc (Debian's libreoffice-calc-nogui, installed by .ci/run):
 * it opens with its drop-downs, protection and hidden sheets; a form LibreOffice saved, and a
 * CSV export of one of its sheets, read back; and it prints on A4.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { Session } from '../src/session/types.js';
import { kader, ROOT, tempDir } from './helpers.js';
import { fillForm, labelsOf } from './support/respondent.js';


// Each test spawns kader a few times (and LibreOffice): on a busy machine that takes well over the default 20 s.
vi.setConfig({ testTimeout: 240_000 });
const ANSWERS = parse(readFileSync(join(ROOT, 'examples', 'voorbeeld-antwoorden.yaml'), 'utf8')) as Record<string, unknown>;
const label = labelsOf(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'));

/** Headless LibreOffice with its own profile, so parallel runs do not clash; the converted files' names. */
function soffice(dir: string, to: string, file: string, outdir: string): string[] {
  mkdirSync(outdir, { recursive: true });
  const result = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo')).href}`, '--headless', '--convert-to', to, '--outdir', outdir, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  // No skip when LibreOffice is missing: .ci/run installs it, so its absence is a failure to see.
  if (result.error) throw new Error(`soffice did not run (${result.error.message}); install it: apt-get install --no-install-recommends libreoffice-calc-nogui`);
  expect(result.status, result.stderr).toBe(0);
  const made = readdirSync(outdir);
  expect(made.length, `LibreOffice converted nothing: ${result.stdout}${result.stderr}`).toBeGreaterThan(0);
  return made.map((name) => join(outdir, name));
}

function filledForm(dir: string): string {
  const form = join(dir, 'vragenlijst.xlsx');
  expect(kader(['form', 'werken-aan-veiligheid', '--gemeente', 'Voorbeeldgemeente', '--respondent', 'aandachtsfunctionaris', '-o', form]).code).toBe(0);
  const filled = join(dir, 'ingevuld.xlsx');
  fillForm(form, filled, {
    cover: { date: { date: '2026-11-20' } },
    questions: Object.fromEntries(Object.entries(ANSWERS).map(([id, value]) => [id, { answer: label(id, value) }])),
  });
  return filled;
}

const values = (path: string) => Object.fromEntries(Object.entries((parse(readFileSync(path, 'utf8')) as Session).answers).map(([id, a]) => [id, a.value]));

describe('kader form in LibreOffice', () => {
  it('opens with drop-downs from the lists sheet, validation, protected sheets with open answer cells, and hidden sheets', async () => {
    const dir = tempDir();
    const form = join(dir, 'vragenlijst.xlsx');
    expect(kader(['form', 'werken-aan-veiligheid', '-o', form]).code).toBe(0);
    const [ods] = soffice(dir, 'ods', form, join(dir, 'ods'));
    const content = await (await JSZip.loadAsync(readFileSync(ods!))).file('content.xml')!.async('string');
    // The drop-down of a scale question: the list on the hidden sheet, as LibreOffice understood it.
    expect(content).toMatch(/table:condition="of:cell-content-is-in-list\(\[\$Keuzelijsten\.\$A\$1:\.\$A\$5\]\)"/);
    expect(content).toMatch(/table:condition="of:cell-content-is-decimal-number\(\) and cell-content-is-between\(0,100\)"/);
    expect(content).toMatch(/table:condition="of:cell-content-is-date\(\) and cell-content-is-between/);
    // Every sheet protected; the answer cells (and only open cells) unprotected.
    const tables = [...content.matchAll(/<table:table table:name="([^"]+)"[^>]*>/g)];
    expect(tables.map((t) => t[1])).toEqual(['Voorblad', 'WAV-V Visie en gefaseerd', 'WAV-T Taken van het lokale team', 'WAV-E Expertise', 'WAV-O Organisatie', 'WAV-G Regie', 'WAV-M Monitoring en effecten', 'Keuzelijsten', 'kader']);
    for (const [tag] of tables) expect(tag).toContain('table:protected="true"');
    expect(content).toMatch(/style:cell-protect="none"/);
    // Keuzelijsten and kader are hidden: their table style says display false.
    const hiddenStyles = [...content.matchAll(/<style:style style:name="([^"]+)" style:family="table"[^>]*>\s*<style:table-properties[^>]*table:display="false"/g)].map((m) => m[1]);
    const hidden = tables.filter(([tag]) => hiddenStyles.some((s) => tag.includes(`table:style-name="${s}"`))).map((t) => t[1]);
    expect(hidden).toEqual(['Keuzelijsten', 'kader']);
  });

  it('reads back a filled form that LibreOffice saved as .xlsx, with the same answers', () => {
    const dir = tempDir();
    const filled = filledForm(dir);
    const [saved] = soffice(dir, 'xlsx:Calc MS Excel 2007 XML', filled, join(dir, 'lo-xlsx'));
    const out = join(dir, 'sessie.yaml');
    const result = kader(['import', saved!, '-o', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(values(out)).toEqual(ANSWERS);
    expect(kader(['check', out]).code).toBe(0);
  });

  it('reads a CSV export of one sheet; refuses one that is not unambiguously a sheet of a form', () => {
    const dir = tempDir();
    const filled = filledForm(dir);
    // Sheet 3: WAV-T, exported as LibreOffice does (comma, double quotes, UTF-8).
    const [csv] = soffice(dir, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3', filled, join(dir, 'csv'));
    const out = join(dir, 'thema.yaml');
    const result = kader(['import', csv!, '-o', out, '--gemeente', 'Voorbeeldgemeente', '--respondent', 'teamleider', '--date', '2026-11-20']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ antwoorden ingelezen in .*thema\.yaml\. Nog \d+ verplichte vragen open\.\n$/);
    const theme = Object.fromEntries(Object.entries(ANSWERS).filter(([id]) => id.startsWith('WAV-T-')));
    expect(values(out)).toEqual(theme);

    // Semicolons, as Dutch Excel writes, are read too; a CSV without the identification line is not.
    const text = readFileSync(csv!, 'utf8');
    writeFileSync(join(dir, 'puntkomma.csv'), text.replace(/,/g, ';'));
    expect(kader(['import', join(dir, 'puntkomma.csv'), '-o', join(dir, 'b.yaml'), '--gemeente', 'X', '--respondent', 'y']).code).not.toBe(2);
    writeFileSync(join(dir, 'los.csv'), text.split('\n').filter((_l, i) => i !== 1).join('\n'));
    expect(kader(['import', join(dir, 'los.csv'), '-o', join(dir, 'c.yaml'), '--gemeente', 'X', '--respondent', 'y'])).toMatchObject({
      code: 1,
      stderr: `kader: ${join(dir, 'los.csv')}: niet eenduidig; een csv moet één tabblad van een vragenlijst van een kwaliteitskader zijn, met in cel A2 "kader: … · versie … · thema …" en de kolomkoppen op rij 4\n`,
    });
    copyFileSync(csv!, join(dir, 'zonder.csv'));
    expect(kader(['import', join(dir, 'zonder.csv'), '-o', join(dir, 'd.yaml')])).toMatchObject({ code: 2, stderr: 'kader: een csv bevat alleen één tabblad, zonder voorblad: geef --gemeente en --respondent, of --into sessie.yaml\n' });
  });

  it('prints on A4: the cover upright, each theme across, with its column headings', () => {
    const dir = tempDir();
    const form = join(dir, 'vragenlijst.xlsx');
    expect(kader(['form', 'werken-aan-veiligheid', '-o', form]).code).toBe(0);
    const [pdf] = soffice(dir, 'pdf', form, join(dir, 'pdf'));
    const info = (page: number) => spawnSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf!], { encoding: 'utf8' }).stdout;
    expect(info(1)).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info(2)).toMatch(/Page\s+2 size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Vragenlijst: Werken aan Veiligheid');
    expect(text).toMatch(/Nr\s+Criterium\s+Vraag\s+Toelichting\s+Antwoord\s+Notitie\s+Bewijs \(documenten\)\s+Verplicht/);
    // Skip logic in words; the narrow column may break the line after "WAV-", and pdftotext then drops the hyphen.
    const flowing = spawnSync('pdftotext', [pdf!, '-'], { encoding: 'utf8' }).stdout;
    expect(flowing).toMatch(/alleen invullen als u bij WAV-?\s*V-03a\s+"Voldoet gedeeltelijk"\s+of\s+"Voldoet niet"\s+koos/);
  });
});

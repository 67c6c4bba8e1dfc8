/**
 * A verbeterplan is confidential unless the user says it may be made public (issue #23 item
 * 14): the marking stands on the first lines of md, html and docx, in the page header of every
 * Word page and on every printed (PDF) page, and in the JSON model; --no-confidential leaves it
 * out everywhere. What a reader sees is checked with pdftotext and LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kader, tempDir } from './helpers.js';
import { CHROMIUM } from './support/browser.js';

const SESSION = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';
const NL = 'Vertrouwelijk, ook zonder namen: dit verslag beschrijft hoe een gemeente met de veiligheid van inwoners omgaat. Deel het alleen met wie het voor toezicht of verbetering nodig heeft, langs de beveiligde weg van uw organisatie.';

/** The text of each page of a PDF, as pdftotext reads it. */
function pages(pdf: string): string[] {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  return text.stdout.split('\f').filter((page) => page.trim() !== '');
}

describe('kader report marks the plan "vertrouwelijk" unless told otherwise', () => {
  it('md and json: on the first lines, and in the model; --no-confidential leaves it out', () => {
    const md = kader(['report', SESSION]);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n').slice(0, 3)).toEqual(['# Verbeterplan Voorbeeldgemeente', '', `**${NL}**`]);
    const open = kader(['report', SESSION, '--no-confidential']);
    expect(open.stdout).not.toContain('ertrouwelijk');
    expect(open.stdout.split('\n').slice(0, 3)).toEqual(['# Verbeterplan Voorbeeldgemeente', '', 'Uitkomst van de zelfscan of het interview, met de verbeteracties']);
    expect(JSON.parse(kader(['report', SESSION, '--format', 'json']).stdout).confidential).toBe(true);
    expect(JSON.parse(kader(['report', SESSION, '--format', 'json', '--no-confidential']).stdout).confidential).toBe(false);
    expect(kader(['report', SESSION, '--lang', 'en']).stdout).toContain('**Confidential, even without names:');
  });

  it('html: a note above the title and a page-margin mark for print', () => {
    const html = kader(['report', SESSION, '--format', 'html']).stdout;
    expect(html).toContain(`<p class="confidential" role="note">${NL}</p>\n<h1>Verbeterplan Voorbeeldgemeente</h1>`);
    expect(html).toContain('@page { @top-right { content: "Vertrouwelijk";');
    const open = kader(['report', SESSION, '--format', 'html', '--no-confidential']).stdout;
    expect(open).not.toContain('ertrouwelijk');
  });

  const chromium = CHROMIUM;
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  it.skipIf(!chromium || !hasPdftotext)('pdf: every printed page carries the mark', () => {
    const dir = tempDir();
    const out = join(dir, 'plan.pdf');
    expect(kader(['report', SESSION, '--format', 'pdf', '-o', out], { env: { CHROME_PATH: chromium! } }).code).toBe(0);
    const marked = pages(out);
    expect(marked.length).toBeGreaterThan(5);
    for (const page of marked) expect(page.split('\n').slice(0, 3).join('\n')).toMatch(/^\s+Vertrouwelijk$/m);
    const plain = join(dir, 'open.pdf');
    expect(kader(['report', SESSION, '--format', 'pdf', '-o', plain, '--no-confidential'], { env: { CHROME_PATH: chromium! } }).code).toBe(0);
    expect(pages(plain).join('')).not.toContain('ertrouwelijk');
  }, 90_000);

  it('docx: the note on the first page and the mark in the header of every page, as LibreOffice prints it', () => {
    const dir = tempDir();
    expect(kader(['report', SESSION, '--format', 'docx', '-o', join(dir, 'plan.docx')]).code).toBe(0);
    expect(kader(['report', SESSION, '--format', 'docx', '-o', join(dir, 'open.docx'), '--no-confidential']).code).toBe(0);
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.docx'), join(dir, 'open.docx')],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (converted.error) throw new Error(`soffice did not run (${converted.error.message}); install it: apt-get install --no-install-recommends libreoffice-writer-nogui`);
    expect(converted.status, converted.stderr).toBe(0);
    const marked = pages(join(dir, 'plan.pdf'));
    expect(marked.length).toBeGreaterThan(5);
    for (const page of marked) expect(page.split('\n')[0]).toMatch(/^\s+Vertrouwelijk$/);
    expect(marked[0]).toContain('Vertrouwelijk, ook zonder namen');
    // The theme table's narrow column heads break where a Dutch word may (soft hyphens), not
    // anywhere: "gedeelte-/lijk", never "voldo/et" or "Scor/e" (as LibreOffice broke them before).
    expect(marked[0]).toMatch(/Thema +Score +voldoet +voldoet +voldoet +onbe- +niet van +nog niet\n +gedeelte- +niet +kend +toepas- +beoor-\n/);
    expect(marked[0]).not.toMatch(/\b(voldo|Scor)\n|\b(voldo|Scor) /);
    expect(pages(join(dir, 'open.pdf')).join('')).not.toContain('ertrouwelijk');
    expect(readFileSync(join(dir, 'plan.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('compare and aggregate (md, html, pdf) carry it too; their json, csv and terminal text do not', () => {
    const overview = 'Vertrouwelijk, ook zonder namen: dit overzicht beschrijft hoe gemeenten met de veiligheid van inwoners omgaan.';
    const md = kader(['aggregate', 'examples/regio', '--format', 'md']).stdout.split('\n');
    expect(md[1]).toBe('');
    expect(md[2]).toMatch(new RegExp(`^\\*\\*${overview.replace(/[.()]/g, '\\$&')} Deel het`));
    expect(kader(['aggregate', 'examples/regio', '--format', 'html']).stdout).toContain(`<p class="confidential" role="note">${overview}`);
    expect(kader(['aggregate', 'examples/regio', '--format', 'md', '--no-confidential']).stdout).not.toContain('ertrouwelijk');
    for (const format of ['text', 'csv', 'json']) expect(kader(['aggregate', 'examples/regio', '--format', format]).stdout).not.toContain('ertrouwelijk');
    const pair = ['examples/voorbeeldgemeente-2025.yaml', SESSION];
    expect(kader(['compare', ...pair, '--format', 'md']).stdout.split('\n')[2]).toBe(`**${NL}**`);
    expect(kader(['compare', ...pair, '--format', 'html']).stdout).toContain('@page { @top-right { content: "Vertrouwelijk";');
    expect(kader(['compare', ...pair, '--format', 'html', '--no-confidential']).stdout).not.toContain('ertrouwelijk');
  });
});

/**
 * The HTML verbeterplan in real headless Chromium (Debian's package): no requests leave the
 * file, axe-core finds no WCAG 2.1 A/AA violations, and it renders to a screenshot and a PDF.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { kader, ROOT, tempDir } from './helpers.js';
import { CHROMIUM, launch } from './support/browser.js';
import { generateSession, loadFramework, threeInterviews, writeSession } from './support/gemeenten.js';

const REPORT = join(ROOT, 'examples', 'verbeterplan-voorbeeldgemeente.html');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// .ci/run installs Debian's chromium; a developer machine without it skips this file.
describe.skipIf(!CHROMIUM)('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('makes no requests beyond the file itself and runs no script', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(REPORT).href);
    expect(requests).toEqual([pathToFileURL(REPORT).href]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('Verbeterplan Voorbeeldgemeente');
    await page.close();
  });

  async function axeViolations(load: (page: import('playwright-core').Page) => Promise<unknown>): Promise<string[]> {
    const page = await browser.newPage();
    await load(page);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      // Runs in the page; typed without the DOM library, which this Node project does not load.
      const page = globalThis as unknown as {
        document: unknown;
        axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string }[] }> };
      };
      const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => v.id);
    });
    await page.close();
    return violations;
  }

  it('fits a 320 px wide screen without scrolling sideways, with and without a baseline', async () => {
    const dir = tempDir();
    const withBaseline = join(dir, 'voortgang.html');
    expect(kader(['report', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml', '--baseline', 'examples/voorbeeldgemeente-2025.yaml', '--format', 'html', '-o', withBaseline]).code).toBe(0);
    for (const file of [REPORT, withBaseline]) {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
      await page.goto(pathToFileURL(file).href);
      const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
      await page.close();
    }
  }, 30_000);

  it('has no WCAG 2.1 A/AA violations (axe-core)', async () => {
    // Control: axe does flag a page with known faults, so an empty list below means something.
    const control = await axeViolations((page) => page.setContent('<html><body><img src="x.png"><p style="color:#bbb">grijs</p></body></html>'));
    expect(control).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']));
    expect(await axeViolations((page) => page.goto(pathToFileURL(REPORT).href))).toEqual([]);
  }, 30_000);

  it('the comparison page (kader compare --format html) has no WCAG 2.1 A/AA violations either', async () => {
    const dir = tempDir();
    const out = join(dir, 'voortgang.html');
    expect(kader(['compare', 'examples/voorbeeldgemeente-2025.yaml', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml', '--format', 'html', '-o', out]).code).toBe(0);
    expect(await axeViolations((page) => page.goto(pathToFileURL(out).href))).toEqual([]);
  }, 30_000);

  it('the regional heat map (kader aggregate --format html) has no WCAG 2.1 A/AA violations either', async () => {
    const dir = tempDir();
    const wav = loadFramework(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'));
    // Every band of the heat map, and an incomplete session (a row with a mark and empty cells).
    for (const [name, quality, unanswered] of [['Aadorp', 1, 0], ['Beekstad', 0, 0], ['Dijkum', 0.5, 0], ['Eemwoude', 0.7, 0.6], ['Fort', 0.5, 1]] as const) {
      writeSession(dir, `${name}.yaml`, generateSession(wav, { gemeente: name, quality, unanswered, seed: name.length }));
    }
    const out = join(dir, 'regio.html');
    expect(kader(['aggregate', dir, '--format', 'html', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    // Every shade of the heat map, and a cell without a score.
    for (const step of ['0', '2', '4', 'none']) expect(html).toContain(`step-${step}"`);
    expect(await axeViolations((page) => page.goto(pathToFileURL(out).href))).toEqual([]);
  }, 30_000);

  it('a merged session\'s report, with the table of differing perspectives, has no WCAG 2.1 A/AA violations', async () => {
    const dir = tempDir();
    const framework = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');
    expect(kader(['merge', ...threeInterviews(dir, framework), '-o', 'samen.yaml', '--framework', framework], { cwd: dir }).code).toBe(0);
    expect(kader(['report', 'samen.yaml', '--framework', framework, '--format', 'html', '-o', 'samen.html'], { cwd: dir }).code).toBe(0);
    const out = join(dir, 'samen.html');
    expect(readFileSync(out, 'utf8')).toContain('<h2 id="triangulation">Waar de perspectieven verschillen</h2>');
    expect(await axeViolations((page) => page.goto(pathToFileURL(out).href))).toEqual([]);
  }, 30_000);

  it('renders: a screenshot with content, and a printable PDF', async () => {
    const dir = tempDir();
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(pathToFileURL(REPORT).href);
    const png = join(dir, 'verbeterplan.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(50_000);
    const bars = await page.locator('svg.chart rect.bar').count();
    expect(bars).toBe(12); // the example has a baseline: then and now per theme
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30_000);
    await page.close();
  }, 30_000);
});

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** The page size as poppler's pdfinfo reports it (A4 is 595 × 842 points). */
function pageSize(pdf: string): string | undefined {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info.status, info.stderr).toBe(0);
  return /^Page size:\s+(.*)$/m.exec(info.stdout)?.[1];
}

// Debian's chromium and poppler-utils (pdftotext, pdfinfo) come from .ci/run.
describe.skipIf(!CHROMIUM || !hasPdftotext)('kader report --format pdf', () => {
  it('prints the verbeterplan through the installed Chromium; pdftotext finds its text', () => {
    const dir = tempDir();
    const out = join(dir, 'verbeterplan.pdf');
    const result = kader(['report', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml', '--format', 'pdf', '-o', out], { env: { CHROME_PATH: CHROMIUM! } });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Geschreven: .*verbeterplan\.pdf \(\d+ kB\)\n$/), stderr: '' });
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Verbeterplan Voorbeeldgemeente');
    expect(text).toContain('WAV-T-03 Een veiligheidsplan met duidelijke afspraken');
    expect(text).toMatch(/Actieplan/);
    // Dutch offices print on A4; Chromium's default would be US Letter (612 x 792 pts).
    expect(pageSize(out)).toBe('594.96 x 841.92 pts (A4)');
  }, 60_000);

  it('aggregate --format pdf prints the regional overview on A4, and needs -o', () => {
    const dir = tempDir();
    const out = join(dir, 'regio-overzicht.pdf');
    const result = kader(['aggregate', 'examples/regio', '--format', 'pdf', '-o', out], { env: { CHROME_PATH: CHROMIUM! } });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Geschreven: .*regio-overzicht\.pdf \(\d+ kB\)\n$/), stderr: '' });
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Modelstad');
    expect(text).toContain('Voorbeeldgemeente');
    expect(pageSize(out)).toBe('594.96 x 841.92 pts (A4)');
    expect(kader(['aggregate', 'examples/regio', '--format', 'pdf'])).toMatchObject({ code: 2, stdout: '', stderr: 'kader: een PDF gaat naar een bestand: geef -o regio-overzicht.pdf\n' });
  }, 60_000);
});

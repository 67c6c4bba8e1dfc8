/**
 * What a reader sees (issue "Outputs that pass their real validators", items 5–9 and 11): the
 * Markdown rendered by a CommonMark renderer nobody here wrote, Dutch numbers, progress near
 * the top with a then/now chart, a heat map that separates gemeenten, labels that are not cut,
 * and framework text marked with its language. The layout at 320 px is checked in Chromium in
 * test/report-browser.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kader, ROOT, tempDir } from './helpers.js';

const NOW = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';
const THEN = 'examples/voorbeeldgemeente-2025.yaml';
const FRAMEWORK = join(FIXTURES, 'frameworks', 'truth.yaml');

/** A session of the small test framework with evidence ticked on a partly met criterion. */
function sessionWithEvidence(dir: string): string {
  writeFileSync(
    join(dir, 'a.yaml'),
    ['W-K1a: { value: voldoet, evidence: [Werkinstructie] }', 'W-K1b: deels', 'W-K2a: voldoet', 'W-K2b: voldoet', 'W-C1a: deels', 'W-C1b: voldoet-niet', 'W-C2a: voldoet', ''].join('\n'),
  );
  expect(kader(['interview', 's.yaml', '--framework', FRAMEWORK, '--gemeente', 'Zeist', '--date', '2026-11-20', '--answers', 'a.yaml'], { cwd: dir }).code).toBe(0);
  return 's.yaml';
}

describe('Markdown through a CommonMark renderer (markdown-it)', () => {
  it('keeps every findings table to its findings and the evidence line a paragraph of its own', () => {
    const dir = tempDir();
    const md = kader(['report', sessionWithEvidence(dir), '--framework', FRAMEWORK], { cwd: dir }).stdout;
    expect(md).toContain('**Bewijs gezien:** Werkinstructie');
    const html = new MarkdownIt().render(md);
    // The evidence line is a paragraph, never a row of the table before it.
    expect(html).toContain('<p><strong>Bewijs gezien:</strong> Werkinstructie</p>');
    expect(html).not.toMatch(/<td>[^<]*Bewijs gezien/);
    // One table per improvement point, each with exactly its findings as rows, headed "Vraag".
    const tables = [...html.matchAll(/<table>\n<thead>\n<tr>\n<th>Vraag<\/th>[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2); // W-K1 (critical, partly) and W-C1 (partly)
    expect(tables.map((t) => (t.match(/<tr>/g) ?? []).length - 1)).toEqual([2, 2]);
    expect(html).not.toContain('<th>Bevindingen</th>');
  });
});

describe('Dutch numbers', () => {
  it('uses the decimal comma in Dutch outputs and the point in English ones', () => {
    expect(kader(['report', NOW]).stdout).toContain('Een criterium voldoet bij een score van 0,75 of hoger en voldoet gedeeltelijk vanaf 0,4.');
    expect(kader(['report', NOW, '--lang', 'en']).stdout).toContain('at a score of 0.75 or more and partly meets it from 0.4.');
    expect(kader(['show', FRAMEWORK]).stdout).toContain('grenzen: voldoet ≥ 0,75, voldoet gedeeltelijk ≥ 0,4');
  });
});

describe('progress first', () => {
  it('puts "Voortgang" right after the summary, with the total then and now and a table per theme', () => {
    const md = kader(['report', NOW, '--baseline', THEN]).stdout;
    const at = (text: string) => md.indexOf(text);
    expect(at('## Voortgang sinds de meting van 2025-11-18')).toBeGreaterThan(at('## Samenvatting'));
    expect(at('## Voortgang sinds de meting van 2025-11-18')).toBeLessThan(at('## Sterke punten'));
    expect(md).toMatch(/\*\*Totaal: \d+% → \d+%\*\* — beter: \d+/);
    expect(md).toMatch(/\| WAV-V Visie en gefaseerd samenwerken aan veiligheid \| \d+% \| \d+% \| \+\d+ \|/);
  });

  it('draws then and now per theme in the report and in compare', () => {
    const report = kader(['report', NOW, '--baseline', THEN, '--format', 'html']).stdout;
    const bars = (html: string, kind: string) => (html.match(new RegExp(`class="bar bar-${kind}"`, 'g')) ?? []).length;
    expect(bars(report, 'then')).toBe(6);
    expect(bars(report, 'now')).toBe(6);
    expect(report).toMatch(/>toen \d+%<\/text>/);
    const compare = kader(['compare', THEN, NOW, '--format', 'html']).stdout;
    expect(bars(compare, 'then')).toBe(6);
    expect(bars(kader(['report', NOW, '--format', 'html']).stdout, 'then')).toBe(0);
  });
});

describe('layout', () => {
  it('wraps long theme names in the chart instead of cutting them, and keeps dates on one line', () => {
    const html = kader(['report', NOW, '--format', 'html']).stdout;
    const chart = html.slice(html.indexOf('<svg class="chart"'), html.indexOf('</svg>'));
    expect(chart).not.toContain('…');
    expect(chart).toContain('<tspan x="0" y="');
    const words = [...chart.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
    expect(words).toContain('Regie en opdrachtgeverschap van de gemeente');
    expect(html).toContain('<td class="date">2026-11-20</td>');
    expect(html).toContain('viewBox="0 0 ');
    expect(html).not.toMatch(/<svg class="chart"[^>]* width="/);
  });
});

describe('the heat map separates gemeenten', () => {
  it('shades cells in five steps of 20 percentage points, with the verdict word kept', () => {
    const html = kader(['aggregate', 'examples/regio', '--format', 'html']).stdout;
    const cells = [...html.matchAll(/<td class="num step-(\d|none)">(\d+|—)%?<span class="band-word">([^<]+)<\/span>/g)].map((m) => ({ step: m[1], value: m[2], word: m[3] }));
    expect(cells.length).toBeGreaterThan(30);
    for (const cell of cells) if (cell.value !== '—') expect(cell.step).toBe(String(Math.min(4, Math.floor(Number(cell.value) / 20))));
    // Within one verdict band ("gedeeltelijk") the shades differ.
    expect(new Set(cells.filter((c) => c.word === 'gedeeltelijk').map((c) => c.step)).size).toBeGreaterThan(1);
    expect(html).toContain('<span class="step-0">0–19%</span>');
  });
});

describe('the language of framework text', () => {
  it('marks Dutch framework text in an English plan (WCAG 3.1.2), and nothing in a Dutch one', () => {
    const en = kader(['report', NOW, '--format', 'html', '--lang', 'en']).stdout;
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/<span lang="nl">Werken aan Veiligheid/);
    expect(en).toMatch(/<span class="critical">WAV-T-\d+ <span lang="nl">/);
    const nl = kader(['report', NOW, '--format', 'html']).stdout;
    expect(nl).not.toContain('<span lang=');
    expect(readFileSync(join(ROOT, 'examples', 'verbeterplan-voorbeeldgemeente.html'), 'utf8')).not.toContain('<span lang=');
  });

  it('does the same in compare and in the regional overview', () => {
    const compare = kader(['compare', THEN, NOW, '--format', 'html', '--lang', 'en']).stdout;
    expect(compare).toMatch(/<th scope="row">WAV-V <span lang="nl">Visie en gefaseerd samenwerken aan veiligheid<\/span><\/th>/);
    const overview = kader(['aggregate', 'examples/regio', '--format', 'html', '--lang', 'en']).stdout;
    expect(overview).toMatch(/<li><strong>WAV-V<\/strong>: <span lang="nl">Visie en gefaseerd samenwerken aan veiligheid<\/span><\/li>/);
    expect(kader(['aggregate', 'examples/regio', '--format', 'html']).stdout).not.toContain('<span lang=');
  });
});

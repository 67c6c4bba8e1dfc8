import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kader, tempDir } from './helpers.js';

const BEFORE = 'examples/voorbeeldgemeente-2025.yaml';
const AFTER = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';

describe('kader compare', () => {
  it('shows the total, each theme and each criterion then and now, and the old actions', () => {
    const result = kader(['compare', BEFORE, AFTER]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Voortgang Voorbeeldgemeente: 2025-11-18 → 2026-11-20',
      'Werken aan Veiligheid: zelfscan voor lokale (wijk)teams en gemeenten, gereconstrueerd naar het VNG-Kwaliteitskader (2026.1 → 2026.1)',
      'Totaal: 18% → 61%',
      'beter: 29, gelijk: 3, slechter: 0',
    ]);
    expect(lines).toContain('WAV-V Visie en gefaseerd samenwerken aan veiligheid  12%   57%  +45');
    expect(result.stdout).toMatch(/^WAV-T-03 Een veiligheidsplan met duidelijke afspraken\s+voldoet niet 0%\s+voldoet gedeeltelijk 50%\s+beter$/m);
    expect(result.stdout).toMatch(/^A2\s+Werkafspraak maken over opnieuw melden .*\s+open\s+open$/m);
  });

  it('writes Markdown, HTML and JSON; the JSON is the comparison model', () => {
    const json = JSON.parse(kader(['compare', BEFORE, AFTER, '--format', 'json']).stdout) as { kind: string; tally: Record<string, number>; themes: { delta: number }[] };
    expect(json).toMatchObject({ kind: 'comparison', tally: { better: 29, same: 3, worse: 0 } });
    expect(json.themes.map((t) => t.delta)).toEqual([45, 46, 42, 38, 42, 50]);
    expect(kader(['compare', BEFORE, AFTER, '--format', 'md']).stdout).toContain('| WAV-V Visie en gefaseerd samenwerken aan veiligheid | 12% | 57% | +45 |');
    const dir = tempDir();
    expect(kader(['compare', BEFORE, AFTER, '--format', 'html', '-o', join(dir, 'v.html')]).code).toBe(0);
    const html = readFileSync(join(dir, 'v.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain('<td class="change-better">beter</td>');
  });

  it('refuses sessions of different frameworks, and personal data unless redacted', () => {
    const other = kader(['compare', BEFORE, 'test/fixtures/sessions/complete.yaml', '--framework', 'test/fixtures/frameworks/valid.yaml']);
    expect(other.code).toBe(1);
    const dir = tempDir();
    const leaky = readFileSync(AFTER, 'utf8').replace('what: Bij elke casus', 'what: Bel 06-12345678. Bij elke casus');
    writeFileSync(join(dir, 'na.yaml'), leaky);
    expect(kader(['compare', BEFORE, join(dir, 'na.yaml')]).code).toBe(1);
    expect(kader(['compare', BEFORE, join(dir, 'na.yaml'), '--redact']).code).toBe(0);
  });
});

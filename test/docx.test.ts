/**
 * kader report --format docx: the verbeterplan as a Word document. LibreOffice (Debian's
 * libreoffice-writer-nogui, installed by .ci/run) reads it back as plain text, so the test
 * checks what a reader of the file sees, not how the docx library lays out its XML.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kader, ROOT, tempDir } from './helpers.js';
import { threeInterviews } from './support/gemeenten.js';

const SESSION = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';
const BASELINE = 'examples/voorbeeldgemeente-2025.yaml';

/** Convert .docx files to .txt with headless LibreOffice; its own profile, so parallel runs do not clash. */
function toText(dir: string, files: string[]): string[] {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo')).href}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, ...files.map((f) => join(dir, f))],
    { encoding: 'utf8', timeout: 60_000 },
  );
  // No skip when LibreOffice is missing: .ci/run installs it, so its absence is a failure to see.
  if (result.error) throw new Error(`soffice did not run (${result.error.message}); install it: apt-get install --no-install-recommends libreoffice-writer-nogui`);
  expect(result.status, result.stderr).toBe(0);
  return files.map((f) => readFileSync(join(dir, f.replace(/\.docx$/, '.txt')), 'utf8'));
}

describe('kader report --format docx', () => {
  it('writes a Word document that LibreOffice reads: title, critical improvement point, action plan, progress', () => {
    const dir = tempDir();
    const plan = kader(['report', SESSION, '--format', 'docx', '-o', join(dir, 'plan.docx')]);
    expect(plan).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'plan.docx')).subarray(0, 2).toString('latin1')).toBe('PK'); // a ZIP, as every .docx
    expect(kader(['report', SESSION, '--baseline', BASELINE, '--lang', 'en', '--format', 'docx', '-o', join(dir, 'progress.docx')]).code).toBe(0);

    const [nl, en] = toText(dir, ['plan.docx', 'progress.docx']);
    expect(nl).toContain('Verbeterplan Voorbeeldgemeente');
    expect(nl).toContain('Totaal: 62%');
    // WAV-T-09 is critical and only partly met: the critical points and the improvement points name it.
    expect(nl).toContain('WAV-T-09 Melden bij Veilig Thuis volgens stap 5 van de meldcode — voldoet gedeeltelijk');
    expect(nl).toContain('2. WAV-T-09 Melden bij Veilig Thuis volgens stap 5 van de meldcode (kritiek)');
    expect(nl).toMatch(/^Actieplan$/m);
    expect(nl).toMatch(/^aandachtsfunctionaris$/m); // owner of action A2, a cell of the action plan table
    expect(nl).toMatch(/^Hoe weten we dat het werkt$/m);
    expect(nl).not.toContain('Voortgang sinds');
    expect(en).toContain('Improvement plan Voorbeeldgemeente');
    expect(en).toContain('Progress since the measurement of 2025-11-18');
    expect(en).toMatch(/^Action plan$/m);
  }, 90_000);

  it('shows a merged session\'s differing perspectives and the verdict still open', () => {
    const dir = tempDir();
    const framework = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');
    expect(kader(['merge', ...threeInterviews(dir, framework), '-o', 'samen.yaml', '--framework', framework], { cwd: dir }).code).toBe(0);
    expect(kader(['report', 'samen.yaml', '--framework', framework, '--format', 'docx', '-o', 'samen.docx'], { cwd: dir }).code).toBe(0);
    const [text] = toText(dir, ['samen.docx']);
    expect(text).toMatch(/^Waar de perspectieven verschillen$/m);
    expect(text).toContain('Samengevoegd uit de interviews met: beleid (2026-11-20), wijkteam (2026-11-20), veilig-thuis (2026-11-20).');
    expect(text).toMatch(/^veilig-thuis\nVoldoet niet$/m);
    expect(text).toContain('Oordeel interviewer: nog niet beslist (kader merge --interactive)');
  }, 90_000);

  it('needs -o, like PDF, and does not write over a session', () => {
    expect(kader(['report', SESSION, '--format', 'docx'])).toMatchObject({ code: 2, stdout: '', stderr: 'kader: een Word-bestand gaat naar een bestand: geef -o verbeterplan.docx\n' });
    expect(kader(['report', SESSION, '--format', 'docx', '-o', '-']).code).toBe(2);
    const dir = tempDir();
    const copy = join(dir, 'sessie.yaml');
    copyFileSync(SESSION, copy);
    const result = kader(['report', SESSION, '--format', 'docx', '-o', copy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is een sessie; kader schrijft daar geen uitvoer overheen/);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(SESSION, 'utf8'));
  });
});

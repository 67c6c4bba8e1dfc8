/**
 * kader report --format docx: the verbeterplan as a Word document. LibreOffice (Debian's
 * libreoffice-writer-nogui, installed by .ci/run) reads it back as plain text, so the test
 * checks what a reader of the file sees, not how the docx library lays out its XML.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kader, ROOT, tempDir } from './helpers.js';
import { threeInterviews } from './support/gemeenten.js';

const SESSION = 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml';
const BASELINE = 'examples/voorbeeldgemeente-2025.yaml';

/** Convert .docx files to .txt with headless LibreOffice; its own profile, so parallel runs do not clash. */
function toText(dir: string, files: string[], to: 'txt:Text' | 'fodt' = 'txt:Text'): string[] {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo')).href}`, '--headless', '--convert-to', to, '--outdir', dir, ...files.map((f) => join(dir, f))],
    { encoding: 'utf8', timeout: 60_000 },
  );
  // No skip when LibreOffice is missing: .ci/run installs it, so its absence is a failure to see.
  if (result.error) throw new Error(`soffice did not run (${result.error.message}); install it: apt-get install --no-install-recommends libreoffice-writer-nogui`);
  expect(result.status, result.stderr).toBe(0);
  return files.map((f) => readFileSync(join(dir, f.replace(/\.docx$/, to === 'fodt' ? '.fodt' : '.txt')), 'utf8'));
}

/** The attributes of one ODF style, by name, from LibreOffice's flat ODT. */
const odfStyle = (fodt: string, name: string): string => new RegExp(`<style:style style:name="${name}"[\\s\\S]*?</style:style>`).exec(fodt)?.[0] ?? '';

describe('kader report --format docx', () => {
  it('writes a Word document that LibreOffice reads: title, critical improvement point, action plan, progress', () => {
    const dir = tempDir();
    const plan = kader(['report', SESSION, '--format', 'docx', '-o', join(dir, 'plan.docx')]);
    // -o says what it wrote and where (#17)
    expect(plan).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Geschreven: .*plan\.docx \(\d+ kB\)\n$/), stderr: '' });
    expect(readFileSync(join(dir, 'plan.docx')).subarray(0, 2).toString('latin1')).toBe('PK'); // a ZIP, as every .docx
    expect(kader(['report', SESSION, '--baseline', BASELINE, '--lang', 'en', '--format', 'docx', '-o', join(dir, 'progress.docx')]).code).toBe(0);

    const [nl, en] = toText(dir, ['plan.docx', 'progress.docx']);
    expect(nl).toContain('Verbeterplan Voorbeeldgemeente');
    expect(nl).toContain('Totaal: 61%');
    // WAV-T-09 is critical and only partly met: the critical points and the improvement points name it.
    expect(nl).toContain('WAV-T-09 Melden bij Veilig Thuis volgens stap 5 van de meldcode — voldoet gedeeltelijk');
    expect(nl).toContain('3. WAV-T-09 Melden bij Veilig Thuis volgens stap 5 van de meldcode (kritiek)');
    expect(nl).toMatch(/^Actieplan$/m);
    expect(nl).toMatch(/^aandachtsfunctionaris$/m); // owner of action A2, a cell of the action plan table
    expect(nl).toMatch(/^Hoe weten we dat het werkt$/m);
    expect(nl).not.toContain('Voortgang sinds');
    expect(en).toContain('Improvement plan Voorbeeldgemeente');
    expect(en).toContain('Progress since the measurement of 2025-11-18');
    expect(en).toMatch(/^Action plan$/m);
  }, 90_000);

  it('has real headings (outline levels, keep-with-next) and a sans-serif Normal style, as LibreOffice and the XML show', async () => {
    const dir = tempDir();
    expect(kader(['report', SESSION, '--format', 'docx', '-o', join(dir, 'plan.docx')]).code).toBe(0);

    // LibreOffice reads the headings as headings: text:h with an outline level is what its
    // navigator, a table of contents and PDF bookmarks are made from.
    const [fodt] = toText(dir, ['plan.docx'], 'fodt');
    const headings = [...fodt!.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/g)].map((m) => `${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);
    expect(headings[0]).toBe('1 Verbeterplan Voorbeeldgemeente');
    expect(headings).toContain('2 Actieplan');
    expect(headings).toContain('4 3. WAV-T-09 Melden bij Veilig Thuis volgens stap 5 van de meldcode (kritiek)');
    for (const level of [1, 2, 3, 4]) expect(odfStyle(fodt!, `Heading_20_${level}`)).toMatch(/fo:keep-with-next="always"/);
    // The body font is the sans-serif of the Normal style, not LibreOffice's Times fallback.
    expect(odfStyle(fodt!, 'Standard')).toMatch(/style:font-name="Arial"/);

    // The same in the Word XML: Normal defined with the font, Heading 1–4 with outline level 0–3.
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'plan.docx')));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"\/>.*?<w:rFonts w:ascii="Arial"/);
    for (const level of [1, 2, 3, 4]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(style).toContain(`<w:name w:val="Heading ${level}"/>`);
      expect(style).toMatch(new RegExp(`<w:pPr><w:keepNext/><w:keepLines/>.*<w:outlineLvl w:val="${level - 1}"/></w:pPr>`));
    }
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    // No run switches the heading style's bold off.
    const headingRuns = body.match(/<w:p><w:pPr><w:pStyle w:val="Heading\d"\/>.*?<\/w:p>/g)!;
    expect(headingRuns.length).toBeGreaterThan(10);
    for (const p of headingRuns) expect(p).not.toContain('<w:b w:val="false"/>');
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

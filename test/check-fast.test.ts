/**
 * check and aggregate after a framework edit, and with unfinished sessions: the findings and
 * their line:column come from the fast reader's lines, and the careful YAML parser (the `yaml`
 * package, ~40 times slower) is never loaded (issue #20, item 1; issue #19, item 4). Before,
 * every file with a drift warning was parsed again, and `check` of 10,000 sessions went from
 * 1.25 s to 17.9 s. The test does not time anything: a preload makes loading `yaml` fail.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kader, ROOT, tempDir } from './helpers.js';

const NO_YAML = { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'support', 'no-yaml.cjs')}` };

describe('check and aggregate without the careful parser', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir.root();
    // The bundled framework with one comment added: every session now has a drift warning.
    writeFileSync(join(dir, 'wav.yaml'), `${readFileSync(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'), 'utf8')}# tweak\n`);
    mkdirSync(join(dir, 's'));
    for (const name of readdirSync(join(ROOT, 'examples', 'regio'))) copyFileSync(join(ROOT, 'examples', 'regio', name), join(dir, 's', name));
  });

  it('check places drift warnings and an open question at their line:column', () => {
    const result = kader(['check', '--framework', 'wav.yaml', 's'], { cwd: dir, env: NO_YAML });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => l.includes('framework-drift'))).toHaveLength(5);
    expect(lines).toContain('s/schetswoude.yaml');
    expect(lines).toContain('  9:11  waarschuwing  kwaliteitskader "werken-aan-veiligheid" is gewijzigd sinds deze sessie begon; antwoorden op vragen die nog bestaan blijven geldig  framework-drift');
    expect(lines).toContain('  21:1  fout          sessie is niet af: 8 verplichte vragen open (WAV-M-01a, WAV-M-01b, WAV-M-01c, …)  incomplete');
    // The same lines as a run that may load the careful parser.
    expect(kader(['check', '--framework', 'wav.yaml', 's'], { cwd: dir }).stdout).toBe(result.stdout);
  });

  it('aggregate counts the drifted sessions and marks the unfinished one', () => {
    const result = kader(['aggregate', '--framework', 'wav.yaml', '--format', 'json', 's'], { cwd: dir, env: NO_YAML });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as { rows: unknown[]; notes: { reason: string }[] };
    expect(model.rows).toHaveLength(5);
    expect(kader(['aggregate', '--framework', 'wav.yaml', '--format', 'json', 's'], { cwd: dir }).stdout).toBe(result.stdout);
  });

  it('validate places a framework warning without the careful parser', () => {
    const text = readFileSync(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'), 'utf8').replace(/^provenance:\n( {2}.*\n)+/m, '');
    writeFileSync(join(dir, 'zonder-herkomst.yaml'), text);
    const result = kader(['validate', 'zonder-herkomst.yaml'], { cwd: dir, env: NO_YAML });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')[1]).toBe('  3:1  waarschuwing  het kwaliteitskader zegt niet of zijn tekst officieel is: voeg provenance toe met status (official, reconstruction of draft) en een disclaimer voor de lezer  provenance-missing');
    expect(kader(['validate', 'zonder-herkomst.yaml'], { cwd: dir }).stdout).toBe(result.stdout);
  });

  it('the preload does fail a file only the careful parser reads (so the tests above can fail)', () => {
    const text = readFileSync(join(dir, 's', 'modelstad.yaml'), 'utf8').replace('gemeente: Modelstad', 'gemeente: &g Modelstad');
    writeFileSync(join(dir, 'anker.yaml'), text);
    const result = kader(['check', '--framework', 'wav.yaml', 'anker.yaml'], { cwd: dir, env: NO_YAML });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('interne fout');
  });
});

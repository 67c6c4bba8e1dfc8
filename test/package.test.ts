/**
 * The package as users get it: `npm pack`, a global install into a temp prefix (offline, from
 * the npm cache that `npm ci` filled), and kader run from a folder outside the project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('npm pack and a global install', () => {
  it('installs a working kader that finds its frameworks, schemas, validators and templates', () => {
    const dir = tempDir();
    const npm = (args: string[]) => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    // dist/ is built by `npm test` before vitest runs; --ignore-scripts keeps pack from building again.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir])) as { filename: string; files: { path: string }[] }[];
    const top = new Set(packed!.files.map((f) => f.path.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'SECURITY.md', 'bin', 'dist', 'docs', 'examples', 'frameworks', 'package.json', 'schemas', 'templates']);
    // What the guides use: the guides themselves (and the pages they link to) and the examples they run.
    expect(packed!.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['docs/toezichthouder.md', 'docs/beleidsmedewerker.md', 'docs/framework-beheerder.md', 'docs/ci.md', 'docs/ci/github-workflow.yml', 'docs/framework-format.md', 'docs/rules.md', 'examples/regio/voorbeeldgemeente.yaml', 'examples/voorbeeld-acties.yaml']),
    );
    expect(packed!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/validators/framework.cjs', 'dist/templates/report.html.cjs', 'frameworks/werken-aan-veiligheid.yaml']));

    const prefix = join(dir, 'prefix');
    npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(dir, packed!.filename)]);
    const kader = (args: string[]) => spawnSync(join(prefix, 'bin', 'kader'), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(kader(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(kader(['validate'])).toMatchObject({ status: 0, stdout: '7 bestanden gecontroleerd, geen problemen gevonden\n' });
    copyFileSync(join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml'), join(dir, 's.yaml'));
    expect(kader(['check', 's.yaml']).status).toBe(0);
    const report = kader(['report', 's.yaml', '--format', 'html']);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('<h1>Verbeterplan Voorbeeldgemeente</h1>');
    // SARIF's rule links point into the installed package, at a file that is there.
    copyFileSync(join(ROOT, 'test', 'fixtures', 'frameworks', 'broken', 'when-ref.yaml'), join(dir, 'kapot.yaml'));
    const sarif = JSON.parse(kader(['validate', '--format', 'sarif', 'kapot.yaml']).stdout) as { runs: { tool: { driver: { rules: { helpUri: string }[] } } }[] };
    const helpUri = sarif.runs[0]!.tool.driver.rules[0]!.helpUri;
    expect(helpUri).toMatch(/\/lib\/node_modules\/kader\/docs\/rules\.md#when-ref$/);
    expect(readFileSync(fileURLToPath(helpUri.replace(/#.*/, '')), 'utf8')).toMatch(/^## when-ref$/m);
  }, 120_000);

  it('carries the official EUPL-1.2 text that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string; files: string[] };
    expect(pkg.license).toBe('EUPL-1.2');
    expect(pkg.files).toContain('LICENSE');
    const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(licence.split('\n').slice(0, 2)).toEqual(['EUROPEAN UNION PUBLIC LICENCE v. 1.2', 'EUPL © the European Union 2007, 2016']);
    // The appendix of compatible licences ends the official text.
    expect(licence).toContain('Appendix');
    expect(licence.trimEnd().endsWith('All other changes or additions to this Appendix require the production of a new EUPL version.')).toBe(true);
  });

  it('keeps the benchmark peers (ajv-cli, Spectral and its telemetry @scarf/scarf) out of the install', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const names = Object.keys(lock.packages);
    for (const peer of ['ajv-cli', '@stoplight/spectral-cli', '@scarf/scarf']) expect(names.filter((n) => n.endsWith(`node_modules/${peer}`))).toEqual([]);
    expect(existsSync(join(ROOT, 'node_modules', '@scarf'))).toBe(false);
    // They live in bench/, which `npm run bench` installs.
    const bench = JSON.parse(readFileSync(join(ROOT, 'bench', 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(bench.devDependencies).sort()).toEqual(['@stoplight/spectral-cli', 'ajv-cli']);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.bench).toContain('npm ci --prefix bench --ignore-scripts');
  });
});

/**
 * The package as users get it: `npm pack`, a global install into a temp prefix (offline, from
 * the npm cache that `npm ci` filled), and kader run from a folder outside the project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

describe('npm pack and a global install', () => {
  it('installs a working kader that finds its frameworks, schemas, validators and templates', () => {
    const dir = tempDir();
    const npm = (args: string[]) => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    // dist/ is built by `npm test` before vitest runs; --ignore-scripts keeps pack from building again.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir])) as { filename: string; files: { path: string }[] }[];
    const top = new Set(packed!.files.map((f) => f.path.split('/')[0]));
    expect([...top].sort()).toEqual(['README.md', 'bin', 'dist', 'frameworks', 'package.json', 'schemas', 'templates']);
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
  }, 120_000);
});

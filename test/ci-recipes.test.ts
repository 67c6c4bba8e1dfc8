/**
 * The CI recipes in docs/ci and .pre-commit-hooks.yaml: kader installed as they install it (the
 * tarball `npm pack` makes, with the recipe's own npm command, into a temp prefix, offline from
 * the cache `npm ci` filled), then each kader command they show, run as shown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, kader, ROOT, tempDir, type RunResult } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TARBALL = `kader-${VERSION}.tgz`;
/** The install line both recipes use: a tarball from kader's repository, never the unclaimed registry name. */
const INSTALL = `npm install --global ./tools/${TARBALL}`;
const work = tempDir.root();
const prefix = join(work, 'prefix');

/** The installed kader, run as CI runs it. */
function installed(args: string[], cwd: string): RunResult {
  const result = spawnSync(join(prefix, 'bin', 'kader'), args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KADER_LANG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  // dist/ is built by `npm test` before vitest runs; --ignore-scripts keeps pack from building again.
  mkdirSync(join(work, 'tools'));
  npm(['pack', '--ignore-scripts', '--pack-destination', join(work, 'tools')], ROOT);
  // The recipe's line as written, into a temp prefix instead of the system's.
  npm([...INSTALL.replace(/^npm /, '').split(' '), '--prefix', prefix, '--offline', '--no-audit', '--no-fund'], work);
}, 120_000);

/** A repository with kaders/: one clean framework and one with a broken skip-logic reference. */
function repository(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'kaders'));
  mkdirSync(join(dir, 'tools'));
  copyFileSync(join(work, 'tools', TARBALL), join(dir, 'tools', TARBALL));
  copyFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), join(dir, 'kaders', 'goed.yaml'));
  copyFileSync(join(FIXTURES, 'frameworks', 'broken', 'when-ref.yaml'), join(dir, 'kaders', 'kapot.yaml'));
  return dir;
}

/** `kader …` as written in a recipe, split into arguments (the recipes use no quoting). */
const args = (line: string) => line.replace(/^kader\s+/, '').split(/\s+/);

describe('CI recipes', () => {
  it('GitHub Actions: annotations for the pull request, then SARIF for code scanning', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs', 'ci', 'github-workflow.yml'), 'utf8')) as { jobs: { validate: { steps: { run?: string }[] } } };
    const lines = workflow.jobs.validate.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(lines.filter((r) => r.startsWith('npm '))).toEqual([INSTALL]);
    const runs = lines.filter((r) => r.startsWith('kader '));
    expect(runs).toEqual(['kader validate --format github kaders/', 'kader validate --format sarif -o kader.sarif kaders/']);
    const dir = repository();
    const annotations = installed(args(runs[0]!), dir);
    expect(annotations.code).toBe(1);
    expect(annotations.stdout.split('\n')[0]).toBe('::error file=kaders/kapot.yaml,line=53,col=31,title=kader when-ref::when verwijst naar vraag "TK-T9-99a" die niet bestaat');
    expect(installed(args(runs[1]!), dir).code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'kader.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(3);
  });

  it('GitLab CI: a JUnit report for the merge request', () => {
    const job = (parse(readFileSync(join(ROOT, 'docs', 'ci', 'gitlab-ci.yml'), 'utf8')) as { kaders: { script: string[]; artifacts: { reports: { junit: string } } } }).kaders;
    expect(job.script.filter((l) => l.startsWith('npm '))).toEqual([INSTALL]);
    const line = job.script.find((l) => l.startsWith('kader '))!;
    expect(line).toBe('kader validate --format junit -o kader-junit.xml kaders/');
    const dir = repository();
    expect(installed(args(line), dir).code).toBe(1);
    const xml = readFileSync(join(dir, job.artifacts.reports.junit), 'utf8');
    expect(xml).toMatch(/<testsuites name="kader validate" tests="4" failures="3" errors="0">/);
  });

  it('pre-commit: the hook entry with the staged files that match its pattern', () => {
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string }[];
    expect(hook!.id).toBe('kader-validate');
    // The installed kader (the tarball), not a build from source that needs devDependencies.
    expect((hook as unknown as { language: string }).language).toBe('system');
    const staged = ['kaders/goed.yaml', 'kaders/kapot.yaml', 'README.md'].filter((f) => new RegExp(hook!.files).test(f));
    expect(staged).toEqual(['kaders/goed.yaml', 'kaders/kapot.yaml']);
    const dir = repository();
    expect(kader([...args(hook!.entry), ...staged], { cwd: dir }).code).toBe(1);
    expect(kader([...args(hook!.entry), 'kaders/goed.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
  });
});

describe('install instructions', () => {
  it('never install the unclaimed registry name "kader"', () => {
    const docs = [join(ROOT, 'README.md'), ...['ci.md', 'ci/github-workflow.yml', 'ci/gitlab-ci.yml', 'beleidsmedewerker.md', 'toezichthouder.md', 'framework-beheerder.md'].map((f) => join(ROOT, 'docs', f))];
    for (const file of docs) expect(readFileSync(file, 'utf8'), file).not.toMatch(/npm (install|i|add)( --global| -g)? kader(@[^\s]*)?(\s|$)/);
  });
});

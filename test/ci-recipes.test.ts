/** The CI recipes in docs/ci and .pre-commit-hooks.yaml: each kader command they show, run as shown. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, kader, ROOT, tempDir } from './helpers.js';

/** A repository with kaders/: one clean framework and one with a broken skip-logic reference. */
function repository(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'kaders'));
  copyFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), join(dir, 'kaders', 'goed.yaml'));
  copyFileSync(join(FIXTURES, 'frameworks', 'broken', 'when-ref.yaml'), join(dir, 'kaders', 'kapot.yaml'));
  return dir;
}

/** `kader …` as written in a recipe, split into arguments (the recipes use no quoting). */
const args = (line: string) => line.replace(/^kader\s+/, '').split(/\s+/);

describe('CI recipes', () => {
  it('GitHub Actions: annotations for the pull request, then SARIF for code scanning', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs', 'ci', 'github-workflow.yml'), 'utf8')) as { jobs: { validate: { steps: { run?: string }[] } } };
    const runs = workflow.jobs.validate.steps.map((s) => s.run).filter((r): r is string => r?.startsWith('kader ') ?? false);
    expect(runs).toEqual(['kader validate --format github kaders/', 'kader validate --format sarif -o kader.sarif kaders/']);
    const dir = repository();
    const annotations = kader(args(runs[0]!), { cwd: dir });
    expect(annotations.code).toBe(1);
    expect(annotations.stdout.split('\n')[0]).toBe('::error file=kaders/kapot.yaml,line=53,col=31,title=kader when-ref::when verwijst naar vraag "TK-T9-99a" die niet bestaat');
    expect(kader(args(runs[1]!), { cwd: dir }).code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'kader.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(3);
  });

  it('GitLab CI: a JUnit report for the merge request', () => {
    const job = (parse(readFileSync(join(ROOT, 'docs', 'ci', 'gitlab-ci.yml'), 'utf8')) as { kaders: { script: string[]; artifacts: { reports: { junit: string } } } }).kaders;
    const line = job.script.find((l) => l.startsWith('kader '))!;
    expect(line).toBe('kader validate --format junit -o kader-junit.xml kaders/');
    const dir = repository();
    expect(kader(args(line), { cwd: dir }).code).toBe(1);
    const xml = readFileSync(join(dir, job.artifacts.reports.junit), 'utf8');
    expect(xml).toMatch(/<testsuites name="kader validate" tests="4" failures="3" errors="0">/);
  });

  it('pre-commit: the hook entry with the staged files that match its pattern', () => {
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string }[];
    expect(hook!.id).toBe('kader-validate');
    const staged = ['kaders/goed.yaml', 'kaders/kapot.yaml', 'README.md'].filter((f) => new RegExp(hook!.files).test(f));
    expect(staged).toEqual(['kaders/goed.yaml', 'kaders/kapot.yaml']);
    const dir = repository();
    expect(kader([...args(hook!.entry), ...staged], { cwd: dir }).code).toBe(1);
    expect(kader([...args(hook!.entry), 'kaders/goed.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
  });
});

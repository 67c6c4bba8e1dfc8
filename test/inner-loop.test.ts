/** The developer's inner loop (issue #19, items 9 and 10). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';
import { staleBuild } from './support/global-setup.js';

describe('npm run dev', () => {
  it('runs the CLI from src/: `npm run dev -- --version` prints the version', () => {
    const result = spawnSync('npm', ['run', '-s', 'dev', '--', '--version'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.status).toBe(0);
  });
});

describe('a stale build is noticed before tests spawn dist/', () => {
  function tree(): string {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), '');
    writeFileSync(join(root, 'dist', '.built'), '');
    return root;
  }
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it('is current when the last build came after every source', () => {
    const root = tree();
    at(join(root, 'src', 'cli', 'main.ts'), 1_000);
    at(join(root, 'dist', '.built'), 2_000);
    expect(staleBuild(root)).toBeUndefined();
  });

  it('is stale after an edit to src/, to a template, or without a finished build', () => {
    const root = tree();
    at(join(root, 'dist', '.built'), 2_000);
    at(join(root, 'src', 'cli', 'main.ts'), 3_000);
    expect(staleBuild(root)).toBe('src/ (or what the build precompiles) changed after the last build');
    at(join(root, 'src', 'cli', 'main.ts'), 1_000);
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates', 'report.md.hbs'), '');
    at(join(root, 'templates', 'report.md.hbs'), 3_000);
    expect(staleBuild(root)).toBe('src/ (or what the build precompiles) changed after the last build');
    expect(staleBuild(tempDir())).toBe('dist/ has no finished build');
  });

  it('the build in this checkout is current (the global setup saw to it)', () => {
    expect(staleBuild(ROOT)).toBeUndefined();
  });
});

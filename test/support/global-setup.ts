/**
 * Most test files spawn the built binary (bin/kader.js → dist/). After an edit to src/ without
 * `npm run build` they would silently test the old build, so: when anything the build reads is
 * newer than its last run (dist/.built, written last by scripts/bundle.mjs), build first.
 * `npm test` has just built, so there this costs a few stat calls.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

/** What the build reads: the sources, and what scripts/precompile.mjs turns into dist/. */
export const BUILD_INPUTS = ['src', 'schemas', 'templates', 'frameworks', 'scripts/precompile.mjs', 'scripts/bundle.mjs', 'bin', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time under these paths (0 when none exists). */
export function newestMtime(root: string, paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** Why dist/ is stale, or undefined when it is current. */
export function staleBuild(root: string): string | undefined {
  let built: number;
  try {
    built = statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return 'dist/ has no finished build';
  }
  return newestMtime(root, BUILD_INPUTS) > built ? 'src/ (or what the build precompiles) changed after the last build' : undefined;
}

export default function setup(): void {
  const why = staleBuild(ROOT);
  if (!why) return;
  process.stderr.write(`test setup: ${why}; running npm run build\n`);
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error('test setup: `npm run build` failed, so the tests would run an old dist/; fix the build first');
  }
}

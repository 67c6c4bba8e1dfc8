/**
 * kader starts from one bundled CommonJS file compiled from V8's code cache (scripts/bundle.mjs,
 * bin/load.js; issue #20). These tests run the built binary: the cache is accepted, the bundle
 * needs none of dist/'s ES modules, and a cache V8 refuses changes nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

const BUNDLE = join(ROOT, 'dist', 'cli', 'kader.cjs');
const EXAMPLE = join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');
const COMMANDS = [['frameworks'], ['--help'], ['show', 'werken-aan-veiligheid'], ['check', EXAMPLE], ['report', '--format', 'md', EXAMPLE], ['schema', 'session']];

function run(bin: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', KADER_LANG: '' }, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the package with only bin/ and the bundle's part of dist/: no ES module of dist/ to fall back on. */
function bundleOnly(cache: 'kept' | 'garbled'): string {
  const root = tempDir();
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  cpSync(BUNDLE, join(root, 'dist', 'cli', 'kader.cjs'));
  if (cache === 'kept') cpSync(`${BUNDLE}.cache`, join(root, 'dist', 'cli', 'kader.cjs.cache'));
  else writeFileSync(join(root, 'dist', 'cli', 'kader.cjs.cache'), Buffer.alloc(4096, 7));
  for (const built of ['validators', 'frameworks', 'templates']) cpSync(join(ROOT, 'dist', built), join(root, 'dist', built), { recursive: true });
  for (const shared of ['node_modules', 'frameworks', 'schemas', 'templates', 'package.json']) symlinkSync(join(ROOT, shared), join(root, shared));
  return join(root, 'bin', 'kader.js');
}

describe('the bundled start-up', () => {
  it('is compiled from a code cache this Node accepts', () => {
    const probe = "const { loadBundle } = require(process.argv[1]); const { script } = loadBundle(); process.stdout.write(String(script.cachedDataRejected));";
    const result = spawnSync(process.execPath, ['-e', probe, join(ROOT, 'bin', 'load.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toBe('false');
  });

  it('is strict, as the ES modules it joins were, and imports nothing (node:vm cannot)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text.startsWith("'use strict';\n")).toBe(true);
    expect(text).not.toMatch(/\bimport\(/);
  });

  it.each(['kept', 'garbled'] as const)('needs none of dist/’s ES modules, with the cache %s', (cache) => {
    const bin = bundleOnly(cache);
    for (const args of COMMANDS) {
      const expected = run(BIN, args);
      expect(expected.code, args.join(' ')).toBe(0);
      expect(run(bin, args), args.join(' ')).toEqual(expected);
    }
  });
});

/**
 * kader report --format docx asks V8 to optimise later while it builds the Word file (CPU time,
 * issue #20), and must leave V8's flags as it found them: the build runs a Word report in its
 * own process before it writes the code caches, and V8 refuses a cache made under other flags.
 * No timing is asserted; what is checked is which flags change, when, and that they come back.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');

describe('kader report --format docx and V8’s flags', () => {
  it('optimises later only after the caches are used, and sets the default back for a cache made afterwards', () => {
    const dir = tempDir();
    const cache = join(dir, 'after.cache');
    // Runs the report in this process as the build does, records every flag change, then
    // writes a code cache that a fresh process must accept.
    const probe = [
      "const v8 = require('node:v8');",
      'const calls = [];',
      'const set = v8.setFlagsFromString;',
      'v8.setFlagsFromString = (flags) => { calls.push(flags); set(flags); };',
      "const { Script } = require('node:vm');",
      "const { writeFileSync } = require('node:fs');",
      'const { loadBundle } = require(process.argv[1]);',
      'const { exports, script, packages } = loadBundle();',
      "const io = { cwd: process.cwd(), env: {}, stdout: () => {}, stderr: (t) => process.stderr.write(t), isTTY: false, interactive: false };",
      "exports.main(['node', 'kader', 'report', '--format', 'docx', process.argv[2], '--out', process.argv[3]], io).then((code) => {",
      "  const after = new Script('(function () { return 1; })', { filename: 'after.js' });",
      '  writeFileSync(process.argv[4], after.createCachedData());',
      "  process.stdout.write(JSON.stringify({ code, bundle: script.cachedDataRejected, docx: packages.get('docx')?.script.cachedDataRejected, calls }));",
      '});',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', probe, join(ROOT, 'bin', 'load.js'), EXAMPLE, join(dir, 'plan.docx'), cache], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // Measured on Node 20's V8 (11.3) only; another V8 keeps its own defaults.
    const calls = process.versions.v8.startsWith('11.3.') ? ['--interrupt-budget=1081344', '--interrupt-budget=67584'] : [];
    expect(JSON.parse(run.stdout)).toEqual({ code: 0, bundle: false, docx: false, calls });

    const check = [
      "const { Script } = require('node:vm');",
      "const after = new Script('(function () { return 1; })', { filename: 'after.js', cachedData: require('node:fs').readFileSync(process.argv[1]) });",
      'process.stdout.write(String(after.cachedDataRejected));',
    ].join('\n');
    expect(spawnSync(process.execPath, ['-e', check, cache], { encoding: 'utf8' }).stdout).toBe('false');
  });
});

/**
 * kader starts from one bundled CommonJS file compiled from V8's code cache (scripts/bundle.mjs,
 * bin/load.js; issue #20). These tests run the built binary: the cache is accepted, the bundle
 * needs none of dist/'s ES modules, and a cache V8 refuses changes nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

const BUNDLE = join(ROOT, 'dist', 'cli', 'kader.cjs');
const EXAMPLE = join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');
const COMMANDS = [['frameworks'], ['--help'], ['show', 'werken-aan-veiligheid'], ['check', EXAMPLE], ['report', '--format', 'md', EXAMPLE], ['schema', 'session']];
/** The Word plan's body: the file itself differs by its creation time. */
const wordText = async (bin: string, out: string) => {
  const written = run(bin, ['report', '--format', 'docx', EXAMPLE, '--out', out]);
  const body = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')?.async('string');
  return { code: written.code, stderr: written.stderr, body };
};

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', KADER_LANG: '', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the package with only bin/ and the bundle's part of dist/: no ES module of dist/ to fall back on. */
function bundleOnly(cache: 'kept' | 'garbled'): string {
  const kept = cache === 'kept';
  const root = tempDir();
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  cpSync(BUNDLE, join(root, 'dist', 'cli', 'kader.cjs'));
  for (const name of ['kader.cjs', 'docx']) {
    const cache = join(root, 'dist', 'cli', `${name}.cache`);
    if (kept) cpSync(join(ROOT, 'dist', 'cli', `${name}.cache`), cache);
    else writeFileSync(cache, Buffer.alloc(4096, 7));
  }
  for (const built of ['validators', 'frameworks', 'templates']) cpSync(join(ROOT, 'dist', built), join(root, 'dist', built), { recursive: true });
  for (const shared of ['node_modules', 'frameworks', 'schemas', 'templates', 'package.json']) symlinkSync(join(ROOT, shared), join(root, shared));
  return join(root, 'bin', 'kader.js');
}

describe('the bundled start-up', () => {
  it('is compiled from code caches this Node accepts, the Word writer’s too', () => {
    const out = join(tempDir(), 'plan.docx');
    const probe = [
      'const { loadBundle } = require(process.argv[1]);',
      'const { exports, script, packages } = loadBundle();',
      "const io = { cwd: process.cwd(), env: {}, stdout: () => {}, stderr: (t) => process.stderr.write(t), isTTY: false, interactive: false };",
      "exports.main(['node', 'kader', 'report', '--format', 'docx', process.argv[2], '--out', process.argv[3]], io).then((code) =>",
      "  process.stdout.write(JSON.stringify({ code, bundle: script.cachedDataRejected, docx: packages.get('docx')?.script.cachedDataRejected })));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', probe, join(ROOT, 'bin', 'load.js'), EXAMPLE, out], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ code: 0, bundle: false, docx: false });
  });

  it('keeps the session validator’s cache in check and aggregate, whose heap setting changes V8’s flags', () => {
    // Reports on stderr, at exit, whether V8 took each code cache it was given.
    const probe = join(tempDir(), 'probe.cjs');
    writeFileSync(
      probe,
      [
        "const vm = require('node:vm');",
        'const Original = vm.Script;',
        'vm.Script = class extends Original {',
        "  constructor(source, options) { super(source, options); if (options && options.cachedData) process.on('exit', () => process.stderr.write(`[${require('node:path').basename(options.filename)} ${this.cachedDataRejected ? 'refused' : 'taken'}]`)); }",
        '};',
      ].join('\n'),
    );
    for (const command of ['check', 'aggregate']) {
      const result = spawnSync(process.execPath, ['--require', probe, BIN, command, join(ROOT, 'examples', 'regio')], { cwd: ROOT, encoding: 'utf8' });
      expect(result.stderr, command).toBe('[kader.cjs taken][session.cjs taken]');
    }
  });

  it('is strict, as the ES modules it joins were, and imports nothing (node:vm cannot)', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text.startsWith("'use strict';\n")).toBe(true);
    expect(text).not.toMatch(/\bimport\(/);
  });

  it.each(['kept', 'garbled'] as const)('needs none of dist/’s ES modules, with the caches %s', async (cache) => {
    const bin = bundleOnly(cache);
    for (const args of COMMANDS) {
      const expected = run(BIN, args);
      expect(expected.code, args.join(' ')).toBe(0);
      expect(run(bin, args), args.join(' ')).toEqual(expected);
    }
    // A batch on two threads: the worker (bin/worker.js) starts from the bundle too.
    const split = ['--debug', 'check', '--format', 'json', join(ROOT, 'examples', 'regio')];
    const twoThreads = run(bin, split, { KADER_SPLIT: 'always' });
    expect(twoThreads.stderr).toBe('kader: 3 bestanden in deze thread, 2 in een tweede\n');
    expect(twoThreads).toEqual({ ...run(BIN, split, { KADER_SPLIT: 'never' }), stderr: twoThreads.stderr });
    expect(JSON.parse(twoThreads.stdout).files).toBe(5);
    const dir = tempDir();
    const [fromBundle, fromBuild] = [await wordText(bin, join(dir, 'a.docx')), await wordText(BIN, join(dir, 'b.docx'))];
    expect(fromBundle.body).toContain('Voorbeeldgemeente');
    expect(fromBundle).toEqual(fromBuild);
  });
});

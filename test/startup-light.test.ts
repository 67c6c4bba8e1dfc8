/**
 * The commands that only print (help, --version, frameworks, show, schema) start without the
 * parts of Node they do not need (issue #20, fourth round): stdout is written with
 * fs.writeSync for a pipe or a file instead of through process.stdout's stream stack
 * (src/cli/stdout.ts), and node:crypto is loaded only to hash. These tests run the built
 * binary and hold what users see to what it was: the same bytes on a pipe, in a file, after a
 * write that would block, and a quiet exit when the reader goes away.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

const ENV = { ...process.env, NO_COLOR: '1', KADER_LANG: '' };
const LIGHT = [['--version'], ['--help'], ['check', '--help'], ['frameworks'], ['show', 'werken-aan-veiligheid'], ['schema', 'session']].map((args) => [args.join(' '), args] as const);

/** Preloaded: at exit, says on stderr which of these Node modules the command loaded. */
const PROBE = join(tempDir.root(), 'probe.cjs');
writeFileSync(
  PROBE,
  [
    "const watched = ['NativeModule crypto', 'NativeModule net', 'NativeModule stream', 'NativeModule internal/fs/promises', 'NativeModule module'];",
    "process.on('exit', () => { const loaded = watched.filter((m) => process.moduleLoadList.includes(m)); if (loaded.length > 0) process.stderr.write(`[${loaded.join(', ')}]`); });",
  ].join('\n'),
);

function run(args: string[], node: string[] = []) {
  const result = spawnSync(process.execPath, [...node, BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 15_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('start-up of the light commands', () => {
  it.each(LIGHT)('kader %s loads neither node:crypto nor a stream for stdout', (_name, args) => {
    const probed = run([...args], ['--require', PROBE]);
    expect(probed.stderr).toBe('');
    expect(probed.code).toBe(0);
    expect(probed.stdout).toBe(run([...args]).stdout);
    expect(probed.stdout.length).toBeGreaterThan(0);
  });

  it('writes the same bytes into a file as into a pipe', () => {
    const file = join(tempDir(), 'out.json');
    for (const args of [['show', 'werken-aan-veiligheid', '--format', 'json'], ['--help']]) {
      const fd = openSync(file, 'w');
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(run(args).stdout);
    }
  });

  it('hands the rest to process.stdout after a write that would block, in order', () => {
    // fs.writeSync takes 1,000 bytes, then answers EAGAIN as a full non-blocking pipe does.
    const probe = join(tempDir(), 'eagain.cjs');
    writeFileSync(
      probe,
      [
        "const fs = require('node:fs');",
        'const { writeSync } = fs;',
        'let calls = 0;',
        'fs.writeSync = (fd, buffer, offset, length, ...rest) => {',
        '  if (fd !== 1) return writeSync(fd, buffer, offset, length, ...rest);',
        "  if (++calls > 1) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });",
        '  return writeSync(fd, buffer, offset, Math.min(length, 1000), ...rest);',
        '};',
      ].join('\n'),
    );
    const args = ['show', 'werken-aan-veiligheid', '--format', 'json'];
    const expected = run(args);
    expect(expected.stdout.length).toBeGreaterThan(100_000);
    expect(run(args, ['--require', probe])).toEqual(expected);
  });

  it('exits quietly, as before, when the reader closes the pipe early', () => {
    // More than a pipe holds, read one byte of: the rest meets a closed pipe (EPIPE).
    const script = `"${process.execPath}" "${BIN}" show werken-aan-veiligheid --format json 2>"$1" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const err = join(tempDir(), 'stderr.txt');
    const result = spawnSync('bash', ['-c', script, 'bash', err], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 15_000 });
    expect(result.stdout.trim()).toBe('0');
    expect(readFileSync(err, 'utf8')).toBe('');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Session } from '../src/session/types.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'kader.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** A throwaway folder, removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kader-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A folder for a whole test file (made at collection time), removed when the process exits. */
tempDir.root = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kader-suite-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary as a user would (no TTY, so no colour). */
export function kader(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', KADER_LANG: '', ...options.env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal in-memory session for unit tests; pass what differs. */
export function makeSession(overrides: Partial<Session> & { frameworkId?: string } = {}): Session {
  const { frameworkId = 'test-kader', ...rest } = overrides;
  return {
    kader: 1,
    kind: 'session',
    id: '00000000-0000-4000-8000-000000000000',
    framework: { id: frameworkId, version: '1.0', digest: `sha256-${'0'.repeat(64)}` },
    context: { gemeente: 'Testdorp', date: '2026-11-23' },
    status: 'in-progress',
    answers: {},
    ...rest,
  };
}

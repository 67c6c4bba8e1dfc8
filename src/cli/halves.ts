/**
 * Large batches on both cores (issue #20). `check` and `aggregate` of many files cut the list in
 * two: a worker thread (bin/worker.js, the same bundle) reads the second half while the main
 * thread reads the first, and the results are joined in file order, so the output is the same as
 * from one thread, byte for byte. The worker is a thread, not a process, so its memory counts in
 * the command's own and it ends with the command.
 *
 * When: from SPLIT_FROM files, on a machine with a second core that no other thread wants.
 * Measured on 2 cores (bench/README.md, "fourth round"): a second thread costs ~60 ms to start
 * and pays from a few thousand files; on a machine whose cores are taken by others it loses.
 * KADER_SPLIT=never keeps one thread, KADER_SPLIT=always splits any batch of two files or more
 * (for the tests of this path, and for measuring).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { STDIN } from '../core/files.js';
import type { CommandContext, GlobalOptions } from './context.js';
import { UserError, type ExitCode } from './errors.js';
import type { InputFile } from './lint-run.js';

export const SPLIT_FROM = 5000;

/** What the worker is asked to do: one command's per-file work on its half of the files. */
export interface HalfJob {
  kind: 'check' | 'aggregate';
  files: InputFile[];
  /** The command's options the per-file work needs (plain data). */
  options: Record<string, unknown>;
  globals: GlobalOptions;
  /** Whether the main thread shows colour: the worker's tables must look the same. */
  colour: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * What a worker sends: its per-file results in parts, in file order, then `done`; or the error
 * that stopped it. In parts, so that neither thread holds a whole half's results twice (the
 * worker's objects and one large message) when a batch of 50,000 sessions is joined.
 */
export type HalfMessage<T> = { part: T[] } | { done: true } | { error: { message: string; stack?: string; exitCode?: number } };

/** Files per part a worker sends. */
export const PART = 500;

export function shouldSplit(files: readonly InputFile[], env: CommandContext['io']['env'], built = !import.meta.url.endsWith('.ts')): boolean {
  // Standard input is read once, by the main thread: a batch with `-` in it stays whole.
  if (env.KADER_SPLIT === 'never' || !built || files.some((f) => f.path === STDIN)) return false;
  const count = files.length;
  if (env.KADER_SPLIT === 'always') return count >= 2;
  const cores = availableParallelism();
  return count >= SPLIT_FROM && cores >= 2 && runnable() <= cores - 1;
}

/**
 * How many threads want a core right now, this one included. On Linux the fourth field of
 * /proc/loadavg counts them at this instant (the least of three readings, so that a passing
 * thread of V8's own does not count); unlike the load average, it does not remember kader's own
 * earlier runs, which made a batch run after batch (as the benchmark does) stop splitting after
 * a minute. Elsewhere the load average, plus this thread.
 */
function runnable(): number {
  try {
    const readings = [0, 1, 2].map(() => Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]!.split('/')[0]));
    const least = Math.min(...readings);
    if (Number.isFinite(least)) return least;
  } catch {
    // not Linux
  }
  return loadavg()[0]! + 1;
}

/** The first ceil(n/2) files stay in the main thread: it starts at once, the worker ~60 ms later. */
export function cut<T>(items: readonly T[]): [T[], T[]] {
  const at = Math.ceil(items.length / 2);
  return [items.slice(0, at), items.slice(at)];
}

export interface StartedHalf<T> {
  /** The worker's per-file results, in the parts it sent them in. */
  result: Promise<T[][]>;
  /** Stop the worker (when the main thread failed and its result is no longer wanted). */
  stop(): void;
}

/**
 * Start a worker on `job` (the files after the `kept` ones the main thread reads); its results,
 * or its error as the error main.ts would have shown.
 */
export async function startHalf<T>(ctx: CommandContext, kept: number, job: Omit<HalfJob, 'globals' | 'colour' | 'cwd' | 'env'>): Promise<StartedHalf<T>> {
  const { Worker } = await import('node:worker_threads');
  if (ctx.debug) ctx.io.stderr(`kader: ${ctx.msgs.cli.split(kept, job.files.length)}\n`);
  const { lang, color, quiet, debug, frameworksDir } = ctx;
  const full: HalfJob = {
    ...job,
    globals: { lang, color, quiet, debug, ...(frameworksDir !== undefined && { frameworksDir }) },
    colour: ctx.chalk.level > 0,
    cwd: ctx.io.cwd,
    env: { ...ctx.io.env },
  };
  // The worker writes nothing itself (its stdout and stderr go nowhere): everything it finds
  // comes back as data, and the main thread reports it in file order.
  const worker = new Worker(new URL('../../bin/worker.js', import.meta.url), { workerData: full, stdout: true, stderr: true });
  const parts: T[][] = [];
  const result = new Promise<T[][]>((resolve, reject) => {
    worker.on('message', (message: HalfMessage<T>) => {
      if ('part' in message) parts.push(message.part);
      else if ('done' in message) resolve(parts);
      else reject(rebuilt(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`kader: the second thread stopped (exit code ${code}) before it answered`)));
  });
  // Nobody may be listening yet when the worker fails; the caller awaits `result` later.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

/** A worker's error as the main thread's: a UserError stays one, with its exit code. */
function rebuilt(error: { message: string; stack?: string; exitCode?: number }): Error {
  const made = error.exitCode !== undefined ? new UserError(error.message, error.exitCode as ExitCode) : new Error(error.message);
  if (error.stack) made.stack = error.stack;
  return made;
}

/** How a worker sends an error back. */
export function described(error: unknown): { message: string; stack?: string; exitCode?: number } {
  if (error instanceof UserError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof Error) return { message: error.message, ...(error.stack !== undefined && { stack: error.stack }) };
  return { message: String(error) };
}

/**
 * The second thread of a large batch (src/cli/halves.ts): bin/worker.js loads the bundle and
 * calls this. It does one command's per-file work on the files it was given and posts the
 * results back in their order, in parts; it writes nothing itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InputFile } from './lint-run.js';
import { makeContext, type CommandContext } from './context.js';
import { described, PART, type HalfJob, type HalfMessage } from './halves.js';

export async function serveHalf(): Promise<void> {
  const job = workerData as HalfJob;
  const post = (message: HalfMessage<unknown>) => parentPort!.postMessage(message);
  const silent = () => undefined;
  try {
    const ctx = await makeContext(
      { cwd: job.cwd, env: job.env, stdout: silent, stderr: silent, isTTY: job.colour, interactive: false },
      { ...job.globals, color: job.colour },
    );
    const each = await perFile(ctx, job);
    for (let at = 0; at < job.files.length; at += PART) post({ part: job.files.slice(at, at + PART).map(each) });
    post({ done: true });
  } catch (error) {
    post({ error: described(error) });
  }
}

/** The command's work on one file, as its own thread does it. */
async function perFile(ctx: CommandContext, job: HalfJob): Promise<(file: InputFile) => unknown> {
  if (job.kind === 'check') return (await import('./commands/check.js')).checkerFor(ctx, job.options as never);
  return (await import('./commands/aggregate.js')).measurerFor(ctx, job.options as never);
}

/**
 * The second thread of a large batch (src/cli/halves.ts): bin/worker.js loads the bundle and
 * calls this. It does one command's per-file work on the files it was given and posts the
 * results back in their order; it writes nothing itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeContext, type CommandContext } from './context.js';
import { described, type HalfJob, type HalfReply } from './halves.js';

export async function serveHalf(): Promise<void> {
  const job = workerData as HalfJob;
  const silent = () => undefined;
  let reply: HalfReply<unknown>;
  try {
    const ctx = await makeContext(
      { cwd: job.cwd, env: job.env, stdout: silent, stderr: silent, isTTY: job.colour, interactive: false },
      { ...job.globals, color: job.colour },
    );
    reply = { result: await work(ctx, job) };
  } catch (error) {
    reply = { error: described(error) };
  }
  parentPort!.postMessage(reply);
}

async function work(ctx: CommandContext, job: HalfJob): Promise<unknown> {
  if (job.kind === 'check') return (await import('./commands/check.js')).checkHalf(ctx, job.files, job.options as never);
  return (await import('./commands/aggregate.js')).aggregateHalf(ctx, job.files, job.options as never);
}

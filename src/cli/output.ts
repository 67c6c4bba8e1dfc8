/** One place where command output leaves the process: stdout, or a file written atomically. */
import { resolve } from 'node:path';
import { FileError, writeFileAtomic } from '../core/files.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

export function writeOutput(ctx: CommandContext, content: string, out?: string): void {
  if (!out || out === '-') {
    ctx.io.stdout(content);
    return;
  }
  try {
    writeFileAtomic(resolve(ctx.io.cwd, out), content, ctx.msgs);
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
}

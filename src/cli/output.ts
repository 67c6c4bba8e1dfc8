/** One place where command output leaves the process: stdout, or a file written atomically. */
import { resolve } from 'node:path';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { displayPath, FileError, writeFileAtomic } from '../core/files.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

/** Text goes to stdout without -o; bytes (a .docx) only ever to a file, which the caller ensures. */
/** `announce`: say on stdout what was written; lint reports for CI (validate, check) keep stdout empty. */
export function writeOutput(ctx: CommandContext, content: string | Uint8Array, out?: string, announce = true): void {
  if (!out || out === '-') {
    if (typeof content !== 'string') throw new Error('binary output needs -o; the command checks that first');
    ctx.io.stdout(content);
    return;
  }
  const target = resolve(ctx.io.cwd, out);
  guardOutput(ctx, target);
  try {
    writeFileAtomic(target, content, ctx.msgs);
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
  if (announce) sayWritten(ctx, target);
}

/** With -o the terminal would stay silent; say what was written, and where (not with --quiet). */
export function sayWritten(ctx: CommandContext, target: string): void {
  if (ctx.quiet) return;
  let bytes = 0;
  try {
    bytes = statSync(target).size;
  } catch {
    return; // nothing there to speak of
  }
  ctx.io.stdout(`${ctx.msgs.io.wrote(displayPath(target, ctx.io.cwd), bytes)}\n`);
}

/** Output never replaces a framework or session: a typo in -o must not destroy a measurement. */
export function guardOutput(ctx: CommandContext, target: string): void {
  const kind = kaderKindOf(target);
  if (kind) throw new UserError(ctx.msgs.io.wouldOverwrite(displayPath(target, ctx.io.cwd), kind));
}

/** "session" or "framework" when the file at `path` is one (by its top-level kind:), else undefined. */
function kaderKindOf(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(64 * 1024);
    const read = readSync(fd, head, 0, head.length, 0);
    return /^kind:\s*["']?(session|framework)["']?\s*$/m.exec(head.subarray(0, read).toString('utf8'))?.[1];
  } catch {
    return undefined; // no file (or not readable): nothing to protect
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

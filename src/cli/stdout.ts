/**
 * Writing to stdout without building `process.stdout` where that is safe. Why: the first touch
 * of `process.stdout` (or `process.stdin`, or `.isTTY` on either) builds Node's stream stack —
 * for a pipe the net, stream and tty modules, ~7 ms, about 0.06 × `node -e 0` — which a
 * command that prints one text (help, frameworks, show, schema) pays for nothing (issue #20,
 * fourth round). A pipe, socket or regular file gets the bytes with `fs.writeSync`, as Node's
 * own stream does for files (and, on Linux, for pipes: synchronously); a terminal and anything
 * else keep `process.stdout`, as does everything after a write that would block.
 */
import { once } from 'node:events';
import { fstatSync, writeSync } from 'node:fs';

/** 'direct' while fs.writeSync is used, 'stream' once process.stdout took over. */
let mode: 'direct' | 'stream' | undefined;

/** Whether `fd` can take plain writes: a pipe, a socket or a regular file (not a terminal), on POSIX. */
function plainTarget(fd: number): boolean {
  if (process.platform === 'win32') return false; // consoles and pipes there: Node's streams know best
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false; // closed or odd: let Node's stream decide, as before
  }
}

/**
 * Whether `fd` (0 or 1) is a terminal. Only a character device can be one, and only then is
 * the stream built (for a terminal it is needed anyway; `/dev/null` gets a cheap file stream).
 */
export function isTerminal(fd: 0 | 1): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (fd === 0 ? process.stdin : process.stdout).isTTY === true;
}

/** `kader show … | head` closes the pipe early; that is not an error worth a stack trace. */
function onBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
}

function streamWrite(text: string | Uint8Array): void {
  if (mode !== 'stream') {
    mode = 'stream';
    process.stdout.on('error', onBrokenPipe);
  }
  process.stdout.write(text);
}

/** Write `text` to stdout, whole and in order. */
export function writeStdout(text: string): void {
  if (mode === undefined) mode = plainTarget(1) ? 'direct' : 'stream';
  if (mode === 'stream') return streamWrite(text);
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return onBrokenPipe(error as NodeJS.ErrnoException);
      // A non-blocking pipe that is full: Node's stream waits for it; the rest goes that way.
      if (code === 'EAGAIN') return streamWrite(bytes.subarray(offset));
      throw error;
    }
  }
}

/** Resolves when stdout has passed on what was written (only a stream can hold any back). */
export async function stdoutDrained(): Promise<void> {
  if (mode !== 'stream' || !process.stdout.writableNeedDrain) return;
  await once(process.stdout, 'drain');
}

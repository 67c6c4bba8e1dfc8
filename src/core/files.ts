/**
 * File I/O at the edge: reading text safely and writing atomically.
 * Errors become FileError with a one-line, translated message; never a raw stack.
 */
import { closeSync, constants, type Dirent, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Messages } from '../i18n/index.js';
import { FileError } from './errors.js';
import { compareNames } from './collate.js';

/** Larger than any real framework or session; keeps memory bounded on a wrong file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Every read and write problem here is a FileError (src/core/errors.ts): one sentence, exit 2. */
export { FileError };

export type PathKind = 'file' | 'directory' | 'missing';

export function pathKind(path: string): PathKind {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** One strict decoder for every file: decoding a whole buffer at once keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The name on the command line that means standard input, and how findings name it. */
export const STDIN = '-';
export const STDIN_SHOWN = 'stdin';

/** Sleep without an event loop: the writers and readers here are synchronous on purpose. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One buffer that every read starts in: a batch of 50,000 sessions allocated 64 kB twice per file before. */
const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * Read from a descriptor until the end, refusing as soon as more than MAX_FILE_BYTES arrive:
 * the size a stat reports is not to be trusted (a pipe, /dev/zero, a file that grows).
 * `view`: the caller uses the bytes at once (decodes them), so they may stay in the shared
 * buffer, which the next read overwrites; otherwise they are copied out.
 */
function readBounded(fd: number, shown: string, msgs: Messages, view: boolean): Buffer {
  const full: Buffer[] = [];
  let buffer = (scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES));
  let used = 0;
  let total = 0;
  for (;;) {
    if (used === buffer.length) {
      full.push(buffer);
      buffer = Buffer.allocUnsafe(SCRATCH_BYTES);
      used = 0;
    }
    let read: number;
    try {
      read = readSync(fd, buffer, used, buffer.length - used, null);
    } catch (error) {
      // A non-blocking stdin (a terminal or pipe set up that way by a parent) has no data yet.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        sleepSync(10);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    used += read;
    total += read;
    if (total > MAX_FILE_BYTES) throw new FileError(msgs.io.tooLarge(shown, MAX_FILE_BYTES / 1024 / 1024));
  }
  const last = buffer.subarray(0, used);
  if (full.length === 0) return view ? last : Buffer.from(last);
  return Buffer.concat([...full, last], total); // a copy: the shared buffer may be reused
}

/** The bytes of a file (or `-`, standard input), with the limits described at readTextFile. */
function readLimited(path: string, shown: string, msgs: Messages, view = false): Buffer {
  let fd: number | undefined;
  try {
    if (path === STDIN) return readBounded(0, shown, msgs, view);
    // O_NONBLOCK: opening a FIFO without a writer returns at once (and is then refused)
    // instead of waiting forever; on a regular file the flag changes nothing.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(msgs.io.isDirectory(shown));
    if (!stat.isFile()) throw new FileError(msgs.io.notRegular(shown));
    if (stat.size > MAX_FILE_BYTES) throw new FileError(msgs.io.tooLarge(shown, MAX_FILE_BYTES / 1024 / 1024));
    return readBounded(fd, shown, msgs, view);
  } catch (error) {
    if (error instanceof FileError) throw error;
    // A link in a folder of sessions whose file is gone: say so, not "does not exist".
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isLink(path)) throw new FileError(msgs.io.brokenLink(shown));
    throw new FileError(describeFsError(error, shown, msgs));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Read a file as UTF-8 text; refuses directories, anything but a regular file (a FIFO would
 * block, /dev/zero never ends), more than MAX_FILE_BYTES and invalid UTF-8; strips a BOM.
 * `-` reads standard input, with the same limit enforced while reading.
 */
export function readTextFile(path: string, shown: string, msgs: Messages): string {
  const bytes = readLimited(path, shown, msgs, true);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new FileError(`${shown}: ${msgs.io.notUtf8}`);
  }
  // TextDecoder strips a leading BOM already; CRLF is handled by the YAML parser.
  return text;
}

/** Read a binary file (a workbook) with the same limits and messages as readTextFile. */
export function readBytesFile(path: string, shown: string, msgs: Messages): Buffer {
  return readLimited(path, shown, msgs);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function describeFsError(error: unknown, shown: string, msgs: Messages): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msgs.io.notFound(shown);
  if (code === 'EISDIR') return msgs.io.isDirectory(shown);
  return msgs.io.unreadable(shown, code ?? String(error));
}

/**
 * Where a write to `path` must land: a symlink is followed to the file it points at, so the
 * link stays a link and the real file (a session kept elsewhere) gets the new content.
 * A link to nothing is refused: writing there would silently replace the link.
 */
export function writeTarget(path: string, msgs: Messages): string {
  try {
    return realpathSync(path);
  } catch {
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      link = false;
    }
    if (link) throw new FileError(msgs.io.danglingLink(path));
    return path; // a new file, or one the write itself will name the problem of
  }
}

/**
 * Write a file so that readers see either the old or the new content, never a mix:
 * temp file beside the real target (symlinks followed), fsync, rename over the target.
 * Private by default (0600): reports carry the same notes as sessions.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, msgs: Messages, mode = 0o600): void {
  const target = writeTarget(path, msgs);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    // writeSync may write less than asked (a full disk, a file size limit) without an error;
    // keep writing until all is written, so the failure surfaces here and not as a short file.
    // Text is written as UTF-8; bytes (a .docx) as they are.
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never made, or is gone already
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new FileError(msgs.io.writeFailed(path, code ?? String(error)));
  }
}

/** A path as users should see it in messages: relative to cwd when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  // A file below cwd as a folder walk names it (normalised, '/'-separated): what relative()
  // gives without its work, which was ~10 ms of a check of 1,000 files (issue #20).
  if (sep === '/' && cwd.length > 1 && path.length > cwd.length + 1 && path.charCodeAt(cwd.length) === 47 && path.startsWith(cwd)) {
    const rest = path.slice(cwd.length + 1);
    if (!rest.includes('//') && !rest.includes('./') && !rest.endsWith('.') && !rest.endsWith('/') && !rest.startsWith('/')) return rest;
  }
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Whether a folder entry is a file to read: a regular file, or a symbolic link to one. Reading
 * through a link is safe (only writes refuse links, issue #16), and a folder of links to the
 * sessions elsewhere is a normal way to put a region together; skipping them silently lost
 * sessions (issue #20). A dangling link counts too, so the read says it is broken. Links to
 * folders are not followed: a link to a parent would be a loop.
 */
export function isFileEntry(dir: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isFile();
  } catch {
    return true;
  }
}

/** All *.yaml / *.yml files below a directory (links to files included), sorted, skipping dot folders and node_modules. */
export function collectYamlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (YAML_FILE.test(entry.name) && isFileEntry(current, entry)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

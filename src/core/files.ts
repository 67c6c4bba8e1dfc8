/**
 * File I/O at the edge: reading text safely and writing atomically.
 * Errors become FileError with a one-line, translated message; never a raw stack.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Messages } from '../i18n/index.js';

/** Larger than any real framework or session; keeps memory bounded on a wrong file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

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

/** Read a file as UTF-8 text; refuses directories, huge files and invalid UTF-8; strips a BOM. */
export function readTextFile(path: string, shown: string, msgs: Messages): string {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // One open, then size and content from the descriptor: a batch of 1,000 files pays one
    // path lookup per file, not two.
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(msgs.io.isDirectory(shown));
    if (stat.size > MAX_FILE_BYTES) throw new FileError(msgs.io.tooLarge(shown, MAX_FILE_BYTES / 1024 / 1024));
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(describeFsError(error, shown, msgs));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileError(msgs.io.isDirectory(shown));
    if (stat.size > MAX_FILE_BYTES) throw new FileError(msgs.io.tooLarge(shown, MAX_FILE_BYTES / 1024 / 1024));
    return readFileSync(path);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(describeFsError(error, shown, msgs));
  }
}

function describeFsError(error: unknown, shown: string, msgs: Messages): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return msgs.io.notFound(shown);
  if (code === 'EISDIR') return msgs.io.isDirectory(shown);
  return msgs.io.unreadable(shown, code ?? String(error));
}

/**
 * Write a file so that readers see either the old or the new content, never a mix:
 * temp file in the same folder, fsync, rename over the target.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, msgs: Messages, mode = 0o644): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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
    renameSync(temp, path);
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
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

const YAML_FILE = /\.ya?ml$/i;

/** All *.yaml / *.yml files below a directory, sorted, skipping dot folders and node_modules. */
export function collectYamlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    const entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

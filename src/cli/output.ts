/** One place where command output leaves the process: stdout, or a file written atomically. */
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { displayPath, readTextFile, writeFileAtomic } from '../core/files.js';
import { fastParse } from '../yaml/fast.js';
import { parseYaml } from '../yaml/parse.js';
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
  writeFileAtomic(target, content, ctx.msgs);
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
  const kind = kaderKindOf(target, ctx.msgs);
  if (kind) throw new UserError(ctx.msgs.io.wouldOverwrite(displayPath(target, ctx.io.cwd), kind));
}

const KINDS = new Set(['session', 'framework']);

/** A top-level `kind:` line in any spelling YAML allows (quoted key or value, a comment after). */
const KIND_LINE = /^["']?kind["']?[ \t]*:[ \t]*["']?(session|framework)["']?[ \t]*(?:#.*)?$/m;
/** The same in JSON (or YAML flow) text, where the key need not start a line; only for text that opens with `{`. */
const KIND_JSON = /["']kind["'][ \t\r\n]*:[ \t\r\n]*["'](session|framework)["']/;

/**
 * "session" or "framework" when the file at `path` is one, else undefined. Decided by parsing
 * (YAML and JSON alike); a file that does not parse (a session broken by hand) still counts
 * when a top-level `kind:` says so, because refusing a name is cheap and losing a session is not.
 */
export function kaderKindOf(path: string, msgs: CommandContext['msgs']): string | undefined {
  let text: string;
  try {
    text = readTextFile(path, path, msgs);
  } catch {
    return undefined; // no file, or no text kader could ever have read as a session or framework
  }
  let value: unknown = fastParse(text);
  if (value === undefined) {
    try {
      value = parseYaml(path, text, msgs).value;
    } catch {
      value = undefined;
    }
  }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'kind')) {
    const kind = (value as { kind: unknown }).kind;
    if (typeof kind === 'string' && KINDS.has(kind)) return kind;
  }
  return (KIND_LINE.exec(text) ?? (/^\s*\{/.test(text) ? KIND_JSON.exec(text) : null))?.[1];
}

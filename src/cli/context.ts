/** What every command gets: where it runs, where it writes, and the global options. */
import type { ChalkInstance } from 'chalk';
import type { Lang, Messages } from '../i18n/index.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal; decides colour by default. */
  isTTY: boolean;
  /** Whether a person can answer prompts: stdin and stdout are both terminals. */
  interactive: boolean;
}

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  frameworksDir?: string;
}

export interface CommandContext extends GlobalOptions {
  io: Io;
  msgs: Messages;
  chalk: ChalkInstance;
}

/** Made when a command runs (not for --help), so chalk is loaded only then. */
export async function makeContext(io: Io, options: GlobalOptions): Promise<CommandContext> {
  // Only the catalogue in use (main.ts has loaded it already): importing ../i18n/index.js
  // would load both languages at every start.
  const [{ Chalk }, msgs] = await Promise.all([import('chalk'), options.lang === 'en' ? import('../i18n/en.js').then((m) => m.en) : import('../i18n/nl.js').then((m) => m.nl)]);
  // NO_COLOR (https://no-color.org) wins; --no-color too; otherwise colour only on a terminal.
  const colour = options.color && io.isTTY && !io.env.NO_COLOR;
  return { ...options, io, msgs, chalk: new Chalk({ level: colour ? 1 : 0 }) };
}

/** What every command gets: where it runs, where it writes, and the global options. */
import type { ChalkInstance } from 'chalk';
import type { Lang, Messages } from '../i18n/index.js';
import type { Prompts } from '../interview/prompts.js';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal; decides colour by default. */
  isTTY: boolean;
  /** Whether a person can answer prompts: stdin and stdout are both terminals. */
  interactive: boolean;
  /**
   * Who answers the prompts, when not a person at a terminal (@inquirer/prompts): the tests
   * that follow the guides' interactive steps in process give a scripted one here.
   */
  prompts?: Prompts;
  /**
   * Resolves when stdout has passed on what was written to it. A pipe's reader can be slower
   * than a command that writes its output in pieces: waiting here keeps the pieces from piling
   * up in memory (kader aggregate, issue #20). Without it, pieces are written straight on.
   */
  drained?(): Promise<void>;
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

/**
 * Without colour every chalk style (chained too: chalk.red.bold) returns its text as it is, as
 * chalk at level 0 does; so chalk, with the terminal probing it loads (~10 % of a command's
 * start-up), is loaded only when there is colour to show.
 */
const plain: ChalkInstance = new Proxy(() => undefined, {
  // Not a thenable (no `then`), so awaiting it, or a promise of it, does not call it.
  get: (_target, key) => (key === 'level' ? 0 : key === 'then' ? undefined : plain),
  apply: (_target, _this, args: unknown[]) => args.join(' '),
}) as unknown as ChalkInstance;

/** Made when a command runs (not for --help). */
export async function makeContext(io: Io, options: GlobalOptions): Promise<CommandContext> {
  // NO_COLOR (https://no-color.org) wins; --no-color too; otherwise colour only on a terminal.
  const colour = options.color && io.isTTY && !io.env.NO_COLOR;
  // Only the catalogue in use (main.ts has loaded it already): importing ../i18n/index.js
  // would load both languages at every start.
  const [chalk, msgs] = await Promise.all([
    colour ? import('chalk').then(({ Chalk }) => new Chalk({ level: 1 })) : plain,
    options.lang === 'en' ? import('../i18n/en.js').then((m) => m.en) : import('../i18n/nl.js').then((m) => m.nl),
  ]);
  return { ...options, io, msgs, chalk };
}

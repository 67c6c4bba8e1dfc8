/**
 * The entry point and the one exit point. `kader --version` answers without loading the
 * command registry, help without building the commander program (src/cli/help.ts), and a
 * plain command line runs from the options table (src/cli/argv.ts); commander parses only what
 * that gives up on. Each command loads only its own module.
 */
import { visible } from '../core/terminal.js';
import { packageVersion } from '../core/assets.js';
import { isLang, type Lang } from '../i18n/lang.js';
import type { CommandContext, GlobalOptions, Io } from './context.js';
import type { Messages } from '../i18n/index.js';
import { UserError, type ExitCode } from '../core/errors.js';
import { isTerminal, stdoutDrained, writeStdout } from './stdout.js';

/** The language is needed before parsing, to write help in it: --lang X, --lang=X or KADER_LANG. */
export function preScanLang(argv: readonly string[], env: Io['env']): Lang {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  const fromEnv = env.KADER_LANG;
  return fromEnv && isLang(fromEnv) ? fromEnv : 'nl';
}

/** Only the catalogue in use: the Dutch and English messages are each a module of their own. */
async function loadCatalogue(lang: Lang) {
  return lang === 'en' ? (await import('../i18n/en.js')).en : (await import('../i18n/nl.js')).nl;
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  // Help needs the table and a catalogue, not commander's program (~20 ms of start-up).
  // Every path needs the catalogue: it loads while help.js does.
  const catalogue = loadCatalogue(preScanLang(argv, io.env));
  const { helpRequest, helpWidth, renderHelp } = await import('./help.js');
  const request = helpRequest(args);
  if (request) {
    io.stdout(renderHelp(await catalogue, request, helpWidth()));
    return 0;
  }
  const msgs = await catalogue;
  const debug = argv.includes('--debug');
  const context = async (g: Partial<GlobalOptions> & { color?: boolean }) => {
    const { makeContext } = await import('./context.js');
    return makeContext(io, {
      lang: g.lang ?? preScanLang(argv, io.env),
      color: g.color !== false,
      quiet: g.quiet === true,
      debug: g.debug === true,
      // --frameworks-dir, or KADER_FRAMEWORKS for people who always use the same folder.
      frameworksDir: g.frameworksDir ?? (io.env.KADER_FRAMEWORKS || undefined),
    });
  };
  try {
    // A plain command line is read from the options table without commander (src/cli/argv.ts):
    // loading and building commander's program was ~0.3 × node -e 0 of every command's start-up.
    const quick = (await import('./argv.js')).quickParse(args, msgs);
    if (quick) return await quick.spec.run(await context(quick.globals), quick.input as never);
    return await withCommander(argv, io, msgs, context);
  } catch (error) {
    // The one place an error becomes a line and an exit code (src/core/errors.ts): a usage,
    // file, conflict or invalid-input problem is one sentence, never "internal error".
    if (error instanceof UserError) {
      io.stderr(`kader: ${visible(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(`kader: ${msgs.cli.internal}\n`);
    if (debug) io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

/**
 * Anything the quick reading gave up on: commander parses it, runs the command or says, in
 * the user's language, what is wrong with the command line.
 */
async function withCommander(
  argv: readonly string[],
  io: Io,
  msgs: Messages,
  context: (globals: Partial<GlobalOptions> & { color?: boolean }) => Promise<CommandContext>,
): Promise<ExitCode> {
  const { buildProgram, usageMessage, CommanderErrorClass: CommanderError } = await import('./program.js');
  let exitCode: ExitCode = 0;
  try {
    const program = buildProgram(msgs, io, {
      setExit: (code) => {
        exitCode = code;
      },
      context: (command) => context(command.optsWithGlobals<Partial<GlobalOptions> & { color?: boolean }>()),
    });
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version also arrive here, with exit code 0.
      // Global options but no command (`kader --lang en`): commander has shown the help, as for plain `kader`.
      if (error.exitCode === 0 || error.code === 'commander.help') return 0;
      io.stderr(`kader: ${visible(usageMessage(error, msgs))}\n`);
      return 2;
    }
    throw error;
  }
}

/** Entry for bin/kader.js: the only place that touches process state. */
export async function run(): Promise<void> {
  // stdout is written without building process.stdout where that is safe (src/cli/stdout.ts),
  // and whether stdin and stdout are terminals is asked only by a command that needs to know.
  let stdoutTTY: boolean | undefined;
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: writeStdout,
    stderr: (text) => void process.stderr.write(text),
    drained: stdoutDrained,
    get isTTY() {
      return (stdoutTTY ??= isTerminal(1));
    },
    get interactive() {
      return isTerminal(0) && this.isTTY;
    },
  };
  process.exitCode = await main(process.argv, io);
}

/** Entry for bin/worker.js: the second thread of a large batch (src/cli/halves.ts). */
export async function worker(): Promise<void> {
  await (await import('./halves-worker.js')).serveHalf();
}

/**
 * The entry point and the one exit point. `kader --version` and the top-level help answer
 * without loading the command registry (the help from text rendered at build time);
 * everything else loads it, and each command loads only its own module.
 */
import { visible } from '../core/terminal.js';
import { readFileSync } from 'node:fs';
import { packageVersion } from '../core/assets.js';
import { isLang, type Lang } from '../i18n/lang.js';
import type { GlobalOptions, Io } from './context.js';
import { UserError, type ExitCode } from '../core/errors.js';

/** The language is needed before parsing, to write help in it: --lang X, --lang=X or KADER_LANG. */
export function preScanLang(argv: readonly string[], env: Io['env']): Lang {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  const fromEnv = env.KADER_LANG;
  return fromEnv && isLang(fromEnv) ? fromEnv : 'nl';
}

/**
 * `kader`, `kader --help`, `kader -h` or `kader help`, with at most one valid --lang: the
 * top-level help, which scripts/precompile.mjs renders at build time. Anything else (a
 * command's help, an invalid --lang, `kader --lang en` alone, which commander answers on
 * stderr) takes the normal path.
 */
function isTopLevelHelp(args: readonly string[]): boolean {
  let help = 0;
  let lang = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h' || arg === 'help') {
      help++;
    } else if (arg === '--lang' && isLang(args[i + 1] ?? '')) {
      lang++;
      i++;
    } else if (arg.startsWith('--lang=') && isLang(arg.slice(7))) {
      lang++;
    } else {
      return false;
    }
  }
  return args.length === 0 || (help === 1 && lang <= 1);
}

/**
 * The width commander wraps help to: process.stdout.columns on a terminal, else 80 (commander's
 * default getOutHelpWidth, then Help's `?? 80`). It reads process.stdout, not io, and so do we,
 * so that both paths wrap alike.
 */
function helpWidth(): number {
  return (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80;
}

/**
 * The top-level help as commander would render it at this width: scripts/precompile.mjs
 * writes one text per range of widths that wrap alike, dist/help/<lang>/<from>.txt, and their
 * ranges, dist/help/<lang>/ranges.json ([from, to], `to` null for every wider terminal).
 * Undefined when the files are missing (running from src/ with tsx) or unreadable, or no range
 * fits: then commander renders the help.
 */
export function precomputedHelp(lang: Lang, width: number): string | undefined {
  try {
    const dir = new URL(`../help/${lang}/`, import.meta.url);
    const ranges = JSON.parse(readFileSync(new URL('ranges.json', dir), 'utf8')) as [number, number | null][];
    const range = ranges.find(([from, to]) => width >= from && (to === null || width <= to));
    return range && readFileSync(new URL(`${range[0]}.txt`, dir), 'utf8');
  } catch {
    return undefined;
  }
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
  // Loading commander, the registry and a catalogue costs ~30 ms; the help is known in advance.
  if (isTopLevelHelp(args)) {
    const help = precomputedHelp(preScanLang(argv, io.env), helpWidth());
    if (help !== undefined) {
      io.stdout(help);
      return 0;
    }
  }
  const [msgs, { buildProgram, usageMessage, CommanderErrorClass: CommanderError }] = await Promise.all([
    loadCatalogue(preScanLang(argv, io.env)),
    import('./program.js'),
  ]);
  const debug = argv.includes('--debug');
  let exitCode: ExitCode = 0;
  try {
    const program = buildProgram(msgs, io, {
      setExit: (code) => {
        exitCode = code;
      },
      context: async (command) => {
        const g = command.optsWithGlobals<Partial<GlobalOptions> & { color?: boolean }>();
        const { makeContext } = await import('./context.js');
        return makeContext(io, {
          lang: g.lang ?? preScanLang(argv, io.env),
          color: g.color !== false,
          quiet: g.quiet === true,
          debug: g.debug === true,
          // --frameworks-dir, or KADER_FRAMEWORKS for people who always use the same folder.
          frameworksDir: g.frameworksDir ?? (io.env.KADER_FRAMEWORKS || undefined),
        });
      },
    });
    if (argv.length <= 2) {
      io.stdout(program.helpInformation());
      return 0;
    }
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

/** Entry for bin/kader.js: the only place that touches process state. */
export async function run(): Promise<void> {
  // `kader show … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  };
  process.exitCode = await main(process.argv, io);
}

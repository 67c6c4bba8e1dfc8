/**
 * The commander program, made from the options table (src/cli/registry.ts): commands,
 * arguments, options, help and examples. Each command's module is imported only when that
 * command runs. Also the translation of commander's own usage errors.
 */
import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import type { Command, CommanderError } from 'commander';
import { packageVersion } from '../core/assets.js';
import type { Messages } from '../i18n/index.js';
import type { CommandContext, Io } from './context.js';
import { UserError, type ExitCode } from './errors.js';
import { argumentsByKey, optionHelp, withDefaults, type OptionSpec } from './options.js';
import { COMMANDS, GLOBAL_OPTIONS, type AnyCommand } from './registry.js';

// commander through require: its ESM wrapper costs ~20 ms of start-up on Node 20 (measured with
// hyperfine in bench/README.md), which every command would pay.
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;
const { Option } = commander;
export const { CommanderError: CommanderErrorClass } = commander;

/** The commander option for a row of the table; a fixed set is refused in the user's language. */
function toOption(spec: OptionSpec, msgs: Messages): CommanderModule.Option {
  const option = new Option(spec.flags, optionHelp(spec, msgs));
  const flag = option.long ?? spec.flags;
  switch (spec.kind) {
    case 'choice':
      return option.argParser((value: string) => {
        if (spec.values.includes(value)) return value;
        throw new UserError(msgs.cli.invalidChoice(flag, value, spec.values));
      });
    case 'number':
      return option.argParser((value: string) => spec.parse(value, msgs));
    case 'list':
      return option.argParser((value: string, previous: string[] = []) => [...previous, value]);
    default:
      return option;
  }
}

function example(msgs: Messages, lines: readonly string[]): string {
  return `\n${lines.length > 1 ? msgs.cli.examples : msgs.cli.example}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export interface Registry {
  setExit(code: ExitCode): void;
  context(command: Command): Promise<CommandContext>;
}

/**
 * What happens when a command's arguments and options are parsed: by default, make the context
 * and run it. The argv → options test passes its own, to see the input without running anything.
 */
export type Dispatch = (name: string, spec: AnyCommand, input: Record<string, unknown>, command: Command) => Promise<void>;

export function buildProgram(msgs: Messages, io: Io, registry: Registry, dispatch?: Dispatch): Command {
  const c = msgs.cli;
  const titles: Record<string, string> = {
    'Usage:': c.usage,
    'Options:': c.options,
    'Commands:': c.commands,
    'Arguments:': c.arguments,
    'Global Options:': c.globalOptions,
  };
  const run: Dispatch =
    dispatch ??
    (async (_name, spec, input, command) => {
      // The table's run() is typed per command; here every command is one of them.
      registry.setExit(await spec.run(await registry.context(command), input as never));
    });
  const program = new commander.Command('kader')
    .description(c.description)
    .version(packageVersion(), '-V, --version', c.version)
    .helpOption('-h, --help', c.help)
    .helpCommand('help [opdracht]', c.help)
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      styleUsage: (usage) => translatePlaceholders(usage, c),
      styleSubcommandTerm: (term) => translatePlaceholders(term, c),
      optionTerm: (option) => translatePlaceholders(option.flags, c),
      argumentTerm: (argument) => c.placeholders[argument.name()] ?? argument.name(),
      showGlobalOptions: true,
    })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();
  for (const spec of Object.values(GLOBAL_OPTIONS)) program.addOption(toOption(spec, msgs));

  for (const [name, spec] of Object.entries(COMMANDS) as [string, AnyCommand][]) {
    const command = program.command(name).description(spec.description(msgs));
    for (const argument of Object.values(spec.args)) command.argument(argument.name, argument.help(msgs));
    for (const option of Object.values(spec.options)) command.addOption(toOption(option, msgs));
    command.addHelpText('after', example(msgs, spec.examples));
    command.action(async (...values: unknown[]) => {
      // commander passes the arguments, then the options, then the command itself.
      const self = values.at(-1) as Command;
      const parsed = values.at(-2) as Record<string, unknown>;
      const input = { ...argumentsByKey(spec.args, values.slice(0, -2)), ...withDefaults(spec.options, parsed) };
      await run(name, spec, input, self);
    });
  }
  return program;
}

/**
 * Help shows "[options]", "[command]" and the placeholders of the definitions below, which
 * are written in Dutch (<bestand>, <sessie> …); show them in the user's language.
 */
function translatePlaceholders(text: string, c: Messages['cli']): string {
  return text
    .replace('[options]', c.optionsPlaceholder)
    .replace('[command]', c.commandPlaceholder)
    .replace(/([<[])([^\]>.]+)(\.\.\.)?([>\]])/g, (_m, open: string, word: string, dots = '', close: string) => `${open}${c.placeholders[word] ?? word}${dots}${close}`);
}

/** Translate commander's own usage errors; they are English and name the option in quotes. */
export function usageMessage(error: CommanderError, msgs: Messages): string {
  // commander's nearest match (showSuggestionAfterError), said in the user's language.
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const said = translateUsage(error, msgs);
  if (!suggestion) return said;
  return `${said}. ${msgs.cli.didYouMean(error.code === 'commander.unknownCommand' ? `kader ${suggestion}` : suggestion)}`;
}

function translateUsage(error: CommanderError, msgs: Messages): string {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  switch (error.code) {
    case 'commander.unknownOption':
      return msgs.cli.unknownOption(quoted[0] ?? '');
    case 'commander.unknownCommand':
      return msgs.cli.unknownCommand(quoted[0] ?? '');
    case 'commander.missingArgument':
      return msgs.cli.missingArgument(msgs.cli.placeholders[quoted[0] ?? ''] ?? quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return msgs.cli.missingOptionValue((quoted[0] ?? '').split(' ')[0] ?? '');
    case 'commander.excessArguments':
      return msgs.cli.tooManyArguments;
    default:
      return error.message.replace(/^error: /, '');
  }
}


/**
 * Help from the options table without building the commander program: `kader --help` and
 * `kader <command> --help` are asked often and should start as fast as `--version`. The layout
 * (which items, in which order, what each term says) follows commander's own Help, and the
 * padding and wrapping are done by commander's Help class itself (commander/lib/help.js, a
 * fraction of commander's size), so the text is the same as commander's to the byte:
 * test/help-fast.test.ts compares both for every command, both languages and many widths.
 * Anything else (an unknown command, an option next to --help) goes through commander.
 */
import { isLang } from '../i18n/lang.js';
import { isTerminal } from './stdout.js';
import { loadHelpClass } from './commander-help.js';
import type { Messages } from '../i18n/index.js';
import { optionHelp, type OptionSpec } from './options.js';
import { COMMANDS, GLOBAL_OPTIONS, type AnyCommand } from './registry.js';

/** `kader [--lang X] (--help | -h | help)`, `kader <command> (--help | -h)` or `kader help <command>`. */
export interface HelpRequest {
  /** The command whose help is asked, or undefined for the top level. */
  command?: string;
}

const HELP_FLAGS = new Set(['--help', '-h']);

/** The help this argv asks for and nothing else; undefined when commander should decide. */
export function helpRequest(args: readonly string[]): HelpRequest | undefined {
  const rest: string[] = [];
  let langs = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang' && isLang(args[i + 1] ?? '')) {
      langs++;
      i++;
    } else if (arg.startsWith('--lang=') && isLang(arg.slice(7))) {
      langs++;
    } else {
      rest.push(arg);
    }
  }
  if (langs > 1) return undefined;
  const [first, second, ...more] = rest;
  if (more.length > 0) return undefined;
  // `kader --lang en` alone is answered by commander (help on stderr, exit 1), as before.
  if (first === undefined) return langs === 0 ? {} : undefined;
  if (second === undefined) return HELP_FLAGS.has(first) || first === 'help' ? {} : undefined;
  if (first === 'help' && Object.hasOwn(COMMANDS, second)) return { command: second };
  if (HELP_FLAGS.has(second) && Object.hasOwn(COMMANDS, first)) return { command: first };
  return undefined;
}

/** The width commander wraps help to: the terminal's columns on a terminal, else 80. */
export function helpWidth(): number {
  return (isTerminal(1) ? process.stdout.columns : undefined) ?? 80;
}

type Item = [term: string, description: string];

/** commander's usage and term notation: <x> required, [x] optional, ... variadic. */
const usageArgs = (spec: AnyCommand) => Object.values(spec.args).map((a) => a.name);
const flagsOf = (spec: OptionSpec) => spec.flags;

/**
 * The help text as commander writes it for `--help` (the examples, added after the help,
 * included); `kader` alone prints the top-level text without anything after it, which is the same.
 */
export function renderHelp(msgs: Messages, request: HelpRequest, width: number): string {
  const c = msgs.cli;
  const translate = (text: string) =>
    text
      .replace('[options]', c.optionsPlaceholder)
      .replace('[command]', c.commandPlaceholder)
      .replace(/([<[])([^\]>.]+)(\.\.\.)?([>\]])/g, (_m, open: string, word: string, dots = '', close: string) => `${open}${c.placeholders[word] ?? word}${dots}${close}`);
  const option = (spec: OptionSpec): Item => [translate(flagsOf(spec)), optionHelp(spec, msgs)];
  const programOptions: Item[] = [['-V, --version', c.version], ...Object.values(GLOBAL_OPTIONS).map(option)];
  const helpOption: Item = ['-h, --help', c.help];

  const spec = request.command === undefined ? undefined : (COMMANDS as Record<string, AnyCommand>)[request.command]!;
  let usage: string;
  let description: string;
  const sections: [title: string, items: Item[]][] = [];
  let after = '';
  if (!spec) {
    usage = translate('kader [options] [command]');
    description = c.description;
    sections.push([c.options, [...programOptions, helpOption]]);
    const commands = Object.entries(COMMANDS as Record<string, AnyCommand>).map(([name, command]): Item => {
      const args = usageArgs(command).join(' ');
      const term = `${name}${Object.keys(command.options).length > 0 ? ' [options]' : ''}${args ? ` ${args}` : ''}`;
      return [translate(term), command.description(msgs)];
    });
    sections.push([c.commands, [...commands, [translate('help [opdracht]'), c.help]]]);
  } else {
    usage = translate(['kader', request.command, '[options]', ...usageArgs(spec)].join(' '));
    description = spec.description(msgs);
    const args = Object.values(spec.args).map((a): Item => {
      const name = a.name.replace(/^[<[]|(\.\.\.)?[>\]]$/g, '');
      return [c.placeholders[name] ?? name, a.help(msgs)];
    });
    sections.push([c.arguments, args]);
    sections.push([c.options, [...Object.values(spec.options).map(option), helpOption]]);
    sections.push([c.globalOptions, programOptions]);
    const lines = spec.examples;
    after = `\n${lines.length > 1 ? c.examples : c.example}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n\n`;
  }

  const Help = loadHelpClass();
  const helper = new Help();
  helper.prepareContext({ helpWidth: width, outputHasColors: false });
  const termWidth = Math.max(0, ...sections.flatMap(([, items]) => items.map(([term]) => helper.displayWidth(term))));
  const output = [`${c.usage} ${usage}`, ''];
  if (description.length > 0) output.push(helper.boxWrap(description, width), '');
  for (const [title, items] of sections) {
    if (items.length > 0) output.push(title, ...items.map(([term, text]) => helper.formatItem(term, termWidth, text, helper)), '');
  }
  return output.join('\n') + after;
}

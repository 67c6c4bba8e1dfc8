/**
 * The quick way from argv to a command's input, straight from the options table, for the
 * command lines people actually type. Loading and building the commander program costs about
 * 0.3 × `node -e 0` of start-up (bench/README.md), which every command paid only to read a few
 * options. This reads argv the way commander does (src/cli/program.ts: global options anywhere
 * before `--`, then the command's own options and arguments) and gives up — returns undefined —
 * on anything it is not sure of: an unknown command or option, a missing or surplus argument, a
 * value outside its set, a repeated single-value option, `--`, `--x=value`, grouped short flags,
 * help and version flags. main.ts then lets commander parse the same argv, so every usage error
 * is still commander's own message, translated as before. test/argv-quick.test.ts holds both
 * readings equal.
 */
import type { Messages } from '../i18n/index.js';
import type { ArgumentSpec, OptionSpec } from './options.js';
import { withDefaults } from './options.js';
import { COMMANDS, GLOBAL_OPTIONS, type AnyCommand } from './registry.js';

export interface QuickParse {
  name: string;
  spec: AnyCommand;
  /** What commander's action would hand the command: arguments by key, options with defaults. */
  input: Record<string, unknown>;
  /** The global options given, as commander's optsWithGlobals() would have them. */
  globals: Record<string, unknown>;
}

interface Flag {
  spec: OptionSpec;
  /** commander's attribute name: '--fail-on' → failOn, '--no-color' → color. */
  key: string;
  negate: boolean;
  takesValue: boolean;
}

const GIVE_UP = Symbol('give up');

/**
 * Each flag of a level ('-o' and '--out') to its row. The row's key is commander's attribute
 * name for the flags (held so by test/argv-options.test.ts): '--fail-on' → failOn, '--no-color' → color.
 */
function lookup(options: Readonly<Record<string, OptionSpec>>): Map<string, Flag> {
  const table = new Map<string, Flag>();
  for (const [key, spec] of Object.entries(options)) {
    const names = spec.flags.split(/[ ,]+/).filter((part) => part.startsWith('-'));
    const flag = { spec, key, negate: names.some((n) => n.startsWith('--no-')), takesValue: /[<[]/.test(spec.flags) };
    for (const name of names) table.set(name, flag);
  }
  return table;
}

/** `--no-x` makes x true by default in commander (when there is no `--x`). */
function negatedDefaults(table: Map<string, Flag>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const flag of table.values()) if (flag.negate) values[flag.key] = true;
  return values;
}

/** commander's `maybeOption`: anything longer than '-' that starts with a dash. */
const optionLike = (arg: string): boolean => arg.length > 1 && arg.startsWith('-');

/** Set an option as commander would, or give up where commander might say something. */
function assign(values: Record<string, unknown>, flag: Flag, value: string | undefined, msgs: Messages): void {
  const { spec, key } = flag;
  if (spec.kind === 'list') {
    values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    return;
  }
  if (spec.kind !== 'flag' && values[key] !== undefined) throw GIVE_UP; // a repeat: let commander decide
  switch (spec.kind) {
    case 'flag':
      values[key] = !flag.negate;
      return;
    case 'choice':
      if (!spec.values.includes(value!)) throw GIVE_UP; // commander refuses it in the user's language
      values[key] = value;
      return;
    case 'number':
      try {
        values[key] = spec.parse(value!, msgs);
      } catch {
        throw GIVE_UP;
      }
      return;
    default:
      values[key] = value;
  }
}

/** Read options of one level out of `args`; what is no option of this level goes to `rest`. */
function readOptions(args: readonly string[], table: Map<string, Flag>, values: Record<string, unknown>, msgs: Messages, strict: boolean): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--' || /^-[^-]./.test(arg)) throw GIVE_UP; // `--` and grouped short flags: commander's
    const flag = optionLike(arg) ? table.get(arg) : undefined;
    if (flag) {
      if (!flag.takesValue) {
        assign(values, flag, undefined, msgs);
        continue;
      }
      const value = args[++i];
      if (value === undefined) throw GIVE_UP; // "option requires a value": commander says so
      assign(values, flag, value, msgs);
      continue;
    }
    if (strict && optionLike(arg)) throw GIVE_UP; // an unknown option, or -h/-V
    rest.push(arg);
  }
  return rest;
}

/** The arguments by key as commander gives them: optional ones undefined, variadic ones a list. */
function readArguments(args: Readonly<Record<string, ArgumentSpec>>, operands: readonly string[]): Record<string, unknown> {
  const specs = Object.entries(args);
  const variadic = specs.some(([, a]) => a.name.includes('...'));
  const required = specs.filter(([, a]) => a.name.startsWith('<')).length;
  if (operands.length < required || (!variadic && operands.length > specs.length)) throw GIVE_UP;
  return Object.fromEntries(specs.map(([key, a], i) => [key, a.name.includes('...') ? operands.slice(i) : operands[i]]));
}

/** The command and its input for argv (without node and the script), or undefined: ask commander. */
export function quickParse(args: readonly string[], msgs: Messages): QuickParse | undefined {
  try {
    // The program first: global options wherever they stand, the rest in order (commander's parseOptions).
    const globalTable = lookup(GLOBAL_OPTIONS);
    const globals = negatedDefaults(globalTable);
    const rest = readOptions(args, globalTable, globals, msgs, false);
    const name = rest[0];
    if (name === undefined || optionLike(name) || !Object.hasOwn(COMMANDS, name)) throw GIVE_UP;
    const spec = (COMMANDS as Record<string, AnyCommand>)[name]!;
    const table = lookup(spec.options);
    for (const flag of table.keys()) if (globalTable.has(flag)) throw GIVE_UP; // the program would take it
    const options = negatedDefaults(table);
    const operands = readOptions(rest.slice(1), table, options, msgs, true);
    return { name, spec, input: { ...readArguments(spec.args, operands), ...withDefaults(spec.options, options) }, globals };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

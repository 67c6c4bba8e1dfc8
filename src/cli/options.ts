/**
 * The typed options table's vocabulary: an option or argument is declared once (flags, help,
 * kind, values, default), and from that declaration come the commander option, the type the
 * command receives, the default shown in help and applied after parsing, and shell completion.
 * Loaded at start-up by src/cli/program.ts, so it imports nothing that runs.
 */
import type { Messages } from '../i18n/index.js';
import type { CommandContext } from './context.js';
import type { ExitCode } from './errors.js';

/** A help text in the user's language. */
export type HelpText = (msgs: Messages) => string;

interface Base {
  /** commander's flags, placeholders in Dutch (translated in help): '-o, --out <bestand>'. */
  readonly flags: string;
  readonly help: HelpText;
}

export type OptionSpec =
  /** Present or not (`--redact`); `--no-x` gives x: false. */
  | (Base & { readonly kind: 'flag' })
  /** One value (`--out <bestand>`). */
  | (Base & { readonly kind: 'text' })
  /** Repeatable (`--status A2=gereed --status A3=bezig`), in the order given. */
  | (Base & { readonly kind: 'list' })
  /** One of a fixed set, refused in the user's language; completion offers the set. */
  | (Base & { readonly kind: 'choice'; readonly values: readonly string[]; readonly default?: string })
  /** A whole number, checked by `parse` (which throws a UserError in the user's language). */
  | (Base & { readonly kind: 'number'; readonly parse: (value: string, msgs: Messages) => number; readonly default?: number });

export interface ArgumentSpec {
  /** '<sessie>', '[kader]', '<sessies...>': required, optional, variadic, as commander writes them. */
  readonly name: string;
  readonly help: HelpText;
}

type OptionValue<S> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'text' }
    ? string
    : S extends { kind: 'list' }
      ? string[]
      : S extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'number' }
          ? number
          : never;

/** What a command receives for its options: a value with a default is always there. */
export type OptionsOf<O extends Record<string, OptionSpec>> = {
  -readonly [K in keyof O]: O[K] extends { default: string | number } ? OptionValue<O[K]> : OptionValue<O[K]> | undefined;
};

type ArgumentValue<N extends string> = N extends `${string}...${string}` ? string[] : N extends `<${string}` ? string : string | undefined;

/** What a command receives for its arguments, by the key they are declared under. */
export type ArgumentsOf<A extends Record<string, ArgumentSpec>> = { -readonly [K in keyof A]: ArgumentValue<A[K]['name']> };

export interface CommandSpec<A extends Record<string, ArgumentSpec> = Record<string, ArgumentSpec>, O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  readonly description: HelpText;
  readonly args: A;
  readonly options: O;
  /** The lines of the "Voorbeelden:" section, each a command line. */
  readonly examples: readonly string[];
  /** Loads the command's module (only now) and runs it. */
  run(ctx: CommandContext, input: ArgumentsOf<A> & OptionsOf<O>): Promise<ExitCode>;
}

/** Declares a command; the generic parameters give `run` its exact input type. */
export const defineCommand = <const A extends Record<string, ArgumentSpec>, const O extends Record<string, OptionSpec>>(spec: CommandSpec<A, O>): CommandSpec<A, O> => spec;

/** The help text of an option: its description, and its default in brackets when it has one. */
export function optionHelp(spec: OptionSpec, msgs: Messages): string {
  const shown = 'default' in spec && spec.default !== undefined ? ` (${spec.default})` : '';
  return `${spec.help(msgs)}${shown}`;
}

/** The options as parsed, with every declared default filled in where the user gave none. */
export function withDefaults(options: Readonly<Record<string, OptionSpec>>, parsed: Record<string, unknown>): Record<string, unknown> {
  const result = { ...parsed };
  for (const [key, spec] of Object.entries(options)) {
    if (result[key] === undefined && 'default' in spec && spec.default !== undefined) result[key] = spec.default;
  }
  return result;
}

/** The arguments as commander hands them to an action, by their keys. */
export function argumentsByKey(args: Readonly<Record<string, ArgumentSpec>>, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(Object.keys(args).map((key, i) => [key, values[i]]));
}

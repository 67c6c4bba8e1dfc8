/**
 * Shell completion generated from the options table itself (src/cli/registry.ts), so it never
 * drifts from --help: command names, each command's options, and the values of options with a
 * fixed set. The table comes in as a parameter: this module imports nothing of the registry's.
 */
import { readdirSync } from 'node:fs';
import { BUNDLED_FRAMEWORKS_DIR } from '../core/assets.js';
import type { OptionSpec } from './options.js';

/** The part of the registry that completion reads. */
export interface CompletionTable {
  commands: Readonly<Record<string, { readonly options: Readonly<Record<string, OptionSpec>> }>>;
  globals: Readonly<Record<string, OptionSpec>>;
}

interface CommandSpec {
  name: string;
  options: string[];
}

/** An option's long and short flag, in the order commander lists them (long first). */
function flagsOf(spec: OptionSpec): string[] {
  const words = spec.flags.split(/[ ,|]+/).filter((word) => word.startsWith('-'));
  return [words.find((w) => w.startsWith('--')), words.find((w) => !w.startsWith('--'))].filter((f): f is string => Boolean(f));
}

/** Values per "command:flag" ("*:flag" for global options), for the word after the flag. */
function specs(table: CompletionTable): { commands: CommandSpec[]; globals: string[]; choices: Map<string, readonly string[]> } {
  const choices = new Map<string, readonly string[]>();
  const flagsIn = (options: Readonly<Record<string, OptionSpec>>, scope: string) =>
    Object.values(options).flatMap((option) => {
      const flags = flagsOf(option);
      if (option.kind === 'choice') for (const f of flags) choices.set(`${scope}:${f}`, option.values);
      return flags;
    });
  const globals = ['--version', '-V', ...flagsIn(table.globals, '*'), '--help', '-h'];
  const commands = Object.entries(table.commands).map(([name, command]) => ({ name, options: [...flagsIn(command.options, name), '--help'] }));
  return { commands, globals, choices };
}

const quote = (words: Iterable<string>) => [...words].join(' ');

/** The bundled frameworks' ids (their file names), offered where a framework is asked for. */
function bundledIds(): string[] {
  try {
    return readdirSync(BUNDLED_FRAMEWORKS_DIR)
      .filter((name) => /\.ya?ml$/i.test(name))
      .map((name) => name.replace(/\.ya?ml$/i, ''))
      .sort();
  } catch {
    return [];
  }
}

export function bashCompletion(table: CompletionTable, ids: readonly string[] = bundledIds()): string {
  const { commands, globals, choices } = specs(table);
  const perCommand = commands.map((c) => `    ${c.name}) opts="${quote(c.options)} ${quote(globals)}" ;;`).join('\n');
  const line = ([key, values]: [string, readonly string[]]) => `    ${key}) COMPREPLY=( $(compgen -W "${quote(values)}" -- "$cur") ); return ;;`;
  const globalChoice = [...choices].filter(([key]) => key.startsWith('*:')).map(line).join('\n');
  const perChoice = [...choices].map(([key, values]) => `    ${key}) COMPREPLY=( $(compgen -W "${quote(values)}" -- "$cur") ); return ;;`).join('\n');
  return `# kader completion for bash: kader completion bash > ~/.local/share/bash-completion/completions/kader
_kader() {
  local cur prev command opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command=""
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in -*) ;; *) command="$word"; break ;; esac
  done
  # A framework: a bundled id or a file (--framework, kader show <id>, kader schema answers <id>).
  if [ "$prev" = "--framework" ] || { [ "$command" = show ] && [[ "$cur" != -* ]]; } || { [ "$command" = schema ] && [ "$prev" = answers ]; }; then
    COMPREPLY=( $(compgen -W "${quote(ids)}" -- "$cur") $(compgen -f -- "$cur") )
    return
  fi
  case "\${command:-*}:$prev" in
${perChoice}
  esac
  case "*:$prev" in
${globalChoice}
  esac
  if [ -z "$command" ]; then
    COMPREPLY=( $(compgen -W "${quote(commands.map((c) => c.name))} ${quote(globals)}" -- "$cur") )
    return
  fi
  case "$command" in
${perCommand}
    *) opts="${quote(globals)}" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -F _kader kader
`;
}

/** zsh reads the same function through its bash compatibility layer (bashcompinit). */
export function zshCompletion(table: CompletionTable): string {
  return `# kader completion for zsh: kader completion zsh >> ~/.zshrc
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(table).split('\n').slice(1).join('\n')}`;
}

/** `kader completion <shell>`: the script for that shell. */
export function completionScript(shell: 'bash' | 'zsh', commands: CompletionTable['commands'], globals: CompletionTable['globals']): string {
  return shell === 'bash' ? bashCompletion({ commands, globals }) : zshCompletion({ commands, globals });
}

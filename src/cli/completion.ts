/**
 * Shell completion generated from the command registry itself, so it never drifts from
 * --help: command names, each command's options, and the values of options with a fixed set.
 */
import { readdirSync } from 'node:fs';
import type { Command } from 'commander';
import { BUNDLED_FRAMEWORKS_DIR } from '../core/assets.js';
import { OPTION_CHOICES } from './program.js';

interface CommandSpec {
  name: string;
  options: string[];
}

/** Values per "command:flag" ("*:flag" for global options), for the word after the flag. */
function specs(program: Command): { commands: CommandSpec[]; globals: string[]; choices: Map<string, readonly string[]> } {
  const choices = new Map<string, readonly string[]>();
  const flagsOf = (command: Command, scope: string) =>
    command.options.flatMap((option) => {
      const values = OPTION_CHOICES.get(option);
      for (const flag of [option.long, option.short]) if (flag && values) choices.set(`${scope}:${flag}`, values);
      return [option.long, option.short].filter((f): f is string => Boolean(f));
    });
  const globals = [...flagsOf(program, '*'), '--help', '-h'];
  const commands = program.commands.map((command) => ({ name: command.name(), options: [...flagsOf(command, command.name()), '--help'] }));
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

export function bashCompletion(program: Command, ids: readonly string[] = bundledIds()): string {
  const { commands, globals, choices } = specs(program);
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
export function zshCompletion(program: Command): string {
  return `# kader completion for zsh: kader completion zsh >> ~/.zshrc
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(program).split('\n').slice(1).join('\n')}`;
}

/**
 * The prompt seam: the four kinds of question kader asks in a terminal (pick one, tick some,
 * type, yes/no). The interview, `kader plan`, `kader merge --interactive` and a new session's
 * context all ask through this interface; only src/interview/terminal-prompter.ts talks to
 * @inquirer/prompts, and tests script the same flows without a terminal
 * (test/support/scripted-prompts.ts).
 */

/** A line between groups of a list. */
export const SEPARATOR = { separator: true } as const;

export interface PromptChoice<V extends string> {
  name: string;
  value: V;
  /** Shown under the list while this entry is highlighted. */
  description?: string;
}

export interface Prompts {
  select<V extends string>(question: { message: string; choices: readonly (PromptChoice<V> | typeof SEPARATOR)[]; default?: V | undefined; pageSize?: number }): Promise<V>;
  checkbox<V extends string>(question: { message: string; choices: readonly (PromptChoice<V> & { checked?: boolean })[]; pageSize?: number }): Promise<V[]>;
  /** `validate` returns true, or the sentence that says why the text is refused (asked again). */
  input(question: { message: string; default?: string | undefined; validate?: (raw: string) => true | string; prefill?: 'editable' }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

/**
 * Whether an error is the person stopping a prompt: Ctrl-C (ExitPromptError) or a prompt cut
 * off (AbortPromptError). The one place that knows inquirer's names for them; by name, so
 * this module loads nothing.
 */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

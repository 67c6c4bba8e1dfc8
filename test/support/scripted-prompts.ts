/**
 * The prompt seam (src/interview/prompts.ts) driven by a script instead of a person: each
 * prompt takes the next answer. An input's `validate` runs as inquirer runs it: a refused text
 * is recorded with the sentence shown, and the next scripted answer is typed instead. When the
 * script is used up, or an entry says so, the prompt is stopped as Ctrl-C (or an abort) stops it.
 */
import type { PromptChoice, Prompts } from '../../src/interview/prompts.js';

type Pick = (choices: readonly PromptChoice<string>[]) => string;
/** An answer: text typed (undefined = Enter on the default), a value or a picker, ticks, yes/no, or a stop. */
export type Scripted = string | undefined | Pick | string[] | boolean | { stop: 'ExitPromptError' | 'AbortPromptError' };

export interface Asked {
  kind: 'select' | 'checkbox' | 'input' | 'confirm';
  message: string;
  answer?: unknown;
}

export interface ScriptedPrompts extends Prompts {
  /** Every prompt in order, with what was answered. */
  asked: Asked[];
  /** The sentences with which an input refused a scripted text. */
  refused: string[];
}

function stopped(name: string): Error {
  const error = new Error(`stopped by the script (${name})`);
  error.name = name;
  return error;
}

export function scriptedPrompts(script: readonly Scripted[]): ScriptedPrompts {
  const queue = [...script];
  const asked: Asked[] = [];
  const refused: string[] = [];
  const next = (kind: Asked['kind'], message: string): Scripted => {
    if (queue.length === 0) {
      asked.push({ kind, message });
      throw stopped('ExitPromptError');
    }
    const answer = queue.shift();
    if (answer && typeof answer === 'object' && 'stop' in answer) {
      asked.push({ kind, message });
      throw stopped(answer.stop);
    }
    return answer;
  };
  return {
    asked,
    refused,
    async select(q) {
      const choices = q.choices.filter((c): c is PromptChoice<never> => !('separator' in c));
      const answer = next('select', q.message);
      const value = typeof answer === 'function' ? answer(choices) : answer === undefined ? (q.default ?? choices[0]?.value) : answer;
      if (!choices.some((c) => c.value === value)) throw new Error(`script: "${String(value)}" is not a choice of "${q.message}" (${choices.map((c) => c.value).join(', ')})`);
      asked.push({ kind: 'select', message: q.message, answer: value });
      return value as never;
    },
    async checkbox(q) {
      const answer = next('checkbox', q.message);
      const values = Array.isArray(answer) ? answer : q.choices.filter((c) => c.checked).map((c) => c.value);
      asked.push({ kind: 'checkbox', message: q.message, answer: values });
      return values as never;
    },
    async input(q) {
      for (;;) {
        const answer = next('input', q.message);
        if (answer !== undefined && typeof answer !== 'string') throw new Error(`script: "${q.message}" wants text`);
        const typed = answer ?? q.default ?? '';
        const verdict = q.validate?.(typed) ?? true;
        if (verdict === true) {
          asked.push({ kind: 'input', message: q.message, answer: typed });
          return typed;
        }
        refused.push(verdict);
      }
    },
    async confirm(q) {
      const answer = next('confirm', q.message);
      const value = typeof answer === 'boolean' ? answer : (q.default ?? false);
      asked.push({ kind: 'confirm', message: q.message, answer: value });
      return value;
    },
  };
}

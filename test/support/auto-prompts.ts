/**
 * The prompt seam answered by a patient stand-in: the default where there is one, else the
 * first answer a list offers (never its navigation), the first tick of a checkbox, and for a
 * typed question the first of a few plain texts that its validation accepts. The guides'
 * interactive steps (`<!-- doctest interactive -->`) run with it, so a flag or flow the text
 * describes must still lead to a saved session. It stops, as Ctrl-C, after `limit` prompts.
 */
import type { PromptChoice, Prompts } from '../../src/interview/prompts.js';

/** Texts to type, in order, when a question has no acceptable default: empty, words, a number, a date. */
const TYPED = ['', 'Voorbeeldgemeente', '3', '20-11-2026'];

/** Navigation entries of kader's lists carry this prefix; an answer never does. */
const NAV_PREFIX = '\u0000';

export interface AutoPrompts extends Prompts {
  /** How many prompts were answered. */
  count(): number;
}

export function autoPrompts(limit = 5_000): AutoPrompts {
  let count = 0;
  const tick = () => {
    if (++count > limit) {
      const error = new Error(`more than ${limit} prompts`);
      error.name = 'ExitPromptError';
      throw error;
    }
  };
  const answers = <V extends string>(choices: readonly (PromptChoice<V> | { separator: true })[]): PromptChoice<V>[] =>
    choices.filter((c): c is PromptChoice<V> => !('separator' in c) && !c.value.startsWith(NAV_PREFIX));
  return {
    count: () => count,
    async select(question) {
      tick();
      const offered = answers(question.choices);
      if (question.default !== undefined && offered.some((c) => c.value === question.default)) return question.default;
      if (offered.length === 0) throw new Error(`nothing to choose in "${question.message}"`);
      return offered[0]!.value;
    },
    async checkbox(question) {
      tick();
      return question.choices.slice(0, 1).map((c) => c.value);
    },
    async input(question) {
      tick();
      const ok = (text: string) => (question.validate ? question.validate(text) === true : true);
      if (question.default !== undefined && ok(question.default)) return question.default;
      const typed = TYPED.find(ok);
      if (typed === undefined) throw new Error(`no text accepted by "${question.message}"`);
      return typed;
    },
    async confirm(question) {
      tick();
      return question.default ?? false;
    },
  };
}

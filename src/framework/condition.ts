/** Skip-logic conditions (`when`) as data: readable text now, evaluation with the interview. */
import type { Condition } from './types.js';

export interface ConditionWords {
  answered: string;
  notAnswered: string;
  all: string;
  any: string;
  not: string;
}

export function conditionToText(condition: Condition, words: ConditionWords): string {
  if ('all' in condition) return `${words.all}(${condition.all.map((c) => conditionToText(c, words)).join('; ')})`;
  if ('any' in condition) return `${words.any}(${condition.any.map((c) => conditionToText(c, words)).join('; ')})`;
  if ('not' in condition) return `${words.not}(${conditionToText(condition.not, words)})`;
  if ('equals' in condition) return `${condition.question} = ${String(condition.equals)}`;
  if ('in' in condition) return `${condition.question} ∈ {${condition.in.map(String).join(', ')}}`;
  return `${condition.question} ${condition.answered ? words.answered : words.notAnswered}`;
}

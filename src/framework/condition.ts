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

/** What a condition needs to know of the answers: the current value of a question, if any. */
export type ValueLookup = (questionId: string) => unknown;

/**
 * Whether a condition holds. An unanswered question equals nothing; for a multi question
 * (a list) `equals` means "was ticked" and `in` means "any of these was ticked".
 */
export function evaluateCondition(condition: Condition, valueOf: ValueLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, valueOf));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, valueOf));
  if ('not' in condition) return !evaluateCondition(condition.not, valueOf);
  const value = valueOf(condition.question);
  if ('answered' in condition) return (value !== undefined) === condition.answered;
  if (value === undefined) return false;
  const candidates = 'equals' in condition ? [condition.equals] : condition.in;
  return Array.isArray(value) ? value.some((v) => candidates.includes(v)) : candidates.includes(value as never);
}

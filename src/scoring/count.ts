/**
 * A count ("in 7 of the 10 files looked at") as a scored answer: the fraction becomes a level
 * of the framework's scale by the thresholds the framework states, and counts like a scale
 * answer with that level's score. Pure; kept apart from score.ts so that file stays about
 * combining answers.
 */
import type { Framework, Level, Question } from '../framework/types.js';
import type { Answer } from '../session/types.js';

/** The level a count reaches, or undefined when it cannot be scored (no count, no total, total 0). */
export function countLevel(framework: Framework, question: Question, answers: Readonly<Record<string, Answer>>): Level | undefined {
  const rule = question.count;
  if (!rule) return undefined;
  const count = answers[question.id]?.value;
  const total = answers[rule.of]?.value;
  // Nothing looked at says nothing: such a count is left out, as "onbekend" is.
  if (typeof count !== 'number' || typeof total !== 'number' || total <= 0) return undefined;
  const levels = framework.scales.find((s) => s.id === rule.scale)?.levels ?? [];
  const fraction = Math.min(count / total, 1);
  // Levels run best → worst: the first whose threshold the fraction reaches; below all, the worst.
  return levels.find((l) => rule.levels[l.value] !== undefined && fraction >= rule.levels[l.value]!) ?? levels[levels.length - 1];
}

/** The score a count adds to its criterion, or undefined when it adds none. */
export function countScore(framework: Framework, question: Question, answers: Readonly<Record<string, Answer>>): number | undefined {
  return countLevel(framework, question, answers)?.score;
}

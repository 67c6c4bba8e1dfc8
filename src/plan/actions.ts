/** Improvement actions (verbeteracties): SMART by construction. Pure checks, no prompts. */
import type { Messages } from '../i18n/index.js';
import type { ImprovementAction } from '../session/types.js';
import { isIsoDate } from '../session/values.js';

export const PRIORITIES = ['hoog', 'middel', 'laag'] as const;
export const ACTION_STATUSES = ['open', 'bezig', 'gereed', 'vervallen'] as const;

export type ActionField = 'criterion' | 'what' | 'owner' | 'due' | 'priority' | 'indicator' | 'status';
export type ActionProblem = { field: ActionField; reason: 'missing' | 'not-a-date' | 'not-in-future' | 'not-allowed' | 'unknown-criterion' };

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Why a field value is refused, or undefined when it is fine. `today` is YYYY-MM-DD. */
export function checkField(field: ActionField, value: unknown, today: string, criteria?: ReadonlySet<string>): ActionProblem | undefined {
  switch (field) {
    case 'what':
    case 'owner':
    case 'indicator':
      return filled(value) ? undefined : { field, reason: 'missing' };
    case 'due':
      if (!filled(value)) return { field, reason: 'missing' };
      if (!isIsoDate(value)) return { field, reason: 'not-a-date' };
      return value > today ? undefined : { field, reason: 'not-in-future' };
    case 'priority':
      return (PRIORITIES as readonly unknown[]).includes(value) ? undefined : { field, reason: 'not-allowed' };
    case 'status':
      return (ACTION_STATUSES as readonly unknown[]).includes(value) ? undefined : { field, reason: 'not-allowed' };
    case 'criterion':
      if (!filled(value)) return { field, reason: 'missing' };
      return !criteria || criteria.has(value) ? undefined : { field, reason: 'unknown-criterion' };
  }
}

/** Every problem of a new action. A due date in the past is only refused for actions still to do. */
export function checkAction(action: Partial<ImprovementAction>, today: string, criteria: ReadonlySet<string>): ActionProblem[] {
  const fields: ActionField[] = ['criterion', 'what', 'owner', 'due', 'priority', 'indicator', 'status'];
  return fields
    .map((field) => checkField(field, action[field], today, criteria))
    .filter((p): p is ActionProblem => p !== undefined)
    .filter((p) => !(p.reason === 'not-in-future' && (action.status === 'gereed' || action.status === 'vervallen')));
}

/** The next free id: A1, A2, … */
export function nextActionId(actions: readonly ImprovementAction[]): string {
  const numbers = actions.map((a) => /^A(\d+)$/.exec(a.id)?.[1]).filter(Boolean).map(Number);
  return `A${(numbers.length ? Math.max(...numbers) : 0) + 1}`;
}

/** A refused field as one sentence: "wat ontbreekt; een SMART-actie heeft dit nodig". */
export function describeActionProblem(problem: ActionProblem, msgs: Messages): string {
  return msgs.plan.reasons[problem.reason](msgs.plan.fields[problem.field]);
}

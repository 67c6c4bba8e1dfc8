/** A SMART problem with an action, as one sentence in the user's language. */
import type { Messages } from '../i18n/index.js';
import type { ActionProblem } from './actions.js';

export function describeActionProblem(msgs: Messages, problem: ActionProblem): string {
  return msgs.plan.reasons[problem.reason]!(msgs.plan.fields[problem.field]!);
}

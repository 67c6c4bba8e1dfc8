/** The interactive side of kader plan: walk the improvement points and record SMART actions. */
import { visible } from '../../core/terminal.js';
import { personalDataWarning } from '../../privacy/detect.js';
import { ACTION_STATUSES, checkField, nextActionId, PRIORITIES, type ActionField } from '../../plan/actions.js';
import { buildReport, type CriterionView } from '../../report/model.js';
import type { ImprovementAction } from '../../session/types.js';
import { isPromptCancel, SEPARATOR, type Prompts } from '../../interview/prompts.js';
import { inquirerPrompts } from '../../interview/terminal-prompter.js';
import { describeActionProblem } from '../../plan/actions.js';
import type { CommandContext } from '../context.js';
import { saveSession, today, type OpenSession } from '../session-io.js';

const OWN = '\u0000own';

/** A typed field with the SMART check as validation: the prompt refuses and says why. */
async function askField(ctx: CommandContext, prompts: Prompts, field: ActionField, message: string, current?: string): Promise<string> {
  const value = await prompts.input({
    message,
    default: current,
    validate: (raw) => {
      const problem = checkField(field, raw.trim(), today());
      return problem ? describeActionProblem(problem, ctx.msgs) : true;
    },
  });
  const warning = personalDataWarning(value, ctx.msgs.plan.fields[field] ?? field, ctx.msgs.privacy);
  if (warning) ctx.io.stdout(`${ctx.chalk.yellow(`! ${warning}`)}\n`);
  return value.trim();
}

function showPoint(ctx: CommandContext, point: CriterionView, place: number, total: number): void {
  const p = ctx.msgs.plan;
  const r = ctx.msgs.report;
  const c = ctx.chalk;
  // Titles, answers and notes come from files: their control characters are shown, not obeyed.
  const v = visible;
  const lines = [
    '',
    c.bold(`${p.header(place, total)}: ${v(point.id)} ${v(point.title)}${point.critical ? c.red(` [${r.critical}]`) : ''}`),
    `${r.outcome[point.outcome]}${point.percent !== null ? ` (${point.percent}%)` : ''}${point.judgement ? ` — ${r.judgement}: ${v(point.judgement.motivation)}` : ''}`,
    ...point.findings.map((f) => `  • ${v(f.question)} ${c.bold(v(f.answer))}${f.note ? c.dim(` — ${v(f.note)}`) : ''}`),
    ...(point.actions.length ? [c.dim(`${r.actionsHere}:`), ...point.actions.map((a) => v(`  ${a.id} ${a.what} (${a.owner}, ${a.due}, ${a.status})`))] : []),
  ];
  ctx.io.stdout(`${lines.join('\n')}\n`);
}

async function addAction(ctx: CommandContext, prompts: Prompts, open: OpenSession, point: CriterionView): Promise<void> {
  const p = ctx.msgs.plan;
  let what = await prompts.select({
    message: p.chooseWhat,
    choices: [...point.suggestions.map((s) => ({ name: visible(s), value: s })), SEPARATOR, { name: p.ownText, value: OWN }],
  });
  if (what === OWN) what = await askField(ctx, prompts, 'what', p.what);
  const owner = await askField(ctx, prompts, 'owner', p.owner);
  const due = await askField(ctx, prompts, 'due', p.due);
  const priority = await prompts.select({
    message: p.priority,
    choices: PRIORITIES.map((v) => ({ name: ctx.msgs.report.priorityValues[v] ?? v, value: v })),
    default: point.critical ? 'hoog' : 'middel',
  });
  const indicator = await askField(ctx, prompts, 'indicator', p.indicator);
  const actions = open.session.actions ?? [];
  const action: ImprovementAction = { id: nextActionId(actions), criterion: point.id, what, owner, due, priority, indicator, status: 'open' };
  open.session.actions = [...actions, action];
  saveSession(open);
  ctx.io.stdout(`${p.added(action.id)}\n`);
}

async function editAction(ctx: CommandContext, prompts: Prompts, open: OpenSession, point: CriterionView): Promise<void> {
  const p = ctx.msgs.plan;
  const actions = open.session.actions ?? [];
  const id = await prompts.select({ message: p.chooseAction, choices: point.actions.map((a) => ({ name: visible(`${a.id} ${a.what}`), value: a.id })) });
  const action = actions.find((a) => a.id === id)!;
  const field = await prompts.select<ActionField>({
    message: p.chooseField,
    choices: (['status', 'what', 'owner', 'due', 'priority', 'indicator'] as const).map((f) => ({ name: visible(`${p.fields[f]}: ${action[f]}`), value: f })),
  });
  if (field === 'status') {
    action.status = await prompts.select({ message: p.status, choices: ACTION_STATUSES.map((v) => ({ name: ctx.msgs.report.statusAction[v] ?? v, value: v })), default: action.status });
  } else if (field === 'priority') {
    action.priority = await prompts.select({ message: p.priority, choices: PRIORITIES.map((v) => ({ name: ctx.msgs.report.priorityValues[v] ?? v, value: v })), default: action.priority });
  } else if (field !== 'criterion') {
    const questions = { what: p.what, owner: p.owner, due: p.due, indicator: p.indicator };
    action[field] = await askField(ctx, prompts, field, questions[field], action[field]);
  }
  saveSession(open);
}

export async function walkPlan(ctx: CommandContext, open: OpenSession, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Promise<void> {
  const p = ctx.msgs.plan;
  const build = () =>
    buildReport({
      framework: open.resolved.framework,
      session: open.session,
      words: { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special },
    });
  /** The improvement points and the critical criteria not yet assessed, in priority order. */
  const pointsOf = (model: ReturnType<typeof build>): CriterionView[] => model.planOrder.map((id) => model.criteria.find((c) => c.id === id)!);
  const points = pointsOf(build());
  if (points.length === 0) {
    ctx.io.stdout(`${p.noPoints}\n`);
    return;
  }
  try {
    for (const [i, start] of points.entries()) {
      for (;;) {
        // Rebuild after each change so the point shows its new actions.
        const point = build().criteria.find((c) => c.id === start.id)!;
        showPoint(ctx, point, i + 1, points.length);
        const choice = await prompts.select({
          message: p.menu,
          choices: [
            { name: p.add, value: 'add' },
            ...(point.actions.length ? [{ name: p.edit, value: 'edit' }] : []),
            { name: p.next, value: 'next' },
            { name: p.stop, value: 'stop' },
          ],
        });
        if (choice === 'add') await addAction(ctx, prompts, open, point);
        else if (choice === 'edit') await editAction(ctx, prompts, open, point);
        else if (choice === 'next') break;
        else return;
      }
    }
  } catch (error) {
    // Ctrl-C: every action was saved when it was completed.
    if (isPromptCancel(error)) return;
    throw error;
  }
}

/** kader plan: SMART improvement actions in the session — listed, added from a file, set, or walked interactively. */
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { displayPath } from '../../core/files.js';
import { ACTION_STATUSES } from '../../plan/actions.js';
import { readActionsFile } from '../../plan/actions-file.js';
import type { ImprovementAction } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATTERS } from '../format/index.js';
import { inputFile, readInput } from '../lint-run.js';
import { openSession, saveSession, today, type OpenSession } from '../session-io.js';

export interface PlanOptions {
  session: string;
  list?: boolean;
  format: 'text' | 'json';
  actions?: string;
  status?: string[];
  framework?: string;
}

function listActions(ctx: CommandContext, open: OpenSession, format: 'text' | 'json'): void {
  const actions = open.session.actions ?? [];
  if (format === 'json') {
    ctx.io.stdout(`${JSON.stringify(actions, null, 2)}\n`);
    return;
  }
  if (actions.length === 0) {
    ctx.io.stdout(`${ctx.msgs.plan.noActions}\n`);
    return;
  }
  const rows = [ctx.msgs.plan.listHeader, ...actions.map((a) => [a.id, a.criterion, a.what, a.owner, a.due, a.priority, a.status].map((cell) => visible(String(cell))))];
  const widths = rows[0]!.map((_, i) => Math.min(40, Math.max(...rows.map((r) => r[i]!.length))));
  const fit = (cell: string, width: number) => (cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width));
  const lines = rows.map((r) => r.map((cell, i) => fit(cell, widths[i]!)).join('  ').trimEnd());
  ctx.io.stdout(`${ctx.chalk.bold(lines[0]!)}\n${lines.slice(1).join('\n')}\n`);
}

/** --status A1=gereed: change the status of existing actions. */
function setStatuses(ctx: CommandContext, open: OpenSession, args: readonly string[]): void {
  const actions = open.session.actions ?? [];
  const set: [string, string][] = [];
  for (const arg of args) {
    const [id, status] = arg.split('=');
    if (!id || !status) throw new UserError(ctx.msgs.plan.badStatusArg(arg));
    const action = actions.find((a) => a.id === id);
    if (!action) throw new UserError(ctx.msgs.plan.unknownAction(id));
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) throw new UserError(ctx.msgs.cli.invalidChoice('--status', status, ACTION_STATUSES));
    action.status = status as ImprovementAction['status'];
    set.push([id, status]);
  }
  saveSession(open);
  for (const [id, status] of set) ctx.io.stdout(`${ctx.msgs.plan.statusSet(id, status)}\n`);
}

/** --actions file.yaml: `actions:` with a list of actions, all SMART, added all or nothing. */
function addFromFile(ctx: CommandContext, open: OpenSession, file: string): ExitCode {
  const { path, shown } = inputFile(ctx, file);
  const { diagnostics, added, all } = readActionsFile(shown, readInput(ctx, path, shown), open.session, open.resolved.framework, today(), ctx.msgs);
  if (diagnostics.length > 0) {
    ctx.io.stderr(DIAGNOSTIC_FORMATTERS.stylish({ diagnostics, files: [shown], failOn: 'error', msgs: ctx.msgs, chalk: ctx.chalk, toolVersion: '', runName: '', cwd: ctx.io.cwd }));
    ctx.io.stderr(`kader: ${visible(ctx.msgs.plan.actionsInvalid(shown))}\n`);
    return 1;
  }
  open.session.actions = all;
  saveSession(open);
  for (const action of added) ctx.io.stdout(`${ctx.msgs.plan.added(action.id)}\n`);
  return 0;
}

export async function planCommand(ctx: CommandContext, options: PlanOptions): Promise<ExitCode> {
  const open = openSession(ctx, resolve(ctx.io.cwd, options.session), options.framework);
  if (options.list) {
    listActions(ctx, open, options.format);
    return 0;
  }
  if (options.status?.length) {
    setStatuses(ctx, open, options.status);
    return 0;
  }
  if (options.actions) return addFromFile(ctx, open, options.actions);
  if (!ctx.io.interactive) throw new UserError(ctx.msgs.plan.noTty);
  const { walkPlan } = await import('./plan-terminal.js');
  await walkPlan(ctx, open);
  ctx.io.stdout(`${ctx.msgs.plan.done((open.session.actions ?? []).length, displayPath(open.path, ctx.io.cwd))}\n`);
  return 0;
}

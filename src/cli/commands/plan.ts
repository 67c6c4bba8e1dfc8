/** kader plan: SMART improvement actions in the session — listed, added from a file, set, or walked interactively. */
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../core/diagnostic.js';
import { displayPath } from '../../core/files.js';
import { ACTION_STATUSES, checkAction, nextActionId, type ActionProblem } from '../../plan/actions.js';
import type { ImprovementAction } from '../../session/types.js';
import { parseYaml, type ParsedYaml } from '../../yaml/parse.js';
import { compiledSchema } from '../../core/json-schema.js';
import { schemaDiagnostics } from '../../core/schema-diagnostics.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATTERS } from '../format/index.js';
import { inputFile, readInput } from '../lint-run.js';
import { openSession, saveOrFail, today, type OpenSession } from '../session-io.js';
import { describeActionProblem } from '../../plan/describe.js';

export interface PlanOptions {
  session: string;
  list?: boolean;
  format: 'text' | 'json';
  actions?: string;
  status?: string[];
  framework?: string;
}

export function describeProblem(ctx: CommandContext, problem: ActionProblem): string {
  return describeActionProblem(ctx.msgs, problem);
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
  for (const arg of args) {
    const [id, status] = arg.split('=');
    if (!id || !status) throw new UserError(ctx.msgs.plan.badStatusArg(arg));
    const action = actions.find((a) => a.id === id);
    if (!action) throw new UserError(ctx.msgs.plan.unknownAction(id));
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) throw new UserError(ctx.msgs.cli.invalidChoice('--status', status, ACTION_STATUSES));
    action.status = status as ImprovementAction['status'];
  }
  saveOrFail(open);
  for (const arg of args) ctx.io.stdout(`${ctx.msgs.plan.statusSet(arg.split('=')[0]!, arg.split('=')[1]!)}\n`);
}

/**
 * Everything the session schema refuses in the new actions (an unknown key, an id such as
 * "A 9/..", a wrong type), checked on the session as it would be written: what passes here
 * passes every later command. Problems the SMART check named already are not repeated.
 */
function schemaProblems(ctx: CommandContext, open: OpenSession, parsed: ParsedYaml, added: readonly ImprovementAction[]): Diagnostic[] {
  const value = parsed.value;
  const extra = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).filter((key) => key !== 'actions') : [];
  const top: Diagnostic[] = extra.map((key) => ({ file: parsed.file, ...parsed.locate([key], 'key'), severity: 'error', rule: 'schema', message: ctx.msgs.schema.additional(key) }));
  const { validate, patterns } = compiledSchema('session');
  if (validate({ ...open.session, actions: added })) return top;
  // The fields the SMART check reported already (its messages say more than the schema's).
  const smartFields = new Set(
    added.flatMap((action, i) =>
      typeof action === 'object' && action !== null ? checkAction(action, today(), new Set([action.criterion])).map((p) => `/actions/${i}/${p.field}`) : [],
    ),
  );
  const errors = (validate.errors ?? []).filter((e) => {
    if (!e.instancePath.startsWith('/actions/')) return false;
    const field = e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
    return !smartFields.has(field);
  });
  return [...top, ...schemaDiagnostics(errors, parsed, ctx.msgs, patterns)];
}

/** --actions file.yaml: `actions:` with a list of actions, all SMART, added all or nothing. */
function addFromFile(ctx: CommandContext, open: OpenSession, file: string): ExitCode {
  const { path, shown } = inputFile(ctx, file);
  const parsed = parseYaml(shown, readInput(ctx, path, shown), ctx.msgs);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const items = (parsed.value as { actions?: unknown } | undefined)?.actions;
  if (parsed.value !== undefined && !Array.isArray(items)) {
    diagnostics.push({ file: shown, ...parsed.locate(['actions']), severity: 'error', rule: 'schema', message: ctx.msgs.plan.notAList });
  }
  const criteria = new Set(open.resolved.framework.themes.flatMap((t) => t.criteria.map((c) => c.id)));
  const all = [...(open.session.actions ?? [])];
  const added: ImprovementAction[] = [];
  for (const [i, raw] of (Array.isArray(items) ? items : []).entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      // Not a mapping: the schema check below says so, once, at the item.
      added.push(raw as ImprovementAction);
      continue;
    }
    const item = raw as Partial<ImprovementAction>;
    const action = { id: item.id ?? nextActionId(all), status: 'open', priority: 'middel', ...item } as ImprovementAction;
    for (const problem of checkAction(action, today(), criteria)) {
      diagnostics.push({ file: shown, ...parsed.locate(['actions', i, problem.field]), severity: 'error', rule: 'smart', message: describeProblem(ctx, problem) });
    }
    if (all.some((a) => a.id === action.id)) {
      diagnostics.push({ file: shown, ...parsed.locate(['actions', i, 'id']), severity: 'error', rule: 'unique-id', message: ctx.msgs.plan.duplicateId(action.id) });
    }
    all.push(action);
    added.push(action);
  }
  diagnostics.push(...schemaProblems(ctx, open, parsed, added));
  if (diagnostics.length > 0) {
    diagnostics.sort(compareDiagnostics);
    ctx.io.stderr(DIAGNOSTIC_FORMATTERS.stylish({ diagnostics, files: [shown], failOn: 'error', msgs: ctx.msgs, chalk: ctx.chalk, toolVersion: '', runName: '', cwd: ctx.io.cwd }));
    ctx.io.stderr(`kader: ${visible(ctx.msgs.plan.actionsInvalid(shown))}\n`);
    return 1;
  }
  open.session.actions = all;
  saveOrFail(open);
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

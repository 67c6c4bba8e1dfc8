/**
 * An actions file (kader plan --actions): `actions:` with a list of improvement actions, each
 * SMART, checked against the session they go into. Pure: the command reads the file, prints
 * what is found and saves; all or nothing is its part (nothing is saved when `diagnostics`
 * is not empty).
 */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { compiledSchema } from '../core/json-schema.js';
import { schemaDiagnostics } from '../core/schema-diagnostics.js';
import type { Framework } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import type { ImprovementAction, Session } from '../session/types.js';
import { parseYaml, type ParsedYaml } from '../yaml/parse.js';
import { checkAction, describeActionProblem, nextActionId } from './actions.js';

export interface ActionsFile {
  /** Every problem in the file, sorted, each with its line:column. */
  diagnostics: Diagnostic[];
  /** The actions the file adds, in its order, with id, status and priority filled in. */
  added: ImprovementAction[];
  /** The session's actions followed by the added ones: what the session holds once saved. */
  all: ImprovementAction[];
}

/** Read an actions file for `session`; `today` (YYYY-MM-DD) decides what is "in the future". */
export function readActionsFile(shown: string, text: string, session: Session, framework: Framework, today: string, msgs: Messages): ActionsFile {
  const parsed = parseYaml(shown, text, msgs);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const items = (parsed.value as { actions?: unknown } | undefined)?.actions;
  if (parsed.value !== undefined && !Array.isArray(items)) {
    diagnostics.push({ file: shown, ...parsed.locate(['actions']), severity: 'error', rule: 'schema', message: msgs.plan.notAList });
  }
  const criteria = new Set(framework.themes.flatMap((t) => t.criteria.map((c) => c.id)));
  const all = [...(session.actions ?? [])];
  const added: ImprovementAction[] = [];
  for (const [i, raw] of (Array.isArray(items) ? items : []).entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      // Not a mapping: the schema check below says so, once, at the item.
      added.push(raw as ImprovementAction);
      continue;
    }
    const item = raw as Partial<ImprovementAction>;
    const action = { id: item.id ?? nextActionId(all), status: 'open', priority: 'middel', ...item } as ImprovementAction;
    for (const problem of checkAction(action, today, criteria)) {
      diagnostics.push({ file: shown, ...parsed.locate(['actions', i, problem.field]), severity: 'error', rule: 'smart', message: describeActionProblem(problem, msgs) });
    }
    if (all.some((a) => a.id === action.id)) {
      diagnostics.push({ file: shown, ...parsed.locate(['actions', i, 'id']), severity: 'error', rule: 'unique-id', message: msgs.plan.duplicateId(action.id) });
    }
    all.push(action);
    added.push(action);
  }
  diagnostics.push(...schemaProblems(session, parsed, added, today, msgs));
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, added, all };
}

/**
 * Everything the session schema refuses in the new actions (an unknown key, an id such as
 * "A 9/..", a wrong type), checked on the session as it would be written: what passes here
 * passes every later command. Problems the SMART check named already are not repeated.
 */
function schemaProblems(session: Session, parsed: ParsedYaml, added: readonly ImprovementAction[], today: string, msgs: Messages): Diagnostic[] {
  const value = parsed.value;
  const extra = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).filter((key) => key !== 'actions') : [];
  const top: Diagnostic[] = extra.map((key) => ({ file: parsed.file, ...parsed.locate([key], 'key'), severity: 'error', rule: 'schema', message: msgs.schema.additional(key) }));
  const { validate, patterns } = compiledSchema('session');
  if (validate({ ...session, actions: added })) return top;
  // The fields the SMART check reported already (its messages say more than the schema's).
  const smartFields = new Set(
    added.flatMap((action, i) =>
      typeof action === 'object' && action !== null ? checkAction(action, today, new Set([action.criterion])).map((p) => `/actions/${i}/${p.field}`) : [],
    ),
  );
  const errors = (validate.errors ?? []).filter((e) => {
    if (!e.instancePath.startsWith('/actions/')) return false;
    const field = e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
    return !smartFields.has(field);
  });
  return [...top, ...schemaDiagnostics(errors, parsed, msgs, patterns)];
}

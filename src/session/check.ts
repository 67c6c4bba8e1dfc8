/**
 * Session validation: YAML with positions → session JSON Schema → answers against the
 * framework (values, unknown ids, completeness respecting skip logic, framework drift).
 */
import { compareDiagnostics, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { compiledSchema } from '../core/json-schema.js';
import { schemaDiagnostics } from '../core/schema-diagnostics.js';
import { migrationPath } from './migrate.js';
import { openRequired } from './state.js';
import { indexOf, type Framework } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { fastParse } from '../yaml/fast.js';
import { parseYaml, type ParsedYaml, type YamlPath } from '../yaml/parse.js';
import type { Session } from './types.js';
import { checkValue, describeValueProblem } from './values.js';

export interface ParsedSession {
  parsed: ParsedYaml;
  /** Set when the file is YAML that matches the session schema. */
  session?: Session;
  diagnostics: Diagnostic[];
}

/** A schema-valid session through the fast parser, or undefined (then parse with positions). */
export function quickSession(text: string): Session | undefined {
  const value = fastParse(text);
  if (!value || value.kind !== 'session') return undefined;
  return compiledSchema('session').validate(value) ? (value as unknown as Session) : undefined;
}

export function parseSessionText(file: string, text: string, msgs: Messages): ParsedSession {
  const parsed = parseYaml(file, text, msgs);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === undefined) return { parsed, diagnostics };
  const kind = (parsed.value as { kind?: unknown }).kind;
  if (kind !== 'session') {
    // One clear line instead of a schema error for every key of, say, an answers file.
    const at = kind === undefined ? parsed.locate([]) : parsed.locate(['kind']);
    diagnostics.push({ file, ...at, severity: 'error', rule: 'kind', message: msgs.yaml.wrongKind('session', kind) });
    return { parsed, diagnostics };
  }
  const { validate, patterns } = compiledSchema('session');
  if (!validate(parsed.value)) {
    diagnostics.push(...schemaDiagnostics(validate.errors ?? [], parsed, msgs, patterns));
    return { parsed, diagnostics };
  }
  return { parsed, session: parsed.value as Session, diagnostics };
}

/**
 * The session in a file: the fast reader's when it reads it, else the careful parser's, so a
 * file the fast reader gives up on is judged, never skipped (issue #16, item 12). `session`
 * is set only when there is no error; `diagnostics` then says why.
 */
export function readSession(file: string, text: string, msgs: Messages): { session?: Session; diagnostics: Diagnostic[] } {
  const quick = quickSession(text);
  if (quick) return { session: quick, diagnostics: [] };
  const { session, diagnostics } = parseSessionText(file, text, msgs);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { ...(session && { session }), diagnostics };
}

export interface AnswerCheckOptions {
  /** Digest of the framework file now; differs from the session's when the framework changed. */
  digest: string;
  /** The questions skip logic asks, if the caller has them already. */
  active?: ReadonlySet<string>;
}

/** The findings about a schema-valid session against its framework. */
export function checkSessionAgainst(
  parsed: ParsedYaml,
  session: Session,
  framework: Framework,
  msgs: Messages,
  { digest, active }: AnswerCheckOptions,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (path: YamlPath, rule: string, message: string, severity: Severity = 'error', at: 'key' | 'value' = 'value') =>
    diagnostics.push({ file: parsed.file, ...parsed.locate(path, at), severity, rule, message });

  if (session.framework.id !== framework.id) {
    report(['framework', 'id'], 'framework-mismatch', msgs.session.frameworkMismatch(session.framework.id, framework.id));
    return diagnostics;
  }
  // A version this framework does not know, or an older one not yet carried over: the answers
  // would be read against the wrong questions, so one clear line instead of a finding per id.
  const version = migrationPath(framework, session.framework.version);
  if (version !== 'current') {
    const say = version === 'migratable' ? msgs.session.versionOlder : msgs.session.versionUnknown;
    report(['framework', 'version'], 'framework-version', say(framework.id, session.framework.version, framework.version));
    return diagnostics;
  }
  const drift = session.framework.digest !== digest;
  if (drift) report(['framework', 'digest'], 'framework-drift', msgs.session.frameworkDrift(framework.id), 'warning');

  const { questions, criteria } = indexOf(framework);
  for (const [id, answer] of Object.entries(session.answers)) {
    const question = questions.get(id);
    if (!question) {
      // After a framework change a lost id is expected news, not a broken file.
      if (drift) report(['answers', id], 'unknown-question', msgs.session.vanishedQuestion(id), 'warning', 'key');
      else report(['answers', id], 'unknown-question', msgs.session.unknownQuestion(id), 'error', 'key');
      continue;
    }
    const problem = checkValue(question, answer.value, framework, session.answers);
    if (problem) report(['answers', id, 'value'], 'answer-value', describeValueProblem(problem, answer.value, msgs));
  }

  for (const id of Object.keys(session.judgements ?? {})) {
    if (!criteria.has(id)) report(['judgements', id], 'unknown-criterion', msgs.session.unknownCriterion(id), 'error', 'key');
  }
  for (const [i, action] of (session.actions ?? []).entries()) {
    if (!criteria.has(action.criterion)) report(['actions', i, 'criterion'], 'unknown-criterion', msgs.session.unknownCriterion(action.criterion));
  }

  for (const [id, perspectives] of Object.entries(session.perspectives ?? {})) {
    const question = questions.get(id);
    if (!question) {
      report(['perspectives', id], 'unknown-question', drift ? msgs.session.vanishedQuestion(id) : msgs.session.unknownQuestion(id), drift ? 'warning' : 'error', 'key');
      continue;
    }
    for (const [i, perspective] of perspectives.entries()) {
      const problem = checkValue(question, perspective.value, framework);
      if (problem) report(['perspectives', id, i, 'value'], 'answer-value', describeValueProblem(problem, perspective.value, msgs));
    }
  }

  const open = openRequired(framework, session, active);
  if (open.length > 0) {
    const where: YamlPath = session.status === 'complete' ? ['status'] : ['answers'];
    report(where, 'incomplete', msgs.session.incomplete(open.length, open.slice(0, 3)), 'error', session.status === 'complete' ? 'value' : 'key');
  }
  return diagnostics.sort(compareDiagnostics);
}

/** Positions are not needed for a clean file; this stand-in is never asked for one that matters. */
const NO_POSITIONS = { line: 0, column: 0 };

/**
 * The fast path of `kader check`: the session when the file is clean (no finding at all),
 * otherwise undefined, and the caller runs the full check with positions.
 */
export function quickCheck(
  file: string,
  text: string,
  msgs: Messages,
  frameworkFor: (id: string) => { framework: Framework; digest: string } | undefined,
  extra?: (session: Session) => boolean,
): { session: Session; framework: Framework } | undefined {
  const session = quickSession(text);
  if (!session) return undefined;
  const value = session as unknown as Record<string, unknown>;
  const resolved = frameworkFor(session.framework.id);
  if (!resolved) return undefined;
  const { framework, digest } = resolved;
  const parsed: ParsedYaml = { file, value, diagnostics: [], locate: () => NO_POSITIONS };
  if (checkSessionAgainst(parsed, session, framework, msgs, { digest }).length > 0) return undefined;
  if (extra && !extra(session)) return undefined;
  return { session, framework };
}

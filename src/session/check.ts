/**
 * Session validation: YAML with positions → session JSON Schema → answers against the
 * framework (values, unknown ids, completeness respecting skip logic, framework drift).
 */
import { compareDiagnostics, type Diagnostic, type Position, type RuleId, type Severity } from '../core/diagnostic.js';
import { compiledSchema } from '../core/json-schema.js';
import { schemaDiagnostics } from '../core/schema-diagnostics.js';
import { migrationPath } from './migrate.js';
import { openRequired } from './state.js';
import { indexOf, type Framework } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { fastParse } from '../yaml/fast.js';
import { subsetLocator } from '../yaml/locate.js';
import { parseYaml, type ParsedYaml, type YamlPath } from '../yaml/parse.js';
import type { Session } from './types.js';
import { checkValue, describeValueProblem } from './values.js';

export interface ParsedSession {
  parsed: ParsedYaml;
  /** Set when the file is YAML that matches the session schema. */
  session?: Session;
  diagnostics: Diagnostic[];
}

/** The careful parser's reading, with a finding for every problem and positions for each. */
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

/** Where a path of a file is: what findings by path need to become line:column. */
export interface Located {
  file: string;
  locate(path: YamlPath, at?: 'key' | 'value'): Position;
}

/** A session file as read, with positions for findings about it. */
export interface SessionRead extends Located {
  /**
   * The session when the file is a session by the schema. `diagnostics` may still hold an
   * error the YAML itself has (a duplicate key); commands that need a clean file check that.
   */
  session?: Session;
  diagnostics: Diagnostic[];
}

/**
 * The session in a file: the fast reader's when it reads it, else the careful parser's, so a
 * file the fast reader gives up on is judged, never skipped (issue #16, item 12). Positions
 * for a fast read come from its lines (src/yaml/locate.ts), not from parsing the file again:
 * a drift warning or an open question on every file must not cost a careful parse each
 * (issue #20, item 1). Only a path into a one-line flow collection asks the careful parser.
 */
export function readSession(file: string, text: string, msgs: Messages): SessionRead {
  const value = fastParse(text);
  if (value && value.kind === 'session' && isSession(value)) {
    return { file, session: value, diagnostics: [], locate: subsetLocator(file, text, msgs) };
  }
  const { parsed, session, diagnostics } = parseSessionText(file, text, msgs);
  return { file, ...(session && { session }), diagnostics, locate: parsed.locate };
}

/** The session schema as a type guard: a plain mapping it accepts is a Session. */
const isSession = (value: unknown): value is Session => compiledSchema('session').validate(value) === true;

/** Whether a read gave a session without any error: what commands that use it need. */
export const cleanSession = (read: SessionRead): Session | undefined =>
  read.session && !read.diagnostics.some((d) => d.severity === 'error') ? read.session : undefined;

/** A finding about a session, by its path in the document; `placed` adds line:column. */
export interface SessionFinding {
  path: YamlPath;
  /** Point at the key (an unknown id) or at its value. */
  at: 'key' | 'value';
  severity: Severity;
  rule: RuleId;
  message: string;
}

/** Findings by path as diagnostics of a file, in the order output uses. */
export function placed(where: Located, findings: readonly SessionFinding[]): Diagnostic[] {
  return findings
    .map(({ path, at, severity, rule, message }) => ({ file: where.file, ...where.locate(path, at), severity, rule, message }))
    .sort(compareDiagnostics);
}

export interface AnswerCheckOptions {
  /** Digest of the framework file now; differs from the session's when the framework changed. */
  digest: string;
  /** The questions skip logic asks, if the caller has them already. */
  active?: ReadonlySet<string>;
}

/**
 * The findings about a schema-valid session against its framework, by path: pure, no
 * positions, so a caller that only wants to know whether there is one pays for no place.
 */
export function sessionFindings(session: Session, framework: Framework, msgs: Messages, { digest, active }: AnswerCheckOptions): SessionFinding[] {
  const findings: SessionFinding[] = [];
  const report = (path: YamlPath, rule: RuleId, message: string, severity: Severity = 'error', at: 'key' | 'value' = 'value') =>
    findings.push({ path, at, severity, rule, message });

  if (session.framework.id !== framework.id) {
    report(['framework', 'id'], 'framework-mismatch', msgs.session.frameworkMismatch(session.framework.id, framework.id));
    return findings;
  }
  // A version this framework does not know, or an older one not yet carried over: the answers
  // would be read against the wrong questions, so one clear line instead of a finding per id.
  const version = migrationPath(framework, session.framework.version);
  if (version !== 'current') {
    const say = version === 'migratable' ? msgs.session.versionOlder : msgs.session.versionUnknown;
    report(['framework', 'version'], 'framework-version', say(framework.id, session.framework.version, framework.version));
    return findings;
  }
  const drift = session.framework.digest !== digest;
  if (drift) report(['framework', 'digest'], 'framework-drift', msgs.session.frameworkDrift(framework.id), 'warning');

  const { questions, criteria } = indexOf(framework);
  // Keys, not entries: a session's answers are a large object in V8's dictionary mode, for
  // which Object.entries costs twice Object.keys (issue #20, third round).
  const answers = session.answers;
  for (const id of Object.keys(answers)) {
    const answer = answers[id]!;
    const question = questions.get(id);
    if (!question) {
      // After a framework change a lost id is expected news, not a broken file.
      if (drift) report(['answers', id], 'unknown-question', msgs.session.vanishedQuestion(id), 'warning', 'key');
      else report(['answers', id], 'unknown-question', msgs.session.unknownQuestion(id), 'error', 'key');
      continue;
    }
    const problem = checkValue(question, answer.value, framework, answers);
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
  return findings;
}

/** The findings about a schema-valid session against its framework, placed in its file. */
export function checkSessionAgainst(where: Located, session: Session, framework: Framework, msgs: Messages, options: AnswerCheckOptions): Diagnostic[] {
  return placed(where, sessionFindings(session, framework, msgs, options));
}

/**
 * Which session files a regional overview counts, and why the others are set aside: a file that
 * is no valid session, a session of another framework, an older version without a migration
 * step, or answers that do not fit. Pure: the command reads the files and resolves the
 * framework; every file comes out either as a measurement or as a note with its reason.
 */
import type { Framework } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { cleanSession, placed, sessionFindings, type SessionRead } from '../session/check.js';
import { migrateSession, migrationPath } from '../session/migrate.js';
import { activeQuestions } from '../session/state.js';
import type { Session } from '../session/types.js';
import { detached, measure, type AggregateNote, type Measurement } from './aggregate.js';

export type Sorted = { counted: Measurement } | { setAside: AggregateNote };

export interface Target {
  framework: Framework;
  /** Digest of the framework file now, to tell a changed framework from the session's. */
  digest: string;
}

/** The framework id of a file that is a valid session, to choose the overview's framework by; else undefined. */
export const frameworkIdOf = (read: SessionRead): string | undefined => cleanSession(read)?.framework.id;

/**
 * One file read as a session: into the overview, or set aside with its reason. `target` may be
 * missing only while no valid session has named a framework yet (then this file is invalid).
 */
export function sortSession(read: SessionRead, target: Target | undefined, msgs: Messages): Sorted {
  const shown = read.file;
  const session = cleanSession(read);
  if (!session) return { setAside: { file: shown, gemeente: null, reason: 'invalid', detail: firstError(read, msgs) } };
  if (!target) throw new Error(`sortSession: ${shown} is a session, but no framework was given to sort it by`);
  const { framework } = target;
  // A copy, not a slice of the file's text: a slice would keep every file's text alive.
  const gemeente = detached(session.context.gemeente);
  if (session.framework.id !== framework.id) return { setAside: { file: shown, gemeente, reason: 'other-framework', detail: session.framework.id } };
  const path = migrationPath(framework, session.framework.version);
  if (path === 'none') return { setAside: { file: shown, gemeente, reason: 'older-version', detail: session.framework.version } };
  const migrated = path === 'migratable';
  const current = migrated ? migrateSession(framework, session, target.digest).session : session;
  // Which questions skip logic asks: computed once for both the check and the score.
  const active = activeQuestions(framework, current.answers);
  const problem = answerProblem(read, current, target, active, migrated, msgs);
  if (problem) return { setAside: { file: shown, gemeente, reason: 'invalid', detail: problem } };
  return { counted: measure(framework, { file: shown, session: current, ...(migrated && { migratedFrom: session.framework.version }) }, active) };
}

/** The first error of a file that is no valid session, as "line:column message". */
function firstError(read: SessionRead, msgs: Messages): string {
  const error = read.diagnostics.find((d) => d.severity === 'error');
  return error ? `${error.line}:${error.column} ${error.message}` : msgs.aggregate.noSessions;
}

/**
 * The answers must fit the framework; open questions are fine here (they are marked, not
 * refused). A session carried over from an earlier version is checked as migrated, so an
 * answer no migration step accounts for makes it invalid, as `check --migrate` would.
 */
function answerProblem(read: SessionRead, current: Session, target: Target, active: ReadonlySet<string>, migrated: boolean, msgs: Messages): string | undefined {
  const blocking = sessionFindings(current, target.framework, msgs, { digest: target.digest, active }).filter((f) => f.severity === 'error' && f.rule !== 'incomplete');
  if (blocking.length === 0) return undefined;
  // The migrated session has no text of its own to point into: the finding without a place
  // (the first by rule, as before findings were placed at the edge).
  if (migrated) return [...blocking].sort((a, b) => a.rule.localeCompare(b.rule))[0]!.message;
  const [error] = placed(read, blocking);
  return `${error!.line}:${error!.column} ${error!.message}`;
}

/** Opening, creating and saving session files: shared by interview, plan and report. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { displayPath, FileError, pathKind } from '../core/files.js';
import { markInactive, openRequired } from '../interview/engine.js';
import { readSession } from '../session/check.js';
import { SessionFile } from '../session/file.js';
import { migrateSession, migrationPath } from '../session/migrate.js';
import type { Session } from '../session/types.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';
import { readInput } from './lint-run.js';
import { resolveFramework, type ResolvedFramework } from './resolve.js';

export interface OpenSession {
  file: SessionFile;
  session: Session;
  path: string;
  resolved: ResolvedFramework;
}

export const today = (): string => new Date().toISOString().slice(0, 10);
export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
export const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'sessie';

export function newSession(resolved: ResolvedFramework, context: Session['context']): Session {
  const { framework, digest } = resolved;
  return {
    kader: 1,
    kind: 'session',
    id: randomUUID(),
    framework: { id: framework.id, version: framework.version, digest },
    context,
    status: 'in-progress',
    answers: {},
    actions: [],
  };
}

/** Save with the status kept in step with the answers. */
export function saveSession(open: OpenSession): void {
  const { session, resolved } = open;
  markInactive(resolved.framework, session.answers);
  session.status = openRequired(resolved.framework, session).length === 0 ? 'complete' : 'in-progress';
  open.file.save(session);
}

export function openSession(ctx: CommandContext, path: string, frameworkRef?: string): OpenSession {
  const shown = displayPath(path, ctx.io.cwd);
  const text = readInput(ctx, path, shown);
  // A valid session needs no positions; only a broken one is parsed again to say where.
  const { session, diagnostics } = readSession(shown, text, ctx.msgs);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!session || errors.length > 0) {
    const first = errors[0];
    const where = first ? ` ${first.file}:${first.line}:${first.column} ${first.message}` : '';
    throw new UserError(`${ctx.msgs.interview.invalidSession(shown, errors.length)}.${where}`, 1);
  }
  const resolved = resolveFramework(ctx, frameworkRef ?? session.framework.id);
  if (resolved.framework.id !== session.framework.id) {
    throw new UserError(ctx.msgs.session.frameworkMismatch(session.framework.id, resolved.framework.id), 1);
  }
  return { file: SessionFile.fromText(path, text, ctx.msgs), session, path, resolved };
}

/** Make the folder and write the new session at once, so even an empty interview leaves a file. */
export function createSessionFile(ctx: CommandContext, path: string, resolved: ResolvedFramework, context: Session['context']): OpenSession {
  return writeNewSession(ctx, path, resolved, newSession(resolved, context));
}

/** Write a session to a file that must not exist yet (a new interview, a merge), folder and all. */
export function writeNewSession(ctx: CommandContext, path: string, resolved: ResolvedFramework, session: Session): OpenSession {
  if (pathKind(path) !== 'missing') throw new UserError(ctx.msgs.interview.exists(displayPath(path, ctx.io.cwd)));
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError(ctx.msgs.io.writeFailed(displayPath(dirname(path), ctx.io.cwd), (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const open: OpenSession = { file: SessionFile.create(path, session, ctx.msgs), session, path, resolved };
  saveOrFail(open);
  return open;
}

/** Save, turning file problems into one-line errors. */
export function saveOrFail(open: OpenSession): void {
  try {
    saveSession(open);
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
}

/**
 * An earlier measurement in the terms of the framework now: carried forward in memory with
 * the framework's migrations: when its version is older (the file is not changed), else as
 * it is with a warning that the versions differ. For compare and report --baseline.
 */
export function inCurrentVersion(ctx: CommandContext, earlier: OpenSession, current: OpenSession): Session {
  const { framework, digest } = current.resolved;
  const from = earlier.session.framework.version;
  const path = migrationPath(framework, from);
  if (path === 'migratable') {
    ctx.io.stderr(`kader: ${ctx.msgs.cli.report.migratedBaseline(from, framework.version)}\n`);
    const { session, unmapped } = migrateSession(framework, earlier.session, digest);
    if (unmapped.length > 0) ctx.io.stderr(`kader: ${ctx.msgs.cli.report.unmappedBaseline(unmapped)}\n`);
    return session;
  }
  if (from !== current.session.framework.version) ctx.io.stderr(`kader: ${ctx.msgs.cli.report.versionDiffers(from, current.session.framework.version)}\n`);
  return earlier.session;
}

/** Opening, creating and saving session files: shared by interview, plan and report. */
import { visible } from '../core/terminal.js';
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { displayPath, FileError, pathKind, writeFileAtomic } from '../core/files.js';
import { schemaText } from '../core/json-schema.js';
import { readSession } from '../session/check.js';
import { SessionFile, sessionModeline } from '../session/file.js';
import { migrateSession, migrationPath } from '../session/migrate.js';
import { comparability } from '../session/comparable.js';
import type { Session } from '../session/types.js';
import type { CommandContext } from './context.js';
import { InvalidInputError, UserError } from './errors.js';
import { sourceRoot } from './format/sarif.js';
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

/** Save; the session file recomputes the status from the answers (session/state.ts settle). */
export function saveSession(open: OpenSession): void {
  open.file.save(open.session, open.resolved.framework);
}

/**
 * `exact`: the session must be on the framework's version (commands that write to it).
 * `readable`: an older version that the framework's migrations carry over is accepted too; the
 * caller reads it with `inCurrentVersion`. An unknown version is refused either way.
 */
export type VersionPolicy = 'exact' | 'readable';

export function openSession(ctx: CommandContext, path: string, frameworkRef?: string, policy: VersionPolicy = 'exact'): OpenSession {
  const shown = displayPath(path, ctx.io.cwd);
  const text = readInput(ctx, path, shown);
  // A valid session needs no positions; only a broken one is parsed again to say where.
  const { session, diagnostics } = readSession(shown, text, ctx.msgs);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!session || errors.length > 0) {
    const first = errors[0];
    const where = first ? ` ${first.file}:${first.line}:${first.column} ${first.message}` : '';
    throw new InvalidInputError(`${ctx.msgs.interview.invalidSession(shown, errors.length)}.${where}`);
  }
  const resolved = resolveFramework(ctx, frameworkRef ?? session.framework.id);
  if (resolved.framework.id !== session.framework.id) {
    throw new InvalidInputError(ctx.msgs.session.frameworkMismatch(session.framework.id, resolved.framework.id));
  }
  const version = migrationPath(resolved.framework, session.framework.version);
  if (version === 'none' || (version === 'migratable' && policy === 'exact')) {
    const say = version === 'none' ? ctx.msgs.session.versionUnknown : ctx.msgs.session.versionOlder;
    throw new InvalidInputError(`${shown}: ${say(session.framework.id, session.framework.version, resolved.framework.version)}`);
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
  let made: string | undefined;
  try {
    // Folders kader makes for sessions are private, like the sessions in them.
    made = mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UserError(ctx.msgs.io.writeFailed(displayPath(dirname(path), ctx.io.cwd), (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const schema = sessionSchema(ctx, path);
  const open: OpenSession = { file: SessionFile.create(path, session, ctx.msgs, schema.line), session, path, resolved };
  try {
    saveSession(open);
    schema.write();
  } catch (error) {
    // All or nothing: folders made for this session go again (only while empty).
    for (let dir = dirname(path); made && dir.length >= made.length; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
    }
    throw error;
  }
  return open;
}

/**
 * Where the `$schema` line of a new session points: `schemas/session.schema.json` in the git
 * repository around the session (else the working folder, else the session's own folder), as
 * `init framework` does for frameworks; a path into kader's install would break as soon as the
 * session is committed or opened elsewhere. An existing copy, also one the user changed, is used
 * as it is; `write` makes a missing one once the session is saved, so a session that cannot be
 * written leaves no schema behind either. Quietly: the line itself names the file, and the
 * guides explain it.
 */
function sessionSchema(ctx: CommandContext, path: string): { line?: string; write(): void } {
  const folder = dirname(path);
  const inside = (dir: string): boolean => {
    const rel = relative(dir, folder);
    return !rel.startsWith('..') && !isAbsolute(rel);
  };
  const repository = sourceRoot(folder);
  const root = existsSync(join(repository, '.git')) ? repository : inside(ctx.io.cwd) ? ctx.io.cwd : folder;
  const schemaFile = join(root, 'schemas', 'session.schema.json');
  const kind = pathKind(schemaFile);
  // Only a line that will point at a real file: not at a dangling link (kader never writes
  // through one), nor under a `schemas` that is a file.
  if (kind === 'directory' || (kind === 'missing' && !creatable(schemaFile))) return { write: () => undefined };
  return {
    line: sessionModeline(path, schemaFile),
    write: () => {
      if (kind === 'file') return;
      try {
        mkdirSync(dirname(schemaFile), { recursive: true });
        // A published schema, meant to be committed and shared: readable by others (sessions are 0600).
        writeFileAtomic(schemaFile, schemaText('session'), ctx.msgs, 0o644);
      } catch {
        // The session is saved; an editor without the schema only loses its hints.
      }
    },
  };
}

/** Nothing stands at `path`, not even a dangling link, and its folder is one or can be made. */
function creatable(path: string): boolean {
  if (lexists(path)) return false;
  const folder = dirname(path);
  return pathKind(folder) === 'directory' || (!lexists(folder) && pathKind(dirname(folder)) === 'directory');
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An earlier measurement in the terms of the framework now: carried forward in memory with
 * the framework's migrations: when its version is older (the file is not changed), else as
 * it is with a warning that the versions differ. For compare and report --baseline.
 */
/** A session opened as `readable` in the framework's current version (in memory), said on stderr. */
export function currentVersionOf(ctx: CommandContext, open: OpenSession): Session {
  const { framework, digest } = open.resolved;
  const from = open.session.framework.version;
  if (migrationPath(framework, from) !== 'migratable') return open.session;
  ctx.io.stderr(`kader: ${ctx.msgs.session.migratedInMemory(displayPath(open.path, ctx.io.cwd), from, framework.version)}\n`);
  const { session, unmapped } = migrateSession(framework, open.session, digest);
  if (unmapped.length > 0) ctx.io.stderr(`kader: ${ctx.msgs.cli.report.unmappedBaseline(unmapped)}\n`);
  return session;
}

/**
 * Two measurements may only be compared within one gemeente (exit 2 otherwise); another team
 * is allowed and said on stderr here and in the output by the report model.
 */
export function assertComparable(ctx: CommandContext, earlier: OpenSession, later: OpenSession): void {
  const same = comparability(earlier.session, later.session);
  if (!same.sameGemeente) {
    const shown = (open: OpenSession) => displayPath(open.path, ctx.io.cwd);
    throw new UserError(ctx.msgs.compare.otherGemeente(shown(earlier), shown(later), earlier.session.context.gemeente, later.session.context.gemeente));
  }
  if (!same.sameTeam) ctx.io.stderr(`kader: ${ctx.msgs.compare.teamDiffers(earlier.session.context.team ?? ctx.msgs.report.none, later.session.context.team ?? ctx.msgs.report.none)}\n`);
}

export function inCurrentVersion(ctx: CommandContext, earlier: OpenSession, current: OpenSession): Session {
  const { framework, digest } = current.resolved;
  const from = earlier.session.framework.version;
  const path = migrationPath(framework, from);
  if (path === 'migratable') {
    ctx.io.stderr(`kader: ${visible(ctx.msgs.cli.report.migratedBaseline(from, framework.version))}\n`);
    const { session, unmapped } = migrateSession(framework, earlier.session, digest);
    if (unmapped.length > 0) ctx.io.stderr(`kader: ${visible(ctx.msgs.cli.report.unmappedBaseline(unmapped))}\n`);
    return session;
  }
  if (from !== current.session.framework.version) ctx.io.stderr(`kader: ${visible(ctx.msgs.cli.report.versionDiffers(from, current.session.framework.version))}\n`);
  return earlier.session;
}

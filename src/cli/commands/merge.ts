/**
 * kader merge: consolidate interviews of one gemeente held with different respondents into
 * one new session, recording where they differ; --interactive then walks the criteria with
 * differences so the interviewer can judge each, with a motivation.
 */
import { visible } from '../../core/terminal.js';
import { randomUUID } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import { displayPath, pathKind } from '../../core/files.js';
import { mergeSessions, undecided, type MergeSource } from '../../session/merge.js';
import { migrateSession, migrationPath } from '../../session/migrate.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { now, openSession, writeNewSession, type OpenSession } from '../session-io.js';

export interface MergeOptions {
  sessions: string[];
  out?: string;
  interactive?: boolean;
  framework?: string;
}

const key = (gemeente: string) => gemeente.trim().toLocaleLowerCase('nl');

/** The sources, all of one framework and gemeente, on the framework's current version. */
function openSources(ctx: CommandContext, options: MergeOptions): { opened: OpenSession[]; sources: MergeSource[] } {
  const m = ctx.msgs.merge;
  const opened = options.sessions.map((file) => openSession(ctx, resolve(ctx.io.cwd, file), options.framework));
  const frameworks = new Set(opened.map((o) => o.session.framework.id));
  if (frameworks.size > 1) throw new UserError(m.differentFramework([...frameworks].join(', ')), 1);
  const gemeenten = new Map(opened.map((o) => [key(o.session.context.gemeente), o.session.context.gemeente.trim()]));
  if (gemeenten.size > 1) throw new UserError(m.differentGemeente([...gemeenten.values()].join(', ')), 1);
  const { framework, digest } = opened[0]!.resolved;
  const sources = opened.map((o) => {
    const shown = displayPath(o.path, ctx.io.cwd);
    let session = o.session;
    const path = migrationPath(framework, session.framework.version);
    if (path === 'none') throw new UserError(ctx.msgs.cli.check.noMigration(shown, session.framework.version, framework.version), 1);
    if (path === 'migratable') session = migrateSession(framework, session, digest).session;
    return { name: basename(o.path, extname(o.path)), session };
  });
  return { opened, sources };
}

export async function mergeCommand(ctx: CommandContext, options: MergeOptions): Promise<ExitCode> {
  const m = ctx.msgs.merge;
  if (options.sessions.length === 1) {
    // One file: an earlier merge, to decide on what is still open.
    if (!options.interactive) throw new UserError(m.needTwo);
    const open = openSession(ctx, resolve(ctx.io.cwd, options.sessions[0]!), options.framework);
    if (!open.session.merged) throw new UserError(m.notMerged(displayPath(open.path, ctx.io.cwd)), 1);
    if (!ctx.io.interactive) throw new UserError(m.noTty);
    const { decide } = await import('./merge-terminal.js');
    return decide(ctx, open);
  }
  if (!options.out) throw new UserError(m.needOut);
  if (options.interactive && !ctx.io.interactive) throw new UserError(m.noTty);
  const out = resolve(ctx.io.cwd, options.out);
  const shown = displayPath(out, ctx.io.cwd);
  if (pathKind(out) !== 'missing') throw new UserError(ctx.msgs.interview.exists(shown));

  const { opened, sources } = openSources(ctx, options);
  const resolved = opened[0]!.resolved;
  const result = mergeSessions(resolved.framework, sources, { id: randomUUID(), now: now(), digest: resolved.digest });
  const open = writeNewSession(ctx, out, resolved, result.session);
  ctx.io.stdout(`${m.written(shown, result.agreed, result.differ.length, result.criteria.length)}\n`);
  if (result.droppedJudgements.length > 0) ctx.io.stderr(`kader: ${visible(m.judgementsDiffer(result.droppedJudgements))}\n`);
  if (options.interactive) {
    const { decide } = await import('./merge-terminal.js');
    return decide(ctx, open);
  }
  if (undecided(resolved.framework, result.session).length > 0) ctx.io.stdout(`${m.decideLater(shown)}\n`);
  return 0;
}

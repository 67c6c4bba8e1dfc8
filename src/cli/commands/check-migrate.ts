/**
 * kader check --migrate: before checking, rewrite sessions made on an earlier framework
 * version with the framework's `migrations:` steps. All or nothing per file: a session with an
 * answer that no step accounts for is left exactly as it was.
 */
import { visible } from '../../core/terminal.js';
import { FileError, STDIN } from '../../core/files.js';
import { migrateSession, migrationPath } from '../../session/migrate.js';
import { cleanSession, readSession } from '../../session/check.js';
import { SessionFile } from '../../session/file.js';
import type { CommandContext } from '../context.js';
import type { InputFile } from '../lint-run.js';
import { resolveFramework } from '../resolve.js';
import { UserError } from '../errors.js';

/** Migrate what can be migrated; returns how many files failed (reported on stderr). */
export function migrateFiles(ctx: CommandContext, files: readonly InputFile[], frameworkRef?: string): number {
  const m = ctx.msgs.cli.check;
  let failed = 0;
  for (const { path, shown } of files) {
    if (path === STDIN) continue; // nothing to write back to; check reads it as it is
    let text: string;
    let file: SessionFile;
    try {
      ({ file, text } = SessionFile.read(path, shown, ctx.msgs));
    } catch (error) {
      if (error instanceof FileError) continue; // check itself reports the I/O error
      throw error;
    }
    // A broken session is left to check, which says where it is broken; a valid one the
    // fast reader gives up on is read by the careful parser, not skipped.
    const session = cleanSession(readSession(shown, text, ctx.msgs));
    if (!session) continue;
    let resolved;
    try {
      resolved = resolveFramework(ctx, frameworkRef ?? session.framework.id);
    } catch (error) {
      if (error instanceof UserError) continue;
      throw error;
    }
    const { framework, digest } = resolved;
    const path_ = migrationPath(framework, session.framework.version);
    if (path_ === 'current') continue;
    if (path_ === 'none') {
      ctx.io.stderr(`kader: ${visible(m.noMigration(shown, session.framework.version, framework.version))}\n`);
      continue;
    }
    const result = migrateSession(framework, session, digest);
    if (result.unmapped.length > 0) {
      ctx.io.stderr(`kader: ${visible(m.migrationUnmapped(shown, result.unmapped))}\n`);
      failed++;
      continue;
    }
    try {
      file.save(result.session, framework);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      ctx.io.stderr(`kader: ${visible(error.message)}\n`);
      failed++;
      continue;
    }
    // What was done goes to stdout, like every other result; problems go to stderr.
    ctx.io.stdout(`${visible(m.migrated(shown, session.framework.version, framework.version, result.moved, result.dropped.length))}\n`);
    if (result.collisions.length > 0) ctx.io.stderr(`kader: ${visible(m.migrationCollisions(shown, result.collisions))}\n`);
  }
  return failed;
}

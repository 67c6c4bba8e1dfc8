/** kader form: a framework as a fillable workbook for a respondent without a terminal. */
import { extname, resolve } from 'node:path';
import { displayPath, writeFileAtomic } from '../../core/files.js';
import { buildFormModel } from '../../form/model.js';
import { migrateSession, migrationPath } from '../../session/migrate.js';
import type { Session } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { InvalidInputError, UserError, type ExitCode } from '../errors.js';
import { guardOutput } from '../output.js';
import { resolveFramework } from '../resolve.js';
import { openSession } from '../session-io.js';
import { checkFilter } from './interview.js';

export interface FormOptions {
  framework: string;
  out?: string;
  theme?: string;
  audience?: string;
  respondent?: string;
  gemeente?: string;
  prefill?: string;
}

/** The moment stamped in the workbook: now, or SOURCE_DATE_EPOCH for reproducible output. */
function createdAt(env: CommandContext['io']['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(Math.floor(Date.now() / 1000) * 1000);
}

export async function formCommand(ctx: CommandContext, options: FormOptions): Promise<ExitCode> {
  const f = ctx.msgs.form.command;
  if (!options.out || options.out === '-') throw new UserError(f.needOut);
  const out = resolve(ctx.io.cwd, options.out);
  if (extname(out).toLowerCase() !== '.xlsx') throw new UserError(f.notXlsx(displayPath(out, ctx.io.cwd)));
  const resolved = resolveFramework(ctx, options.framework);
  const { framework } = resolved;
  checkFilter(ctx, framework, options);

  // A review round shows one session's answers, and only when asked: never other respondents' by default.
  let prefill: Session | undefined;
  if (options.prefill) {
    const open = openSession(ctx, resolve(ctx.io.cwd, options.prefill), options.framework);
    const shown = displayPath(open.path, ctx.io.cwd);
    if (open.session.framework.id !== framework.id) throw new InvalidInputError(f.prefillOther(shown, open.session.framework.id));
    const path = migrationPath(framework, open.session.framework.version);
    if (path === 'none') throw new InvalidInputError(ctx.msgs.cli.check.noMigration(shown, open.session.framework.version, framework.version));
    prefill = path === 'migratable' ? migrateSession(framework, open.session, resolved.digest).session : open.session;
  }

  const model = buildFormModel(
    framework,
    { digest: resolved.digest, lang: ctx.lang, theme: options.theme, audience: options.audience, respondent: options.respondent, gemeente: options.gemeente, prefill },
    ctx.msgs,
  );
  const questions = model.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (questions === 0) throw new UserError(ctx.msgs.interview.emptyPlan);
  const { writeForm } = await import('../../form/write.js');
  const bytes = await writeForm(model, ctx.msgs, createdAt(ctx.io.env));
  guardOutput(ctx, out);
  // A review form holds a session's answers and notes: as private as the session (0600).
  writeFileAtomic(out, bytes, ctx.msgs, prefill ? 0o600 : 0o644);
  if (!ctx.quiet) ctx.io.stdout(`${f.written(displayPath(out, ctx.io.cwd), questions, model.sheets.length)}\n`);
  return 0;
}

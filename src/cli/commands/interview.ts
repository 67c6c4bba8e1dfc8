/** kader interview: create or resume a session and walk it in the terminal, or merge --answers. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath, FileError, pathKind } from '../../core/files.js';
import { questionsOf, type Framework } from '../../framework/types.js';
import { buildPlan, isComplete, markInactive, progressOf, resumeIndex, runInterview, type Prompter } from '../../interview/engine.js';
import { parseSessionText } from '../../session/check.js';
import { SessionFile } from '../../session/file.js';
import type { Session } from '../../session/types.js';
import { isIsoDate } from '../../session/values.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { readInput } from '../lint-run.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';
import { mergeAnswersFile } from './interview-answers.js';

export interface InterviewOptions {
  session?: string;
  framework?: string;
  theme?: string;
  audience?: string;
  review?: boolean;
  out?: string;
  answers?: string;
  respondent?: string;
  gemeente?: string;
  team?: string;
  regio?: string;
  date?: string;
  interviewer?: string[];
}

export interface OpenSession {
  file: SessionFile;
  session: Session;
  path: string;
  resolved: ResolvedFramework;
}

const today = (): string => new Date().toISOString().slice(0, 10);
const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const slug = (text: string): string =>
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
  session.status = isComplete(resolved.framework, session.answers) ? 'complete' : 'in-progress';
  open.file.save(session);
}

export function openSession(ctx: CommandContext, path: string, frameworkRef?: string): OpenSession {
  const shown = displayPath(path, ctx.io.cwd);
  const text = readInput(ctx, path, shown);
  const { session, diagnostics } = parseSessionText(shown, text, ctx.msgs);
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

/** Tell the user when the framework changed under the session, and which ids it lost. */
function reportDrift(ctx: CommandContext, open: OpenSession): void {
  if (open.session.framework.digest === open.resolved.digest) return;
  ctx.io.stderr(`${ctx.chalk.yellow(ctx.msgs.interview.drift(open.resolved.framework.id))}\n`);
  const known = new Set([...questionsOf(open.resolved.framework)].map((p) => p.question.id));
  const vanished = Object.keys(open.session.answers).filter((id) => !known.has(id));
  if (vanished.length > 0) ctx.io.stderr(`${ctx.msgs.interview.vanished(vanished)}\n`);
}

function checkFilter(ctx: CommandContext, framework: Framework, options: InterviewOptions): void {
  const t = ctx.msgs.interview;
  const themes = framework.themes.map((th) => th.id);
  if (options.theme && !themes.includes(options.theme)) throw new UserError(t.unknownTheme(options.theme, themes));
  const audiences = framework.audiences.map((a) => a.id);
  if (options.audience && !audiences.includes(options.audience)) throw new UserError(t.unknownAudience(options.audience, audiences));
}

export async function interviewCommand(ctx: CommandContext, options: InterviewOptions): Promise<ExitCode> {
  if (options.answers) return mergeAnswersFile(ctx, options);
  if (!ctx.io.interactive) throw new UserError(ctx.msgs.interview.noTty);

  const { createInteractively, terminalPrompterFor } = await import('./interview-terminal.js');
  const target = options.session ? resolve(ctx.io.cwd, options.session) : undefined;
  const open =
    target && pathKind(target) === 'file' ? openSession(ctx, target, options.framework) : await createInteractively(ctx, options, target);
  reportDrift(ctx, open);
  checkFilter(ctx, open.resolved.framework, options);
  return walk(ctx, open, options, terminalPrompterFor(ctx));
}

/** Run the engine over an open session; every answer is saved before the next question. */
export async function walk(ctx: CommandContext, open: OpenSession, options: InterviewOptions, prompter: Prompter): Promise<ExitCode> {
  const t = ctx.msgs.interview;
  const { framework } = open.resolved;
  const plan = buildPlan(framework, { theme: options.theme, audience: options.audience });
  if (plan.length === 0) throw new UserError(t.emptyPlan);
  const shown = displayPath(open.path, ctx.io.cwd);
  const start = options.review ? 0 : Math.max(0, resumeIndex(plan, framework, open.session.answers));
  const before = progressOf(plan, framework, open.session.answers);
  if (before.answered > 0 && !options.review) ctx.io.stdout(`${t.resumeAt(Math.min(before.answered + 1, before.total), before.total)}\n`);

  let outcome;
  try {
    outcome = await runInterview({
      framework,
      session: open.session,
      plan,
      prompter,
      save: () => saveSession(open),
      now,
      respondent: options.respondent ?? (open.session.context.respondents?.length === 1 ? open.session.context.respondents[0]!.role : undefined),
      review: options.review,
      start,
    });
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
  saveSession(open);
  const after = progressOf([...questionsOf(framework)], framework, open.session.answers);
  const resume = `kader interview ${shown}${options.theme ? ` --theme ${options.theme}` : ''}${options.audience ? ` --audience ${options.audience}` : ''}`;
  ctx.io.stdout('\n');
  if (outcome === 'finished' && after.openRequired === 0) {
    ctx.io.stdout(`${t.finished(shown)}\n`);
  } else {
    ctx.io.stdout(`${t.saved(shown)} ${after.openRequired > 0 ? t.stillOpen(after.openRequired) : ''}\n${t.resume(resume)}\n`);
  }
  return 0;
}

/** A context from the command line, for sessions made without a terminal. */
export function contextFromOptions(ctx: CommandContext, options: InterviewOptions): Session['context'] {
  if (!options.gemeente) throw new UserError(ctx.msgs.interview.needFramework);
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw new UserError(`--date: ${ctx.msgs.interview.notADate}`);
  return {
    gemeente: options.gemeente,
    ...(options.team && { team: options.team }),
    ...(options.regio && { regio: options.regio }),
    date,
    interviewers: options.interviewer ?? [],
    respondents: options.respondent ? [{ role: options.respondent }] : [],
  };
}

export function defaultSessionPath(cwd: string, gemeente: string, frameworkId: string, date: string): string {
  return resolve(cwd, 'sessies', `${slug(gemeente)}-${frameworkId}-${date}.yaml`);
}

/** Make the folder and write the new session at once, so even an empty interview leaves a file. */
export function createSessionFile(ctx: CommandContext, path: string, resolved: ResolvedFramework, context: Session['context']): OpenSession {
  if (pathKind(path) !== 'missing') throw new UserError(ctx.msgs.interview.exists(displayPath(path, ctx.io.cwd)));
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError(ctx.msgs.io.writeFailed(displayPath(dirname(path), ctx.io.cwd), (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const session = newSession(resolved, context);
  const open: OpenSession = { file: SessionFile.create(path, session, ctx.msgs), session, path, resolved };
  try {
    saveSession(open);
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
  return open;
}

export { today, now };

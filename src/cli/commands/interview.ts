/** kader interview: create or resume a session and walk it in the terminal, or merge --answers. */
import { resolve } from 'node:path';
import { displayPath, FileError, pathKind } from '../../core/files.js';
import { questionsOf, type Framework } from '../../framework/types.js';
import { buildPlan, Interrupted, resumeIndex, runInterview, type Prompter } from '../../interview/engine.js';
import { personalDataWarning } from '../../privacy/detect.js';
import { buildReport } from '../../report/model.js';
import { reportSentences } from '../../report/render.js';
import { openRequired, progressOf } from '../../session/state.js';
import type { Session } from '../../session/types.js';
import { isIsoDate } from '../../session/values.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { now, openSession, saveSession, slug, today, type OpenSession } from '../session-io.js';
import { mergeAnswersFile } from './interview-answers.js';

export interface InterviewOptions {
  session?: string;
  framework?: string;
  theme?: string;
  audience?: string;
  review?: boolean;
  judge?: boolean;
  out?: string;
  answers?: string;
  respondent?: string;
  gemeente?: string;
  team?: string;
  regio?: string;
  date?: string;
  interviewer?: string[];
}

/** Tell the user when the framework changed under the session, and which ids it lost. */
function reportDrift(ctx: CommandContext, open: OpenSession): void {
  if (open.session.framework.digest === open.resolved.digest) return;
  ctx.io.stderr(`${ctx.chalk.yellow(ctx.msgs.interview.drift(open.resolved.framework.id))}\n`);
  const known = new Set([...questionsOf(open.resolved.framework)].map((p) => p.question.id));
  const vanished = Object.keys(open.session.answers).filter((id) => !known.has(id));
  if (vanished.length > 0) ctx.io.stderr(`${ctx.msgs.interview.vanished(vanished)}\n`);
}

export function checkFilter(ctx: CommandContext, framework: Framework, options: InterviewOptions): void {
  const t = ctx.msgs.interview;
  const themes = framework.themes.map((th) => th.id);
  if (options.theme && !themes.includes(options.theme)) throw new UserError(t.unknownTheme(options.theme, themes));
  const audiences = framework.audiences.map((a) => a.id);
  if (options.audience && !audiences.includes(options.audience)) throw new UserError(t.unknownAudience(options.audience, audiences));
}

export async function interviewCommand(ctx: CommandContext, options: InterviewOptions): Promise<ExitCode> {
  if (options.answers) return mergeAnswersFile(ctx, options);
  if (!ctx.io.interactive) throw new UserError(ctx.msgs.interview.noTty);

  const { askRespondent, createInteractively, terminalPrompterFor } = await import('./interview-terminal.js');
  const target = options.session ? resolve(ctx.io.cwd, options.session) : undefined;
  let open: OpenSession | undefined;
  try {
    open = target && pathKind(target) === 'file' ? openSession(ctx, target, options.framework) : await createInteractively(ctx, options, target);
    reportDrift(ctx, open);
    checkFilter(ctx, open.resolved.framework, options);
    // With several respondents, ask once who answers now, so each answer records its perspective.
    const respondent = options.respondent ?? (await askRespondent(ctx, open.session.context.respondents ?? []));
    return await walk(ctx, open, { ...options, respondent }, terminalPrompterFor(ctx));
  } catch (error) {
    // Ctrl-C before the first question: nothing to save beyond what is written already.
    if (!(error instanceof Interrupted)) throw error;
    if (open) ctx.io.stdout(`\n${ctx.msgs.interview.resume(`kader interview ${displayPath(open.path, ctx.io.cwd)}`)}\n`);
    return 0;
  }
}

/** Run the engine over an open session; every answer is saved before the next question. */
export async function walk(ctx: CommandContext, open: OpenSession, options: InterviewOptions, prompter: Prompter): Promise<ExitCode> {
  const t = ctx.msgs.interview;
  const { framework } = open.resolved;
  const plan = buildPlan(framework, { theme: options.theme, audience: options.audience });
  if (plan.length === 0) throw new UserError(t.emptyPlan);
  const shown = displayPath(open.path, ctx.io.cwd);
  ctx.io.stdout(`${frameworkIntro(ctx, framework)}\n`);
  const start = options.review ? 0 : Math.max(0, resumeIndex(plan, framework, open.session.answers));
  const before = progressOf(plan, framework, open.session);
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
      judge: options.judge,
      start,
    });
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
  saveSession(open);
  const after = progressOf([...questionsOf(framework)], framework, open.session);
  let resume = `kader interview ${shown}${options.theme ? ` --theme ${options.theme}` : ''}${options.audience ? ` --audience ${options.audience}` : ''}`;
  // A finished --theme/--audience part: point to where the open questions are, not back to it.
  const elsewhere = progressOf(plan, framework, open.session).openRequired === 0 ? themesWithOpenQuestions(framework, open.session) : [];
  if (elsewhere.length > 0) resume = `kader interview ${shown}${elsewhere.length === 1 ? ` --theme ${elsewhere[0]}` : ''}`;
  ctx.io.stdout('\n');
  ctx.io.stdout(`${criticalSummary(ctx, open)}\n`);
  if (outcome === 'finished' && after.openRequired === 0) {
    ctx.io.stdout(`${t.finished(shown)}\n`);
  } else {
    if (elsewhere.length > 0) ctx.io.stdout(`${t.openElsewhere(elsewhere)}\n`);
    ctx.io.stdout(`${t.saved(shown)} ${after.openRequired > 0 ? t.stillOpen(after.openRequired) : ''}\n${t.resume(resume)}\n`);
  }
  return 0;
}

/** Themes (in framework order) that hold a required question still waiting for an answer. */
function themesWithOpenQuestions(framework: Framework, session: Session): string[] {
  const open = new Set(openRequired(framework, session));
  return [...new Set([...questionsOf(framework)].filter((p) => open.has(p.question.id)).map((p) => p.theme.id))];
}

/**
 * What the interviewer must know before the first question: which framework and version, and
 * (unless its text is official) that it is a reconstruction, in the framework's own words.
 */
export function frameworkIntro(ctx: CommandContext, framework: Framework): string {
  const r = ctx.msgs.report;
  const lines = [ctx.chalk.bold(ctx.msgs.interview.frameworkLine(framework.title, framework.version))];
  const status = framework.provenance?.status;
  if (status !== 'official') {
    lines.push(`${r.textStatus}: ${status ? (r.provenanceStatus[status] ?? status) : r.provenanceUnstated}`);
    if (framework.provenance) lines.push(ctx.chalk.dim(framework.provenance.disclaimer.trim()));
  }
  return `${lines.join('\n')}\n`;
}

/** The critical criteria as the answers stand: only what the session supports, by name. */
export function criticalSummary(ctx: CommandContext, open: OpenSession): string {
  const model = buildReport({
    framework: open.resolved.framework,
    session: open.session,
    words: { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special },
  });
  const said = reportSentences(model, ctx.msgs);
  if (model.summary.criticalCount.total === 0) return said.criticalSentence;
  const outcome = ctx.msgs.report.outcome;
  return [ctx.msgs.interview.criticalHeader, said.criticalSentence, ...model.summary.critical.map((c) => `  • ${c.id} ${c.title} — ${outcome[c.outcome] ?? c.outcome}`)].join('\n');
}

/** A context from the command line, for sessions made without a terminal. */
export function contextFromOptions(ctx: CommandContext, options: InterviewOptions): Session['context'] {
  if (!options.gemeente) throw new UserError(ctx.msgs.interview.needFramework);
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw new UserError(`--date: ${ctx.msgs.interview.notADate}`);
  const context: Session['context'] = {
    gemeente: options.gemeente,
    ...(options.team && { team: options.team }),
    ...(options.regio && { regio: options.regio }),
    date,
    interviewers: options.interviewer ?? [],
    respondents: options.respondent ? [{ role: options.respondent }] : [],
  };
  // The context goes into every report: warn at once, as for a note.
  const texts: [string, string | undefined][] = [
    ['gemeente', context.gemeente],
    ['team', context.team],
    ['regio', context.regio],
    ...context.interviewers!.map((name): [string, string] => ['interviewer', name]),
    ['role', options.respondent],
  ];
  for (const [field, text] of texts) {
    const warning = text && personalDataWarning(text, ctx.msgs.privacy.fields[field] ?? field, ctx.msgs.privacy);
    if (warning) ctx.io.stderr(`kader: ${warning}\n`);
  }
  return context;
}

/**
 * Where a new session is proposed: one interview per respondent is the usual way, so a single
 * role goes into the name, and a name already taken gets -2, -3 … rather than a refusal.
 */
export function defaultSessionPath(cwd: string, gemeente: string, frameworkId: string, date: string, roles: readonly string[] = []): string {
  const role = roles.length === 1 && slug(roles[0]!) ? `-${slug(roles[0]!)}` : '';
  const base = resolve(cwd, 'sessies', `${slug(gemeente)}-${frameworkId}-${date}${role}`);
  for (let n = 1; ; n++) {
    const path = `${base}${n === 1 ? '' : `-${n}`}.yaml`;
    if (pathKind(path) === 'missing') return path;
  }
}


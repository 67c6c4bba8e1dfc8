/** kader interview: create or resume a session and walk it in the terminal, or merge --answers. */
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { displayPath, pathKind } from '../../core/files.js';
import { questionsOf, type Framework } from '../../framework/types.js';
import { selectQuestions, Interrupted, resumePoint, runInterview, type Prompter } from '../../interview/engine.js';
import { buildReport } from '../../report/model.js';
import { reportSentences } from '../../report/render.js';
import { joinRespondents, openRequired, progressOf, statusOf } from '../../session/state.js';
import type { Session } from '../../session/types.js';
import { readDate } from '../../interview/typed-input.js';
import { terminalWidth, wrapText } from '../../interview/wrap.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { now, openSession, saveSession, type OpenSession } from '../session-io.js';
import { mergeAnswersFile } from './interview-answers.js';
import { endSummary, resumeCommand } from './interview-summary.js';

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
  // --date 15-03-2026 is read the Dutch way, and stored as ISO like a typed date.
  if (options.date !== undefined) {
    const date = readDate(options.date);
    if (!date) throw new UserError(`--date: ${ctx.msgs.interview.notADate}`);
    options = { ...options, date };
  }
  if (options.answers) return mergeAnswersFile(ctx, options);
  if (!ctx.io.interactive) throw new UserError(ctx.msgs.interview.noTty);

  const { askRespondent, confirmNewAt, createInteractively, offerForComplete, terminalPrompterFor } = await import('./interview-terminal.js');
  const target = options.session ? resolve(ctx.io.cwd, options.session) : undefined;
  let open: OpenSession | undefined;
  try {
    const exists = target !== undefined && pathKind(target) === 'file';
    // A mistyped path to resume must not silently become a new, empty interview.
    if (target && !exists && !(await confirmNewAt(ctx, target))) {
      ctx.io.stdout(`${ctx.msgs.interview.notStarted}\n`);
      return 0;
    }
    open = exists ? openSession(ctx, target, options.framework) : await createInteractively(ctx, options, target);
    reportDrift(ctx, open);
    checkFilter(ctx, open.resolved.framework, options);
    // A complete session: asking for a respondent and then saying "done" helps nobody; offer what comes next.
    if (exists && !options.review && !options.theme && !options.audience && statusOf(open.resolved.framework, open.session) === 'complete') {
      const choice = await offerForComplete(ctx, displayPath(open.path, ctx.io.cwd));
      if (choice === 'stop') return 0;
      if (choice === 'plan' || choice === 'report') return await nextCommand(ctx, open, options, choice);
      options = { ...options, review: true };
    }
    // With several respondents, ask once who answers now, so each answer records its perspective.
    const respondent = options.respondent ?? (await askRespondent(ctx, open.session.context.respondents ?? [], lastRespondent(open.session)));
    if (respondent !== undefined) addRespondent(ctx, open, respondent);
    return await walk(ctx, open, { ...options, respondent }, terminalPrompterFor(ctx));
  } catch (error) {
    // Ctrl-C before the first question: nothing to save beyond what is written already.
    if (!(error instanceof Interrupted)) throw error;
    if (open) ctx.io.stdout(`\n${ctx.msgs.interview.resume(resumeCommand(ctx, open, options))}\n`);
    return 0;
  }
}

/** A --respondent the session does not name yet joins its respondents (saved at once), so reports list every perspective. */
function addRespondent(ctx: CommandContext, open: OpenSession, role: string): void {
  if (joinRespondents(open.session, [role]).length === 0) return;
  saveSession(open);
  ctx.io.stdout(`${ctx.msgs.interview.respondentAdded(visible(role))}\n`);
}

/** Who gave the most recent answer, if it says. */
export function lastRespondent(session: Session): string | undefined {
  let latest: { at: string; respondent?: string } | undefined;
  for (const answer of Object.values(session.answers)) if (!latest || answer.at > latest.at) latest = answer;
  return latest?.respondent;
}

/** From the offer for a complete session: kader plan, or the verbeterplan as html next to the session. */
async function nextCommand(ctx: CommandContext, open: OpenSession, options: InterviewOptions, choice: 'plan' | 'report'): Promise<ExitCode> {
  if (choice === 'plan') {
    const { planCommand } = await import('./plan.js');
    return planCommand(ctx, { session: open.path, format: 'text', framework: options.framework });
  }
  const { reportCommand } = await import('./report.js');
  const { reportPath } = await import('./interview-summary.js');
  // reportCommand says what it wrote, and where.
  return reportCommand(ctx, { session: open.path, format: 'html', out: reportPath(open.path), framework: options.framework });
}

/** Run the engine over an open session; every answer is saved before the next question. */
export async function walk(ctx: CommandContext, open: OpenSession, options: InterviewOptions, prompter: Prompter): Promise<ExitCode> {
  const t = ctx.msgs.interview;
  const { framework } = open.resolved;
  const plan = selectQuestions(framework, { theme: options.theme, audience: options.audience });
  if (plan.length === 0) throw new UserError(t.emptyPlan);
  const shown = displayPath(open.path, ctx.io.cwd);
  const started = Date.now();
  ctx.io.stdout(`${wrapText(frameworkIntro(ctx, framework), terminalWidth())}\n`);
  // Say where the interview resumes in the numbers the screen shows, and why (skipped questions first).
  const point = options.review ? undefined : resumePoint(plan, framework, open.session.answers);
  const start = point?.index ?? 0;
  if (point && point.answered > 0) ctx.io.stdout(`${t.resumeWhere(point.position, point.total, point.answered, point.skipped, point.furthest)}\n`);

  const outcome = await runInterview({
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
  saveSession(open);
  const after = progressOf([...questionsOf(framework)], framework, open.session);
  // A finished --theme/--audience part: point to where the open questions are, not back to it.
  const elsewhere = progressOf(plan, framework, open.session).openRequired === 0 ? themesWithOpenQuestions(framework, open.session) : [];
  const resumeOptions = elsewhere.length > 0 ? { ...options, theme: elsewhere.length === 1 ? elsewhere[0] : undefined, audience: undefined } : options;
  ctx.io.stdout('\n');
  // Not wrapped: the commands in it must stay whole lines to be copied.
  ctx.io.stdout(`${endSummary(ctx, open, options, criticalSummary(ctx, open), Date.now() - started)}\n\n`);
  if (outcome === 'finished' && after.openRequired === 0) {
    ctx.io.stdout(`${t.finished(shown)}\n`);
  } else {
    if (elsewhere.length > 0) ctx.io.stdout(`${t.openElsewhere(elsewhere)}\n`);
    ctx.io.stdout(`${t.saved(shown)} ${after.openRequired > 0 ? t.stillOpen(after.openRequired) : ''}\n${t.resume(resumeCommand(ctx, open, resumeOptions))}\n`);
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
  // Framework text may come from an untrusted file: its control characters are shown, not obeyed.
  const lines = [ctx.chalk.bold(visible(ctx.msgs.interview.frameworkLine(framework.title, framework.version)))];
  const status = framework.provenance?.status;
  if (status !== 'official') {
    lines.push(`${r.textStatus}: ${status ? (r.provenanceStatus[status] ?? status) : r.provenanceUnstated}`);
    if (framework.provenance) lines.push(ctx.chalk.dim(visible(framework.provenance.disclaimer.trim())));
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
  return [ctx.msgs.interview.criticalHeader, said.criticalSentence, ...model.summary.critical.map((c) => visible(`  • ${c.id} ${c.title} — ${outcome[c.outcome] ?? c.outcome}`))].join('\n');
}

/**
 * What the interviewer sees when a sitting ends: per theme what is answered and how it stands,
 * the critical criteria (criticalSummary), the time spent, and the commands that come next.
 */
import { visible } from '../../core/terminal.js';
import { displayPath } from '../../core/files.js';
import { selectQuestions } from '../../interview/engine.js';
import { buildReport } from '../../report/model.js';
import { progressOf } from '../../session/state.js';
import type { CommandContext } from '../context.js';
import { invocation } from '../invocation.js';
import type { OpenSession } from '../session-io.js';
import type { InterviewOptions } from './interview.js';

/** The command that continues this interview with the same choices (--review stays --review). */
export function resumeCommand(ctx: CommandContext, open: OpenSession, options: InterviewOptions): string {
  return [
    `${invocation(ctx.io.env, ctx.io.cwd)} interview ${displayPath(open.path, ctx.io.cwd)}`,
    // A framework given as a file must be given again, or the printed command would not run.
    options.framework && `--framework ${options.framework}`,
    options.theme && `--theme ${options.theme}`,
    options.audience && `--audience ${options.audience}`,
    options.review && '--review',
    options.judge && '--judge',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Per theme: answered of asked questions, the score so far and how many criteria are still unassessed. */
export function themeLines(ctx: CommandContext, open: OpenSession): string[] {
  const { framework } = open.resolved;
  const t = ctx.msgs.interview;
  const model = buildReport({
    framework,
    session: open.session,
    words: { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special },
  });
  return model.summary.themes.map((theme) => {
    const progress = progressOf(selectQuestions(framework, { theme: theme.id }), framework, open.session);
    return `  ${t.summaryTheme(visible(`${theme.id} ${theme.title}`), progress.answered, progress.total, theme.percent, theme.tally.open)}`;
  });
}

/** Minutes, rounded, for "time spent"; the interviewer needs an order of magnitude, not seconds. */
export function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

export function endSummary(ctx: CommandContext, open: OpenSession, options: InterviewOptions, critical: string, elapsedMs: number): string {
  const t = ctx.msgs.interview;
  const shown = displayPath(open.path, ctx.io.cwd);
  const withFramework = options.framework ? ` --framework ${options.framework}` : '';
  const kader = invocation(ctx.io.env, ctx.io.cwd);
  return [
    ctx.chalk.bold(t.summaryHeader),
    ...themeLines(ctx, open),
    '',
    critical,
    '',
    t.timeSpent(minutes(elapsedMs)),
    t.nextSteps,
    `  ${resumeCommand(ctx, open, { ...options, review: true })}  ${ctx.chalk.dim(t.nextReview)}`,
    `  ${kader} plan ${shown}${withFramework}  ${ctx.chalk.dim(t.nextPlan)}`,
    `  ${kader} report ${shown}${withFramework} --format html -o ${reportPath(shown)}  ${ctx.chalk.dim(t.nextReport)}`,
  ].join('\n');
}

/** sessies/x.yaml → sessies/x.html: the verbeterplan next to its session. */
export function reportPath(sessionPath: string): string {
  return `${sessionPath.replace(/\.ya?ml$/i, '')}.html`;
}

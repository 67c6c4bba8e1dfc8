/**
 * The interactive side of kader merge: per criterion where respondents differ, show each
 * perspective and ask the interviewer's verdict with a motivation. Every verdict is saved
 * the moment it is given; Ctrl-C or "stop" keeps what was decided.
 */
import { own } from '../../core/own.js';
import { displayPath } from '../../core/files.js';
import { indexOf } from '../../framework/types.js';
import { isPromptCancel, type Prompts } from '../../interview/prompts.js';
import { inquirerPrompts } from '../../interview/terminal-prompter.js';
import { personalDataWarning } from '../../privacy/detect.js';
import { answerLabel } from '../../report/answer-label.js';
import { scoreSession } from '../../scoring/score.js';
import { undecided } from '../../session/merge.js';
import type { Verdict } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import { now, saveSession, type OpenSession } from '../session-io.js';

const LATER = '\u0000later';
const STOP = '\u0000stop';
const VERDICTS: readonly Verdict[] = ['meets', 'partly', 'not-met', 'not-applicable'];

/** What the interviewer needs in view: each differing question with every respondent's answer. */
function showCriterion(ctx: CommandContext, open: OpenSession, criterionId: string): void {
  const { framework } = open.resolved;
  const { session } = open;
  const c = ctx.chalk;
  const words = { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special };
  const places = indexOf(framework).places.filter((p) => p.criterion.id === criterionId);
  const criterion = places[0]!.criterion;
  const lines = ['', c.bold(ctx.msgs.merge.differ(criterion.id, criterion.title)) + (criterion.critical ? c.red(` [${ctx.msgs.report.critical}]`) : '')];
  for (const { question } of places) {
    const differing = own(session.perspectives, question.id);
    const agreed = own(session.answers, question.id);
    if (differing) {
      lines.push(`  ${question.text}`);
      for (const p of differing) lines.push(`    ${c.bold(p.respondent)}: ${answerLabel(framework, question.id, p.value, words)}${p.note ? c.dim(` — ${p.note}`) : ''}`);
    } else if (agreed && !agreed.inactive) {
      lines.push(c.dim(`  ${question.text} ${answerLabel(framework, question.id, agreed.value, words)} (${agreed.respondent ?? ''})`));
    }
  }
  ctx.io.stdout(`${lines.join('\n')}\n`);
}

export async function decide(ctx: CommandContext, open: OpenSession, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Promise<ExitCode> {
  const m = ctx.msgs.merge;
  const { framework } = open.resolved;
  const shown = displayPath(open.path, ctx.io.cwd);
  const pending = undecided(framework, open.session);
  if (pending.length === 0) {
    ctx.io.stdout(`${m.nothingToDecide}\n`);
    return 0;
  }
  let decided = 0;
  try {
    for (const id of pending) {
      showCriterion(ctx, open, id);
      const verdict = await prompts.select({
        message: m.verdict,
        choices: [
          ...VERDICTS.map((v) => ({ name: ctx.msgs.report.outcome[v] ?? v, value: v as string })),
          { name: m.later, value: LATER },
          { name: m.stop, value: STOP },
        ],
      });
      if (verdict === STOP) break;
      if (verdict === LATER) continue;
      const motivation = (await prompts.input({ message: m.motivation, validate: (v) => v.trim() !== '' || m.motivationEmpty })).trim();
      const warning = personalDataWarning(motivation, `${id} (${ctx.msgs.privacy.fields.motivation})`, ctx.msgs.privacy);
      if (warning) ctx.io.stdout(`${ctx.chalk.yellow(`! ${warning}`)}\n`);
      open.session.judgements = { ...open.session.judgements, [id]: { verdict: verdict as Verdict, motivation, at: now() } };
      saveSession(open);
      decided++;
    }
  } catch (error) {
    // Ctrl-C: every verdict given so far is saved already.
    if (!isPromptCancel(error)) throw error;
  }
  const remaining = undecided(framework, open.session).length;
  ctx.io.stdout(`${m.decided(decided, remaining, shown)}\n`);
  // The outcome the report will show now, so the interviewer sees the effect of the verdicts.
  const total = scoreSession(framework, open.session).total;
  if (total !== undefined) ctx.io.stdout(`${ctx.msgs.report.total}: ${Math.round(total * 100)}%\n`);
  return 0;
}

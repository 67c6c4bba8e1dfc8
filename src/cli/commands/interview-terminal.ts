/** The terminal side of kader interview: asking for a new session's context, and the prompter. */
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { displayPath, FileError, pathKind } from '../../core/files.js';
import { loadCatalog } from '../../framework/catalog.js';
import { Interrupted, type Prompter } from '../../interview/engine.js';
import { isPromptCancel, type Prompts } from '../../interview/prompts.js';
import { inquirerPrompts, terminalPrompter } from '../../interview/terminal-prompter.js';
import { readDate } from '../../interview/typed-input.js';
import { terminalWidth, wrapText } from '../../interview/wrap.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import { invocation, shellWord } from '../invocation.js';
import { resolveFramework } from '../resolve.js';
import { createSessionFile, slug, today, type OpenSession } from '../session-io.js';
import type { InterviewOptions } from './interview.js';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

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

export function terminalPrompterFor(ctx: CommandContext, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Prompter {
  // Wrapped at the width of the moment, so a resized terminal gets whole words too.
  return terminalPrompter(ctx.msgs, ctx.chalk, (text) => ctx.io.stdout(wrapText(text, terminalWidth())), prompts);
}

/** Ask what a new session needs; Ctrl-C here leaves nothing behind. */
export async function createInteractively(ctx: CommandContext, options: InterviewOptions, target?: string, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Promise<OpenSession> {
  const t = ctx.msgs.interview;
  const { select, input } = prompts;
  // What was typed so far, so that Ctrl-C can hand it back as a command instead of losing it.
  const typed: InterviewOptions = { ...options };
  try {
    let ref = options.framework;
    if (!ref) {
      const catalog = loadCatalog({ cwd: ctx.io.cwd, frameworksDir: ctx.frameworksDir, msgs: ctx.msgs });
      ref = await select({
        message: t.chooseFramework,
        choices: catalog.entries.map((e) => ({ name: visible(`${e.framework.title} (${e.framework.version})`), value: e.framework.id })),
      });
    }
    typed.framework = ref;
    const resolved = resolveFramework(ctx, ref);
    const required = (v: string) => v.trim() !== '' || t.required;
    const gemeente = (typed.gemeente = (options.gemeente ?? (await input({ message: t.gemeente, validate: required }))).trim());
    const team = (typed.team = options.team ?? (await input({ message: t.team })).trim());
    const regio = (typed.regio = options.regio ?? (await input({ message: t.regio })).trim());
    const date = (typed.date = options.date ?? readDate(await input({ message: t.date, default: today(), validate: (v) => readDate(v) !== undefined || t.notADate }))!);
    const interviewers = (typed.interviewer = options.interviewer ?? list(await input({ message: t.interviewers })));
    const roles = options.respondent ? [options.respondent] : list(await input({ message: t.respondents }));
    const proposed = target ?? (options.out ? resolve(ctx.io.cwd, options.out) : defaultSessionPath(ctx.io.cwd, gemeente, resolved.framework.id, date, roles));
    const chosen = await input({
      message: t.fileName,
      default: displayPath(proposed, ctx.io.cwd),
      validate: (v) => {
        const path = resolve(ctx.io.cwd, v.trim());
        return pathKind(path) === 'missing' || t.exists(v.trim());
      },
    });
    const path = resolve(ctx.io.cwd, chosen.trim());
    const open = createSessionFile(ctx, path, resolved, {
      gemeente,
      ...(team && { team }),
      ...(regio && { regio }),
      date,
      interviewers,
      respondents: roles.map((role) => ({ role })),
    });
    ctx.io.stdout(`${t.created(displayPath(path, ctx.io.cwd))}\n`);
    return open;
  } catch (error) {
    if (isPromptCancel(error)) {
      ctx.io.stdout(`\n${t.contextInterrupted(startCommand(ctx, typed, target))}\n`);
      throw new Interrupted();
    }
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
}

/** Who answers in this sitting, when the session names more than one role; undefined if none chosen. */
export async function askRespondent(
  ctx: CommandContext,
  respondents: readonly { role: string }[],
  last?: string,
  prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs),
): Promise<string | undefined> {
  if (respondents.length < 2) return respondents[0]?.role;
  try {
    const role = await prompts.select({
      message: ctx.msgs.interview.whoAnswers,
      // On resume the cursor starts at whoever answered last: usually the same person, after a break.
      ...(last && respondents.some((r) => r.role === last) && { default: last }),
      choices: [...respondents.map((r) => ({ name: visible(r.role), value: r.role })), { name: ctx.msgs.interview.mixed, value: '' }],
    });
    return role || undefined;
  } catch (error) {
    if (isPromptCancel(error)) throw new Interrupted();
    throw error;
  }
}

/** `kader interview …` with every context field typed so far, to start again without retyping. */
export function startCommand(ctx: CommandContext, typed: InterviewOptions, target?: string): string {
  const words = [invocation(ctx.io.env, ctx.io.cwd), 'interview'];
  if (target) words.push(shellWord(displayPath(target, ctx.io.cwd)));
  const add = (flag: string, value?: string) => {
    if (value) words.push(flag, shellWord(value));
  };
  add('--framework', typed.framework);
  add('--gemeente', typed.gemeente);
  add('--team', typed.team);
  add('--regio', typed.regio);
  add('--date', typed.date);
  for (const name of typed.interviewer ?? []) add('--interviewer', name);
  add('--respondent', typed.respondent);
  return words.join(' ');
}

/** The named session does not exist: say so, and start a new one there only when asked to. */
export async function confirmNewAt(ctx: CommandContext, target: string, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Promise<boolean> {
  const shown = displayPath(target, ctx.io.cwd);
  ctx.io.stdout(`${ctx.chalk.yellow(ctx.msgs.interview.missingSession(shown))}\n`);
  try {
    return await prompts.confirm({ message: ctx.msgs.interview.startNewHere(shown), default: false });
  } catch (error) {
    if (isPromptCancel(error)) return false;
    throw error;
  }
}

export type CompleteChoice = 'review' | 'plan' | 'report' | 'stop';

/** A complete session reopened: review, plan or report, instead of "nothing to ask". */
export async function offerForComplete(ctx: CommandContext, shown: string, prompts: Prompts = ctx.io.prompts ?? inquirerPrompts(ctx.msgs)): Promise<CompleteChoice> {
  const t = ctx.msgs.interview;
  ctx.io.stdout(`${t.completeAlready(shown)}\n`);
  try {
    return await prompts.select<CompleteChoice>({
      message: t.completeWhat,
      choices: [
        { name: t.completeReview, value: 'review' },
        { name: t.completePlan, value: 'plan' },
        { name: t.completeReport, value: 'report' },
        { name: t.completeStop, value: 'stop' },
      ],
    });
  } catch (error) {
    if (isPromptCancel(error)) return 'stop';
    throw error;
  }
}

/** The terminal side of kader interview: asking for a new session's context, and the prompter. */
import { visible } from '../../core/terminal.js';
import { input, select } from '@inquirer/prompts';
import { resolve } from 'node:path';
import { displayPath, FileError, pathKind } from '../../core/files.js';
import { loadCatalog } from '../../framework/catalog.js';
import { Interrupted, type Prompter } from '../../interview/engine.js';
import { terminalPrompter } from '../../interview/terminal-prompter.js';
import { isIsoDate } from '../../session/values.js';
import { promptTheme } from '../../interview/terminal-prompter.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import { resolveFramework } from '../resolve.js';
import { createSessionFile, today, type OpenSession } from '../session-io.js';
import { defaultSessionPath, type InterviewOptions } from './interview.js';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function terminalPrompterFor(ctx: CommandContext): Prompter {
  return terminalPrompter(ctx.msgs, ctx.chalk, ctx.io.stdout);
}

/** Ask what a new session needs; Ctrl-C here leaves nothing behind. */
export async function createInteractively(ctx: CommandContext, options: InterviewOptions, target?: string): Promise<OpenSession> {
  const t = ctx.msgs.interview;
  try {
    let ref = options.framework;
    if (!ref) {
      const catalog = loadCatalog({ cwd: ctx.io.cwd, frameworksDir: ctx.frameworksDir, msgs: ctx.msgs });
      ref = await select({
        theme: promptTheme(ctx.msgs),
        message: t.chooseFramework,
        choices: catalog.entries.map((e) => ({ name: visible(`${e.framework.title} (${e.framework.version})`), value: e.framework.id })),
      });
    }
    const resolved = resolveFramework(ctx, ref);
    const required = (v: string) => v.trim() !== '' || t.required;
    const gemeente = (options.gemeente ?? (await input({ message: t.gemeente, validate: required }))).trim();
    const team = options.team ?? (await input({ message: t.team })).trim();
    const regio = options.regio ?? (await input({ message: t.regio })).trim();
    const date = options.date ?? (await input({ message: t.date, default: today(), validate: (v) => isIsoDate(v.trim()) || t.notADate })).trim();
    const interviewers = options.interviewer ?? list(await input({ message: t.interviewers }));
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
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Interrupted();
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
}

/** Who answers in this sitting, when the session names more than one role; undefined if none chosen. */
export async function askRespondent(ctx: CommandContext, respondents: readonly { role: string }[]): Promise<string | undefined> {
  if (respondents.length < 2) return respondents[0]?.role;
  try {
    const role = await select({
      theme: promptTheme(ctx.msgs),
      message: ctx.msgs.interview.whoAnswers,
      choices: [...respondents.map((r) => ({ name: visible(r.role), value: r.role })), { name: ctx.msgs.interview.mixed, value: '' }],
    });
    return role || undefined;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Interrupted();
    throw error;
  }
}

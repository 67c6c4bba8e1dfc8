/**
 * kader interview --answers: merge answers from a YAML file without a terminal, validated like
 * any answer. All or nothing: one bad answer and the session is left as it was. Reading and
 * merging the answers is src/session/answers-file.ts; this command finds the files, prints
 * and saves.
 */
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { displayPath, pathKind } from '../../core/files.js';
import { questionsOf } from '../../framework/types.js';
import { readDate } from '../../interview/typed-input.js';
import { answersPrivacyWarnings, mergeAnswers, readAnswersFile } from '../../session/answers-file.js';
import { sessionContext } from '../../session/context.js';
import { joinRespondents, progressOf } from '../../session/state.js';
import type { Session } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { UsageError, type ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATTERS } from '../format/index.js';
import { inputFile, readInput } from '../lint-run.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';
import { newSession, now, openSession, saveSession, today, writeNewSession } from '../session-io.js';
import type { InterviewOptions } from './interview.js';

export async function mergeAnswersFile(ctx: CommandContext, options: InterviewOptions): Promise<ExitCode> {
  const t = ctx.msgs.interview;
  if (!options.session) throw new UsageError(ctx.msgs.cli.missingArgument('sessie'));
  if (options.answers === undefined) throw new Error('mergeAnswersFile is called for --answers only');
  const path = resolve(ctx.io.cwd, options.session);
  const { path: answersPath, shown: answersShown } = inputFile(ctx, options.answers);
  const text = readInput(ctx, answersPath, answersShown);

  // Validate everything before creating or touching the session.
  const open = pathKind(path) === 'file' ? openSession(ctx, path, options.framework) : undefined;
  let created: { resolved: ResolvedFramework; context: Session['context'] } | undefined;
  if (!open) {
    if (!options.framework) throw new UsageError(t.needFramework);
    created = { resolved: resolveFramework(ctx, options.framework), context: contextFromOptions(ctx, options) };
  }
  const { framework } = open?.resolved ?? created!.resolved;

  const { diagnostics, incoming, given } = readAnswersFile(answersShown, text, framework, { respondent: options.respondent, at: now() }, ctx.msgs);
  if (diagnostics.length > 0) {
    ctx.io.stderr(
      DIAGNOSTIC_FORMATTERS.stylish({ diagnostics, files: [answersShown], failOn: 'error', msgs: ctx.msgs, chalk: ctx.chalk, toolVersion: '', runName: '', cwd: ctx.io.cwd }),
    );
    ctx.io.stderr(`kader: ${visible(t.answersInvalid(answersShown))}\n`);
    return 1;
  }
  for (const warning of answersPrivacyWarnings(incoming, options.respondent, ctx.msgs)) ctx.io.stderr(`kader: ${visible(warning)}\n`);

  // A new session is written once, answers and all: a failed write (a full disk) leaves no
  // file behind rather than an empty session. Over an existing answer, note and evidence stay
  // unless the file gives new ones.
  let target;
  let added: number;
  let changed = 0;
  if (open) {
    target = open;
    ({ added, changed } = mergeAnswers(target.session.answers, incoming, given));
    // A respondent who answers in this file joins the session's respondents, as in the terminal.
    joinRespondents(target.session, Object.values(incoming).map((answer) => answer.respondent));
    saveSession(target);
  } else {
    const { resolved, context } = created!;
    const session = newSession(resolved, context);
    ({ added } = mergeAnswers(session.answers, incoming, given));
    joinRespondents(session, Object.values(incoming).map((answer) => answer.respondent));
    target = writeNewSession(ctx, path, resolved, session);
  }
  const shown = displayPath(path, ctx.io.cwd);
  const { openRequired } = progressOf([...questionsOf(framework)], framework, target.session);
  const said = changed > 0 ? t.answersChanged(added, changed, shown) : t.answersAdded(added, shown);
  ctx.io.stdout(`${said} ${openRequired === 0 ? t.finished(shown) : t.stillOpen(openRequired)}\n`);
  return 0;
}

/** A context from the command line (--gemeente, --team, …), its warnings printed at once. */
function contextFromOptions(ctx: CommandContext, options: InterviewOptions): Session['context'] {
  const date = options.date === undefined ? today() : readDate(options.date);
  if (!date) throw new UsageError(`--date: ${ctx.msgs.interview.notADate}`);
  const { context, warnings } = sessionContext({ ...options, interviewers: options.interviewer, date }, ctx.msgs);
  for (const warning of warnings) ctx.io.stderr(`kader: ${warning}\n`);
  return context;
}

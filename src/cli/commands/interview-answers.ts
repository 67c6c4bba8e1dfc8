/**
 * kader interview --answers: merge answers from a YAML file without a terminal, validated like
 * any answer. All or nothing: one bad answer and the session is left as it was.
 */
import { own } from '../../core/own.js';
import { visible } from '../../core/terminal.js';
import { resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../core/diagnostic.js';
import { displayPath, pathKind } from '../../core/files.js';
import { questionsOf } from '../../framework/types.js';
import { personalDataWarning } from '../../privacy/detect.js';
import { progressOf } from '../../session/state.js';
import type { Answer } from '../../session/types.js';
import { checkValue, describeValueProblem } from '../../session/values.js';
import { parseYaml } from '../../yaml/parse.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATTERS } from '../format/index.js';
import { inputFile, readInput } from '../lint-run.js';
import { resolveFramework } from '../resolve.js';
import { newSession, now, openSession, saveSession, writeNewSession } from '../session-io.js';
import { contextFromOptions, type InterviewOptions } from './interview.js';

const ANSWER_KEYS = new Set(['value', 'note', 'evidence', 'respondent']);

export async function mergeAnswersFile(ctx: CommandContext, options: InterviewOptions): Promise<ExitCode> {
  const t = ctx.msgs.interview;
  if (!options.session) throw new UserError(ctx.msgs.cli.missingArgument('sessie'));
  const path = resolve(ctx.io.cwd, options.session);
  const { path: answersPath, shown: answersShown } = inputFile(ctx, options.answers!);
  const text = readInput(ctx, answersPath, answersShown);

  // Validate everything before creating or touching the session.
  const exists = pathKind(path) === 'file';
  if (!exists && !options.framework) throw new UserError(t.needFramework);
  const resolved = exists ? undefined : resolveFramework(ctx, options.framework!);
  const context = exists ? undefined : contextFromOptions(ctx, options);
  const open = exists ? openSession(ctx, path, options.framework) : undefined;
  const framework = (open?.resolved ?? resolved)!.framework;

  const parsed = parseYaml(answersShown, text, ctx.msgs);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const report = (at: (string | number)[], rule: string, message: string, kind: 'key' | 'value' = 'value') =>
    diagnostics.push({ file: answersShown, ...parsed.locate(at, kind), severity: 'error', rule, message });
  const questions = new Map([...questionsOf(framework)].map((p) => [p.question.id, p.question]));
  const incoming: Record<string, Answer> = {};
  /** Per answer, which of note, evidence and respondent the file gives: only those replace what is there. */
  const given: Record<string, Set<string>> = {};
  const stamp = now();
  for (const [id, raw] of Object.entries((parsed.value ?? {}) as Record<string, unknown>)) {
    const question = questions.get(id);
    if (!question) {
      report([id], 'unknown-question', ctx.msgs.session.unknownQuestion(id), 'key');
      continue;
    }
    // Either the bare value, or a mapping with value and optional note, evidence, respondent.
    const detailed = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const entry = (detailed ? raw : { value: raw }) as Record<string, unknown>;
    const extra = Object.keys(entry).filter((k) => !ANSWER_KEYS.has(k));
    if (extra.length > 0) {
      report([id, extra[0]!], 'schema', ctx.msgs.schema.additional(extra[0]!), 'key');
      continue;
    }
    const problem = checkValue(question, entry.value, framework);
    if (problem) {
      report(detailed ? [id, 'value'] : [id], 'answer-value', describeValueProblem(problem, entry.value, ctx.msgs));
      continue;
    }
    const note = typeof entry.note === 'string' ? entry.note.trim() : '';
    const evidence = Array.isArray(entry.evidence) ? entry.evidence.map(String) : [];
    const respondent = typeof entry.respondent === 'string' ? entry.respondent : options.respondent;
    given[id] = new Set(Object.keys(entry).filter((k) => k !== 'value'));
    if (respondent) given[id]!.add('respondent');
    incoming[id] = {
      value: entry.value as Answer['value'],
      ...(note && { note }),
      ...(evidence.length > 0 && { evidence }),
      ...(respondent && { respondent }),
      at: stamp,
    };
  }
  if (diagnostics.length > 0) {
    diagnostics.sort(compareDiagnostics);
    ctx.io.stderr(
      DIAGNOSTIC_FORMATTERS.stylish({ diagnostics, files: [answersShown], failOn: 'error', msgs: ctx.msgs, chalk: ctx.chalk, toolVersion: '', runName: '', cwd: ctx.io.cwd }),
    );
    ctx.io.stderr(`kader: ${visible(t.answersInvalid(answersShown))}\n`);
    return 1;
  }

  for (const [id, answer] of Object.entries(incoming)) {
    // A respondent from --respondent was warned about once, with the context.
    const respondent = answer.respondent === options.respondent ? undefined : answer.respondent;
    const texts = [['value', answer.value], ['note', answer.note], ['respondent', respondent], ...(answer.evidence ?? []).map((e) => ['evidence', e] as const)] as const;
    for (const [field, text] of texts) {
      if (typeof text !== 'string') continue;
      const warning = personalDataWarning(text, `${id} (${ctx.msgs.privacy.fields[field]})`, ctx.msgs.privacy);
      if (warning) ctx.io.stderr(`kader: ${visible(warning)}\n`);
    }
  }
  // A new session is written once, answers and all: a failed write (a full disk) leaves no
  // file behind rather than an empty session. Over an existing answer, note and evidence stay
  // unless the file gives new ones.
  let target;
  let added: number;
  let changed = 0;
  if (open) {
    target = open;
    ({ added, changed } = mergeAnswers(target.session.answers, incoming, given));
    saveSession(target);
  } else {
    const session = newSession(resolved!, context!);
    ({ added } = mergeAnswers(session.answers, incoming, given));
    target = writeNewSession(ctx, path, resolved!, session);
  }
  const shown = displayPath(path, ctx.io.cwd);
  const { openRequired } = progressOf([...questionsOf(framework)], framework, target.session);
  const said = changed > 0 ? t.answersChanged(added, changed, shown) : t.answersAdded(added, shown);
  ctx.io.stdout(`${said} ${openRequired === 0 ? t.finished(shown) : t.stillOpen(openRequired)}\n`);
  return 0;
}

/**
 * Put the file's answers into the session. Over an existing answer, the note, evidence and
 * respondent stay unless the file gives them: a corrected value must not lose what was noted.
 * An answer given again exactly as it was counts as neither added nor changed.
 */
export function mergeAnswers(answers: Record<string, Answer>, incoming: Record<string, Answer>, given: Record<string, Set<string>>): { added: number; changed: number } {
  let added = 0;
  let changed = 0;
  for (const [id, answer] of Object.entries(incoming)) {
    const old = own(answers, id);
    if (!old) {
      answers[id] = answer;
      added++;
      continue;
    }
    const merged: Answer = { ...old, value: answer.value, at: answer.at };
    for (const field of ['note', 'evidence', 'respondent'] as const) {
      if (!given[id]?.has(field)) continue;
      if (answer[field] === undefined) delete merged[field];
      else (merged as unknown as Record<string, unknown>)[field] = answer[field];
    }
    const same = (a: Answer) => JSON.stringify([a.value, a.note, a.evidence, a.respondent]);
    if (same(merged) === same(old)) continue; // the old answer, untouched (its time included)
    delete merged.inactive; // settled again on save
    answers[id] = merged;
    changed++;
  }
  return { added, changed };
}

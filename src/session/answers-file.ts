/**
 * An answers file (kader interview --answers): answers given without a terminal, read and
 * checked like any typed answer, then merged into a session. Pure: the command reads the
 * file, prints what is found and saves; all or nothing is its part (nothing is saved when
 * `diagnostics` is not empty).
 */
import { own } from '../core/own.js';
import { compareDiagnostics, type Diagnostic, type RuleId } from '../core/diagnostic.js';
import { questionsOf, type Framework } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';
import { personalDataWarning } from '../privacy/detect.js';
import { parseYaml } from '../yaml/parse.js';
import type { Answer } from './types.js';
import { checkValue, describeValueProblem } from './values.js';

const ANSWER_KEYS = new Set(['value', 'note', 'evidence', 'respondent']);

export interface AnswersFile {
  /** Every problem in the file, sorted, each with its line:column. */
  diagnostics: Diagnostic[];
  /** The answers the file gives, by question id, stamped with `at`. */
  incoming: Record<string, Answer>;
  /** Per answer, which of note, evidence and respondent the file gives: only those replace what is there. */
  given: Record<string, Set<string>>;
}

/**
 * Read an answers file: per question id either the bare value, or a mapping with value and
 * optional note, evidence and respondent. `respondent` is the one from the command line, for
 * answers that do not name their own.
 */
export function readAnswersFile(shown: string, text: string, framework: Framework, defaults: { respondent?: string; at: string }, msgs: Messages): AnswersFile {
  const parsed = parseYaml(shown, text, msgs);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const report = (at: (string | number)[], rule: RuleId, message: string, kind: 'key' | 'value' = 'value') =>
    diagnostics.push({ file: shown, ...parsed.locate(at, kind), severity: 'error', rule, message });
  const questions = new Map([...questionsOf(framework)].map((p) => [p.question.id, p.question]));
  const incoming: Record<string, Answer> = {};
  const given: Record<string, Set<string>> = {};
  for (const [id, raw] of Object.entries((parsed.value ?? {}) as Record<string, unknown>)) {
    const question = questions.get(id);
    if (!question) {
      report([id], 'unknown-question', msgs.session.unknownQuestion(id), 'key');
      continue;
    }
    const detailed = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const entry = (detailed ? raw : { value: raw }) as Record<string, unknown>;
    const extra = Object.keys(entry).find((k) => !ANSWER_KEYS.has(k));
    if (extra !== undefined) {
      report([id, extra], 'schema', msgs.schema.additional(extra), 'key');
      continue;
    }
    const problem = checkValue(question, entry.value, framework);
    if (problem) {
      report(detailed ? [id, 'value'] : [id], 'answer-value', describeValueProblem(problem, entry.value, msgs));
      continue;
    }
    const note = typeof entry.note === 'string' ? entry.note.trim() : '';
    const evidence = Array.isArray(entry.evidence) ? entry.evidence.map(String) : [];
    const respondent = typeof entry.respondent === 'string' ? entry.respondent : defaults.respondent;
    const fields = new Set(Object.keys(entry).filter((k) => k !== 'value'));
    if (respondent) fields.add('respondent');
    given[id] = fields;
    incoming[id] = {
      value: entry.value as Answer['value'],
      ...(note && { note }),
      ...(evidence.length > 0 && { evidence }),
      ...(respondent && { respondent }),
      at: defaults.at,
    };
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, incoming, given };
}

/**
 * The personal-data warnings for the answers' texts. A respondent that is the command line's
 * own is left out: that one was warned about once, with the context.
 */
export function answersPrivacyWarnings(incoming: Record<string, Answer>, commandLineRespondent: string | undefined, msgs: Messages): string[] {
  const warnings: string[] = [];
  for (const [id, answer] of Object.entries(incoming)) {
    const respondent = answer.respondent === commandLineRespondent ? undefined : answer.respondent;
    const texts = [['value', answer.value], ['note', answer.note], ['respondent', respondent], ...(answer.evidence ?? []).map((e) => ['evidence', e] as const)] as const;
    for (const [field, text] of texts) {
      if (typeof text !== 'string') continue;
      const warning = personalDataWarning(text, `${id} (${msgs.privacy.fields[field]})`, msgs.privacy);
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
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

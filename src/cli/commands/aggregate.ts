/**
 * kader aggregate: the regional overview of many sessions of one framework. Every file is
 * either in the matrix or listed with its reason; nothing is mixed in silently.
 */
import { resolve } from 'node:path';
import { visible } from '../../core/terminal.js';
import { packageVersion } from '../../core/assets.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { FileError, readTextFile } from '../../core/files.js';
import { buildAggregate, detached, measure, type AggregateNote, type Measurement } from '../../report/aggregate.js';
import { aggregateCsv, aggregateText, type AggregateTable } from '../../report/aggregate-text.js';
import { renderAggregate } from '../../report/render.js';
import { cleanSession, placed, readSession, sessionFindings, type SessionRead } from '../../session/check.js';
import { activeQuestions } from '../../session/state.js';
import { migrateSession, migrationPath } from '../../session/migrate.js';
import type { Session } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { expandPaths } from '../lint-run.js';
import { guardOutput, writeOutput } from '../output.js';
import { printPdf } from '../pdf.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';

export interface AggregateOptions {
  paths: string[];
  framework?: string;
  format: 'text' | 'md' | 'html' | 'pdf' | 'csv' | 'json';
  table?: AggregateTable;
  separator?: string;
  top?: number;
  /** False with --no-confidential: no "vertrouwelijk" marking in md, html and pdf. */
  confidential?: boolean;
  out?: string;
}

/** The first error of a file that is no valid session, as "line:column message". */
function firstError(ctx: CommandContext, diagnostics: readonly Diagnostic[]): string {
  const error = diagnostics.find((d) => d.severity === 'error');
  return error ? `${error.line}:${error.column} ${error.message}` : ctx.msgs.aggregate.noSessions;
}

/**
 * The answers must fit the framework; open questions are fine here (they are marked, not
 * refused). A session carried over from an earlier version is checked as migrated, so an
 * answer no migration step accounts for makes it invalid, as `check --migrate` would.
 */
function answerProblem(ctx: CommandContext, read: SessionRead, current: Session, resolved: ResolvedFramework, active: ReadonlySet<string>, migrated: boolean): string | undefined {
  const blocking = sessionFindings(current, resolved.framework, ctx.msgs, { digest: resolved.digest, active }).filter((f) => f.severity === 'error' && f.rule !== 'incomplete');
  if (blocking.length === 0) return undefined;
  // The migrated session has no text of its own to point into: the finding without a place
  // (the first by rule, as before findings were placed at the edge).
  if (migrated) return [...blocking].sort((a, b) => a.rule.localeCompare(b.rule))[0]!.message;
  const [error] = placed(read, blocking);
  return `${error!.line}:${error!.column} ${error!.message}`;
}

export async function aggregateCommand(ctx: CommandContext, options: AggregateOptions): Promise<ExitCode> {
  const a = ctx.msgs.aggregate;
  // A PDF is binary and printed by Chromium: it goes to a file, checked before any work.
  let pdfOut: string | undefined;
  if (options.format === 'pdf') {
    if (!options.out || options.out === '-') throw new UserError(ctx.msgs.cli.aggregate.pdfNeedsOut);
    pdfOut = resolve(ctx.io.cwd, options.out);
    guardOutput(ctx, pdfOut);
  }
  const { files, ioErrors } = expandPaths(ctx, options.paths);
  const notes: AggregateNote[] = [];
  const measurements: Measurement[] = [];
  // The framework: the one asked for, else the first session's. Sessions of other frameworks
  // are counted, and refused at the end unless --framework chose.
  let resolved: ResolvedFramework | undefined = options.framework ? resolveFramework(ctx, options.framework) : undefined;
  const counts = new Map<string, number>();
  // One file at a time, keeping only its measurement: a region's folder can hold thousands.
  for (const { path, shown } of files) {
    let text: string;
    try {
      text = readTextFile(path, shown, ctx.msgs);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      ioErrors.push(error.message);
      continue;
    }
    const read = readSession(shown, text, ctx.msgs);
    const session = cleanSession(read);
    if (!session) {
      notes.push({ file: shown, gemeente: null, reason: 'invalid', detail: firstError(ctx, read.diagnostics) });
      continue;
    }
    counts.set(session.framework.id, (counts.get(session.framework.id) ?? 0) + 1);
    resolved ??= resolveFramework(ctx, session.framework.id);
    const { framework } = resolved;
    // A copy, not a slice of the file's text: a slice would keep every file's text alive.
    const gemeente = detached(session.context.gemeente);
    if (session.framework.id !== framework.id) {
      notes.push({ file: shown, gemeente, reason: 'other-framework', detail: session.framework.id });
      continue;
    }
    const path_ = migrationPath(framework, session.framework.version);
    if (path_ === 'none') {
      notes.push({ file: shown, gemeente, reason: 'older-version', detail: session.framework.version });
      continue;
    }
    const migrated = path_ === 'migratable';
    const current = migrated ? migrateSession(framework, session, resolved.digest).session : session;
    // Which questions skip logic asks: computed once for both the check and the score.
    const active = activeQuestions(framework, current.answers);
    const problem = answerProblem(ctx, read, current, resolved, active, migrated);
    if (problem) {
      notes.push({ file: shown, gemeente, reason: 'invalid', detail: problem });
      continue;
    }
    measurements.push(measure(framework, { file: shown, session: current, ...(migrated && { migratedFrom: session.framework.version }) }, active));
  }
  for (const message of ioErrors) ctx.io.stderr(`kader: ${visible(message)}\n`);
  if (!options.framework && counts.size > 1) {
    throw new UserError(a.mixed([...counts].map(([id, n]) => `${id} (${n})`).join(', ')), 2);
  }
  if (!resolved || measurements.length === 0) {
    // No overview to list them in: say here why each file was left out.
    for (const note of notes) ctx.io.stderr(`kader: ${note.file}: ${a.reasons[note.reason]!(note.detail)}\n`);
    throw new UserError(a.noSessions, ioErrors.length > 0 && measurements.length === 0 && notes.length === 0 ? 2 : 1);
  }
  const { framework } = resolved;

  const model = buildAggregate(framework, measurements, notes, options.top ?? 10);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(model, null, 2)}\n`
      : options.format === 'csv'
        ? aggregateCsv(model, options.table ?? 'matrix', ctx.msgs, options.separator ?? ',')
        : options.format === 'text'
          ? aggregateText(model, ctx.msgs)
          : renderAggregate(model, options.format === 'pdf' ? 'html' : options.format, { lang: ctx.lang, msgs: ctx.msgs, version: packageVersion(), confidential: options.confidential !== false });
  // The PDF is the HTML overview printed, as `report --format pdf` prints the verbeterplan.
  if (pdfOut) printPdf(ctx, text, pdfOut);
  else writeOutput(ctx, text, options.out);
  const left = model.notes.filter((n) => n.reason === 'invalid' || n.reason === 'other-framework' || n.reason === 'older-version').length;
  if (left > 0 && options.format !== 'text') ctx.io.stderr(`kader: ${visible(a.skipped(left))}\n`);
  if (ioErrors.length > 0) return 2;
  return model.notes.some((n) => n.reason === 'invalid') ? 1 : 0;
}

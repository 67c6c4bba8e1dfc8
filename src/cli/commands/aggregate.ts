/**
 * kader aggregate: the regional overview of many sessions of one framework. Every file is
 * either in the matrix or listed with its reason; nothing is mixed in silently.
 */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { visible } from '../../core/terminal.js';
import { packageVersion } from '../../core/assets.js';
import { FileError, readTextFile } from '../../core/files.js';
import { compiledSchema } from '../../core/json-schema.js';
import type { Framework } from '../../framework/types.js';
import { buildAggregate, shareCells, type AggregateModel, type AggregateNote, type Measurement } from '../../report/aggregate.js';
import { frameworkIdOf, sortSession, type Sorted } from '../../report/aggregate-sort.js';
import { aggregateJson } from '../../report/aggregate-json.js';
import { aggregateCsv, aggregateText, type AggregateTable } from '../../report/aggregate-text.js';
import { readSession } from '../../session/check.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import type { AggregateOutput } from '../format/outputs.js';
import { cut, shouldSplit, startHalf } from '../halves.js';
import { expandPaths, type InputFile } from '../lint-run.js';
import { guardOutput, writeOutput } from '../output.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';

/** What the options table (src/cli/registry.ts) hands over, its defaults applied. */
export interface AggregateOptions {
  paths: string[];
  framework?: string;
  format: AggregateOutput;
  table: AggregateTable;
  separator: string;
  top: number;
  /** False with --no-confidential: no "vertrouwelijk" marking in md, html and pdf. */
  confidential?: boolean;
  out?: string;
}

/**
 * A batch keeps a few hundred bytes a file and lets go of ~40 kB (text, parse, findings): V8's
 * default lets the old generation grow to several times what is alive before it collects, so
 * peak memory grew ~2 KB a file. Growing it by 10 % at a time instead keeps it near the live set
 * (50,000 sessions: 170-210 MB → ~135 MB, no more CPU time; bench/README.md, issue #20). The
 * setting only changes when V8 collects; where a Node version ignores it, nothing else changes.
 */
function collectOften(): void {
  // V8 refuses a code cache made under other flags: the session validator's (made at build
  // time, src/core/json-schema.ts) is loaded before the flag changes, or every aggregate would
  // compile it again (~10 ms).
  compiledSchema('session');
  try {
    setFlagsFromString('--heap-growing-percent=10');
  } catch {
    // not settable in this Node: the default growth, as before
  }
}

export async function aggregateCommand(ctx: CommandContext, options: AggregateOptions): Promise<ExitCode> {
  // First, before anything fills the heap: set later (after listing 50,000 files) it kept the
  // peak ~20 MB higher. A second thread then compiles the bundle without its code cache, which
  // V8 refuses once a flag has changed: 17-26 ms to load it there instead of 8-13, and each
  // function compiled when first called (src/cli/halves.ts).
  collectOften();
  const a = ctx.msgs.aggregate;
  // A PDF is binary and printed by Chromium: it goes to a file, checked before any work.
  let pdfOut: string | undefined;
  if (options.format === 'pdf') {
    if (!options.out || options.out === '-') throw new UserError(ctx.msgs.cli.aggregate.pdfNeedsOut);
    pdfOut = resolve(ctx.io.cwd, options.out);
    guardOutput(ctx, pdfOut);
  }
  const { model, unread } = await overview(ctx, options);
  const output = await RENDERERS[options.format](ctx, model, options);
  // The PDF is the HTML overview printed, as `report --format pdf` prints the verbeterplan.
  if (pdfOut) (await import('../pdf.js')).printPdf(ctx, typeof output === 'string' ? output : [...output].join(''), pdfOut);
  else if (typeof output === 'string') writeOutput(ctx, output, options.out);
  else await writePieces(ctx, output, options.out);
  const left = model.notes.filter((n) => n.reason === 'invalid' || n.reason === 'other-framework' || n.reason === 'older-version').length;
  if (left > 0 && options.format !== 'text') ctx.io.stderr(`kader: ${visible(a.skipped(left))}\n`);
  if (unread > 0) return 2;
  return model.notes.some((n) => n.reason === 'invalid') ? 1 : 0;
}

/**
 * The files read into the overview's model. A function of its own so that the list of files and
 * the measurements are garbage once the model is made: only the model need be alive while the
 * output is rendered (issue #20; at 50,000 sessions it measured 2-3 MB less, within the noise).
 */
async function overview(ctx: CommandContext, options: AggregateOptions): Promise<{ model: AggregateModel; unread: number }> {
  const a = ctx.msgs.aggregate;
  const { files, ioErrors } = expandPaths(ctx, options.paths);
  const { measured, resolved } = await measureFiles(ctx, files, options.framework);
  for (const message of measured.ioErrors) ioErrors.push(message);
  const { counts, measurements, notes } = measured;
  for (const message of ioErrors) ctx.io.stderr(`kader: ${visible(message)}\n`);
  if (!options.framework && counts.size > 1) {
    throw new UserError(a.mixed([...counts].map(([id, n]) => `${id} (${n})`).join(', ')), 2);
  }
  if (!resolved || measurements.length === 0) {
    // No overview to list them in: say here why each file was left out.
    for (const note of notes) ctx.io.stderr(`kader: ${note.file}: ${a.reasons[note.reason]!(note.detail)}\n`);
    throw new UserError(a.noSessions, ioErrors.length > 0 && measurements.length === 0 && notes.length === 0 ? 2 : 1);
  }
  return { model: buildAggregate(resolved.framework, measurements, notes, options.top), unread: ioErrors.length };
}

/** What the files gave, in file order. */
interface Measured {
  ioErrors: string[];
  /** Sessions per framework id, in the order the ids were first met. */
  counts: Map<string, number>;
  measurements: Measurement[];
  notes: AggregateNote[];
}

/** One file: unreadable, or read and sorted (with the framework id it names, if it is a session). */
type FileMeasure = { ioError: string } | { id?: string; sorted: Sorted };

/** The framework the overview is of: the one asked for, else the first session's. */
interface Chosen {
  resolved?: ResolvedFramework;
}

/**
 * Every file read, one at a time, keeping only its measurement: a region's folder can hold
 * thousands. A large batch is read on two threads (src/cli/halves.ts); the second starts once
 * the framework is known, since it sorts its files by the same one.
 */
async function measureFiles(ctx: CommandContext, files: InputFile[], asked: string | undefined): Promise<{ measured: Measured; resolved?: ResolvedFramework }> {
  const chosen: Chosen = asked ? { resolved: resolveFramework(ctx, asked) } : {};
  const measured: Measured = { ioErrors: [], counts: new Map(), measurements: [], notes: [] };
  const each = (file: InputFile) => keep(measured, measureFile(ctx, file, chosen));
  const [mine, theirs] = shouldSplit(files, ctx.io.env) ? cut(files) : [files, []];
  let next = 0;
  while (!chosen.resolved && next < mine.length) each(mine[next++]!);
  // No session in the first half named a framework: nothing for a second thread to sort by.
  const other = chosen.resolved && theirs.length > 0 ? await startHalf<FileMeasure>(ctx, mine.length, { kind: 'aggregate', files: theirs, options: { resolved: chosen.resolved } }) : undefined;
  try {
    for (; next < mine.length; next++) each(mine[next]!);
    if (other) {
      const { framework } = chosen.resolved!;
      for (const part of await other.result) for (const item of part) keep(measured, item, framework);
    } else for (const file of theirs) each(file);
  } finally {
    other?.stop();
  }
  return { measured, ...(chosen.resolved && { resolved: chosen.resolved }) };
}

function measureFile(ctx: CommandContext, { path, shown }: InputFile, chosen: Chosen): FileMeasure {
  let text: string;
  try {
    text = readTextFile(path, shown, ctx.msgs);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { ioError: error.message };
  }
  const read = readSession(shown, text, ctx.msgs);
  const id = frameworkIdOf(read);
  if (id !== undefined) chosen.resolved ??= resolveFramework(ctx, id);
  return { ...(id !== undefined && { id }), sorted: sortSession(read, chosen.resolved, ctx.msgs) };
}

/**
 * One file's result into the tally, in file order. `sharedBy`: a result from the second thread
 * arrives as a copy, and its cells are made shared and frozen again (src/report/aggregate.ts).
 */
function keep(into: Measured, item: FileMeasure, sharedBy?: Framework): void {
  if ('ioError' in item) {
    into.ioErrors.push(item.ioError);
    return;
  }
  if (item.id !== undefined) into.counts.set(item.id, (into.counts.get(item.id) ?? 0) + 1);
  if ('counted' in item.sorted) into.measurements.push(sharedBy ? shareCells(sharedBy, item.sorted.counted) : item.sorted.counted);
  else into.notes.push(item.sorted.setAside);
}

/** The second thread's work on one file, against (a copy of) the framework the first thread chose. */
export function measurerFor(ctx: CommandContext, options: { resolved: ResolvedFramework }): (file: InputFile) => FileMeasure {
  const chosen: Chosen = { resolved: options.resolved };
  return (file) => measureFile(ctx, file, chosen);
}

/**
 * Output made in pieces goes to stdout in pieces of about 64 kB, each once stdout has passed on
 * the one before (a pipe is written asynchronously: unwaited, 53 MB of json piled up there and
 * peaked higher than one string); to a file (-o) it is joined and written atomically as any
 * output, since the atomic writer (src/core/files.ts) takes one text.
 */
async function writePieces(ctx: CommandContext, pieces: Iterable<string>, out: string | undefined): Promise<void> {
  if (out && out !== '-') return writeOutput(ctx, [...pieces].join(''), out);
  let buffered = '';
  for (const piece of pieces) {
    buffered += piece;
    if (buffered.length < 65536) continue;
    ctx.io.stdout(buffered);
    buffered = '';
    await ctx.io.drained?.();
  }
  if (buffered) ctx.io.stdout(buffered);
}

/** Every format `aggregate --format` offers (src/cli/format/outputs.ts), and how its text is made; pdf prints the html. */
const RENDERERS: Record<AggregateOutput, (ctx: CommandContext, model: AggregateModel, options: AggregateOptions) => Output | Promise<Output>> = {
  text: (ctx, model) => aggregateText(model, ctx.msgs),
  md: (ctx, model, options) => templated(ctx, model, options, 'md'),
  html: (ctx, model, options) => templated(ctx, model, options, 'html'),
  pdf: (ctx, model, options) => templated(ctx, model, options, 'html'),
  csv: (ctx, model, options) => aggregateCsv(model, options.table, ctx.msgs, options.separator),
  json: (_ctx, model) => aggregateJson(model),
};

type Output = string | Iterable<string>;

/** md and html come from templates; their renderer (with handlebars) is loaded only for them. */
async function templated(ctx: CommandContext, model: AggregateModel, options: AggregateOptions, format: 'md' | 'html'): Promise<string> {
  const { renderAggregate } = await import('../../report/render.js');
  return renderAggregate(model, format, { lang: ctx.lang, msgs: ctx.msgs, version: packageVersion(), confidential: options.confidential !== false });
}

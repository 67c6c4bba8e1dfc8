/** kader report: the verbeterplan of a session as Markdown, HTML, JSON, PDF, CSV or Word (docx). */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { packageVersion } from '../../core/assets.js';
import { displayPath } from '../../core/files.js';
import { reportCsv, type CsvTable } from '../../report/csv.js';
import { buildReport } from '../../report/model.js';
import type { ReportModel } from '../../report/model.js';
import { renderReport } from '../../report/render.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { REPORT_CSV_DEFAULTS, type ReportOutput } from '../format/outputs.js';
import { readInput } from '../lint-run.js';
import { guardOutput, writeOutput } from '../output.js';
import { printPdf } from '../pdf.js';
import { publishable } from '../privacy-gate.js';
import { assertComparable, currentVersionOf, inCurrentVersion, openSession } from '../session-io.js';

export interface ReportOptions {
  session: string;
  format: ReportOutput;
  /** For csv: which table, and the separator (Dutch Excel expects ";"); REPORT_CSV_DEFAULTS when not given. */
  table?: CsvTable;
  separator?: string;
  out?: string;
  template?: string;
  baseline?: string;
  framework?: string;
  redact?: boolean;
  allowPersonalData?: boolean;
  /** False with --no-confidential: the plan may be made public, so it carries no "vertrouwelijk" marking. */
  confidential?: boolean;
}

export async function reportCommand(ctx: CommandContext, options: ReportOptions): Promise<ExitCode> {
  const path = resolve(ctx.io.cwd, options.session);
  const open = openSession(ctx, path, options.framework, 'readable');
  const baseline = options.baseline ? openSession(ctx, resolve(ctx.io.cwd, options.baseline), options.framework, 'readable') : undefined;
  if (baseline) assertComparable(ctx, baseline, open);
  const current = currentVersionOf(ctx, open);
  const [session, earlier] = publishable(ctx, baseline ? [current, inCurrentVersion(ctx, baseline, open)] : [current], options);
  const templateText = options.template ? readInput(ctx, resolve(ctx.io.cwd, options.template), options.template) : undefined;
  const model = buildReport({
    framework: open.resolved.framework,
    session: session!,
    digest: open.resolved.digest,
    baseline: earlier,
    ...(open.session.framework.version !== open.resolved.framework.version && { migratedFrom: open.session.framework.version }),
    words: { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special },
    confidential: options.confidential !== false,
  });
  // A draft says so on its first lines; the terminal hears it too, so nobody sends it on unaware.
  if (model.session.status !== 'complete') ctx.io.stderr(`kader: ${ctx.msgs.report.warnDraft(displayPath(path, ctx.io.cwd), model.session.openRequired)}\n`);
  await RENDERERS[options.format](ctx, model, options, templateText);
  return 0;
}

type Renderer = (ctx: CommandContext, model: ReportModel, options: ReportOptions, templateText: string | undefined) => Promise<void>;

/** Markdown, HTML and JSON: the report's text, from a user's template where one is given. */
function renderText(ctx: CommandContext, model: ReportModel, format: 'md' | 'html' | 'json', options: ReportOptions, templateText: string | undefined): string {
  try {
    return renderReport(model, format, { lang: ctx.lang, msgs: ctx.msgs, version: packageVersion(), templateText });
  } catch (error) {
    // A broken user template is bad input, not a bug in kader.
    if (templateText !== undefined && error instanceof Error) throw new UserError(ctx.msgs.cli.report.templateError(options.template!, error.message.split('\n')[0]!));
    throw error;
  }
}

/** A binary output (PDF, Word) goes to a file, never to the terminal; checked before the work. */
function binaryOut(ctx: CommandContext, options: ReportOptions, refusal: string): string {
  if (!options.out || options.out === '-') throw new UserError(refusal);
  const out = resolve(ctx.io.cwd, options.out);
  guardOutput(ctx, out);
  return out;
}

/** Every format `report --format` offers (src/cli/format/outputs.ts), and how it is made. */
const RENDERERS: Record<ReportOutput, Renderer> = {
  md: async (ctx, model, options, template) => writeOutput(ctx, renderText(ctx, model, 'md', options, template), options.out),
  html: async (ctx, model, options, template) => writeOutput(ctx, renderText(ctx, model, 'html', options, template), options.out),
  json: async (ctx, model, options, template) => writeOutput(ctx, renderText(ctx, model, 'json', options, template), options.out),
  csv: async (ctx, model, options) => writeOutput(ctx, reportCsv(model, options.table ?? REPORT_CSV_DEFAULTS.table, ctx.msgs, options.separator ?? REPORT_CSV_DEFAULTS.separator), options.out),
  pdf: async (ctx, model, options, template) => {
    if (!options.out || options.out === '-') throw new UserError(ctx.msgs.cli.report.pdfNeedsOut);
    const html = renderText(ctx, model, 'html', options, template);
    printPdf(ctx, html, binaryOut(ctx, options, ctx.msgs.cli.report.pdfNeedsOut));
  },
  docx: async (ctx, model, options) => {
    binaryOut(ctx, options, ctx.msgs.cli.report.docxNeedsOut);
    // Loaded only now: the module pulls in the docx library, which no other format needs.
    const { reportDocx } = await import('../../report/docx.js');
    try {
      writeOutput(ctx, await reportDocx(model, ctx.msgs, ctx.lang, packageVersion(), () => optimiseLater(true)), options.out);
    } finally {
      optimiseLater(false);
    }
  },
};

/**
 * V8's default interrupt budget on Node 20 (V8 11.3), where it was measured. How much a function
 * must run before V8's optimising compiler (TurboFan) is asked for it; a larger one asks later.
 */
const USUAL_BUDGET = process.versions.v8.startsWith('11.3.') ? 67584 : undefined;

/**
 * A Word report is one short burst of work in a fresh process: TurboFan compiled dozens of the
 * docx library's and its zip's functions on background threads, CPU time that a 30-page plan
 * never earned back. With a budget 16 × the default the bundled example's report took ~0.7 × the
 * CPU time, and a plan 16 × its size as long as before (bench/README.md, issue #20, fourth
 * round); `--no-opt` saved less and made the large plan 1.6 × slower. Set back afterwards: the
 * build runs a report in its own process before it writes the code caches, which V8 refuses
 * under other flags (a value back at its default counts as unchanged). On another V8, whose
 * default we do not know, nothing changes.
 */
function optimiseLater(later: boolean): void {
  if (USUAL_BUDGET === undefined) return;
  setFlagsFromString(`--interrupt-budget=${later ? 16 * USUAL_BUDGET : USUAL_BUDGET}`);
}

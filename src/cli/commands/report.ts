/** kader report: the verbeterplan of a session as Markdown, HTML, JSON, PDF, CSV or Word (docx). */
import { resolve } from 'node:path';
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
    writeOutput(ctx, await reportDocx(model, ctx.msgs, ctx.lang, packageVersion()), options.out);
  },
};

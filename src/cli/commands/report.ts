/** kader report: the verbeterplan of a session as Markdown, HTML, JSON, PDF, CSV or Word (docx). */
import { resolve } from 'node:path';
import { packageVersion } from '../../core/assets.js';
import { displayPath } from '../../core/files.js';
import { reportCsv, type CsvTable } from '../../report/csv.js';
import { buildReport } from '../../report/model.js';
import { renderReport, type ReportFormat } from '../../report/render.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { readInput } from '../lint-run.js';
import { guardOutput, writeOutput } from '../output.js';
import { printPdf } from '../pdf.js';
import { publishable } from '../privacy-gate.js';
import { assertComparable, currentVersionOf, inCurrentVersion, openSession } from '../session-io.js';

export interface ReportOptions {
  session: string;
  format: ReportFormat | 'pdf' | 'csv' | 'docx';
  /** For csv: which table, and the separator (Dutch Excel expects ";"). */
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
  const version = packageVersion();
  if (options.format === 'csv') {
    writeOutput(ctx, reportCsv(model, options.table ?? 'actions', ctx.msgs, options.separator ?? ','), options.out);
    return 0;
  }
  if (options.format === 'docx') {
    // A .docx is binary (a ZIP), so like a PDF it goes to a file, never to the terminal.
    if (!options.out || options.out === '-') throw new UserError(ctx.msgs.cli.report.docxNeedsOut);
    guardOutput(ctx, resolve(ctx.io.cwd, options.out)); // before the work, not only before the write
    // Loaded only now: the module pulls in the docx library, which no other format needs.
    const { reportDocx } = await import('../../report/docx.js');
    writeOutput(ctx, await reportDocx(model, ctx.msgs, ctx.lang, version), options.out);
    return 0;
  }
  const pdf = options.format === 'pdf';
  if (pdf && (!options.out || options.out === '-')) throw new UserError(ctx.msgs.cli.report.pdfNeedsOut);
  let text: string;
  try {
    text = renderReport(model, pdf ? 'html' : (options.format as ReportFormat), { lang: ctx.lang, msgs: ctx.msgs, version, templateText });
  } catch (error) {
    // A broken user template is bad input, not a bug in kader.
    if (templateText !== undefined && error instanceof Error) throw new UserError(ctx.msgs.cli.report.templateError(options.template!, error.message.split('\n')[0]!));
    throw error;
  }
  if (pdf) {
    const out = resolve(ctx.io.cwd, options.out!);
    guardOutput(ctx, out);
    printPdf(ctx, text, out);
  } else {
    writeOutput(ctx, text, options.out);
  }
  return 0;
}

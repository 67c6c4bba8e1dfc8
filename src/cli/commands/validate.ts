/** kader validate: lint framework YAML for CI. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_FRAMEWORKS_DIR, PACKAGE_JSON } from '../../core/assets.js';
import { atLeast, compareDiagnostics, type Diagnostic, type Severity } from '../../core/diagnostic.js';
import { collectYamlFiles, displayPath, FileError, pathKind } from '../../core/files.js';
import { validateFrameworkFile } from '../../framework/validate.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATTERS, type DiagnosticFormat } from '../format/index.js';
import { writeOutput } from '../output.js';

export interface ValidateOptions {
  paths: string[];
  format: DiagnosticFormat;
  failOn: Severity;
  out?: string;
}

export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const { cwd } = ctx.io;
  const ioErrors: string[] = [];
  const files: { path: string; shown: string }[] = [];
  const targets = options.paths.length > 0 ? options.paths.map((p) => resolve(cwd, p)) : [BUNDLED_FRAMEWORKS_DIR];

  for (const target of targets) {
    const shown = displayPath(target, cwd);
    const kind = pathKind(target);
    if (kind === 'missing') ioErrors.push(ctx.msgs.io.notFound(shown));
    else if (kind === 'file') files.push({ path: target, shown });
    else {
      const found = collectYamlFiles(target);
      if (found.length === 0) ioErrors.push(ctx.msgs.io.noYaml(shown));
      for (const path of found) files.push({ path, shown: displayPath(path, cwd) });
    }
  }

  const checked: string[] = [];
  let diagnostics: Diagnostic[] = [];
  for (const { path, shown } of files) {
    try {
      diagnostics.push(...validateFrameworkFile(path, shown, ctx.msgs).diagnostics);
      checked.push(shown);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      ioErrors.push(error.message);
    }
  }
  diagnostics.sort(compareDiagnostics);
  if (ctx.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');

  for (const message of ioErrors) ctx.io.stderr(`kader: ${message}\n`);
  const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  const output = DIAGNOSTIC_FORMATTERS[options.format]({
    diagnostics,
    files: checked,
    failOn: options.failOn,
    msgs: ctx.msgs,
    chalk: ctx.chalk,
    toolVersion: version,
    runName: 'kader validate',
  });
  // --quiet keeps stdout empty for a clean run in the human format; machine formats always print.
  if (!(ctx.quiet && options.format === 'stylish' && diagnostics.length === 0)) writeOutput(ctx, output, options.out);

  if (ioErrors.length > 0) return 2;
  return diagnostics.some((d) => atLeast(d.severity, options.failOn)) ? 1 : 0;
}

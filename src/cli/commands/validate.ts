/** kader validate: lint framework YAML for CI. */
import { BUNDLED_FRAMEWORKS_DIR } from '../../core/assets.js';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { FileError } from '../../core/files.js';
import { validateFrameworkFile } from '../../framework/validate.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import type { DiagnosticFormat } from '../format/index.js';
import { expandPaths, reportFindings } from '../lint-run.js';

export interface ValidateOptions {
  paths: string[];
  format: DiagnosticFormat;
  failOn: Severity;
  out?: string;
}

export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<ExitCode> {
  const { files, ioErrors } = expandPaths(ctx, options.paths.length > 0 ? options.paths : [BUNDLED_FRAMEWORKS_DIR]);
  const checked: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { path, shown } of files) {
    try {
      diagnostics.push(...validateFrameworkFile(path, shown, ctx.msgs).diagnostics);
      checked.push(shown);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      ioErrors.push(error.message);
    }
  }
  return reportFindings(ctx, diagnostics, checked, ioErrors, { ...options, runName: 'kader validate' });
}

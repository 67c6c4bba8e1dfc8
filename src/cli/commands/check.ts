/** kader check: validate session files against their framework, for people and for CI. */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import type { DiagnosticFormat } from '../format/index.js';
import { expandPaths, reportFindings } from '../lint-run.js';
import { fileChecker, loadPrivacyScan } from './check-files.js';

export interface CheckOptions {
  paths: string[];
  framework?: string;
  format: DiagnosticFormat;
  failOn: Severity;
  completeness?: boolean;
  privacy?: boolean;
  /** Rewrite sessions on an earlier framework version first (the framework's migrations:). */
  migrate?: boolean;
  out?: string;
}

export async function checkCommand(ctx: CommandContext, options: CheckOptions): Promise<ExitCode> {
  const { files, ioErrors } = expandPaths(ctx, options.paths);
  let migrationFailures = 0;
  if (options.migrate) {
    const { migrateFiles } = await import('./check-migrate.js');
    migrationFailures = migrateFiles(ctx, files, options.framework);
  }
  // One thread: worker_threads were slower for 1,000 files on 2 cores, and two processes on
  // two halves were slower at 2,000, 10,000 and 50,000 on the shared machine (bench/README.md).
  const privacy = options.privacy ? await loadPrivacyScan() : undefined;
  const outcomes = files.map(fileChecker(ctx, options, privacy));
  const diagnostics: Diagnostic[] = [];
  const checked: string[] = [];
  let tables = '';
  for (const outcome of outcomes) {
    if (outcome.ioError) {
      ioErrors.push(outcome.ioError);
      continue;
    }
    checked.push(outcome.shown);
    diagnostics.push(...outcome.diagnostics);
    tables += outcome.table ?? '';
  }
  const exit = reportFindings(ctx, diagnostics, checked, ioErrors, { ...options, runName: 'kader check', preamble: tables });
  // A session that could not be migrated is a finding even when it is otherwise valid.
  return exit === 0 && migrationFailures > 0 ? 1 : exit;
}

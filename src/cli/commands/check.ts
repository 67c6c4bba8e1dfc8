/** kader check: validate session files against their framework, for people and for CI. */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import type { DiagnosticFormat } from '../format/index.js';
import { cut, shouldSplit, startHalf } from '../halves.js';
import { expandPaths, reportFindings, type InputFile } from '../lint-run.js';
import type { ResolvedFramework } from '../resolve.js';
import { fileChecker, frameworkNamed, loadPrivacyScan, type CheckFileOptions, type FileOutcome, type KnownFrameworks } from './check-files.js';

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
  const outcomes = await checkFiles(ctx, files, options);
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

/** Each file's outcome, in file order; a large batch on two threads (src/cli/halves.ts). */
async function checkFiles(ctx: CommandContext, files: InputFile[], options: CheckOptions): Promise<FileOutcome[]> {
  // Plain data: the worker receives a structured clone of it.
  const perFile: CheckFileOptions = { framework: options.framework, completeness: options.completeness, privacy: options.privacy };
  const known: KnownFrameworks = new Map();
  if (!shouldSplit(files, ctx.io.env)) return files.map(await checkerFor(ctx, { ...perFile, known }));
  // The framework --framework names is resolved (and for a file, validated) here once, and the
  // second thread gets a copy instead of doing it again (~50 ms for 1,500 lines).
  if (options.framework) frameworkNamed(ctx, known, options.framework);
  const [mine, theirs] = cut(files);
  const other = await startHalf<FileOutcome>(ctx, mine.length, { kind: 'check', files: theirs, options: { ...perFile, known: [...known] } });
  try {
    const outcomes = mine.map(await checkerFor(ctx, { ...perFile, known }));
    for (const part of await other.result) for (const outcome of part) outcomes.push(outcome);
    return outcomes;
  } finally {
    other.stop();
  }
}

/** The per-file work of one thread: each file read and checked on its own. */
export async function checkerFor(ctx: CommandContext, options: CheckFileOptions & { known: KnownFrameworks | [string, ResolvedFramework | Error][] }): Promise<(file: InputFile) => FileOutcome> {
  const privacy = options.privacy ? await loadPrivacyScan() : undefined;
  return fileChecker(ctx, options, privacy, new Map(options.known));
}

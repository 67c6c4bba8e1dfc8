/** What validate and check share: turning paths into files, and reporting findings with one exit rule. */
import { visible } from '../core/terminal.js';
import { resolve } from 'node:path';
import { packageVersion } from '../core/assets.js';
import { atLeast, compareDiagnostics, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { expandGlob, isGlob } from '../core/glob.js';
import { collectYamlFiles, displayPath, pathKind, readTextFile, STDIN, STDIN_SHOWN } from '../core/files.js';
import type { CommandContext } from './context.js';
import type { ExitCode } from './errors.js';
import { DIAGNOSTIC_FORMATTERS, type DiagnosticFormat } from './format/index.js';
import { writeOutput } from './output.js';

export interface InputFile {
  path: string;
  /** The path as users see it in findings. */
  shown: string;
}

/** Files and folders (every .yaml/.yml below) → files; missing paths and empty folders → I/O errors. */
export function expandPaths(ctx: CommandContext, targets: readonly string[]): { files: InputFile[]; ioErrors: string[] } {
  const files: InputFile[] = [];
  const ioErrors: string[] = [];
  for (const raw of targets) {
    if (raw === STDIN) {
      files.push({ path: STDIN, shown: STDIN_SHOWN });
      continue;
    }
    const target = resolve(ctx.io.cwd, raw);
    const shown = displayPath(target, ctx.io.cwd);
    const kind = pathKind(target);
    // A quoted glob ('frameworks/*.yaml', as in CI files) is expanded here, as other linters do.
    if (kind === 'missing' && isGlob(raw)) {
      const matched = expandGlob(raw, ctx.io.cwd).filter((p) => /\.ya?ml$/i.test(p));
      if (matched.length === 0) ioErrors.push(ctx.msgs.io.notFound(raw));
      for (const path of matched) files.push({ path, shown: displayPath(path, ctx.io.cwd) });
      continue;
    }
    if (kind === 'missing') ioErrors.push(ctx.msgs.io.notFound(shown));
    else if (kind === 'file') files.push({ path: target, shown });
    else {
      const found = collectYamlFiles(target);
      if (found.length === 0) ioErrors.push(ctx.msgs.io.noYaml(shown));
      for (const path of found) files.push({ path, shown: displayPath(path, ctx.io.cwd) });
    }
  }
  return { files, ioErrors };
}

/** Where a file the user named is, and how to show it: `-` is standard input. */
export function inputFile(ctx: CommandContext, raw: string): InputFile {
  if (raw === STDIN) return { path: STDIN, shown: STDIN_SHOWN };
  const path = resolve(ctx.io.cwd, raw);
  return { path, shown: displayPath(path, ctx.io.cwd) };
}

/** Read a file the user named; an I/O problem is a FileError, which main.ts shows as one line. */
export function readInput(ctx: CommandContext, path: string, shown: string): string {
  return readTextFile(path, shown, ctx.msgs);
}

export interface LintOutput {
  format: DiagnosticFormat;
  failOn: Severity;
  out?: string;
  runName: string;
  /** Text for people, printed before the findings in the stylish format only. */
  preamble?: string;
}

/** Print the findings in the chosen format. Exit: 2 on I/O errors, else 1 on findings at or above --fail-on. */
export function reportFindings(ctx: CommandContext, found: Diagnostic[], checked: string[], ioErrors: string[], output: LintOutput): ExitCode {
  let diagnostics = [...found].sort(compareDiagnostics);
  if (ctx.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  for (const message of ioErrors) ctx.io.stderr(`kader: ${visible(message)}\n`);
  const version = packageVersion();
  const text = DIAGNOSTIC_FORMATTERS[output.format]({
    diagnostics,
    files: checked,
    failOn: output.failOn,
    msgs: ctx.msgs,
    chalk: ctx.chalk,
    toolVersion: version,
    runName: output.runName,
    cwd: ctx.io.cwd,
  });
  const human = output.format === 'stylish';
  // "0 bestanden gecontroleerd, geen problemen gevonden" after "bestaat niet" would contradict it.
  const said = human && diagnostics.length === 0 && ioErrors.length > 0 ? `${ctx.msgs.format.cleanButUnread(checked.length, ioErrors.length)}\n` : text;
  // --quiet keeps stdout empty for a clean run in the human format; machine formats always print.
  if (!(ctx.quiet && human && diagnostics.length === 0)) writeOutput(ctx, `${human ? (output.preamble ?? '') : ''}${said}`, output.out, false);
  if (ioErrors.length > 0) return 2;
  return diagnostics.some((d) => atLeast(d.severity, output.failOn)) ? 1 : 0;
}

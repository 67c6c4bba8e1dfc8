/** kader check: validate session files against their framework, for people and for CI. */
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { FileError, readTextFile } from '../../core/files.js';
import { questionsOf } from '../../framework/types.js';
import { activeQuestions } from '../../interview/engine.js';
import { kindsOf } from '../../privacy/detect.js';
import { scanSession } from '../../privacy/session.js';
import { checkSessionAgainst, parseSessionText } from '../../session/check.js';
import type { Session } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import type { DiagnosticFormat } from '../format/index.js';
import { expandPaths, reportFindings } from '../lint-run.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';

export interface CheckOptions {
  paths: string[];
  framework?: string;
  format: DiagnosticFormat;
  failOn: Severity;
  completeness?: boolean;
  privacy?: boolean;
  out?: string;
}

function completenessTable(ctx: CommandContext, file: string, session: Session, resolved: ResolvedFramework): string {
  const { framework } = resolved;
  const active = activeQuestions(framework, session.answers);
  const rows = framework.themes.map((theme) => {
    const asked = [...questionsOf(framework)].filter((p) => p.theme.id === theme.id && active.has(p.question.id));
    const answered = asked.filter((p) => session.answers[p.question.id]).length;
    return [theme.id, String(answered), String(asked.length - answered), theme.title];
  });
  const header = ctx.msgs.cli.check.completenessHeader;
  const table = [header, ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i < 3 ? cell.padStart(widths[i]!) : cell)).join('  '));
  return `${ctx.chalk.underline(file)}\n${ctx.chalk.bold(lines[0]!)}\n${lines.slice(1).join('\n')}\n\n`;
}

export async function checkCommand(ctx: CommandContext, options: CheckOptions): Promise<ExitCode> {
  const { files, ioErrors } = expandPaths(ctx, options.paths);
  const frameworks = new Map<string, ResolvedFramework | Error>();
  const frameworkFor = (id: string): ResolvedFramework | Error => {
    const key = options.framework ?? id;
    if (!frameworks.has(key)) {
      try {
        frameworks.set(key, resolveFramework(ctx, key));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        frameworks.set(key, error);
      }
    }
    return frameworks.get(key)!;
  };

  const diagnostics: Diagnostic[] = [];
  const checked: string[] = [];
  let tables = '';
  for (const { path, shown } of files) {
    let text: string;
    try {
      text = readTextFile(path, shown, ctx.msgs);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      ioErrors.push(error.message);
      continue;
    }
    checked.push(shown);
    const { parsed, session, diagnostics: found } = parseSessionText(shown, text, ctx.msgs);
    diagnostics.push(...found);
    if (!session) continue;
    const resolved = frameworkFor(session.framework.id);
    if (resolved instanceof Error) {
      diagnostics.push({ file: shown, ...parsed.locate(['framework', 'id']), severity: 'error', rule: 'framework-missing', message: resolved.message });
      continue;
    }
    diagnostics.push(...checkSessionAgainst(parsed, session, resolved.framework, ctx.msgs, { digest: resolved.digest }));
    if (options.privacy) {
      for (const { place, hits } of scanSession(session)) {
        const kinds = kindsOf(hits).map((k) => ctx.msgs.privacy.kinds[k]).join(', ');
        diagnostics.push({ file: shown, ...parsed.locate(place.path), severity: 'error', rule: 'personal-data', message: ctx.msgs.privacy.finding(kinds) });
      }
    }
    if (options.completeness) tables += completenessTable(ctx, shown, session, resolved);
  }
  return reportFindings(ctx, diagnostics, checked, ioErrors, { ...options, runName: 'kader check', preamble: tables });
}

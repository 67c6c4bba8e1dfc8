/**
 * The per-file work of kader check: each file read once (readSession: the fast reader, or the
 * careful parser when it gives up), its findings made by path and placed at line:column.
 */
import { own } from '../../core/own.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { FileError, readTextFile } from '../../core/files.js';
import { indexOf } from '../../framework/types.js';
import { activeQuestions, progressOf } from '../../session/state.js';
import { placed, readSession, sessionFindings, type SessionFinding } from '../../session/check.js';
import type { Session } from '../../session/types.js';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import type { InputFile } from '../lint-run.js';
import { resolveFramework, type ResolvedFramework } from '../resolve.js';

export interface CheckFileOptions {
  framework?: string;
  completeness?: boolean;
  privacy?: boolean;
}

/** The privacy scan, loaded only for --privacy: three modules a plain check does not need. */
export interface PrivacyScan {
  scanSession: typeof import('../../privacy/session.js').scanSession;
  kindsOf: typeof import('../../privacy/detect.js').kindsOf;
}

export async function loadPrivacyScan(): Promise<PrivacyScan> {
  const [{ scanSession }, { kindsOf }] = await Promise.all([import('../../privacy/session.js'), import('../../privacy/detect.js')]);
  return { scanSession, kindsOf };
}

/** What one file contributes: its findings, an I/O error, or its completeness table. */
export interface FileOutcome {
  shown: string;
  diagnostics: Diagnostic[];
  ioError?: string;
  table?: string;
}

function completenessTable(ctx: CommandContext, file: string, session: Session, resolved: ResolvedFramework): string {
  const { framework } = resolved;
  const active = activeQuestions(framework, session.answers);
  const rows = framework.themes.map((theme) => {
    const { answered, open } = progressOf(indexOf(framework).places.filter((p) => p.theme.id === theme.id), framework, session, active);
    return [theme.id, String(answered), String(open), theme.title];
  });
  const table = [ctx.msgs.cli.check.completenessHeader, ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines = table.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : i < 3 ? cell.padStart(widths[i]!) : cell)).join('  '));
  return `${ctx.chalk.underline(file)}\n${ctx.chalk.bold(lines[0]!)}\n${lines.slice(1).join('\n')}\n\n`;
}

/** Frameworks by the name a session or --framework gives, resolved once; a name that does not resolve keeps its error. */
export type KnownFrameworks = Map<string, ResolvedFramework | Error>;

/** The framework `key` names, resolved once into `known`. */
export function frameworkNamed(ctx: CommandContext, known: KnownFrameworks, key: string): ResolvedFramework | Error {
  if (!known.has(key)) {
    try {
      known.set(key, resolveFramework(ctx, key));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      known.set(key, error);
    }
  }
  return known.get(key)!;
}

/**
 * A checker that resolves each framework once and checks files one by one. `known` may hold
 * frameworks resolved already (by the main thread, for the second thread of a large batch).
 */
export function fileChecker(ctx: CommandContext, options: CheckFileOptions, privacy?: PrivacyScan, known: KnownFrameworks = new Map()): (file: InputFile) => FileOutcome {
  const frameworkFor = (id: string): ResolvedFramework | Error => frameworkNamed(ctx, known, options.framework ?? id);

  return ({ path, shown }) => {
    let text: string;
    try {
      text = readTextFile(path, shown, ctx.msgs);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      return { shown, diagnostics: [], ioError: error.message };
    }
    // One read, fast or careful; findings by path, placed once at the end.
    const read = readSession(shown, text, ctx.msgs);
    const { session } = read;
    if (!session) return { shown, diagnostics: read.diagnostics };
    const resolved = frameworkFor(session.framework.id);
    if (resolved instanceof Error) {
      const missing: SessionFinding = { path: ['framework', 'id'], at: 'value', severity: 'error', rule: 'framework-missing', message: resolved.message };
      return { shown, diagnostics: [...read.diagnostics, ...placed(read, [missing])] };
    }
    const findings = sessionFindings(session, resolved.framework, ctx.msgs, { digest: resolved.digest });
    if (options.privacy && privacy) {
      for (const { place, hits } of privacy.scanSession(session)) {
        const kinds = privacy.kindsOf(hits).map((k) => ctx.msgs.privacy.kinds[k]).join(', ');
        findings.push({ path: place.path, at: 'value', severity: 'error', rule: 'personal-data', message: ctx.msgs.privacy.finding(kinds) });
      }
    }
    const diagnostics = findings.length === 0 ? read.diagnostics : [...read.diagnostics, ...placed(read, findings)];
    return { shown, diagnostics, ...(options.completeness && { table: completenessTable(ctx, shown, session, resolved) }) };
  };
}

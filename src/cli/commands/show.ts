/** kader show: print one framework as a tree, Markdown or JSON. */
import { resolve } from 'node:path';
import { displayPath, FileError, pathKind } from '../../core/files.js';
import { loadCatalog, looksLikePath } from '../../framework/catalog.js';
import { renderMarkdown, renderTree } from '../../framework/render.js';
import type { Framework } from '../../framework/types.js';
import { validateFrameworkFile } from '../../framework/validate.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { writeOutput } from '../output.js';

export interface ShowOptions {
  framework: string;
  format: 'tree' | 'md' | 'json';
  out?: string;
}

/** Find a framework by bundled/local id or by path; shared by every command that takes one. */
export function resolveFramework(ctx: CommandContext, ref: string): { framework: Framework; path: string } {
  try {
    const asPath = resolve(ctx.io.cwd, ref);
    if (looksLikePath(ref) || pathKind(asPath) === 'file') {
      const shown = displayPath(asPath, ctx.io.cwd);
      const { framework, diagnostics } = validateFrameworkFile(asPath, shown, ctx.msgs);
      if (!framework) {
        const first = diagnostics.find((d) => d.severity === 'error');
        const detail = first ? ` (${first.file}:${first.line}:${first.column} ${first.message})` : '';
        throw new UserError(`${ctx.msgs.cli.show.invalid(shown, diagnostics.filter((d) => d.severity === 'error').length)}${detail}`, 1);
      }
      return { framework, path: asPath };
    }
    const catalog = loadCatalog({ cwd: ctx.io.cwd, frameworksDir: ctx.frameworksDir, msgs: ctx.msgs });
    const entry = catalog.entries.find((e) => e.framework.id === ref);
    if (!entry) throw new UserError(ctx.msgs.cli.show.notFound(ref, catalog.entries.map((e) => e.framework.id)));
    const shadow = catalog.shadowed.find((s) => s.id === ref);
    if (shadow) ctx.io.stderr(`kader: ${ctx.msgs.cli.frameworks.shadowed(shadow.id, shadow.local, shadow.bundled)}\n`);
    return { framework: entry.framework, path: entry.path };
  } catch (error) {
    if (error instanceof FileError) throw new UserError(error.message);
    throw error;
  }
}

export async function showCommand(ctx: CommandContext, options: ShowOptions): Promise<ExitCode> {
  const { framework } = resolveFramework(ctx, options.framework);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(framework, null, 2)}\n`
      : options.format === 'md'
        ? renderMarkdown(framework, ctx.msgs)
        : renderTree(framework, ctx.msgs);
  writeOutput(ctx, text, options.out);
  return 0;
}

/** Find a framework by bundled/local id or by path; shared by every command that takes one. */
import { visible } from '../core/terminal.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_FRAMEWORKS_DIR } from '../core/assets.js';
import { displayPath, pathKind } from '../core/files.js';
import { loadBundledFramework } from '../framework/bundled.js';
import { loadCatalog, looksLikePath } from '../framework/catalog.js';
import type { Framework } from '../framework/types.js';
import { validateFrameworkFile } from '../framework/validate.js';
import { frameworkDigest } from '../framework/digest.js';
import type { CommandContext } from './context.js';
import { InvalidInputError, UserError } from './errors.js';

export interface ResolvedFramework {
  framework: Framework;
  path: string;
  /** Digest of the file's bytes, as stored in sessions. */
  digest: string;
}

export function resolveFramework(ctx: CommandContext, ref: string): ResolvedFramework {
  const asPath = resolve(ctx.io.cwd, ref);
  if (looksLikePath(ref) || pathKind(asPath) === 'file') {
    const shown = displayPath(asPath, ctx.io.cwd);
    const { framework, diagnostics } = validateFrameworkFile(asPath, shown, ctx.msgs);
    if (!framework) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const first = errors[0];
      const detail = first ? ` (${first.file}:${first.line}:${first.column} ${first.message})` : '';
      throw new InvalidInputError(`${ctx.msgs.cli.show.invalid(shown, errors.length)}${detail}`);
    }
    return { framework, path: asPath, digest: frameworkDigest(readFileSync(asPath)) };
  }
  // Bundled frameworks are named <id>.yaml: read just that one. With --frameworks-dir a local file
  // may shadow it under any name, so then the whole catalogue decides.
  const bundled = join(BUNDLED_FRAMEWORKS_DIR, `${ref}.yaml`);
  if (!ctx.frameworksDir && /^[a-z0-9][a-z0-9-]*$/.test(ref) && pathKind(bundled) === 'file') {
    const { framework, digest } = loadBundledFramework(bundled, displayPath(bundled, ctx.io.cwd), ctx.msgs);
    if (framework?.id === ref && digest) return { framework, path: bundled, digest };
  }
  const catalog = loadCatalog({ cwd: ctx.io.cwd, frameworksDir: ctx.frameworksDir, msgs: ctx.msgs });
  const entry = catalog.entries.find((e) => e.framework.id === ref);
  if (!entry) throw new UserError(ctx.msgs.cli.show.notFound(ref, catalog.entries.map((e) => e.framework.id)));
  const shadow = catalog.shadowed.find((s) => s.id === ref);
  if (shadow) ctx.io.stderr(`kader: ${visible(ctx.msgs.cli.frameworks.shadowed(shadow.id, shadow.local, shadow.bundled))}\n`);
  return { framework: entry.framework, path: entry.path, digest: frameworkDigest(readFileSync(entry.path)) };
}

/** Which frameworks exist: the bundled ones plus a local folder (--frameworks-dir). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_FRAMEWORKS_DIR } from '../core/assets.js';
import { collectYamlFiles, displayPath, FileError, pathKind } from '../core/files.js';
import type { Messages } from '../i18n/index.js';
import type { Framework } from './types.js';
import { bundledSummary, loadBundledFramework, summarize, type FrameworkSummary } from './bundled.js';
import { validateFrameworkFile } from './validate.js';

export type Origin = 'bundled' | 'local';

export interface CatalogEntry {
  /** An unchanged bundled framework is read from the build's copy when first asked for. */
  readonly framework: Framework;
  /** What `kader frameworks` lists. */
  summary: FrameworkSummary;
  path: string;
  origin: Origin;
}

/** An entry whose framework is read only when asked for (src/framework/bundled.ts, bundledSummary). */
function lazyEntry(summary: FrameworkSummary, load: () => Framework, path: string, origin: Origin): CatalogEntry {
  let framework: Framework | undefined;
  return {
    get framework() {
      return (framework ??= load());
    },
    summary,
    path,
    origin,
  };
}

export interface Catalog {
  entries: CatalogEntry[];
  /** Files that could not be used, as one-line messages. */
  problems: string[];
  /** Local frameworks that hide a bundled one with the same id. */
  shadowed: { id: string; local: string; bundled: string }[];
}

export interface CatalogOptions {
  cwd: string;
  frameworksDir?: string;
  msgs: Messages;
}

export function loadCatalog({ cwd, frameworksDir, msgs }: CatalogOptions): Catalog {
  const catalog: Catalog = { entries: [], problems: [], shadowed: [] };
  const sources: { dir: string; origin: Origin }[] = [{ dir: BUNDLED_FRAMEWORKS_DIR, origin: 'bundled' }];
  if (frameworksDir) {
    const dir = resolve(cwd, frameworksDir);
    if (pathKind(dir) !== 'directory') throw new FileError(msgs.io.notFound(frameworksDir));
    sources.push({ dir, origin: 'local' });
  }
  for (const { dir, origin } of sources) {
    if (!existsSync(dir)) continue;
    for (const path of collectYamlFiles(dir)) {
      const shown = displayPath(path, cwd);
      try {
        let entry: CatalogEntry;
        const listed = origin === 'bundled' ? bundledSummary(path) : undefined;
        if (listed) {
          // The build's copy; should it have gone since (a half-removed build), validate the file.
          const load = () => listed.framework() ?? loadBundledFramework(path, shown, msgs).framework;
          entry = lazyEntry(listed.summary, () => load() ?? failed(msgs.cli.show.invalid(shown, 1)), path, origin);
        } else {
          const { framework, diagnostics } = origin === 'bundled' ? loadBundledFramework(path, shown, msgs) : validateFrameworkFile(path, shown, msgs);
          if (!framework) {
            catalog.problems.push(msgs.cli.show.invalid(shown, diagnostics.filter((d) => d.severity === 'error').length));
            continue;
          }
          entry = { framework, summary: summarize(framework), path, origin };
        }
        const id = entry.summary.id;
        const existing = catalog.entries.findIndex((e) => e.summary.id === id);
        const earlier = catalog.entries[existing];
        if (earlier && origin === 'local' && earlier.origin === 'bundled') {
          catalog.shadowed.push({ id, local: shown, bundled: displayPath(earlier.path, cwd) });
          catalog.entries[existing] = entry;
        } else if (!earlier) {
          catalog.entries.push(entry);
        }
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        catalog.problems.push(error.message);
      }
    }
  }
  return catalog;
}

function failed(message: string): never {
  throw new FileError(message);
}

/** True when a reference should be read as a file path rather than a framework id. */
export function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/**
 * Bundled frameworks as validated at build time (scripts/precompile.mjs writes
 * dist/frameworks/<name>.json with the file's digest, and beside it a copy of the file it
 * validated). A command that uses a bundled framework takes the validated framework when the
 * file on disk is byte for byte the one validated, instead of
 * parsing and checking ~1,500 lines of YAML again: about 40 ms of every `kader report`.
 * `kader validate` never uses it: linting a file means reading it.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRECOMPILED_FRAMEWORKS_DIR } from '../core/assets.js';
import type { Messages } from '../i18n/index.js';
import { frameworkDigest } from './digest.js';
import type { Framework, ProvenanceStatus } from './types.js';
import { validateFrameworkFile, type FrameworkCheck } from './validate.js';

export interface PrecompiledFramework {
  digest: string;
  framework: Framework;
}

/** Where the build puts the validated copy of a bundled framework file. */
export const precompiledPath = (path: string): string => join(PRECOMPILED_FRAMEWORKS_DIR, `${basename(path).replace(/\.ya?ml$/i, '')}.json`);

/** Where the build puts the bytes that copy was made from. */
export const precompiledSourcePath = (path: string): string => join(PRECOMPILED_FRAMEWORKS_DIR, basename(path));

/**
 * The build's copy when it exists and was made from exactly these bytes. Compared byte for
 * byte with the file the build validated, not by digest: hashing needs node:crypto, whose
 * loading (~6 ms) was the largest single cost of `kader frameworks` and `show` (issue #20,
 * fourth round). Identical bytes have the build's digest, so that is the file's digest too.
 */
function precompiled(path: string, bytes: Buffer): PrecompiledFramework | undefined {
  try {
    if (!bytes.equals(readFileSync(precompiledSourcePath(path)))) return undefined;
    return JSON.parse(readFileSync(precompiledPath(path), 'utf8')) as PrecompiledFramework;
  } catch {
    return undefined; // not built (running from src/), or unreadable: validate instead
  }
}

/** What `kader frameworks` lists of a framework; the build keeps it for each precompiled one. */
export interface FrameworkSummary {
  id: string;
  version: string;
  title: string;
  criteria: number;
  /** official, reconstruction or draft; null when the framework does not say. */
  status: ProvenanceStatus | null;
}

export const summarize = (framework: Framework): FrameworkSummary => ({
  id: framework.id,
  version: framework.version,
  title: framework.title,
  criteria: framework.themes.reduce((n, t) => n + t.criteria.length, 0),
  status: framework.provenance?.status ?? null,
});

/** Where the build lists the summary of every precompiled framework, by file name. */
export const summariesPath = (): string => join(PRECOMPILED_FRAMEWORKS_DIR, 'summaries.json');

/** The build's summaries, read once per process. */
let summaries: Record<string, FrameworkSummary> | undefined;

/**
 * The build's summary of an unchanged bundled file, and its validated copy only when asked for:
 * listing the seven frameworks parsed ~270 kB of JSON they do not show (~3 ms, issue #20,
 * fourth round). Undefined when the file changed or the build left no summary: validate it.
 */
export function bundledSummary(path: string): { summary: FrameworkSummary; framework: () => Framework | undefined } | undefined {
  try {
    const bytes = readFileSync(path);
    if (!bytes.equals(readFileSync(precompiledSourcePath(path)))) return undefined;
    summaries ??= JSON.parse(readFileSync(summariesPath(), 'utf8')) as Record<string, FrameworkSummary>;
    const summary = summaries[basename(path)];
    return summary && { summary, framework: () => precompiled(path, bytes)?.framework };
  } catch {
    return undefined; // not built (running from src/), or unreadable: validate instead
  }
}

/**
 * A bundled framework file: the build's validated copy if the file is unchanged, else
 * validated now. `digest` (as sessions store it) is set whenever the file could be read.
 */
export function loadBundledFramework(path: string, shown: string, msgs: Messages): FrameworkCheck & { digest?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return validateFrameworkFile(path, shown, msgs); // reads it again and says what is wrong, as for any file
  }
  const stored = precompiled(path, bytes);
  if (stored) return { framework: stored.framework, diagnostics: [], digest: stored.digest };
  return { ...validateFrameworkFile(path, shown, msgs), digest: frameworkDigest(bytes) };
}

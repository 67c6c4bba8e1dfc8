/**
 * Bundled frameworks as validated at build time (scripts/precompile.mjs writes
 * dist/frameworks/<name>.json with the file's digest). A command that uses a bundled framework
 * takes that copy when the file on disk is byte for byte the one validated, instead of
 * parsing and checking ~1,500 lines of YAML again: about 40 ms of every `kader report`.
 * `kader validate` never uses it: linting a file means reading it.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRECOMPILED_FRAMEWORKS_DIR } from '../core/assets.js';
import type { Messages } from '../i18n/index.js';
import { frameworkDigest } from './digest.js';
import type { Framework } from './types.js';
import { validateFrameworkFile, type FrameworkCheck } from './validate.js';

export interface PrecompiledFramework {
  digest: string;
  framework: Framework;
}

/** Where the build puts the validated copy of a bundled framework file. */
export const precompiledPath = (path: string): string => join(PRECOMPILED_FRAMEWORKS_DIR, `${basename(path).replace(/\.ya?ml$/i, '')}.json`);

/** The build's copy when it exists and was made from a file with this digest. */
function precompiled(path: string, digest: string): Framework | undefined {
  let stored: PrecompiledFramework;
  try {
    stored = JSON.parse(readFileSync(precompiledPath(path), 'utf8')) as PrecompiledFramework;
  } catch {
    return undefined; // not built (running from src/), or unreadable: validate instead
  }
  return stored.digest === digest ? stored.framework : undefined;
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
  const digest = frameworkDigest(bytes);
  const framework = precompiled(path, digest);
  return framework ? { framework, diagnostics: [], digest } : { ...validateFrameworkFile(path, shown, msgs), digest };
}

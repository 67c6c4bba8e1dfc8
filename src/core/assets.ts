/**
 * Shipped assets (frameworks/, schemas/, templates/) are found relative to this module, so the
 * tool works from a git clone, from dist/ and from a global npm install alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/core/assets.ts and dist/core/assets.js sit at the same depth below the package root.
const root = new URL('../../', import.meta.url);

export const PACKAGE_ROOT = fileURLToPath(root);
export const BUNDLED_FRAMEWORKS_DIR = fileURLToPath(new URL('frameworks/', root));
export const SCHEMAS_DIR = fileURLToPath(new URL('schemas/', root));
export const PACKAGE_JSON = fileURLToPath(new URL('package.json', root));
/** Validators precompiled from schemas/ at build time (dist/validators). */
export const VALIDATORS_DIR = fileURLToPath(new URL('dist/validators/', root));
/** Report templates precompiled at build time (dist/templates). */
export const PRECOMPILED_TEMPLATES_DIR = fileURLToPath(new URL('dist/templates/', root));
/** Bundled frameworks as validated at build time (dist/frameworks; src/framework/bundled.ts). */
export const PRECOMPILED_FRAMEWORKS_DIR = fileURLToPath(new URL('dist/frameworks/', root));
export const TEMPLATES_DIR = fileURLToPath(new URL('templates/', root));

/** The version in package.json, as `kader --version` prints it. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
}

/** The rule reference (docs/rules.md, shipped in the package) and the README, as file URLs for SARIF. */
export const RULES_DOC_URL = new URL('docs/rules.md', root).href;
export const README_URL = new URL('README.md', root).href;

/** Published JSON Schemas (schemas/*.schema.json), each compiled once per process. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMAS_DIR, VALIDATORS_DIR } from './assets.js';
import { patternNames } from './schema-diagnostics.js';

export type SchemaName = 'framework' | 'session';

export interface CompiledSchema {
  validate: ValidateFunction;
  patterns: ReturnType<typeof patternNames>;
}

const compiled = new Map<string, CompiledSchema>();

export function schemaText(name: SchemaName): string {
  return readFileSync(join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8');
}

export function newAjv(extra: Partial<Options> = {}): Ajv2020 {
  // allowUnionTypes: answer values and audience may be one of several JSON types.
  // strictRequired off: if/then and oneOf branches require properties declared one level up.
  // Loaded on demand: with the precompiled validators, commands never need ajv's compiler.
  const { Ajv2020: Ajv } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, ...extra });
}

/** Where the precompiled validator of a schema is (scripts/precompile.mjs writes it). */
export const validatorPath = (name: SchemaName): string => join(VALIDATORS_DIR, `${name}.cjs`);

/** The digest a code cache starts with: of the validator's source, so a cache is never taken for other code. */
/** node:crypto is required here, not imported: loading it (~6 ms) is kept off commands that never load a validator. */
const sourceDigest = (source: string): Buffer =>
  (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(source).digest();

/**
 * A precompiled validator (CommonJS) run as Node's own loader would, but through a V8 code
 * cache made at build time (`<name>.cjs.cache`): compiling its ~190 kB of generated code
 * cost every check and validate ~10 ms (issue #20, third round). The cache starts with the
 * digest of the source it was made from; V8 itself refuses one from another Node version or
 * with other flags, and then compiles the source as before. `script` lets the build make it.
 */
export function loadValidator(path: string): { validate: ValidateFunction; script: Script; source: string } {
  const source = readFileSync(path, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(`${path}.cache`);
    if (cache.subarray(0, 32).equals(sourceDigest(source))) cachedData = cache.subarray(32);
  } catch {
    cachedData = undefined; // no cache: compile as usual
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path, ...(cachedData && { cachedData }) });
  const module = { exports: {} as { default?: ValidateFunction } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  return { validate: module.exports.default ?? (module.exports as unknown as ValidateFunction), script, source };
}

/** The bytes of a code cache for `script`, made after it ran (so its functions are in it). */
export function codeCache(script: Script, source: string): Buffer {
  return Buffer.concat([sourceDigest(source), script.createCachedData()]);
}

/** The validator precompiled at build time (scripts/precompile.mjs), if it is there. */
function precompiled(name: SchemaName): ValidateFunction | undefined {
  try {
    return loadValidator(validatorPath(name)).validate;
  } catch {
    return undefined;
  }
}

export function compiledSchema(name: SchemaName): CompiledSchema {
  let entry = compiled.get(name);
  if (!entry) {
    // The schema's text is read only when needed: the precompiled validator does not need it,
    // and the pattern names only serve messages about a file that fails.
    let schema: Parameters<typeof patternNames>[0] | undefined;
    const schemaOf = () => (schema ??= JSON.parse(schemaText(name)) as Parameters<typeof patternNames>[0]);
    let patterns: CompiledSchema['patterns'] | undefined;
    entry = {
      validate: precompiled(name) ?? newAjv().compile(schemaOf()),
      get patterns() {
        return (patterns ??= patternNames(schemaOf()));
      },
    };
    compiled.set(name, entry);
  }
  return entry;
}

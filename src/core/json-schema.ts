/** Published JSON Schemas (schemas/*.schema.json), each compiled once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
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

/** The validator precompiled at build time (scripts/precompile.mjs), if it is there. */
function precompiled(name: SchemaName): ValidateFunction | undefined {
  try {
    const module = createRequire(import.meta.url)(join(VALIDATORS_DIR, `${name}.cjs`)) as { default?: ValidateFunction };
    return module.default ?? (module as unknown as ValidateFunction);
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

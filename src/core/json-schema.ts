/** Published JSON Schemas (schemas/*.schema.json), each compiled once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMAS_DIR } from './assets.js';
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

export function newAjv(): Ajv2020 {
  // allowUnionTypes: answer values and audience may be one of several JSON types.
  // strictRequired off: if/then and oneOf branches require properties declared one level up.
  return new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
}

export function compiledSchema(name: SchemaName): CompiledSchema {
  let entry = compiled.get(name);
  if (!entry) {
    const schema = JSON.parse(schemaText(name)) as Parameters<typeof patternNames>[0];
    entry = { validate: newAjv().compile(schema), patterns: patternNames(schema) };
    compiled.set(name, entry);
  }
  return entry;
}

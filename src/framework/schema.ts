/** The published framework JSON Schema, compiled once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMAS_DIR } from '../core/assets.js';
import { patternNames } from '../core/schema-diagnostics.js';

export const FRAMEWORK_SCHEMA_FILE = join(SCHEMAS_DIR, 'framework.schema.json');

let compiled: ValidateFunction | undefined;
let patterns: ReturnType<typeof patternNames> | undefined;

export function frameworkSchemaText(): string {
  return readFileSync(FRAMEWORK_SCHEMA_FILE, 'utf8');
}

export function frameworkValidator(): { validate: ValidateFunction; patterns: ReturnType<typeof patternNames> } {
  if (!compiled) {
    // allowUnionTypes: answer values and audience may be one of several JSON types.
    // strictRequired off: if/then and oneOf branches require properties declared one level up.
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    const schema = JSON.parse(frameworkSchemaText()) as Parameters<typeof patternNames>[0];
    compiled = ajv.compile(schema);
    patterns = patternNames(schema);
  }
  return { validate: compiled, patterns: patterns! };
}

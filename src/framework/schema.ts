/** The published framework JSON Schema. */
import { compiledSchema, schemaText, type CompiledSchema } from '../core/json-schema.js';

export function frameworkSchemaText(): string {
  return schemaText('framework');
}

export function frameworkValidator(): CompiledSchema {
  return compiledSchema('framework');
}

/**
 * Turn ajv errors into kader diagnostics: one Dutch (or English) sentence per problem,
 * pointing at the offending node.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostic.js';
import type { Messages } from '../i18n/index.js';
import type { ParsedYaml, YamlPath } from '../yaml/parse.js';

/** $defs whose `pattern` failure has its own message in i18n (schema.slug, schema.date, …). */
const NAMED_PATTERNS = ['slug', 'itemId', 'date', 'url', 'timestamp'] as const;
type NamedPattern = (typeof NAMED_PATTERNS)[number];

/**
 * Map each pattern string of a schema's $defs to the def's name, so a pattern failure gets a
 * human message. (ajv's schemaPath loses the def name when a $ref is not inlined.)
 */
export function patternNames(schema: { $defs?: Record<string, { pattern?: string }> }): Map<string, NamedPattern> {
  const names = new Map<string, NamedPattern>();
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    const named = NAMED_PATTERNS.find((n) => n === name);
    if (def.pattern && named) names.set(def.pattern, named);
  }
  return names;
}

export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  parsed: ParsedYaml,
  msgs: Messages,
  patterns: ReadonlyMap<string, NamedPattern>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of relevantErrors(errors)) {
    const path = pointerToPath(error.instancePath);
    const { message, at } = describe(error, path, msgs, patterns);
    const position = parsed.locate(at.path, at.kind);
    const key = `${position.line}:${position.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ file: parsed.file, ...position, severity: 'error', rule: 'schema', message });
  }
  return diagnostics;
}

/**
 * With allErrors, a failing oneOf/anyOf also reports every branch's failure, and a failing
 * if/then reports an extra `if` error. Keep only the combinator's own error: the user wants
 * "this condition has the wrong form", not six reasons why each alternative did not fit.
 * (This relies on combinator branches in our schemas not using $ref.)
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const isBranchError = (e: ErrorObject): boolean =>
    combinators.some(
      (c) =>
        e.schemaPath.startsWith(`${c.schemaPath}/`) &&
        (e.instancePath === c.instancePath || e.instancePath.startsWith(`${c.instancePath}/`)),
    );
  return errors.filter((e) => e.keyword !== 'if' && !isBranchError(e));
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

interface Described {
  message: string;
  at: { path: YamlPath; kind: 'key' | 'value' };
}

function describe(error: ErrorObject, path: YamlPath, msgs: Messages, patterns: ReadonlyMap<string, NamedPattern>): Described {
  const here = { path, kind: 'value' as const };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { message: msgs.schema.required(String(params.missingProperty)), at: here };
    case 'additionalProperties':
      return {
        message: msgs.schema.additional(String(params.additionalProperty)),
        at: { path: [...path, String(params.additionalProperty)], kind: 'key' },
      };
    case 'type': {
      const types = Array.isArray(params.type) ? params.type.map(String) : [String(params.type)];
      return { message: msgs.schema.type(types), at: here };
    }
    case 'const':
      return { message: msgs.schema.const(params.allowedValue), at: here };
    case 'enum':
      return { message: msgs.schema.enum((params.allowedValues as unknown[]) ?? []), at: here };
    case 'pattern': {
      const named = patterns.get(String(params.pattern));
      return { message: named ? msgs.schema[named] : msgs.schema.pattern(String(params.pattern)), at: here };
    }
    case 'minimum':
      return { message: msgs.schema.minimum(Number(params.limit)), at: here };
    case 'maximum':
      return { message: msgs.schema.maximum(Number(params.limit)), at: here };
    case 'exclusiveMinimum':
      return { message: msgs.schema.exclusiveMinimum(Number(params.limit)), at: here };
    case 'minLength':
    case 'minProperties':
      return { message: msgs.schema.notEmpty, at: here };
    case 'minItems':
      return {
        message: Number(params.limit) === 1 ? msgs.schema.notEmpty : msgs.schema.minItems(Number(params.limit)),
        at: here,
      };
    case 'uniqueItems':
      return { message: msgs.schema.unique, at: here };
    case 'oneOf':
    case 'anyOf':
      // Skip-logic conditions are the only combinators in the framework schema; they live under `when`.
      return { message: path.includes('when') ? msgs.schema.condition : msgs.schema.shape, at: here };
    default:
      return { message: msgs.schema.shape, at: here };
  }
}

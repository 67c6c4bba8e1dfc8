/** The framework lint pipeline: YAML with positions → JSON Schema → semantic rules. */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { schemaDiagnostics } from '../core/schema-diagnostics.js';
import { readTextFile } from '../core/files.js';
import type { Messages } from '../i18n/index.js';
import { fastParse } from '../yaml/fast.js';
import { subsetLocator } from '../yaml/locate.js';
import { parseYaml, type ParsedYaml } from '../yaml/parse.js';
import { runRules } from './rules.js';
import { frameworkValidator } from './schema.js';
import type { Framework } from './types.js';

export interface FrameworkCheck {
  /** Set when the file has no errors (warnings allowed): safe to use as a Framework. */
  framework?: Framework;
  diagnostics: Diagnostic[];
}

/**
 * A framework the fast reader reads and the schema accepts: the rules' findings, placed by
 * the reader's lines (src/yaml/locate.ts). Anything else returns undefined and goes the
 * careful way. A warning (say, no provenance) no longer sends the file to the careful parser.
 */
function quickFramework(file: string, text: string, msgs: Messages): FrameworkCheck | undefined {
  const value = fastParse(text);
  if (!value || value.kind !== 'framework') return undefined;
  const { validate } = frameworkValidator();
  if (!validate(value)) return undefined;
  const parsed: ParsedYaml = { file, value, diagnostics: [], locate: subsetLocator(file, text, msgs) };
  const diagnostics = runRules(value, parsed, msgs).sort(compareDiagnostics);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { framework: value as unknown as Framework, diagnostics };
}

export function validateFrameworkText(file: string, text: string, msgs: Messages): FrameworkCheck {
  const quick = quickFramework(file, text, msgs);
  if (quick) return quick;
  const parsed = parseYaml(file, text, msgs);
  const diagnostics = [...parsed.diagnostics];
  const head = parsed.value as { kind?: unknown; kader?: unknown } | undefined;
  const kind = head?.kind;
  // Another kader file (a session) or YAML that is no kader file at all (no kader:, no kind:).
  const foreign = kind !== undefined ? kind !== 'framework' : head?.kader === undefined;
  if (parsed.value !== undefined && foreign) {
    // One line, not a schema error per key.
    diagnostics.push({ file, ...parsed.locate(kind === undefined ? [] : ['kind']), severity: 'error', rule: 'kind', message: msgs.yaml.wrongKind('framework', kind) });
  } else if (parsed.value !== undefined) {
    const { validate, patterns } = frameworkValidator();
    if (!validate(parsed.value)) diagnostics.push(...schemaDiagnostics(validate.errors ?? [], parsed, msgs, patterns));
    diagnostics.push(...runRules(parsed.value, parsed, msgs));
  }
  diagnostics.sort(compareDiagnostics);
  const clean = parsed.value !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return clean ? { framework: parsed.value as Framework, diagnostics } : { diagnostics };
}

/** Read and validate a framework file; I/O problems throw FileError. */
export function validateFrameworkFile(path: string, shown: string, msgs: Messages): FrameworkCheck {
  return validateFrameworkText(shown, readTextFile(path, shown, msgs), msgs);
}


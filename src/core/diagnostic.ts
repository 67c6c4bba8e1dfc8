/**
 * A finding about an input file. Made in the core, formatted at the edge (src/cli/format).
 * Lines and columns are 1-based, as editors and CI annotations count them.
 */
import { compareNames } from './collate.js';

export type Severity = 'error' | 'warning';

/**
 * Every rule kader reports a finding under. Each has its help in src/i18n/*-rules.ts (the
 * type checker makes sure) and its section in docs/rules.md; the id is public (SARIF, JSON,
 * JUnit), so an id is never renamed.
 */
export type RuleId =
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'kind'
  | 'schema'
  | 'unique-id'
  | 'unique-value'
  | 'scale-ref'
  | 'scale-order'
  | 'thresholds'
  | 'audience-ref'
  | 'when-ref'
  | 'when-value'
  | 'number-range'
  | 'no-scored-question'
  | 'migration-from'
  | 'migration-target'
  | 'framework-missing'
  | 'framework-mismatch'
  | 'framework-drift'
  | 'unknown-question'
  | 'answer-value'
  | 'unknown-criterion'
  | 'incomplete'
  | 'personal-data'
  | 'smart'
  | 'provenance-missing'
  | 'basis-missing'
  | 'basis-reference'
  | 'critical-mean'
  | 'framework-version'
  | 'count-of'
  | 'count-levels'
  | 'count-type';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /**
   * A RuleId. Typed as string until src/session/check.ts and src/yaml/parse.ts (being reworked
   * for issue #20) pass RuleId to their report helpers; everything else already does.
   */
  rule: RuleId;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

const SEVERITY_RANK: Record<Severity, number> = { warning: 1, error: 2 };

export function atLeast(severity: Severity, level: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[level];
}

/** Stable order for output: by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    // The same file first: even compareNames' fallback, the collator, is work for nothing then.
    (a.file === b.file ? 0 : compareNames(a.file, b.file)) ||
    a.line - b.line ||
    a.column - b.column ||
    compareNames(a.rule, b.rule)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Findings per file, in the order the files first appear (Map.groupBy needs Node 21). */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { Messages } from '../../i18n/index.js';

export interface FormatInput {
  /** Sorted findings of this run. */
  diagnostics: readonly Diagnostic[];
  /** Every file that was checked, findings or not (JUnit and SARIF list them). */
  files: readonly string[];
  failOn: Severity;
  msgs: Messages;
  chalk: ChalkInstance;
  toolVersion: string;
  /** Name of the run in machine formats, e.g. "kader validate". */
  runName: string;
  /** The working folder the shown file paths are relative to (SARIF makes URIs from it). */
  cwd: string;
}

export type Formatter = (input: FormatInput) => string;

export const DIAGNOSTIC_FORMATS = ['stylish', 'json', 'github', 'junit', 'sarif'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

import { junit } from './junit.js';
import { github, json } from './machine.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { DiagnosticFormat, Formatter } from './types.js';

export const DIAGNOSTIC_FORMATTERS: Record<DiagnosticFormat, Formatter> = { stylish, json, github, junit, sarif };
export { DIAGNOSTIC_FORMATS, type DiagnosticFormat, type FormatInput } from './types.js';

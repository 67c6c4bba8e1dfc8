/** Machine formats for CI: json and GitHub workflow commands (JUnit XML: junit.ts, SARIF: sarif.ts). */
import { countBySeverity } from '../../core/diagnostic.js';
import type { Formatter } from './types.js';

export const json: Formatter = ({ diagnostics, files }) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ files: files.length, errors, warnings, diagnostics }, null, 2)}\n`;
};

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = ({ diagnostics }) =>
  diagnostics
    .map((d) => {
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(`kader ${d.rule}`)}`;
      return `::${d.severity} ${props}::${escapeData(d.message)}\n`;
    })
    .join('');

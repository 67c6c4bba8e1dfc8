/** Machine formats for CI: json, GitHub workflow commands and SARIF 2.1.0 (JUnit XML: junit.ts). */
import { countBySeverity, type Diagnostic } from '../../core/diagnostic.js';
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

export const sarif: Formatter = ({ diagnostics, files, toolVersion }) => {
  const ruleIds = [...new Set(diagnostics.map((d) => d.rule))].sort();
  const result = (d: Diagnostic) => ({
    ruleId: d.rule,
    ruleIndex: ruleIds.indexOf(d.rule),
    level: d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.line, startColumn: d.column },
        },
      },
    ],
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kader',
            version: toolVersion,
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        artifacts: files.map((file) => ({ location: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' } })),
        results: diagnostics.map(result),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

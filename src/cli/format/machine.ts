/** Machine formats for CI: json, GitHub workflow commands, JUnit XML and SARIF 2.1.0. */
import { atLeast, countBySeverity, groupByFile, type Diagnostic } from '../../core/diagnostic.js';
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

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** One testsuite per file and one testcase per finding, as eslint's junit formatter does. */
export const junit: Formatter = ({ diagnostics, files, failOn, runName }) => {
  const byFile = groupByFile(diagnostics);
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const cases: string[] = [];
    let failures = 0;
    for (const d of list) {
      const name = xml(`${d.rule} ${d.line}:${d.column}`);
      const text = xml(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`);
      if (atLeast(d.severity, failOn)) {
        failures++;
        cases.push(
          `    <testcase name="${name}" classname="${xml(file)}"><failure type="${d.severity}" message="${xml(d.message)}">${text}</failure></testcase>`,
        );
      } else {
        cases.push(`    <testcase name="${name}" classname="${xml(file)}"><system-out>${text}</system-out></testcase>`);
      }
    }
    if (list.length === 0) cases.push(`    <testcase name="${xml(runName)}" classname="${xml(file)}"/>`);
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(runName)}" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

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

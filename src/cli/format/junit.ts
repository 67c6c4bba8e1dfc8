/**
 * JUnit XML for CI test reports (Jenkins, GitLab, Azure DevOps). The output follows the
 * Jenkins xUnit plugin's junit-10.xsd (test/support/junit-10.xsd is a transcription the tests
 * validate against): <testsuites> → one <testsuite> per checked file → one <testcase> per
 * finding, as eslint's junit formatter does.
 *
 * Findings at or above --fail-on are <failure>s. Findings below it (warnings, by default) are
 * <skipped> with the message: Jenkins and GitLab list skipped cases with their text and count
 * them apart, without failing the build — a passed case with <system-out> would be hidden
 * among the passes, which is how warnings went unseen before.
 */
import { atLeast, groupByFile, type Diagnostic } from '../../core/diagnostic.js';
import type { Formatter } from './types.js';

/**
 * Text that XML 1.0 can carry. C0 control characters other than tab, LF and CR are not allowed
 * at all, not even as character references, so each becomes its visible Control Picture (␇ for
 * BEL); U+FFFE, U+FFFF and lone surrogates become U+FFFD.
 */
const xmlText = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A CR in content would be read back as a LF (end-of-line normalisation).
    .replace(/\r/g, '&#13;');

/** An attribute value: a parser turns literal tab, LF and CR into spaces, references survive. */
const attr = (s: string): string =>
  xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/** "rule line:column", with " (2)", " (3)" … when several findings of one rule share the place. */
function caseNames(list: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return list.map((d) => {
    const base = `${d.rule} ${d.line}:${d.column}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export const junit: Formatter = ({ diagnostics, files, failOn, runName }) => {
  const byFile = groupByFile(diagnostics);
  const suites: string[] = [];
  const total = { tests: 0, failures: 0 };
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const names = caseNames(list);
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    list.forEach((d, i) => {
      const text = xmlText(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`);
      const open = `    <testcase name="${attr(names[i]!)}" classname="${attr(file)}">`;
      const fails = atLeast(d.severity, failOn);
      if (fails) failures++;
      else skipped++;
      const element = fails ? 'failure' : 'skipped';
      cases.push(`${open}<${element} type="${d.severity}" message="${attr(d.message)}">${text}</${element}></testcase>`);
    });
    if (list.length === 0) cases.push(`    <testcase name="${attr(runName)}" classname="${attr(file)}"/>`);
    total.tests += cases.length;
    total.failures += failures;
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10.xsd has no skipped attribute on <testsuites>: the count is on each <testsuite>.
    `<testsuites name="${attr(runName)}" tests="${total.tests}" failures="${total.failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

/** Human output in the shape of eslint's "stylish": findings grouped per file, then a summary. */
import { visible } from '../../core/terminal.js';
import { countBySeverity, groupByFile } from '../../core/diagnostic.js';
import type { Formatter } from './types.js';

export const stylish: Formatter = ({ diagnostics, files, msgs, chalk }) => {
  if (diagnostics.length === 0) return `${msgs.format.clean(files.length)}\n`;
  const lines: string[] = [];
  const byFile = groupByFile(diagnostics);
  const width = Math.max(...diagnostics.map((d) => `${d.line}:${d.column}`.length));
  const sevWidth = Math.max(msgs.format.error.length, msgs.format.warning.length);
  for (const [file, list] of byFile) {
    lines.push(chalk.underline(visible(file)));
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const label = (d.severity === 'error' ? msgs.format.error : msgs.format.warning).padEnd(sevWidth);
      const sev = d.severity === 'error' ? chalk.red(label) : chalk.yellow(label);
      // Messages quote framework and session text: control characters are shown, not obeyed.
      lines.push(`  ${chalk.dim(where)}  ${sev}  ${visible(d.message)}  ${chalk.dim(visible(d.rule))}`);
    }
    lines.push('');
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const summary = `✖ ${msgs.format.summary(errors, warnings)}`;
  lines.push(errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
  return `${lines.join('\n')}\n`;
};

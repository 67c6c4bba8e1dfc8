/** kader frameworks: list the bundled and local frameworks. */
import { visible } from '../../core/terminal.js';
import { displayPath } from '../../core/files.js';
import { loadCatalog } from '../../framework/catalog.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';

export interface FrameworksOptions {
  format: 'text' | 'json';
}

export async function frameworksCommand(ctx: CommandContext, options: FrameworksOptions): Promise<ExitCode> {
  const catalog = loadCatalog({ cwd: ctx.io.cwd, frameworksDir: ctx.frameworksDir, msgs: ctx.msgs });
  for (const problem of catalog.problems) ctx.io.stderr(`kader: ${visible(problem)}\n`);
  // The summaries only: a bundled framework's full copy is not read to list it.
  const rows = catalog.entries.map(({ summary, path, origin }) => ({
    id: summary.id,
    version: summary.version,
    criteria: summary.criteria,
    /** official, reconstruction or draft; null when the framework does not say. */
    status: summary.status,
    title: summary.title,
    origin,
    path: displayPath(path, ctx.io.cwd),
  }));

  if (options.format === 'json') {
    ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (rows.length === 0) {
    ctx.io.stdout(`${ctx.msgs.cli.frameworks.none}\n`);
  } else {
    const header = ctx.msgs.cli.frameworks.header;
    const statuses = ctx.msgs.cli.frameworks.status;
    // A local framework's version and title may hold control characters: shown, not obeyed.
    const table = [header, ...rows.map((r) => [r.id + (r.origin === 'local' ? ' *' : ''), visible(r.version), String(r.criteria), r.status ? (statuses[r.status] ?? r.status) : statuses.unstated!, visible(r.title)])];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((row) => row[i]!.length)));
    const lines = table.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  '));
    ctx.io.stdout(`${ctx.chalk.bold(lines[0]!)}\n${lines.slice(1).join('\n')}\n`);
  }
  for (const s of catalog.shadowed) ctx.io.stderr(`kader: ${visible(ctx.msgs.cli.frameworks.shadowed(s.id, s.local, s.bundled))}\n`);
  return catalog.problems.length > 0 ? 1 : 0;
}

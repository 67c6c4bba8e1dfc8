/** kader show: print one framework as a tree, Markdown or JSON. */
import { visible } from '../../core/terminal.js';
import { renderMarkdown, renderTree } from '../../framework/render.js';
import type { CommandContext } from '../context.js';
import type { ExitCode } from '../errors.js';
import { writeOutput } from '../output.js';
import { resolveFramework } from '../resolve.js';

export interface ShowOptions {
  framework: string;
  format: 'tree' | 'md' | 'json';
  out?: string;
}

export async function showCommand(ctx: CommandContext, options: ShowOptions): Promise<ExitCode> {
  const { framework } = resolveFramework(ctx, options.framework);
  const text =
    options.format === 'json'
      ? `${JSON.stringify(framework, null, 2)}\n`
      : // A framework may come from anyone: its control characters are shown, not obeyed.
        visible(options.format === 'md' ? renderMarkdown(framework, ctx.msgs) : renderTree(framework, ctx.msgs));
  writeOutput(ctx, text, options.out);
  return 0;
}

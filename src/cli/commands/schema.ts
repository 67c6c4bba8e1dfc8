/** kader schema: print a published JSON Schema, or the answers schema derived from a framework. */
import { schemaText } from '../../core/json-schema.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { writeOutput } from '../output.js';

const NAMES = ['framework', 'session', 'answers'] as const;

export async function schemaCommand(ctx: CommandContext, options: { name: string; framework?: string; out?: string }): Promise<ExitCode> {
  const s = ctx.msgs.cli.schema;
  let text: string;
  if (options.name === 'framework' || options.name === 'session') {
    text = schemaText(options.name);
  } else if (options.name === 'answers') {
    if (!options.framework) throw new UserError(s.needFramework);
    // Loaded only here: resolving a framework brings in the YAML parser and the framework rules,
    // which printing a published schema (a file as it is) does not need.
    const [{ deriveAnswersSchema }, { resolveFramework }] = await Promise.all([import('../../session/answers-schema.js'), import('../resolve.js')]);
    text = `${JSON.stringify(deriveAnswersSchema(resolveFramework(ctx, options.framework).framework), null, 2)}\n`;
  } else {
    throw new UserError(s.unknown(options.name, NAMES));
  }
  writeOutput(ctx, text, options.out);
  return 0;
}

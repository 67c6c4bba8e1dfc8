/** kader schema: print a published JSON Schema, or the answers schema derived from a framework. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR } from '../../core/assets.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { writeOutput } from '../output.js';

const NAMES = ['framework', 'session', 'answers'] as const;

/**
 * A published schema, as src/core/json-schema.ts's schemaText reads it; not imported from
 * there, because that module loads node:crypto for the validators' code caches (~6 ms of
 * `kader schema session`'s start-up, issue #20, fourth round).
 */
const schemaText = (name: 'framework' | 'session'): string => readFileSync(join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8');

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

/** kader schema: print a published JSON Schema, for editors and other validators. */
import { frameworkSchemaText } from '../../framework/schema.js';
import type { CommandContext } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { writeOutput } from '../output.js';

/** Schemas by name; session and answers schemas join when sessions exist. */
const SCHEMAS: Record<string, () => string> = {
  framework: frameworkSchemaText,
};

export async function schemaCommand(ctx: CommandContext, options: { name: string; out?: string }): Promise<ExitCode> {
  const schema = SCHEMAS[options.name];
  if (!schema) throw new UserError(ctx.msgs.cli.schema.unknown(options.name, Object.keys(SCHEMAS)));
  writeOutput(ctx, schema(), options.out);
  return 0;
}

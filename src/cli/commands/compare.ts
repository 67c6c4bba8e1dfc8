/** kader compare: progress between two measurements of the same framework. */
import { resolve } from 'node:path';
import { packageVersion } from '../../core/assets.js';
import { buildComparison, comparisonText, type ComparisonModel } from '../../report/compare.js';
import { buildReport } from '../../report/model.js';
import { renderComparison } from '../../report/render.js';
import type { CommandContext } from '../context.js';
import { InvalidInputError, type ExitCode } from '../errors.js';
import type { CompareOutput } from '../format/outputs.js';
import { writeOutput } from '../output.js';
import { publishable, type PrivacyChoice } from '../privacy-gate.js';
import { assertComparable, currentVersionOf, inCurrentVersion, openSession } from '../session-io.js';

export interface CompareOptions extends PrivacyChoice {
  /** False with --no-confidential: no "vertrouwelijk" marking in md and html. */
  confidential?: boolean;
  before: string;
  after: string;
  format: CompareOutput;
  out?: string;
  framework?: string;
}

export async function compareCommand(ctx: CommandContext, options: CompareOptions): Promise<ExitCode> {
  const older = openSession(ctx, resolve(ctx.io.cwd, options.before), options.framework, 'readable');
  const newer = openSession(ctx, resolve(ctx.io.cwd, options.after), options.framework, 'readable');
  if (older.session.framework.id !== newer.session.framework.id) {
    throw new InvalidInputError(ctx.msgs.session.frameworkMismatch(newer.session.framework.id, older.session.framework.id));
  }
  assertComparable(ctx, older, newer);
  const [before, after] = publishable(ctx, [inCurrentVersion(ctx, older, newer), currentVersionOf(ctx, newer)], options);
  const words = { yes: ctx.msgs.report.yes, no: ctx.msgs.report.no, special: ctx.msgs.interview.special };
  // Both measured against the newer framework file, so ids and scales line up.
  const framework = newer.resolved.framework;
  const model = buildComparison(
    buildReport({ framework, session: before!, words }),
    buildReport({ framework, session: after!, baseline: before!, words }),
  );
  writeOutput(ctx, RENDERERS[options.format](ctx, model, options.confidential !== false), options.out);
  return 0;
}

/** Every format `compare --format` offers (src/cli/format/outputs.ts), and how it is made. */
const RENDERERS: Record<CompareOutput, (ctx: CommandContext, model: ComparisonModel, confidential: boolean) => string> = {
  text: (ctx, model) => comparisonText(model, ctx.msgs),
  md: (ctx, model, confidential) => renderComparison(model, 'md', { lang: ctx.lang, msgs: ctx.msgs, version: packageVersion(), confidential }),
  html: (ctx, model, confidential) => renderComparison(model, 'html', { lang: ctx.lang, msgs: ctx.msgs, version: packageVersion(), confidential }),
  json: (_ctx, model) => `${JSON.stringify(model, null, 2)}\n`,
};

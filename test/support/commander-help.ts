/** The help commander itself writes, in process: what src/cli/help.ts must match. */
import { buildProgram } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/context.js';
import { en } from '../../src/i18n/en.js';
import { nl } from '../../src/i18n/nl.js';

/** What commander writes for `kader <args>` at this width (its help, then the examples). */
export function commanderWrites(lang: 'nl' | 'en', args: string[], width: number): string {
  let written = '';
  const io: Io = { cwd: '/', env: {}, stdout: (text) => void (written += text), stderr: () => undefined, isTTY: false, interactive: false };
  const program = buildProgram(lang === 'en' ? en : nl, io, { setExit: () => undefined, context: () => Promise.reject(new Error('no command runs')) });
  for (const command of [program, ...program.commands]) command.configureOutput({ getOutHelpWidth: () => width, getOutHasColors: () => false });
  if (args.length === 0) return program.helpInformation();
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (!['commander.helpDisplayed', 'commander.help'].includes((error as { code?: string }).code ?? '')) throw error;
  }
  return written;
}


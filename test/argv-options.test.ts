/**
 * argv → the input each command receives, from the one options table (src/cli/registry.ts),
 * without starting a process or running a command (issue #19, item 5).
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../src/cli/registry.js';
import type { OptionSpec } from '../src/cli/options.js';
import { REPORT_OUTPUTS } from '../src/cli/format/outputs.js';
import { bashCompletion } from '../src/cli/completion.js';
import type { Io } from '../src/cli/context.js';
import { en } from '../src/i18n/en.js';
import { nl } from '../src/i18n/nl.js';

const io: Io = { cwd: '/', env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, interactive: false };

async function parse(argv: string[], msgs = nl): Promise<{ name: string; input: Record<string, unknown> }> {
  let seen: { name: string; input: Record<string, unknown> } | undefined;
  const program = buildProgram(msgs, io, { setExit: () => undefined, context: () => Promise.reject(new Error('no command runs here')) }, async (name, _spec, input) => {
    seen = { name, input };
  });
  await program.parseAsync(argv, { from: 'user' });
  if (!seen) throw new Error(`no command ran for ${argv.join(' ')}`);
  return seen;
}

const CASES: [string, string[], string, Record<string, unknown>][] = [
  ['report: defaults from the table', ['report', 's.yaml'], 'report', { session: 's.yaml', format: 'md', table: 'actions', separator: ',', confidential: true }],
  [
    'report: every kind of option',
    ['report', 's.yaml', '-f', 'csv', '--table', 'scores', '--separator', ';', '-o', 'a.csv', '--redact', '--baseline', 'b.yaml'],
    'report',
    { session: 's.yaml', format: 'csv', table: 'scores', separator: ';', out: 'a.csv', redact: true, baseline: 'b.yaml', confidential: true },
  ],
  ['report: --no-confidential', ['report', 's.yaml', '--no-confidential'], 'report', { session: 's.yaml', format: 'md', table: 'actions', separator: ',', confidential: false }],
  ['validate: no paths, diagnostic defaults', ['validate'], 'validate', { paths: [], format: 'stylish', failOn: 'error' }],
  ['check: variadic paths and flags', ['check', 'a.yaml', 'b.yaml', '--completeness', '--fail-on', 'warning', '--format', 'sarif'], 'check', { paths: ['a.yaml', 'b.yaml'], format: 'sarif', failOn: 'warning', completeness: true }],
  ['schema: an optional argument left out', ['schema', 'session'], 'schema', { name: 'session', framework: undefined }],
  ['interview: no session, repeated --interviewer in order', ['interview', '--interviewer', 'A', '--interviewer', 'B', '--judge'], 'interview', { session: undefined, interviewer: ['A', 'B'], judge: true }],
  ['plan: repeated --status', ['plan', 's.yaml', '--status', 'A1=gereed', '--status', 'A2=bezig'], 'plan', { session: 's.yaml', format: 'text', status: ['A1=gereed', 'A2=bezig'] }],
  ['aggregate: --top as a number, defaults', ['aggregate', 'dir/', '--top', '3'], 'aggregate', { paths: ['dir/'], format: 'text', table: 'matrix', separator: ',', top: 3, confidential: true }],
  ['aggregate: --top defaults to 10', ['aggregate', 'dir/'], 'aggregate', { paths: ['dir/'], format: 'text', table: 'matrix', separator: ',', top: 10, confidential: true }],
  ['compare: two arguments', ['compare', 'a.yaml', 'b.yaml', '--format', 'html'], 'compare', { before: 'a.yaml', after: 'b.yaml', format: 'html', confidential: true }],
  ['merge: -i', ['merge', 'a.yaml', '-i'], 'merge', { sessions: ['a.yaml'], interactive: true }],
  ['import: --migrate', ['import', 'v.xlsx', '--migrate', '--into', 's.yaml'], 'import', { file: 'v.xlsx', migrate: true, into: 's.yaml' }],
  ['global options before the command do not reach its input', ['--lang', 'en', '--no-color', 'frameworks'], 'frameworks', { format: 'text' }],
];

describe('argv → the input of a command', () => {
  it.each(CASES)('%s', async (_title, argv, name, input) => {
    const seen = await parse(argv);
    expect(seen.name).toBe(name);
    // Keys the user did not give and that have no default are absent or undefined.
    expect(Object.fromEntries(Object.entries(seen.input).filter(([, v]) => v !== undefined))).toEqual(
      Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    );
  });

  it('refuses a value outside a fixed set in the user\'s language, naming the allowed ones', async () => {
    await expect(parse(['report', 's.yaml', '--format', 'pdff'])).rejects.toThrow(nl.cli.invalidChoice('--format', 'pdff', REPORT_OUTPUTS));
    await expect(parse(['--lang', 'en', 'report', 's.yaml', '--format', 'pdff'], en)).rejects.toThrow(en.cli.invalidChoice('--format', 'pdff', REPORT_OUTPUTS));
    await expect(parse(['aggregate', 'd/', '--top', '0'])).rejects.toThrow(nl.cli.aggregate.badTop('0'));
  });

  it('every option key is the name commander gives its flags, so the types match what arrives', async () => {
    const { Option } = await import('commander');
    const tables: Record<string, OptionSpec>[] = [GLOBAL_OPTIONS, ...Object.values(COMMANDS).map((c) => c.options as Record<string, OptionSpec>)];
    for (const options of tables) {
      for (const [key, spec] of Object.entries(options)) expect(new Option(spec.flags).attributeName(), spec.flags).toBe(key);
    }
  });

  it('a default is written once: help shows the one the command receives', async () => {
    const help = buildProgram(nl, io, { setExit: () => undefined, context: () => Promise.reject(new Error('no')) })
      .commands.find((c) => c.name() === 'report')!
      .configureOutput({ getOutHelpWidth: () => 1000 })
      .helpInformation();
    const { input } = await parse(['report', 's.yaml']);
    expect(help).toContain(`${nl.cli.report.format} (${String(input.format)})`);
    expect(help).toContain(`${nl.cli.report.table} (${String(input.table)})`);
  });

  it('completion offers the same values as the table', () => {
    const script = bashCompletion({ commands: COMMANDS, globals: GLOBAL_OPTIONS }, ['werken-aan-veiligheid']);
    expect(script).toContain(`    report:--format) COMPREPLY=( $(compgen -W "${REPORT_OUTPUTS.join(' ')}" -- "$cur") ); return ;;`);
    expect(script).toContain('    *:--lang) COMPREPLY=( $(compgen -W "nl en" -- "$cur") ); return ;;');
    expect(script).toContain('    plan) opts="--list --format -f --actions --status --framework --help --version -V --lang --no-color --quiet -q --debug --frameworks-dir --help -h" ;;');
  });
});

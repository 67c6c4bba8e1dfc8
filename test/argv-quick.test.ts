/**
 * The quick reading of argv (src/cli/argv.ts) against commander's (src/cli/program.ts): for every
 * command line it reads, the command, its input and the global options are what commander would
 * hand over; everything else it leaves to commander, so usage errors stay commander's own.
 */
import { describe, expect, it } from 'vitest';
import { quickParse } from '../src/cli/argv.js';
import { buildProgram } from '../src/cli/program.js';
import { COMMANDS, GLOBAL_OPTIONS, type AnyCommand } from '../src/cli/registry.js';
import type { OptionSpec } from '../src/cli/options.js';
import type { Io } from '../src/cli/context.js';
import { nl } from '../src/i18n/nl.js';

const io: Io = { cwd: '/', env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, interactive: false };

interface Reading {
  name: string;
  input: Record<string, unknown>;
  globals: Record<string, unknown>;
}

/** What commander hands the command, or the error it throws (as a string). */
async function commander(argv: string[]): Promise<Reading | string> {
  let seen: Reading | undefined;
  const program = buildProgram(nl, io, { setExit: () => undefined, context: () => Promise.reject(new Error('no command runs here')) }, async (name, _spec, input, command) => {
    const all = command.optsWithGlobals();
    const globals = Object.fromEntries(Object.keys(GLOBAL_OPTIONS).filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
    seen = { name, input, globals };
  });
  program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return String(error);
  }
  return seen ?? 'no command ran';
}

/** Keys without a value are left out: commander leaves them absent, the quick reading too. */
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A value commander accepts for a row of the table. */
function valueFor(spec: OptionSpec): string | undefined {
  if (!/[<[]/.test(spec.flags)) return undefined;
  if (spec.kind === 'choice') return spec.values.at(-1)!;
  if (spec.kind === 'number') return '3';
  return 'waarde.yaml';
}

/** The required (or one optional) argument values of a command. */
function operandsFor(spec: AnyCommand): string[] {
  return Object.values(spec.args).map((a, i) => (a.name.includes('...') ? `a${i}.yaml` : `a${i}`));
}

/** Every command with each of its options by every flag, before and after the arguments, and the global options around it. */
function tableCases(): string[][] {
  const cases: string[][] = [];
  for (const [name, spec] of Object.entries(COMMANDS) as [string, AnyCommand][]) {
    const operands = operandsFor(spec);
    cases.push([name, ...operands], [name], [name, ...operands, 'extra', 'extra2']);
    for (const option of Object.values(spec.options)) {
      const value = valueFor(option);
      for (const flag of option.flags.split(/[ ,]+/).filter((p) => p.startsWith('-'))) {
        const given = value === undefined ? [flag] : [flag, value];
        cases.push([name, ...operands, ...given], [name, ...given, ...operands], ['--lang', 'en', name, ...given, ...operands, '-q']);
        if (value !== undefined) cases.push([name, ...operands, flag], [name, ...operands, ...given, ...given], [name, ...operands, `${flag}=${value}`]);
      }
    }
    for (const global of Object.values(GLOBAL_OPTIONS)) {
      const value = valueFor(global);
      for (const flag of global.flags.split(/[ ,]+/).filter((p) => p.startsWith('-'))) {
        const given = value === undefined ? [flag] : [flag, value];
        cases.push([...given, name, ...operands], [name, ...operands, ...given], [name, ...given, ...operands]);
      }
    }
  }
  return cases;
}

const ODD: string[][] = [
  [],
  ['chek'],
  ['help', 'check'],
  ['check', '--help'],
  ['check', '-h'],
  ['check', '-V'],
  ['--version'],
  ['--lang', 'en'],
  ['--lang', 'fr', 'check'],
  ['check', 'a.yaml', '--', '--format'],
  ['check', '-qf', 'json', 'a.yaml'],
  ['report', 's.yaml', '-fhtml'],
  ['report', 's.yaml', '--format', 'pdff'],
  ['report', 's.yaml', '--formaat', 'html'],
  ['report', 's.yaml', '-o', '--lang', 'en'],
  ['report', 's.yaml', '-o', '-'],
  ['report', '-', '--format', 'md'],
  ['aggregate', 'd/', '--top', '0'],
  ['aggregate', 'd/', '--top', '-3'],
  ['aggregate', 'd/', '--top', 'drie'],
  ['check', '-5'],
  ['report', 's.yaml', '--no-confidential', '--no-confidential'],
  ['--no-color', '--no-color', 'frameworks'],
  ['--lang', 'en', '--lang', 'nl', 'frameworks'],
  ['frameworks', '--frameworks-dir'],
  ['interview', '--interviewer', 'A', '--interviewer', 'B', '--judge'],
  ['plan', 's.yaml', '--status', 'A1=gereed', '--status', 'A2=bezig'],
];

describe('the quick reading of argv agrees with commander', () => {
  const cases = [...tableCases(), ...ODD];

  it.each(cases.map((argv) => [argv.join(' '), argv]))('%s', async (_shown, argv) => {
    const quick = quickParse(argv as string[], nl);
    if (!quick) return; // commander's turn: nothing to compare
    const slow = await commander(argv as string[]);
    expect(typeof slow, `commander refuses it: ${String(slow)}`).toBe('object');
    const reading = slow as Reading;
    expect(quick.name).toBe(reading.name);
    expect(defined(quick.input)).toEqual(defined(reading.input));
    expect(defined(quick.globals)).toEqual(defined(reading.globals));
  });

  it('reads the usual command lines itself, commander never loaded', () => {
    const usual = [
      ['report', 's.yaml', '--format', 'html', '-o', 'r.html'],
      ['--lang', 'en', 'check', 'a.yaml', 'b.yaml', '-f', 'json'],
      ['frameworks', '--no-color'],
      ['schema', 'session'],
      ['show', 'werken-aan-veiligheid', '--frameworks-dir', 'kaders'],
      ['aggregate', 'd/', '--top', '3', '-q'],
    ];
    for (const argv of usual) expect(quickParse(argv, nl), argv.join(' ')).toBeDefined();
    // The table-driven cases above are mostly read quickly, so the comparison means something.
    expect(cases.filter((argv) => quickParse(argv, nl)).length).toBeGreaterThan(cases.length / 2);
  });

  it('leaves to commander whatever commander would refuse or answer itself', async () => {
    for (const argv of [...tableCases(), ...ODD]) {
      if (typeof (await commander(argv)) === 'string') expect(quickParse(argv, nl), argv.join(' ')).toBeUndefined();
    }
    for (const argv of [['help', 'check'], ['check', '--help'], ['check', '-V'], ['--lang', 'en'], ['check', '--', 'a.yaml']]) {
      expect(quickParse(argv, nl), argv.join(' ')).toBeUndefined();
    }
  });
});

/**
 * The top-level help is rendered at build time (scripts/precompile.mjs, dist/help/<lang>/)
 * and printed by src/cli/main.ts without loading commander (#7). It has to be byte for byte
 * what commander prints: these tests run the built binary next to a copy of the package
 * without dist/help, which takes commander's path, in every form and at several widths.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { en } from '../src/i18n/en.js';
import { nl } from '../src/i18n/nl.js';
import type { Io } from '../src/cli/context.js';
import { BIN, ROOT, tempDir } from './helpers.js';

/** The package as built, but without the precomputed help: main.ts falls back to commander. */
const COPY = tempDir.root();
const SLOW_BIN = join(COPY, 'bin', 'kader.js');
/**
 * Loaded with --import into both binaries: reports on stderr whether commander was loaded, and
 * with KADER_TEST_COLUMNS makes stdout look like a terminal that wide (commander and main.ts
 * both read process.stdout.isTTY and .columns).
 */
const PROBE = join(COPY, 'probe.mjs');

beforeAll(() => {
  cpSync(join(ROOT, 'dist'), join(COPY, 'dist'), { recursive: true, filter: (source) => source !== join(ROOT, 'dist', 'help') });
  cpSync(join(ROOT, 'bin'), join(COPY, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(COPY, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(COPY, 'node_modules'), 'dir');
  writeFileSync(
    PROBE,
    [
      "import { createRequire } from 'node:module';",
      'const columns = process.env.KADER_TEST_COLUMNS;',
      "if (columns) for (const [key, value] of [['isTTY', true], ['columns', Number(columns)]]) Object.defineProperty(process.stdout, key, { value });",
      'const { cache } = createRequire(import.meta.url);',
      "process.on('exit', () => { if (Object.keys(cache).some((file) => /[\\\\/]commander[\\\\/]/.test(file))) process.stderr.write('[commander loaded]'); });",
    ].join('\n'),
  );
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(bin: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, bin, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', KADER_LANG: '', KADER_TEST_COLUMNS: '', ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The registry in src/, built in-process. */
function registry(lang: 'nl' | 'en') {
  const io: Io = { cwd: ROOT, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, interactive: false };
  return buildProgram(lang === 'en' ? en : nl, io, { setExit: () => undefined, context: () => Promise.reject(new Error('no command runs')) });
}

/** What commander renders from the registry in src/ (so a stale dist/help fails here too). */
function commanderHelp(lang: 'nl' | 'en', width: number): string {
  return registry(lang).configureOutput({ getOutHelpWidth: () => width }).helpInformation();
}

const FORMS: [string, string[], Record<string, string>, 'nl' | 'en'][] = [
  ['kader', [], {}, 'nl'],
  ['kader --help', ['--help'], {}, 'nl'],
  ['kader -h', ['-h'], {}, 'nl'],
  ['kader help', ['help'], {}, 'nl'],
  ['kader --lang en --help', ['--lang', 'en', '--help'], {}, 'en'],
  ['kader --lang=en -h', ['--lang=en', '-h'], {}, 'en'],
  ['kader help --lang en', ['help', '--lang', 'en'], {}, 'en'],
  ['KADER_LANG=en kader --help --lang nl', ['--help', '--lang', 'nl'], { KADER_LANG: 'en' }, 'nl'],
  ['KADER_LANG=en kader', [], { KADER_LANG: 'en' }, 'en'],
  ['KADER_LANG=en kader --help', ['--help'], { KADER_LANG: 'en' }, 'en'],
];

describe('top-level help without commander', () => {
  it.each(FORMS)('%s prints what commander prints, without loading it', (_name, args, env, lang) => {
    const fast = run(BIN, args, env);
    const slow = run(SLOW_BIN, args, env);
    expect(slow.stderr).toBe('[commander loaded]');
    expect(fast).toEqual({ ...slow, stderr: '' });
    expect(fast).toMatchObject({ code: 0, stdout: commanderHelp(lang, 80) });
  });

  it.each([40, 60, 79, 80, 81, 100, 120, 160, 200, 300])('on a terminal %i columns wide, wraps as commander does', (columns) => {
    for (const [lang, args] of [['nl', ['--help']], ['en', ['help', '--lang', 'en']]] as const) {
      const fast = run(BIN, [...args], { KADER_TEST_COLUMNS: String(columns) });
      const slow = run(SLOW_BIN, [...args], { KADER_TEST_COLUMNS: String(columns) });
      expect(slow.stderr).toBe('[commander loaded]');
      expect(fast).toEqual({ ...slow, stderr: '' });
      expect(fast.stdout).toBe(commanderHelp(lang, columns));
    }
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('in a real terminal (script(1)), at 100 and 120 columns', () => {
    for (const columns of [100, 120]) {
      const terminal = (bin: string) => {
        const command = `stty cols ${columns} rows 40; ${process.execPath} ${bin} --help --lang en`;
        return spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 15_000 }).stdout;
      };
      const [fast, slow] = [terminal(BIN), terminal(SLOW_BIN)];
      expect(fast).toContain('Usage: kader');
      expect(fast).toBe(slow);
      expect(fast.replaceAll('\r\n', '\n')).toBe(commanderHelp('en', columns));
    }
  });

  it('leaves the rest to commander: a command’s help, an invalid --lang, global options alone', () => {
    for (const args of [['validate', '--help'], ['--lang', 'xx', '--help'], ['--lang', 'en'], ['--help', '--help'], ['--help', '--debug']]) {
      const fast = run(BIN, args);
      expect(fast.stderr, args.join(' ')).toContain('[commander loaded]');
      expect(fast, args.join(' ')).toEqual(run(SLOW_BIN, args));
    }
  });
});

describe('precomputed help (dist/help)', () => {
  type Main = typeof import('../src/cli/main.js');
  const built = () => import(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href) as Promise<Main>;

  it('is what the registry renders, at every width, so a new command shows up in it', async () => {
    const { precomputedHelp } = await built();
    const commands = registry('nl').commands.map((command) => command.name());
    expect(commands.length).toBeGreaterThan(10);
    for (const lang of ['nl', 'en'] as const) {
      for (let width = 1; width <= 600; width++) expect(precomputedHelp(lang, width), `${lang} at ${width} columns`).toBe(commanderHelp(lang, width));
      for (const command of commands) expect(precomputedHelp(lang, 80)).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it('is missing when running from src/ (npm run dev), and then commander renders the help', async () => {
    const { precomputedHelp } = await import('../src/cli/main.js');
    expect(existsSync(join(ROOT, 'src', 'help'))).toBe(false);
    expect(precomputedHelp('nl', 80)).toBeUndefined();
    // A width commander would not get from a terminal either: no text rather than a wrong one.
    const { precomputedHelp: fromDist } = await built();
    expect(fromDist('nl', 0)).toBeUndefined();
    // Every wider terminal gets the text that no longer wraps (checked above up to 600 columns).
    const ranges = JSON.parse(readFileSync(join(ROOT, 'dist', 'help', 'nl', 'ranges.json'), 'utf8')) as [number, number | null][];
    expect(ranges.at(-1)?.[1]).toBeNull();
    expect(fromDist('nl', 10_000)).toBe(commanderHelp('nl', 10_000));
  });
});

/**
 * `kader --help` and `kader <command> --help` are answered from the options table without
 * building the commander program (src/cli/help.ts, #7 and #20). test/help-render.test.ts
 * compares the text with commander's at every width in process; these tests run the built
 * binary, as a user does, and check that commander's program is not loaded on that path.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';
import { commanderWrites } from './support/commander-help.js';

/**
 * Loaded with --import: reports on stderr whether commander's program (lib/command.js; help
 * may load lib/help.js alone) was loaded, and with KADER_TEST_COLUMNS makes stdout look like
 * a terminal that wide: commander reads process.stdout.isTTY and .columns; src/cli/stdout.ts
 * asks fstat and tty.isatty (so as not to build process.stdout), and help.ts then .columns.
 */
const PROBE = join(tempDir.root(), 'probe.mjs');
writeFileSync(
  PROBE,
  [
    "import { createRequire } from 'node:module';",
    'const columns = process.env.KADER_TEST_COLUMNS;',
    "import fs from 'node:fs';",
    "import tty from 'node:tty';",
    'if (columns) {',
    '  const { fstatSync } = fs;',
    '  const terminal = { isCharacterDevice: () => true, isFIFO: () => false, isSocket: () => false, isFile: () => false };',
    '  fs.fstatSync = (fd, ...rest) => (fd === 1 ? terminal : fstatSync(fd, ...rest));',
    '  const { isatty } = tty;',
    '  tty.isatty = (fd) => fd === 1 || isatty(fd);',
    "  for (const [key, value] of [['isTTY', true], ['columns', Number(columns)]]) Object.defineProperty(process.stdout, key, { value });",
    '}',
    'const { cache } = createRequire(import.meta.url);',
    "process.on('exit', () => { if (Object.keys(cache).some((file) => /[\\\\/]commander[\\\\/]lib[\\\\/]command\\.js$/.test(file))) process.stderr.write('[commander loaded]'); });",
  ].join('\n'),
);

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', KADER_LANG: '', KADER_TEST_COLUMNS: '', ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FORMS: [string, string[], Record<string, string>, 'nl' | 'en'][] = [
  ['kader', [], {}, 'nl'],
  ['kader --help', ['--help'], {}, 'nl'],
  ['kader help', ['help'], {}, 'nl'],
  ['kader --lang=en -h', ['--lang=en', '-h'], {}, 'en'],
  ['KADER_LANG=en kader --help --lang nl', ['--help', '--lang', 'nl'], { KADER_LANG: 'en' }, 'nl'],
  ['KADER_LANG=en kader', [], { KADER_LANG: 'en' }, 'en'],
  ['kader plan --help', ['plan', '--help'], {}, 'nl'],
  ['kader report -h --lang en', ['report', '-h', '--lang', 'en'], {}, 'en'],
  ['kader help check', ['help', 'check'], {}, 'nl'],
];

describe('help without commander’s program', () => {
  it.each(FORMS)('%s prints what commander prints, without loading it', (_name, args, env, lang) => {
    expect(run(args, env)).toEqual({ code: 0, stdout: commanderWrites(lang, args.filter((a) => !a.startsWith('--lang') && a !== 'en' && a !== 'nl'), 80), stderr: '' });
  });

  it.each([40, 79, 81, 120, 300])('on a terminal %i columns wide, wraps as commander does', (columns) => {
    const env = { KADER_TEST_COLUMNS: String(columns) };
    expect(run(['--help'], env).stdout).toBe(commanderWrites('nl', ['--help'], columns));
    expect(run(['validate', '--help'], env).stdout).toBe(commanderWrites('nl', ['validate', '--help'], columns));
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('in a real terminal (script(1)), at 100 and 120 columns', () => {
    for (const columns of [100, 120]) {
      const command = `stty cols ${columns} rows 40; ${process.execPath} ${BIN} aggregate --help --lang en`;
      const shown = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 15_000 }).stdout;
      expect(shown.replaceAll('\r\n', '\n')).toBe(commanderWrites('en', ['aggregate', '--help'], columns));
    }
  });

  it('leaves the rest to commander: an invalid --lang, global options alone, an unknown command', () => {
    for (const args of [['--lang', 'xx', '--help'], ['--lang', 'en'], ['--help', '--debug'], ['plann', '--help']]) {
      expect(run(args).stderr, args.join(' ')).toContain('[commander loaded]');
    }
  });
});

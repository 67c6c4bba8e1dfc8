/**
 * The guides, followed to the letter: every code block marked `<!-- doctest -->` in README.md
 * and docs/*.md is run, command by command, in a temporary folder against kader as the guides
 * install it (the tarball `npm pack` makes, with the guides' own install line, into a temp
 * prefix, offline from the cache `npm ci` filled). A block marked `<!-- doctest output -->`
 * after it is what its last command prints: line for line, where a line `…` stands for any
 * number of lines. A block marked `<!-- doctest interactive -->` (the interview, `plan`
 * without options) runs in process from src/ through the prompt seam, answered by a stand-in
 * that takes every default or first answer (test/support/auto-prompts.ts): the flow the guide
 * describes must end in a saved session, exit 0, and print what an output block after it says.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT, tempDir } from './helpers.js';
import { autoPrompts } from './support/auto-prompts.js';

interface Block {
  /** The words after `doctest` in the marker, e.g. ['install'] or ['migration', 'file.yaml']. */
  marker: string[];
  code: string;
  /** 1-based line of the block's opening fence, for failure messages. */
  line: number;
}

const GUIDES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every fenced block that directly follows a `<!-- doctest … -->` comment. */
export function markedBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!-- doctest(.*?)-->$/.exec(lines[i]!.trim());
    if (!marker) continue;
    const fence = lines[i + 1] ?? '';
    if (!fence.startsWith('```')) throw new Error(`line ${i + 1}: a doctest marker must directly precede a fenced block`);
    const end = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
    blocks.push({ marker: marker[1]!.trim().split(/\s+/).filter(Boolean), code: lines.slice(i + 2, end).join('\n'), line: i + 2 });
    i = end;
  }
  return blocks;
}

/** Shell commands of a block: one a line, `\` continues a line. */
function commands(code: string): string[] {
  return code.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

/**
 * `expected` line for line, where a line `…` matches any number of lines (also none) and a `…`
 * inside a line any text, so a guide can show the lines that matter without pinning the rest.
 */
export function matches(actual: string, expected: string): boolean {
  const want = expected.split('\n');
  const have = actual.replace(/\n$/, '').split('\n');
  const line = (pattern: string, text: string) =>
    pattern.includes('…') ? new RegExp(`^${pattern.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(text) : pattern === text;
  const go = (w: number, h: number): boolean => {
    if (w === want.length) return h === have.length;
    if (want[w] === '…') return Array.from({ length: have.length - h + 1 }, (_, k) => h + k).some((k) => go(w + 1, k));
    return h < have.length && line(want[w]!, have[h]!) && go(w + 1, h + 1);
  };
  return go(0, 0);
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TARBALL = `kader-${VERSION}.tgz`;
const work = tempDir.root();
const prefix = join(work, 'prefix');
const env = {
  ...process.env,
  // The guides' `npm install --global` lands in a temp prefix, offline, instead of the system's.
  npm_config_prefix: prefix,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_loglevel: 'error',
  PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
  NO_COLOR: '1',
  KADER_LANG: '',
};

function run(command: string, cwd: string) {
  return spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

/** An interactive step, in process: `kader …` split into words (the guides quote nothing there). */
async function runInteractive(command: string, cwd: string) {
  const [program, ...args] = command.trim().split(/\s+/);
  expect(program, `an interactive doctest runs kader, not ${program}`).toBe('kader');
  const out: string[] = [];
  const err: string[] = [];
  const prompts = autoPrompts();
  const status = await main(['node', 'kader', ...args], {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTTY: false,
    interactive: true,
    prompts,
  });
  return { status, stdout: out.join(''), stderr: err.join(''), prompts: prompts.count() };
}

/** A fresh folder per guide, holding the tarball as the guides say to put it there. */
function folder(): string {
  const dir = join(work, `guide-${readdirSync(work).length}`);
  mkdirSync(dir);
  copyFileSync(join(work, TARBALL), join(dir, TARBALL));
  return dir;
}

/** What the install step's last command printed (it runs once, from README.md). */
let installed: { command: string; stdout: string } | undefined;

const installBlock = (file: string) => markedBlocks(readFileSync(join(ROOT, file), 'utf8')).find((b) => b.marker[0] === 'install');

beforeAll(() => {
  // dist/ is built by `npm test` before vitest runs; --ignore-scripts keeps pack from building again.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: { ...process.env, npm_config_loglevel: 'error' } });
  const readme = installBlock('README.md')!;
  const dir = folder();
  for (const command of commands(readme.code)) {
    const result = run(command, dir);
    expect(result.status, `README.md:${readme.line} ${command}\n${result.stderr}`).toBe(0);
    installed = { command, stdout: result.stdout };
  }
}, 180_000);

describe('the guides, followed to the letter', () => {
  it('every guide starts with the same install step, which names the tarball this version packs', () => {
    const readme = installBlock('README.md');
    expect(readme?.code).toBe(`npm install --global ./${TARBALL}\nkader --version`);
    for (const guide of ['docs/toezichthouder.md', 'docs/beleidsmedewerker.md', 'docs/framework-beheerder.md']) {
      const text = readFileSync(join(ROOT, guide), 'utf8');
      // The install step is the guide's first code block.
      expect(text.indexOf('<!-- doctest install -->'), guide).toBeGreaterThan(0);
      expect(text.indexOf('<!-- doctest install -->'), guide).toBeLessThan(text.indexOf('```'));
      expect(installBlock(guide)?.code, guide).toBe(readme!.code);
    }
    // The CI guide installs the same tarball, from the repository's tools/ folder.
    expect(readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8')).toContain(`\`npm install --global ./tools/${TARBALL}\``);
  });

  for (const guide of GUIDES) {
    const blocks = markedBlocks(readFileSync(join(ROOT, guide), 'utf8'));
    if (!blocks.some((b) => b.marker[0] !== 'install' && b.marker[0] !== 'output')) continue;
    it(`${guide}: every marked command runs and prints what the text says`, async () => {
      const dir = folder();
      let last: { command: string; stdout: string } | undefined;
      for (const block of blocks) {
        const where = `${guide}:${block.line}`;
        const [kind, arg] = block.marker;
        if (kind === 'install') {
          // Installed once, from README.md; the test above holds every guide's step equal to it.
          last = installed;
          continue;
        }
        if (kind === 'output') {
          expect(last, `${where}: output block without a command before it`).toBeDefined();
          expect(matches(last!.stdout, block.code), `${where}: \`${last!.command}\` printed\n${last!.stdout}`).toBe(true);
          continue;
        }
        if (kind === 'migration') {
          // A migrations example: put into the framework file it names, it must validate.
          const path = join(dir, arg!);
          const version = /^version: .*$/m.exec(block.code)![0];
          const framework = readFileSync(path, 'utf8').replace(/^version: .*$/m, version);
          writeFileSync(path, `${framework.trimEnd()}\n${block.code.replace(/^version: .*\n/m, '')}\n`);
          block.code = `kader validate ${arg}`;
        }
        if (kind === 'interactive') {
          for (const command of commands(block.code)) {
            const result = await runInteractive(command, dir);
            expect(result.status, `${where}: \`${command}\` (${result.prompts} prompts answered)\n${result.stdout}${result.stderr}`).toBe(0);
            expect(result.prompts, `${where}: \`${command}\` asked nothing`).toBeGreaterThan(0);
            last = { command, stdout: result.stdout };
          }
          continue;
        }
        for (const command of commands(block.code)) {
          const result = run(command, dir);
          expect(result.status, `${where}: \`${command}\`\n${result.stdout}${result.stderr}`).toBe(0);
          last = { command, stdout: result.stdout };
        }
      }
    }, 120_000);
  }
});

describe('the doctest helpers', () => {
  it('match line for line, with … for any lines', () => {
    expect(matches('a\nb\nc\n', 'a\n…\nc')).toBe(true);
    expect(matches('a\nc\n', 'a\n…\nc')).toBe(true);
    expect(matches('a\nb\n', 'a\n…\nc')).toBe(false);
    expect(matches('a\nb\n', 'a')).toBe(false);
    expect(matches('A2  WAV-T-09  gereed\n', 'A2  …gereed')).toBe(true);
    expect(matches('A2  WAV-T-09  open\n', 'A2  …gereed')).toBe(false);
    expect(matches('a.b\n', 'a…')).toBe(true);
    expect(matches('axb\n', 'a.b')).toBe(false);
  });
});

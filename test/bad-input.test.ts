/**
 * Every command that reads a file, on every kind of broken input: exit 1 or 2 with a clear
 * message, never a stack trace, never a hang. Plus disk-full writes and the no-network rule.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, ROOT, tempDir } from './helpers.js';

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const NO_NETWORK = pathToFileURL(join(ROOT, 'test', 'support', 'no-network.mjs')).href;

/** Broken inputs by name; each is written to a file of that name (or made a folder). */
const INPUTS: Record<string, string | Buffer | 'folder' | 'missing' | 'fifo' | 'zero'> = {
  'missing.yaml': 'missing',
  'folder.yaml': 'folder',
  'empty.yaml': '',
  'binary.yaml': Buffer.from([0x00, 0xff, 0x10, 0x80, 0xfe, 0x00]),
  'latin1.yaml': Buffer.from('notitie: caf\xe9\n', 'latin1'),
  'syntax.yaml': 'kader: 1\nkind: [session\n',
  'duplicate.yaml': 'kader: 1\nkader: 2\nkind: session\n',
  'proto.yaml': '__proto__: { polluted: true }\nconstructor: { prototype: { x: 1 } }\nkind: session\n',
  'aliases.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
    .split('')
    .map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
    .join('\n')}\n`,
  'deep.yaml': `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'huge.yaml': `notitie: "${'x'.repeat(11 * 1024 * 1024)}"\n`,
  'list.yaml': '- a\n- b\n',
  'fifo.yaml': 'fifo', // a named pipe nobody writes to: must not wait
  'zero.yaml': 'zero', // a symlink to /dev/zero: must not read forever
};

const COMMANDS: [string, (file: string) => string[]][] = [
  ['validate', (f) => ['validate', f]],
  ['show', (f) => ['show', f]],
  ['check', (f) => ['check', '--framework', FRAMEWORK, f]],
  ['report', (f) => ['report', '--framework', FRAMEWORK, f]],
  ['plan --list', (f) => ['plan', '--framework', FRAMEWORK, f, '--list']],
  ['interview --answers', (f) => ['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', f]],
  ['plan --actions', (f) => ['plan', 's.yaml', '--framework', FRAMEWORK, '--actions', f]],
  ['schema answers', (f) => ['schema', 'answers', f]],
  ['import', (f) => ['import', f, '-o', 'uit.yaml']],
];

describe('broken input gets a clear answer', () => {
  const dir = join(tempDir.root(), 'bad-input');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(INPUTS)) {
    if (content === 'folder') mkdirSync(join(dir, name), { recursive: true });
    else if (content === 'fifo') spawnSync('mkfifo', [join(dir, name)]);
    else if (content === 'zero') symlinkSync('/dev/zero', join(dir, name));
    else if (content !== 'missing') writeFileSync(join(dir, name), content);
  }
  copyFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), join(dir, 's.yaml'));
  const session = readFileSync(join(dir, 's.yaml'), 'utf8');

  it.each(COMMANDS)('%s', (_name, args) => {
    for (const input of Object.keys(INPUTS)) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, ...args(input)], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
      const output = `${result.stdout}${result.stderr}`;
      const where = `${args(input).join(' ')} →\n${output.slice(0, 500)}`;
      expect([1, 2], where).toContain(result.status);
      expect(output, where).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      expect(output, where).not.toContain('interne fout');
      expect(output, where).toContain(input.replace(/\.yaml$/, '')); // names the file
      expect(Date.now() - started, where).toBeLessThan(15_000);
    }
    // None of this touched the session the commands were pointed at.
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(session);
  }, 120_000);
});

describe('a full disk never costs the old file', () => {
  // ulimit -f makes every write past 1 KiB fail with EFBIG, as a full disk fails with ENOSPC.
  const limited = (dir: string, args: string[]) =>
    spawnSync('bash', ['-c', `ulimit -f 1; trap '' XFSZ; exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('a session save fails with one line and the session stays as it was', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), join(dir, 's.yaml'));
    writeFileSync(join(dir, 'acties.yaml'), 'actions:\n  - { criterion: TK-T1-01, what: Iets, owner: team, due: "2099-01-01", indicator: klaar }\n');
    const before = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(statSync(join(dir, 's.yaml')).size).toBeGreaterThan(1024);
    const result = limited(dir, ['plan', 's.yaml', '--framework', FRAMEWORK, '--actions', 'acties.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^kader: .*s\.yaml: kan niet geschreven worden \(EFBIG\)\n$/);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['acties.yaml', 's.yaml']); // no temp file left behind
  });

  it('a report write fails with one line and the old report stays', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), join(dir, 's.yaml'));
    writeFileSync(join(dir, 'r.html'), 'vorige versie');
    const result = limited(dir, ['report', 's.yaml', '--framework', FRAMEWORK, '--format', 'html', '-o', 'r.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/kan niet geschreven worden \(EFBIG\)/);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('vorige versie');
  });
});

describe('no network', () => {
  it('no source file imports a network module or calls fetch', () => {
    const offenders: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.ts$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          if (/from ['"](node:)?(http|https|http2|net|dgram|tls|dns)['"]|\bfetch\(|XMLHttpRequest|WebSocket/.test(text)) offenders.push(path);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });

  // Node ignores HTTP_PROXY, so setting it proved nothing: a preload makes every socket connect
  // and DNS query throw and say so on stderr, and the commands must not notice.
  const offline = (args: string[]) =>
    spawnSync(process.execPath, ['--import', NO_NETWORK, BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', KADER_LANG: '' }, encoding: 'utf8', timeout: 15_000 });
  it('the whole flow runs with every socket connect and DNS query refused in-process', () => {
    for (const args of [['validate'], ['report', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml', '--format', 'html'], ['check', 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml']]) {
      const result = offline(args);
      expect(result.stderr, args.join(' ')).not.toContain('[network attempt');
      expect(result.status, args.join(' ')).toBe(0);
    }
  });

  it('the refusal is real: a fetch under the same preload is caught and said', () => {
    const result = spawnSync(process.execPath, ['--import', NO_NETWORK, '-e', "fetch('http://example.invalid/').catch(() => process.exit(3))"], { encoding: 'utf8', timeout: 15_000 });
    expect(result.stderr).toContain('[network attempt');
    expect(result.status).toBe(3);
  });
});

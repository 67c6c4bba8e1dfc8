/**
 * Writes that must not lose or misplace data (issue 16, items 1–6): concurrent writers,
 * `-o` over a session or framework, symlinked sessions, the PDF temp file, a full disk on a
 * new session, and the privacy of reports and folders.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, FIXTURES, kader, tempDir, type RunResult } from './helpers.js';
import { generateSession, loadFramework, writeSession } from './support/gemeenten.js';

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const COMPLETE = join(FIXTURES, 'sessions', 'complete.yaml');
const ACTIONS = [
  'actions:',
  '  - { id: A1, criterion: TK-T1-01, what: Werkinstructie bespreken, owner: teamleider, due: "2099-01-01", priority: hoog, indicator: besproken, status: open }',
  '  - { id: A2, criterion: TK-T2-01, what: Scholing plannen, owner: teamleider, due: "2099-01-01", priority: middel, indicator: gepland, status: open }',
  '',
].join('\n');

/** The complete fixture session with two actions, written to `path`. */
function sessionWithActions(path: string): void {
  writeFileSync(path, readFileSync(COMPLETE, 'utf8').replace('actions: []\n', ACTIONS));
}

/** The status of one action in a session's text. */
const statusOf = (text: string, id: string): unknown =>
  (parse(text) as { actions: { id: string; status: string }[] }).actions.find((a) => a.id === id)?.status;

/** Run the built binary without waiting, so two commands can race. */
function run(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', KADER_LANG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('1. concurrent writers to one session', () => {
  it('interview --answers and plan --status together: both changes land, or the loser refuses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01c: Nieuw antwoord uit het tweede gesprek\n');
    const tally = { both: 0, refused: 0 };
    for (let i = 0; i < 30; i++) {
      const path = join(dir, 's.yaml');
      sessionWithActions(path);
      const [answers, status] = await Promise.all([
        run(['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', 'a.yaml'], dir),
        run(['plan', 's.yaml', '--framework', FRAMEWORK, '--status', 'A2=bezig'], dir),
      ]);
      const text = readFileSync(path, 'utf8');
      const answerLanded = text.includes('Nieuw antwoord uit het tweede gesprek');
      const statusLanded = statusOf(text, 'A2') === 'bezig';
      const where = `run ${i}: ${answers.code} ${answers.stderr} / ${status.code} ${status.stderr}`;
      for (const [result, landed] of [[answers, answerLanded], [status, statusLanded]] as const) {
        if (result.code === 0) expect(landed, where).toBe(true);
        else {
          expect(result.code, where).toBe(2);
          expect(result.stderr, where).toBe(`kader: ${path} is gewijzigd door een ander programma sinds kader het las (een tweede interview?); niets overschreven. Start opnieuw met kader interview ${path}\n`);
        }
      }
      expect(answers.code === 0 || status.code === 0, where).toBe(true);
      if (answers.code === 0 && status.code === 0) tally.both++;
      else tally.refused++;
      expect(readdirSync(dir).sort(), where).toEqual(['a.yaml', 's.yaml']); // no lock or temp file left
    }
    expect(tally.both + tally.refused).toBe(30);
  }, 120_000);

  it('a lock left by a killed process does not block the next save', () => {
    const dir = tempDir();
    sessionWithActions(join(dir, 's.yaml'));
    // A process id that cannot be running (beyond pid_max), as a SIGKILLed writer leaves it.
    writeFileSync(join(dir, '.s.yaml.lock'), '4194305 0123456789abcdef\n');
    const result = kader(['plan', 's.yaml', '--framework', FRAMEWORK, '--status', 'A1=gereed'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'Actie A1: status gereed.\n' });
    expect(readdirSync(dir)).toEqual(['s.yaml']);
  });

  it('a lock held by a live process makes a writer refuse after waiting, naming the process', () => {
    const dir = tempDir();
    sessionWithActions(join(dir, 's.yaml'));
    const before = readFileSync(join(dir, 's.yaml'), 'utf8');
    writeFileSync(join(dir, '.s.yaml.lock'), `${process.pid} 0123456789abcdef\n`);
    const result = kader(['plan', 's.yaml', '--framework', FRAMEWORK, '--status', 'A1=gereed'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`kader: ${join(dir, 's.yaml')} wordt op dit moment opgeslagen door een ander programma (proces ${process.pid}); niets overschreven. Probeer het zo opnieuw\n`);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before);
  }, 30_000);
});

describe('2. -o never replaces a session or a framework, however it is written', () => {
  const session = readFileSync(COMPLETE, 'utf8');
  const framework = loadFramework(FRAMEWORK);
  const cases: [string, string, string][] = [
    ['kind with a comment', 'x.yaml', session.replace('kind: session', 'kind: session   # een interview')],
    ['quoted key', 'x.yaml', session.replace('kind: session', '"kind": session')],
    ['session in JSON', 'x.json', JSON.stringify({ kader: 1, kind: 'session', id: 'x', answers: {} })],
    ['framework in JSON on one line', 'x.json', JSON.stringify(framework.framework)],
    ['framework in JSON, indented', 'x.json', JSON.stringify(framework.framework, null, 2)],
    ['session broken by hand', 'x.yaml', session.replace('kind: session', "'kind': 'session' # kapot\nanswers: [")],
  ];
  it.each(cases)('%s', (_name, file, content) => {
    const dir = tempDir();
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    writeFileSync(join(dir, file), content);
    const result = kader(['report', 's.yaml', '--framework', FRAMEWORK, '-o', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^kader: ${file.replace('.', '\\.')} is een (sessie|kwaliteitskader); kader schrijft daar geen uitvoer overheen\\. Kies een andere naam\\n$`));
    expect(readFileSync(join(dir, file), 'utf8')).toBe(content);
  });

  it('an earlier report (JSON, Markdown) is replaced as before', () => {
    const dir = tempDir();
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    for (const format of ['json', 'md']) {
      for (let i = 0; i < 2; i++) expect(kader(['report', 's.yaml', '--framework', FRAMEWORK, '--format', format, '-o', `r.${format}`], { cwd: dir }).code).toBe(0);
    }
  });
});

describe('3. a symlinked session is written through, the link stays', () => {
  const setup = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'archief'));
    sessionWithActions(join(dir, 'archief', 's.yaml'));
    symlinkSync(join('archief', 's.yaml'), join(dir, 'link.yaml'));
    return dir;
  };
  const expectThrough = (dir: string, needle: RegExp) => {
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'archief', 's.yaml'), 'utf8')).toMatch(needle);
    expect(statSync(join(dir, 'archief', 's.yaml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['archief', 'link.yaml', ...(existsSync(join(dir, 'a.yaml')) ? ['a.yaml'] : [])].sort());
    expect(readdirSync(join(dir, 'archief'))).toEqual(['s.yaml']);
  };

  it('interview --answers', () => {
    const dir = setup();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01c: Via de link\n');
    expect(kader(['interview', 'link.yaml', '--framework', FRAMEWORK, '--answers', 'a.yaml'], { cwd: dir }).code).toBe(0);
    expectThrough(dir, /Via de link/);
  });

  it('plan --status', () => {
    const dir = setup();
    expect(kader(['plan', 'link.yaml', '--framework', FRAMEWORK, '--status', 'A1=gereed'], { cwd: dir }).code).toBe(0);
    expectThrough(dir, /status: gereed/);
    expect(statusOf(readFileSync(join(dir, 'archief', 's.yaml'), 'utf8'), 'A1')).toBe('gereed');
  });

  it('check --migrate', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'archief'));
    const v2 = join(dir, 'v2.yaml');
    const text = readFileSync(FRAMEWORK, 'utf8').replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z');
    writeFileSync(v2, `${text}migrations:\n  - from: "1.0"\n    ids: { TK-T1-01a: TK-T1-01z }\n`);
    writeSession(join(dir, 'archief'), 's.yaml', generateSession(loadFramework(FRAMEWORK), { gemeente: 'Aadorp', quality: 1 }));
    symlinkSync(join('archief', 's.yaml'), join(dir, 'link.yaml'));
    const result = kader(['check', 'link.yaml', '--migrate', '--framework', v2], { cwd: dir });
    expect(result.code).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'archief', 's.yaml'), 'utf8')).toContain('TK-T1-01z:');
  });

  it('a link to nothing is refused, not replaced', () => {
    const dir = tempDir();
    symlinkSync(join('weg', 's.yaml'), join(dir, 'link.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01c: Nieuw\n');
    const result = kader(['interview', 'link.yaml', '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--answers', 'a.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`kader: ${join(dir, 'link.yaml')}: is een symbolische link naar een bestand dat niet bestaat; kader schrijft niet in plaats van de link\n`);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
  });
});

describe('4. the PDF is printed in a private folder, then moved into place', () => {
  it('Chromium never writes at a predictable path beside the output', () => {
    const dir = tempDir();
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    // A stand-in for Chromium: records where it is told to print, and prints there.
    const fake = join(dir, 'fake-chromium');
    writeFileSync(
      fake,
      `#!${process.execPath}\nconst fs = require('fs');\nconst arg = process.argv.find((a) => a.startsWith('--print-to-pdf='));\nconst target = arg.slice('--print-to-pdf='.length);\nfs.writeFileSync(${JSON.stringify(join(dir, 'where.txt'))}, target);\nfs.writeFileSync(target, '%PDF-1.4 nep');\n`,
    );
    chmodSync(fake, 0o755);
    const result = kader(['report', 's.yaml', '--framework', FRAMEWORK, '--format', 'pdf', '-o', 'r.pdf'], { cwd: dir, env: { CHROME_PATH: fake } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const where = readFileSync(join(dir, 'where.txt'), 'utf8');
    expect(where.startsWith(dir)).toBe(false);
    expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('%PDF-1.4 nep');
    expect(statSync(join(dir, 'r.pdf')).mode & 0o777).toBe(0o600);
    expect(existsSync(where)).toBe(false); // the private folder is gone
    expect(readdirSync(dir).sort()).toEqual(['fake-chromium', 'r.pdf', 's.yaml', 'where.txt']);
  });
});

describe('5. a new session on a full disk leaves nothing behind', () => {
  it('interview --answers: no empty session, no folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), `TK-T1-01c: { value: Antwoord, note: "${'Een lange notitie over de werkwijze. '.repeat(60)}" }\n`);
    // ulimit -f makes every write past 1 KiB fail with EFBIG, as a full disk fails with ENOSPC;
    // the empty session would fit, the one with the answer does not.
    const result = spawnSync('bash', ['-c', `ulimit -f 1; trap '' XFSZ; exec "$0" "$@"`, process.execPath, BIN, 'interview', 'nieuw/s.yaml', '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--answers', 'a.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stderr).toMatch(/^kader: .*s\.yaml: kan niet geschreven worden \(EFBIG\)\n$/);
    expect(result.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

describe('6. reports and folders are private by default', () => {
  it('a report is written 0600, also over an earlier 0644 one', () => {
    const dir = tempDir();
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    writeFileSync(join(dir, 'r.html'), 'oud', { mode: 0o644 });
    for (const [format, out] of [['md', 'r.md'], ['html', 'r.html'], ['csv', 'r.csv'], ['docx', 'r.docx']]) {
      expect(kader(['report', 's.yaml', '--framework', FRAMEWORK, '--format', format!, '-o', out!], { cwd: dir }).code).toBe(0);
      expect(statSync(join(dir, out!)).mode & 0o777, out).toBe(0o600);
    }
  });

  it('folders made for a new session are 0700', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01c: Antwoord\n');
    expect(kader(['interview', 'metingen/2026/s.yaml', '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--answers', 'a.yaml'], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, 'metingen')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'metingen', '2026')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'metingen', '2026', 's.yaml')).mode & 0o777).toBe(0o600);
  });

  it('kader init still writes a framework anyone may read', () => {
    const dir = tempDir();
    const result = kader(['init', 'framework', 'mijn-kader'], { cwd: dir });
    expect(result.code).toBe(0);
    const made = readdirSync(dir).find((f) => f.endsWith('.yaml'))!;
    expect(statSync(join(dir, made)).mode & 0o777).toBe(0o644);
  });
});


/**
 * One verdict on what is YAML (issue #22): the seven documents of the YAML test suite that the
 * old fast path (js-yaml) accepted and the careful parser rejects, embedded in a session and in
 * a framework, give the same syntax error, at the same line:column, in every command; and a
 * valid session the fast reader gives up on is judged by the careful parser, never skipped
 * (issue #16, item 12).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { FIXTURES, kader, ROOT, tempDir } from './helpers.js';
import { generateSession, loadFramework, writeSession } from './support/gemeenten.js';
import { validateFrameworkFile } from '../src/framework/validate.js';
import type { Framework } from '../src/framework/types.js';

const nl = messages('nl').yaml;
const SESSION = readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8');
const FRAMEWORK = readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8');

/** Replace `from` by `to` once, failing loudly when the fixture changed under the test. */
const edit = (from: string, to: string) => (text: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

interface Case {
  id: string;
  session: (text: string) => string;
  sessionAt: string;
  framework: (text: string) => string;
  frameworkAt: string;
  message: string;
}

/** Each case as a user would write it, with where the error is and what it says. */
const CASES: Case[] = [
  {
    id: 'SU5Z (no space before #)',
    session: edit('  gemeente: Testdorp\n', '  gemeente: "Testdorp"# opmerking\n'),
    sessionAt: '11:23',
    framework: edit('publisher: kader-project\n', 'publisher: "kader-project"# opmerking\n'),
    frameworkAt: '7:27',
    message: nl.commentSpace,
  },
  {
    id: 'QB6E (quoted text continued on a line indented too little)',
    session: edit('  team: Wijkteam Oost\n', '  team: "Wijkteam\nOost"\n'),
    sessionAt: '13:1',
    framework: edit('publisher: kader-project\n', 'publisher: "kader\nproject"\n'),
    frameworkAt: '8:1',
    message: nl.quoteContinuation,
  },
  {
    id: '9C9N (flow collection over lines, indented too little)',
    session: edit('  interviewers:\n    - inspecteur A\n', '  interviewers: [inspecteur A,\n  inspecteur B]\n'),
    sessionAt: '16:3',
    framework: edit('thresholds: { meets: 0.75, partly: 0.4 }\n', 'thresholds: { meets: 0.75,\npartly: 0.4 }\n'),
    frameworkAt: '24:1',
    message: nl.flowIndent,
  },
  {
    id: '9KBC (a mapping on the --- line)',
    session: edit('\nkader: 1\n', '\n--- kader: 1\n'),
    sessionAt: '3:5',
    framework: edit('\nkader: 1\n', '\n--- kader: 1\n'),
    frameworkAt: '2:5',
    message: nl.markerLine,
  },
  {
    id: 'DK95 (a tab in the indentation)',
    session: edit('  team: Wijkteam Oost\n', '  \tteam: Wijkteam Oost\n'),
    sessionAt: '12:3',
    framework: edit('  - { id: gemeente, label: Gemeente }\n', '  \t- { id: gemeente, label: Gemeente }\n'),
    frameworkAt: '14:3',
    message: nl.tabIndent,
  },
  {
    id: 'Y79Y (a tab in a block scalar)',
    session: edit('  team: Wijkteam Oost\n', '  team: |\n\t\n'),
    sessionAt: '13:1',
    framework: edit('publisher: kader-project\n', 'publisher: |\n\t\n'),
    frameworkAt: '8:1',
    message: nl.tabIndent,
  },
  {
    id: 'S98Z (block scalar with more-indented leading empty lines)',
    session: edit('  team: Wijkteam Oost\n', '  team: >\n      \n    Wijkteam Oost\n'),
    sessionAt: '14:5',
    framework: edit('publisher: kader-project\n', 'publisher: >\n    \n  kader-project\n'),
    frameworkAt: '9:3',
    message: nl.blockLeadingSpaces,
  },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The error as each command shows it: the stylish line of check and validate ("  L:C  fout
 * message"), aggregate's note ("file: ongeldig bestand: L:C message"), or "file:L:C message"
 * in the one-line errors of the other commands.
 */
function expectSaid(result: { code: number | null; stdout: string; stderr: string }, file: string, at: string, message: string): void {
  const out = result.stdout + result.stderr;
  expect(out).toMatch(new RegExp(`(${escape(`${file}:${at} `)}|^ +${escape(at)} +fout +|${escape(`${file}: ongeldig bestand: ${at} `)})${escape(message)}`, 'm'));
  expect(out).not.toContain('interne fout');
  expect(result.code).toBe(1);
}

/** The test framework, for saves: a save settles the session against its framework first. */
function testFramework(): Framework {
  return validateFrameworkFile(join(FIXTURES, 'frameworks', 'valid.yaml'), 'valid.yaml', messages('nl')).framework!;
}

describe('one verdict on YAML in every command (issue #22)', () => {
  for (const c of CASES) {
    it(`${c.id} in a session: check, validate, report, aggregate, interview --answers and plan --status say the same`, () => {
      const dir = tempDir();
      copyFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), join(dir, 'fw.yaml'));
      const broken = c.session(SESSION);
      writeFileSync(join(dir, 's.yaml'), broken);
      writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: { value: voldoet }\n');
      const run = (...args: string[]) => kader(args, { cwd: dir });
      expectSaid(run('check', 's.yaml', '--framework', 'fw.yaml'), 's.yaml', c.sessionAt, c.message);
      expectSaid(run('validate', 's.yaml'), 's.yaml', c.sessionAt, c.message);
      expectSaid(run('report', 's.yaml', '--framework', 'fw.yaml'), 's.yaml', c.sessionAt, c.message);
      expectSaid(run('aggregate', 's.yaml', '--framework', 'fw.yaml'), 's.yaml', c.sessionAt, c.message);
      expectSaid(run('interview', 's.yaml', '--answers', 'a.yaml', '--framework', 'fw.yaml'), 's.yaml', c.sessionAt, c.message);
      expectSaid(run('plan', 's.yaml', '--status', 'A1=gereed', '--framework', 'fw.yaml'), 's.yaml', c.sessionAt, c.message);
      // Nothing was written over the broken session.
      expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(broken);
    }, 60_000);

    it(`${c.id} in a framework: the same six commands say the same`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'fw.yaml'), c.framework(FRAMEWORK));
      writeFileSync(join(dir, 's.yaml'), SESSION);
      writeFileSync(join(dir, 'a.yaml'), 'TK-T1-01a: { value: voldoet }\n');
      const run = (...args: string[]) => kader(args, { cwd: dir });
      expectSaid(run('check', 's.yaml', '--framework', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expectSaid(run('validate', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expectSaid(run('report', 's.yaml', '--framework', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expectSaid(run('aggregate', 's.yaml', '--framework', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expectSaid(run('interview', 's.yaml', '--answers', 'a.yaml', '--framework', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expectSaid(run('plan', 's.yaml', '--status', 'A1=gereed', '--framework', 'fw.yaml'), 'fw.yaml', c.frameworkAt, c.message);
      expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(SESSION);
    }, 60_000);
  }
});

describe('the careful parser judges what the fast reader gives up on (issue #16, item 12)', () => {
  const V1 = join(ROOT, 'test', 'fixtures', 'frameworks', 'valid.yaml');

  /**
   * A valid session as an earlier kader wrote a note over several lines: a plain scalar spread
   * over indented lines inside a flow mapping, with a bulleted " *" line and an " &" line. The
   * subset reader gives up on it, and the old fast path then refused it unread because of the
   * " *" and " &" (they look like YAML aliases and anchors).
   */
  function oldStyleSession(dir: string): string {
    const path = writeSession(dir, 's.yaml', generateSession(loadFramework(V1), { gemeente: 'Aadorp', quality: 1 }));
    const text = readFileSync(path, 'utf8');
    const answer = /^ {2}TK-T1-01a:\n(?: {4}.*\n)+/m.exec(text);
    expect(answer).not.toBeNull();
    const spread = '  TK-T1-01a:\n    {\n      value: voldoet,\n      note: Punten\n\n        *eerste\n\n        &tweede,\n      at: "2026-11-20T10:00:00Z"\n    }\n';
    writeFileSync(path, text.replace(answer![0], spread));
    return path;
  }

  it('aggregate counts such a session instead of calling it invalid', () => {
    const dir = tempDir();
    oldStyleSession(dir);
    const result = kader(['aggregate', 's.yaml', '--framework', V1, '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as { rows: { gemeente: string }[]; notes: unknown[] };
    expect(model.rows.map((r) => r.gemeente)).toEqual(['Aadorp']);
    expect(model.notes).toEqual([]);
  });

  it('check --migrate migrates such a session instead of skipping it silently', () => {
    const dir = tempDir();
    const path = oldStyleSession(dir);
    const v2 = join(dir, 'v2.yaml');
    writeFileSync(v2, `${FRAMEWORK.replace('version: "1.0"', 'version: "2.0"').replaceAll('TK-T1-01a', 'TK-T1-01z')}migrations:\n  - from: "1.0"\n    ids: { TK-T1-01a: TK-T1-01z }\n`);
    const result = kader(['check', 's.yaml', '--migrate', '--framework', v2], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('s.yaml: omgezet van versie 1.0 naar 2.0 (1 antwoord naar een nieuw id)\n');
    expect(result.code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('TK-T1-01z:');
    expect(text).toContain('note: "Punten\\n*eerste\\n&tweede"');
  });
});

describe('no save ends in an internal error (issue #22)', () => {
  it('a session file the careful parser cannot write is refused with file and line:column, and nothing is written', async () => {
    const { SessionFile } = await import('../src/session/file.js');
    const { FileError } = await import('../src/core/files.js');
    const { makeSession } = await import('./helpers.js');
    const dir = tempDir();
    const path = join(dir, 's.yaml');
    const broken = SESSION.replace('  gemeente: Testdorp\n', '  gemeente: "Testdorp"# opmerking\n');
    writeFileSync(path, broken);
    const file = SessionFile.fromText(path, broken, messages('nl'));
    let thrown: unknown;
    try {
      file.save(makeSession(), testFramework());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FileError);
    expect((thrown as Error).message).toBe(`${path}:11:23 kan niet worden opgeslagen: de YAML klopt niet (${nl.commentSpace}); er is niets geschreven. Herstel het bestand en probeer het opnieuw`);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });
});

describe('saving many answers takes linear work (issue #16, item 7)', () => {
  it('sets each changed answer without searching the answers mapping for it', async () => {
    const { SessionFile } = await import('../src/session/file.js');
    const { makeSession } = await import('./helpers.js');
    // The yaml package's own identity module: YAMLMap.findPair calls isPair through it for every
    // pair it passes. setIn per answer searched the whole mapping: n² calls for n answers.
    const identity = createRequire(import.meta.url)(join(ROOT, 'node_modules', 'yaml', 'dist', 'nodes', 'identity.js')) as { isPair: (node: unknown) => boolean };
    const original = identity.isPair;
    let calls = 0;
    identity.isPair = (node: unknown) => {
      calls++;
      return original(node);
    };
    try {
      const dir = tempDir();
      const path = join(dir, 's.yaml');
      const first = makeSession({ answers: { A: { value: 'ja', at: '2026-11-20T10:00:00Z' } } });
      SessionFile.create(path, first, messages('nl')).save(first, testFramework());
      const { file } = SessionFile.read(path, 's.yaml', messages('nl'));
      const n = 3000;
      const answers = Object.fromEntries(Array.from({ length: n }, (_, i) => [`Q-${i}`, { value: `tekst ${i}`, note: `regel 1\nregel ${i}`, at: '2026-11-20T10:00:00Z' }]));
      calls = 0;
      file.save(makeSession({ answers: { ...first.answers, ...answers } }), testFramework());
      // About 80 calls per answer now (creating and writing nodes); n²/2 = 4.5 million before.
      expect(calls).toBeLessThan(200 * n);
      // And what was written reads back as what was saved.
      expect((SessionFile.read(path, 's.yaml', messages('nl')).text.match(/^ {2}Q-\d+: \{/gm) ?? []).length).toBe(n);
    } finally {
      identity.isPair = original;
    }
  });
});

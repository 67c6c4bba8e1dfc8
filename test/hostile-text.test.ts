/**
 * Hostile or odd input that must get a clear answer (issue 16, items 9–11, 13, 14):
 * non-regular files and stdin, prototype names as ids, invalid actions files, terminal
 * control characters, and Markdown structure from user text.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const COMPLETE = join(FIXTURES, 'sessions', 'complete.yaml');

/** The built binary with `input` on stdin. */
const withStdin = (args: string[], input: string | Buffer, cwd: string) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1', KADER_LANG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('9. non-regular files and standard input', () => {
  it('a FIFO is refused at once, not waited on', () => {
    const dir = tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status).toBe(0);
    const result = kader(['validate', 'fifo.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: fifo.yaml: is geen gewoon bestand (een pipe of apparaat); geef een bestand, of - om standaardinvoer te lezen\n');
  });

  it('a device is refused, not read until memory runs out', () => {
    const result = kader(['validate', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: /dev/zero: is geen gewoon bestand (een pipe of apparaat); geef een bestand, of - om standaardinvoer te lezen\n');
  });

  it('- reads standard input, for validate, check, --answers and --actions', () => {
    const dir = tempDir();
    expect(withStdin(['validate', '-'], readFileSync(FRAMEWORK), dir)).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
    expect(withStdin(['check', '-', '--framework', FRAMEWORK], readFileSync(COMPLETE), dir).code).toBe(0);
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    expect(withStdin(['interview', 's.yaml', '--framework', FRAMEWORK, '--answers', '-'], 'TK-T1-01c: Van stdin\n', dir).code).toBe(0);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toContain('Van stdin');
    const actions = 'actions:\n  - { criterion: TK-T1-01, what: Iets, owner: team, due: "2099-01-01", indicator: klaar }\n';
    expect(withStdin(['plan', 's.yaml', '--framework', FRAMEWORK, '--actions', '-'], actions, dir)).toMatchObject({ code: 0, stdout: 'Actie A1 opgeslagen.\n' });
  });

  it('standard input over the size limit is refused while reading', () => {
    const big = `kader: 1\nnotitie: "${'x'.repeat(11 * 1024 * 1024)}"\n`;
    const result = withStdin(['validate', '-'], big, tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: stdin: bestand is groter dan 10 MB; zo groot is geen kwaliteitskader\n');
  });
});

describe('10. prototype names as ids', () => {
  const setup = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.yaml'), readFileSync(FRAMEWORK, 'utf8').replaceAll('TK-T2-01c', 'constructor').replaceAll('TK-T2-01e', 'toString'));
    const session = readFileSync(COMPLETE, 'utf8').replace(/^ {2}TK-T2-01[cde]:.*\n/gm, '').replace('status: complete', 'status: in-progress');
    writeFileSync(join(dir, 's.yaml'), session);
    return dir;
  };

  it('an unanswered question named constructor or toString is open, not answered', () => {
    const dir = setup();
    expect(kader(['validate', 'f.yaml'], { cwd: dir }).code).toBe(0);
    const result = kader(['check', 's.yaml', '--framework', 'f.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('sessie is niet af: 2 verplichte vragen open (constructor, toString)  incomplete');
  });

  it('report works and counts them as open', () => {
    const dir = setup();
    const result = kader(['report', 's.yaml', '--framework', 'f.yaml', '--format', 'json'], { cwd: dir });
    // The two questions named constructor and toString are open: the plan is a draft, and says so.
    expect(result.stderr).toBe('kader: s.yaml is nog niet af (2 verplichte vragen open): het verbeterplan is een concept en zegt dat op de eerste regels\n');
    expect(JSON.parse(result.stdout).session).toMatchObject({ status: 'in-progress', openRequired: 2 });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).session.answered).toBe(5);
  });

  it('answering them completes the session', () => {
    const dir = setup();
    writeFileSync(join(dir, 'a.yaml'), 'constructor: false\ntoString: wethouder\n');
    const result = kader(['interview', 's.yaml', '--framework', 'f.yaml', '--answers', 'a.yaml'], { cwd: dir });
    expect(result.stdout).toBe('2 antwoorden toegevoegd aan s.yaml. Alle verplichte vragen zijn beantwoord; sessie afgerond: s.yaml\n');
    expect(kader(['check', 's.yaml', '--framework', 'f.yaml'], { cwd: dir }).stdout).not.toContain('incomplete');
  });
});

describe('11. plan --actions is checked completely before anything is written', () => {
  it('an unknown key, a bad id, a non-mapping and a stray top-level key are refused, all or nothing', () => {
    const dir = tempDir();
    copyFileSync(COMPLETE, join(dir, 's.yaml'));
    const before = readFileSync(join(dir, 's.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'acties.yaml'),
      [
        'actions:',
        '  - { id: "A 9/..", criterion: TK-T1-01, what: Iets, owner: team, due: "2099-01-01", indicator: klaar }',
        '  - { criterion: TK-T1-01, what: Iets, owner: team, due: "2099-01-01", indicator: klaar, kleur: rood }',
        '  - gewoon een zin',
        '  - { criterion: TK-T1-01, what: Goed, owner: team, due: "2099-01-01", indicator: klaar }',
        'extra: 1',
        '',
      ].join('\n'),
    );
    const result = kader(['plan', 's.yaml', '--framework', FRAMEWORK, '--actions', 'acties.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'acties.yaml',
        '  2:11  fout          mag alleen letters, cijfers, punten, streepjes en liggende streepjes bevatten en moet met een letter of cijfer beginnen  schema',
        '  3:90  fout          onbekende sleutel "kleur"  schema',
        '  4:5   fout          moet een mapping (sleutel: waarde) zijn  schema',
        '  6:1   fout          onbekende sleutel "extra"  schema',
        '',
        '✖ 4 problemen (4 fouten, 0 waarschuwingen)',
        'kader: acties.yaml: acties niet toegevoegd; de sessie is niet gewijzigd',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before);
    // And the session still opens everywhere.
    expect(kader(['check', 's.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
  });
});

describe('13. terminal control characters are shown, not obeyed', () => {
  const ESC_TITLE = '\\e]0;KAPOT\\a'; // in YAML: set the terminal's window title
  const hostile = (dir: string) => {
    const text = readFileSync(FRAMEWORK, 'utf8')
      .replace('title: Veiligheid wordt bij de start beoordeeld', `title: "Veiligheid ${ESC_TITLE} bij de start"`)
      .replace('text: Wat ontbreekt er?', 'text: "Wat \\e[2J ontbreekt er?"');
    writeFileSync(join(dir, 'f.yaml'), text);
  };

  it('validate (stylish): a key with ESC in a finding', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.yaml'), `${readFileSync(FRAMEWORK, 'utf8')}"\\e[31mrood\\e[0m": 1\n`);
    const result = kader(['validate', 'f.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toContain('onbekende sleutel "\\x1b[31mrood\\x1b[0m"');
  });

  it('show (tree and Markdown)', () => {
    const dir = tempDir();
    hostile(dir);
    for (const format of ['tree', 'md']) {
      const result = kader(['show', 'f.yaml', '--format', format], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(result.stdout).toContain('Veiligheid \\x1b]0;KAPOT\\x07 bij de start');
      expect(result.stdout).toContain('Wat \\x1b[2J ontbreekt er?');
    }
  });

  it("frameworks (a local framework's title)", () => {
    const dir = tempDir();
    hostile(dir);
    writeFileSync(join(dir, 'f.yaml'), readFileSync(join(dir, 'f.yaml'), 'utf8').replace(/^title: .*$/m, `title: "Kader ${ESC_TITLE}"`));
    const result = kader(['--frameworks-dir', dir, 'frameworks'], { cwd: dir });
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stdout).toContain('Kader \\x1b]0;KAPOT\\x07');
  });

  it('kader: error lines (a file name with ESC)', () => {
    const dir = tempDir();
    const result = kader(['validate', 'weg\x1b[2J.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kader: weg\\x1b[2J.yaml: bestand of map bestaat niet\n');
    expect(kader(['show', 'weg\x1b[2J.yaml'], { cwd: dir }).stderr).not.toContain('\x1b');
  });

  it('plan --list', () => {
    const dir = tempDir();
    const action = '  - { id: A1, criterion: TK-T1-01, what: "Wis \\e[2J\\rscherm \\u202Ekeer", owner: team, due: "2099-01-01", priority: hoog, indicator: klaar, status: open }\n';
    writeFileSync(join(dir, 's.yaml'), readFileSync(COMPLETE, 'utf8').replace('actions: []\n', `actions:\n${action}`));
    const result = kader(['plan', 's.yaml', '--framework', FRAMEWORK, '--list'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(result.stdout).toContain('Wis \\x1b[2J\\x0dscherm \\u202ekeer');
  });

  it.skipIf(!hasTmux)('the interview', async () => {
    const dir = tempDir();
    hostile(dir);
    writeFileSync(join(dir, 'leeg.yaml'), '{}\n');
    expect(kader(['interview', 's.yaml', '--framework', 'f.yaml', '--gemeente', 'Testdorp', '--answers', 'leeg.yaml'], { cwd: dir }).code).toBe(0);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework f.yaml --respondent teamleider`);
    const shown = await waitFor('KAPOT');
    expect(shown).toContain('Veiligheid \\x1b]0;KAPOT\\x07 bij de start');
  }, 20_000);
});

describe('14. user text stays text in Markdown', () => {
  const md = new MarkdownIt({ linkify: true });
  // GFM links bare URLs, www. names and addresses, not every word with a dot.
  md.linkify.set({ fuzzyLink: false });

  it('a motivation and a note cannot make a heading, a list, a rule, code or a link', () => {
    const hostile = [
      'Motivering\n=',
      'Tekst\n---',
      'x\n1) y',
      'x\n2. y',
      'x\n+ y',
      'x\n\n    code',
      'zie https://example.org/pad en www.example.org of info@example.org',
    ];
    /** The report for a session with these texts in a note and in a judgement's motivation. */
    const report = (texts: string[]) => {
      const dir = tempDir();
      const judgement = `judgements:\n  TK-T1-01: { verdict: partly, motivation: ${JSON.stringify(texts.join('\n\n'))}, at: "2026-11-23T14:31:00Z" }\n`;
      const session = readFileSync(COMPLETE, 'utf8')
        .replace('note: "Werkinstructie is er, wordt niet altijd gebruikt"', `note: ${JSON.stringify(texts.join('\n'))}`)
        .replace('actions: []\n', `${judgement}actions: []\n`);
      writeFileSync(join(dir, 's.yaml'), session);
      const result = kader(['report', 's.yaml', '--framework', FRAMEWORK, '--allow-personal-data'], { cwd: dir });
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const tags = (markdown: string) => md.render(markdown).match(/<[a-z][a-z0-9]*/g);
    const raw = report(hostile);
    // The same texts as plain words (same lines and blank lines) give the same HTML elements.
    const plain = report(hostile.map((text) => text.replace(/^[ \t]+/gm, '').replace(/\S+/g, 'w')));
    expect(tags(raw)).toEqual(tags(plain));
    expect(md.render(raw)).not.toMatch(/href="(https:\/\/example\.org\/pad|http:\/\/www\.example\.org|mailto:info@)/);
    // The raw file stays readable: the words are there, with a backslash at most.
    expect(raw).toContain('https\\://example.org/pad');
    expect(raw).toContain('Motivering\n\\=');
    expect(raw).toContain('x\n1\\) y');
  });
});

describe('13. control characters in the interview\'s own lines', () => {
  it('the start screen and the critical summary show a framework\'s ESC visibly', async () => {
    const { frameworkIntro } = await import('../src/cli/commands/interview.js');
    const { Chalk } = await import('chalk');
    const { messages } = await import('../src/i18n/index.js');
    const ctx = { msgs: messages('nl'), chalk: new Chalk({ level: 0 }) } as unknown as Parameters<typeof frameworkIntro>[0];
    const framework = {
      title: 'Kader\u001b[2J',
      version: '1.0',
      provenance: { status: 'reconstruction', disclaimer: 'Geen officiële tekst\u001b]0;titel\u0007' },
    } as unknown as Parameters<typeof frameworkIntro>[1];
    const intro = frameworkIntro(ctx, framework);
    expect(intro).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(intro).toContain('Kwaliteitskader: Kader\\x1b[2J, versie 1.0');
    expect(intro).toContain('Geen officiële tekst\\x1b]0;titel\\x07');
  });
});

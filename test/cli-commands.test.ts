import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kader, tempDir } from './helpers.js';

const COMMANDS = ['frameworks', 'show', 'validate', 'schema', 'init', 'completion', 'interview', 'check', 'plan', 'report', 'compare', 'form', 'import'];

describe('kader basics', () => {
  it('--version matches package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(kader(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('with no arguments prints Dutch help listing every command', () => {
    const result = kader([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Gebruik: kader [opties] [opdracht]');
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS)('%s --help has a description and an example, in Dutch and English', (command) => {
    const nl = kader([command, '--help']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/\nVoorbeeld(en)?:\n {2}\$ kader /);
    const en = kader([command, '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/\nExamples?:\n {2}\$ kader /);
    expect(en.stdout).toContain('Usage: kader');
  });
});

describe('kader frameworks', () => {
  it('lists the bundled frameworks with version and number of criteria', () => {
    const result = kader(['frameworks']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+versie\s+criteria\s+tekst\s+titel$/);
    expect(lines.find((line) => line.startsWith('werken-aan-veiligheid '))).toMatch(/\sreconstructie\s/);
    const ids = lines.slice(1).map((line) => line.split(/\s+/)[0]);
    expect(ids.sort()).toEqual(['clientperspectief', 'meldcode-en-radarfunctie', 'samenwerkingsafspraken', 'tsd-lokaal-netwerk', 'veilig-thuis', 'veiligheid-voorop', 'werken-aan-veiligheid']);
  });

  it('adds a local folder; a local file with a bundled id replaces it with a notice', () => {
    const dir = tempDir();
    const own = readFileSync('test/fixtures/frameworks/valid.yaml', 'utf8');
    writeFileSync(join(dir, 'eigen.yaml'), own);
    writeFileSync(join(dir, 'schaduw.yaml'), own.replace('id: test-kader', 'id: veiligheid-voorop').replace('title: Testkader voor de linter', 'title: Eigen versie'));
    const result = kader(['frameworks', '--format', 'json', '--frameworks-dir', dir]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; origin: string; title: string; criteria: number }[];
    expect(rows.find((r) => r.id === 'test-kader')).toMatchObject({ origin: 'local', criteria: 2 });
    expect(rows.find((r) => r.id === 'veiligheid-voorop')).toMatchObject({ origin: 'local', title: 'Eigen versie' });
    expect(result.stderr).toMatch(/^kader: eigen kwaliteitskader .*schaduw\.yaml vervangt het meegeleverde kwaliteitskader "veiligheid-voorop" \(frameworks\/veiligheid-voorop\.yaml\)\n$/);
  });

  it('exits 2 when --frameworks-dir does not exist', () => {
    expect(kader(['frameworks', '--frameworks-dir', 'nergens'])).toMatchObject({ code: 2, stderr: 'kader: nergens: bestand of map bestaat niet\n' });
  });
});

describe('kader show', () => {
  it('prints a tree with criteria, flags, questions and skip logic', () => {
    const result = kader(['show', 'test/fixtures/frameworks/valid.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 14)).toEqual([
      'Testkader voor de linter (test-kader 1.0)',
      'uitgever: kader-project · vastgesteld: 2024-01-15 · bron: https://example.org/testkader',
      'Status van de tekst: officiële tekst van de uitgever',
      'Testkader, geen echte uitgave.',
      'doelgroepen: lokaal-team (Lokaal team), gemeente (Gemeente)',
      'grenzen: voldoet ≥ 0,75, voldoet gedeeltelijk ≥ 0,4',
      '',
      'T1 Veiligheid — 1 criterium',
      '└─ TK-T1-01 Veiligheid wordt bij de start beoordeeld [kritiek] (gewicht 2) · Rust op: officiële tekst',
      '   ├─ TK-T1-01a Beoordeelt het team de veiligheid bij de start? (schaal voldoet)',
      '   ├─ TK-T1-01b Wat ontbreekt er? (meerkeuze; alleen als TK-T1-01a ∈ {deels, voldoet-niet})',
      '   └─ TK-T1-01c Toelichting (tekst; niet verplicht; alleen als een van(TK-T1-01b = tijd; niet(TK-T1-01a is beantwoord)))',
      '',
      'T2 Regie — 1 criterium',
    ]);
  });

  it('finds bundled frameworks by id and prints Markdown and JSON', () => {
    const md = kader(['show', 'werken-aan-veiligheid', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# ')).toBe(true);
    expect(md.stdout).toMatch(/^### WAV-\S+ /m);
    const json = kader(['show', 'tsd-lokaal-netwerk', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'framework', id: 'tsd-lokaal-netwerk' });
  });

  it('names the available frameworks when the id is unknown', () => {
    const result = kader(['show', 'onbekend']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'kader: kwaliteitskader "onbekend" niet gevonden; beschikbaar: clientperspectief, meldcode-en-radarfunctie, samenwerkingsafspraken, tsd-lokaal-netwerk, veilig-thuis, veiligheid-voorop, werken-aan-veiligheid (of geef een pad naar een .yaml-bestand)\n',
    );
  });

  it('refuses a broken framework file with its first finding', () => {
    const result = kader(['show', 'test/fixtures/frameworks/broken/scale-ref.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'kader: test/fixtures/frameworks/broken/scale-ref.yaml bevat 1 fout; draai eerst kader validate test/fixtures/frameworks/broken/scale-ref.yaml (test/fixtures/frameworks/broken/scale-ref.yaml:70:20 schaal "volwassenheid" bestaat niet; gedefinieerd: voldoet)\n',
    );
  });
});

describe('kader schema', () => {
  it('refuses an unknown schema name', () => {
    expect(kader(['schema', 'sessie'])).toMatchObject({ code: 2, stderr: 'kader: onbekend schema "sessie"; kies uit: framework, session, answers\n' });
  });
});

describe('kader init framework', () => {
  it('writes a framework that validates as written, which KADER_FRAMEWORKS then lists', () => {
    const dir = tempDir();
    expect(kader(['init', 'framework', 'mijn-regio'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout:
        'Schema geschreven: schemas/framework.schema.json. Zet het mee in git: de $schema-regel in het kwaliteitskader wijst ernaar\n' +
        'Kwaliteitskader aangemaakt: mijn-regio.yaml. Pas de teksten aan en controleer met kader validate mijn-regio.yaml\n',
    });
    const text = readFileSync(join(dir, 'mijn-regio.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/framework\.schema\.json$/);
    expect(kader(['validate', '--fail-on', 'warning', 'mijn-regio.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
    const listed = kader(['frameworks', '--format', 'json'], { cwd: dir, env: { KADER_FRAMEWORKS: dir } });
    expect((JSON.parse(listed.stdout) as { id: string; origin: string }[]).find((f) => f.id === 'mijn-regio')).toMatchObject({ origin: 'local' });
  });

  it('refuses a bad id and an existing file', () => {
    const dir = tempDir();
    expect(kader(['init', 'framework', 'Mijn_Regio'], { cwd: dir })).toMatchObject({ code: 2 });
    writeFileSync(join(dir, 'bestaat.yaml'), 'a: 1\n');
    expect(kader(['init', 'framework', 'bestaat'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'kader: bestaat.yaml bestaat al; kies een ander id of -o\n' });
    expect(readFileSync(join(dir, 'bestaat.yaml'), 'utf8')).toBe('a: 1\n');
    expect(kader(['init', 'sessie', 'x'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'kader: kader init kent alleen "framework", niet "sessie"\n' });
  });
});

describe('kader completion', () => {
  it('bash: completes commands, options per command and their values, from the same definitions as --help', () => {
    const script = kader(['completion', 'bash']).stdout;
    const complete = (words: string[]) => {
      const array = words.map((w) => `'${w}'`).join(' ');
      const result = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _kader; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
      return result.stdout.trim();
    };
    expect(complete(['kader', 'val'])).toBe('validate');
    expect(complete(['kader', 'report', 's.yaml', '--format', ''])).toBe('md html json pdf csv docx');
    expect(complete(['kader', 'report', 's.yaml', '--separator', ''])).toBe(', ;');
    expect(complete(['kader', 'validate', '--format', ''])).toBe('stylish json github junit sarif');
    expect(complete(['kader', 'check', '--fa'])).toBe('--fail-on');
    expect(complete(['kader', 'check', '--lang', 'e'])).toBe('en');
    // Framework ids (#17): for show, --framework and schema answers.
    expect(complete(['kader', 'show', 'werken'])).toBe('werken-aan-veiligheid');
    expect(complete(['kader', 'interview', '--framework', 'veilig'])).toBe('veilig-thuis veiligheid-voorop');
    expect(complete(['kader', 'schema', 'answers', 'samen'])).toBe('samenwerkingsafspraken');
    expect(kader(['completion', 'zsh']).stdout).toContain('bashcompinit');
    expect(kader(['completion', 'fish'])).toMatchObject({ code: 2, stderr: 'kader: ongeldige waarde "fish" voor <shell>; kies uit: bash, zsh\n' });
  });
});

describe('help in English', () => {
  it('shows placeholders in English too, and global options without a command give the help', () => {
    const help = kader(['report', '--help', '--lang', 'en']).stdout;
    expect(help.split('\n')[0]).toBe('Usage: kader report [options] <session>');
    expect(help).toContain('  -o, --out <file>');
    expect(kader(['show', '--lang', 'en'])).toMatchObject({ code: 2, stderr: 'kader: missing argument <framework>\n' });
    const bare = kader(['--lang', 'en']);
    expect(bare.code).toBe(0);
    expect(`${bare.stdout}${bare.stderr}`).toContain('Usage: kader [options] [command]');
  });
});

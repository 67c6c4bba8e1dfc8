/**
 * A verbeterplan claims only what the session supports: each of the seven reproductions of the
 * issue "A verbeterplan that claims nothing it did not measure", on the built binary, with a
 * small framework (test/fixtures/frameworks/truth.yaml) whose every outcome is known.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

const FRAMEWORK = join(FIXTURES, 'frameworks', 'truth.yaml');

afterAll(killTmux);

/** A new session from an answers file, made as a user would: `kader interview --answers`. */
function session(dir: string, name: string, answers: string, extra: string[] = []): string {
  writeFileSync(join(dir, `${name}.answers.yaml`), answers);
  const made = kader(['interview', `${name}.yaml`, '--framework', FRAMEWORK, '--gemeente', 'Zeist', '--date', '2026-11-20', '--answers', `${name}.answers.yaml`, ...extra], { cwd: dir });
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  return `${name}.yaml`;
}

const report = (dir: string, file: string, ...args: string[]) => kader(['report', file, '--framework', FRAMEWORK, ...args], { cwd: dir });

/** Every criterion answered: W-K1 voldoet + deels, W-K2 onbekend + voldoet, W-C1 voldoet + deels, W-C2 onbekend. */
const MIXED = ['W-K1a: voldoet', 'W-K1b: deels', 'W-K2a: onbekend', 'W-K2b: voldoet', 'W-C1a: voldoet', 'W-C1b: deels', 'W-C2a: onbekend', ''].join('\n');

describe('1. unassessed is never shown as met', () => {
  it('a session with one answer is a draft on its first lines, lists open critical criteria by name and warns on stderr', () => {
    const dir = tempDir();
    const file = session(dir, 's', 'W-C2a: voldoet\n');
    const md = report(dir, file);
    expect(md.code).toBe(0);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toBe('# Verbeterplan Zeist (concept)');
    expect(lines[2]).toBe('> **Concept — nog niet alle vragen beantwoord: nog 6 verplichte vragen zijn open. De conclusies gelden alleen voor wat al beoordeeld is.**');
    expect(md.stdout).not.toMatch(/Alle .*kritieke criteria voldoen/);
    expect(md.stdout).not.toContain('Geen verbeterpunten');
    expect(md.stdout).toContain('Geen van de 2 kritieke criteria voldoet. Nog niet voldaan of niet bekend:\n\n- **W-K1 Veiligheid beoordelen** — nog niet beoordeeld\n- **W-K2 Opnieuw melden** — nog niet beoordeeld\n');
    expect(md.stdout).toContain('In de beoordeelde criteria is geen verbeterpunt gevonden. 3 criteria zijn nog niet beoordeeld; daarover zegt dit plan nog niets.');
    expect(md.stderr).toBe('kader: s.yaml is nog niet af (6 verplichte vragen open): het verbeterplan is een concept en zegt dat op de eerste regels\n');

    const html = report(dir, file, '--format', 'html').stdout;
    expect(html).toContain('<h1>Verbeterplan Zeist (concept)</h1>\n<p class="draft" role="note">Concept — nog niet alle vragen beantwoord: nog 6 verplichte vragen zijn open.');
    const json = JSON.parse(report(dir, file, '--format', 'json').stdout);
    expect(json.session).toMatchObject({ status: 'in-progress', openRequired: 6 });
    expect(json.summary.allCriticalMet).toBe(false);
    expect(json.planOrder).toEqual(['W-K1', 'W-K2']);
  });

  it('an empty session says the plan says nothing yet, not that the assessed criteria are fine', () => {
    const dir = tempDir();
    const md = report(dir, session(dir, 's', '{}\n')).stdout;
    expect(md).toContain('## Verbeterpunten per thema\n\nNog geen enkel criterium is beoordeeld: dit plan zegt nog niets over verbeterpunten.\n');
    expect(md).not.toContain('In de beoordeelde criteria');
    expect(md).toContain('Geen van de 2 kritieke criteria voldoet.');
  });

  it('says "alle kritieke criteria voldoen" only when every one does', () => {
    const dir = tempDir();
    const all = ['W-K1a: voldoet', 'W-K1b: voldoet', 'W-K2a: voldoet', 'W-K2b: nvt', 'W-C1a: voldoet', 'W-C1b: voldoet', 'W-C2a: deels', ''].join('\n');
    const md = report(dir, session(dir, 's', all));
    expect(md.stderr).toBe('');
    expect(md.stdout.split('\n')[0]).toBe('# Verbeterplan Zeist');
    expect(md.stdout).toContain('### Eerst: kritieke punten (veiligheid voorop)\n\nAlle 2 kritieke criteria voldoen.\n');
  });

  it('with the bundled zelfscan, one answer gives no "alle kritieke criteria voldoen" and names every critical criterion', () => {
    const dir = tempDir();
    const shown = JSON.parse(kader(['show', 'werken-aan-veiligheid', '--format', 'json']).stdout);
    const criteria = shown.themes.flatMap((t: { criteria: unknown[] }) => t.criteria) as { id: string; critical?: boolean; questions: { id: string; type: string }[] }[];
    const first = criteria.flatMap((c) => c.questions).find((q) => q.type === 'scale')!;
    writeFileSync(join(dir, 'a.yaml'), `${first.id}: voldoet\n`);
    expect(kader(['interview', 's.yaml', '--framework', 'werken-aan-veiligheid', '--gemeente', 'Zeist', '--answers', 'a.yaml'], { cwd: dir }).code).toBe(0);
    const md = kader(['report', 's.yaml'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(/Alle .*kritieke criteria voldoen/);
    for (const c of criteria.filter((x) => x.critical)) expect(md.stdout).toContain(`- **${c.id} `);
  });
});

describe('2 and 3. onbekend is shown, and on a critical criterion the weakest answer decides', () => {
  it('a critical criterion of voldoet + deels is partly met, one with onbekend is unknown and an improvement point', () => {
    const dir = tempDir();
    const file = session(dir, 's', MIXED);
    const json = JSON.parse(report(dir, file, '--format', 'json').stdout);
    const byId = Object.fromEntries(json.criteria.map((c: { id: string }) => [c.id, c]));
    // Mean would give 0.75, "voldoet"; the weakest answer gives 0.5.
    expect(byId['W-K1']).toMatchObject({ rule: 'weakest', outcome: 'partly', score: 0.5 });
    expect(byId['W-K2']).toMatchObject({ rule: 'weakest', outcome: 'unknown', score: null, counts: { onbekend: 1 } });
    // An ordinary criterion keeps the mean: voldoet + deels = 0.75, voldoet.
    expect(byId['W-C1']).toMatchObject({ rule: 'mean', outcome: 'meets', score: 0.75 });
    expect(byId['W-C2']).toMatchObject({ outcome: 'unknown' });
    expect(json.improvements.flatMap((g: { criteria: { id: string }[] }) => g.criteria.map((c) => c.id))).toEqual(['W-K2', 'W-K1']);
    expect(json.unresolved).toEqual({ unknown: [{ id: 'W-C2', title: 'Samenwerking', theme: 'W-B', critical: false, outcome: 'unknown' }], open: [] });

    const md = report(dir, file).stdout;
    expect(md).toContain('Geen van de 2 kritieke criteria voldoet. Nog niet voldaan of niet bekend:\n\n- **W-K2 Opnieuw melden** — onbekend\n- **W-K1 Veiligheid beoordelen** — voldoet gedeeltelijk\n');
    // Every outcome has a column, so a theme's counts add up to its criteria.
    expect(md).toContain('| Thema | Score | voldoet | voldoet gedeeltelijk | voldoet niet | onbekend | niet van toepassing | nog niet beoordeeld |');
    expect(md).toContain('| W-A Veiligheid | 50% | 0 | 1 | 0 | 1 | 0 | 0 |');
    expect(md).toContain('| W-B Organisatie | 75% | 1 | 0 | 0 | 1 | 0 | 0 |');
    expect(md).toContain('**Onbekend (niemand kon het antwoord geven):**\n\n- W-C2 Samenwerking\n');
    expect(md).toContain('Bij kritieke criteria beslist het zwakste antwoord (veiligheid voorop)');
    expect(md).toContain('2 criteria volgen het zwakste antwoord, 2 het gemiddelde');
  });

  it('a framework may set the mean for a critical criterion, and the linter says what that costs', () => {
    const dir = tempDir();
    const text = readFileSync(FRAMEWORK, 'utf8').replace('        critical: true\n        basis: official', '        critical: true\n        scoring: mean\n        basis: official');
    writeFileSync(join(dir, 'k.yaml'), text);
    const lint = kader(['validate', 'k.yaml'], { cwd: dir });
    expect(lint.stdout).toContain('waarschuwing  kritiek criterium "W-K1" neemt het gemiddelde van zijn antwoorden');
    writeFileSync(join(dir, 'a.yaml'), 'W-K1a: voldoet\nW-K1b: deels\n');
    kader(['interview', 's.yaml', '--framework', 'k.yaml', '--gemeente', 'Zeist', '--answers', 'a.yaml'], { cwd: dir });
    const json = JSON.parse(kader(['report', 's.yaml', '--framework', 'k.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.criteria[0]).toMatchObject({ id: 'W-K1', rule: 'mean', outcome: 'meets' });
  });
});

describe('4. two gemeenten are never compared as one', () => {
  it('compare and report --baseline refuse another gemeente; another team is compared with a note', () => {
    const dir = tempDir();
    const zeist = session(dir, 'zeist', MIXED);
    writeFileSync(join(dir, 'u.answers.yaml'), MIXED);
    kader(['interview', 'utrecht.yaml', '--framework', FRAMEWORK, '--gemeente', 'Utrecht', '--answers', 'u.answers.yaml'], { cwd: dir });
    const compare = kader(['compare', zeist, 'utrecht.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(compare.code).toBe(2);
    expect(compare.stdout).toBe('');
    expect(compare.stderr).toBe('kader: zeist.yaml gaat over Zeist en utrecht.yaml over Utrecht: voortgang kan alleen binnen één gemeente worden vergeleken; gebruik kader aggregate voor een overzicht van meerdere gemeenten\n');
    const baseline = report(dir, 'utrecht.yaml', '--baseline', zeist);
    expect(baseline.code).toBe(2);
    expect(baseline.stdout).toBe('');

    session(dir, 'later', MIXED, ['--team', 'Wijkteam Noord']);
    const teams = kader(['compare', zeist, 'later.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(teams.code).toBe(0);
    expect(teams.stdout).toContain('Let op: de metingen zijn van verschillende teams (toen: —, nu: Wijkteam Noord); een verschil kan ook daaruit komen.');
    expect(report(dir, 'later.yaml', '--baseline', zeist).stdout).toContain('> Let op: de metingen zijn van verschillende teams');
  });
});

describe('5. one answer to "what is open"', () => {
  it('after a merge and a judged criterion, check, check --completeness and interview --answers agree', () => {
    const dir = tempDir();
    const rest = ['W-K2a: voldoet', 'W-K2b: voldoet', 'W-C1a: voldoet', 'W-C1b: voldoet', 'W-C2a: voldoet', ''].join('\n');
    session(dir, 'a', `W-K1a: voldoet\nW-K1b: voldoet\n${rest}`, ['--respondent', 'beleid']);
    session(dir, 'b', `W-K1a: voldoet-niet\nW-K1b: voldoet\n${rest}`, ['--respondent', 'wijkteam']);
    expect(kader(['merge', 'a.yaml', 'b.yaml', '-o', 'm.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    const merged = readFileSync(join(dir, 'm.yaml'), 'utf8');
    expect(merged).not.toMatch(/^ {2}W-K1a: \{/m); // the respondents differ: kept as perspectives
    writeFileSync(join(dir, 'm.yaml'), `${merged}judgements:\n  W-K1: { verdict: partly, motivation: Het wijkteam mist de vastlegging., at: "2026-11-21T10:00:00Z" }\n`);

    expect(kader(['check', 'm.yaml', '--framework', FRAMEWORK], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 bestand gecontroleerd, geen problemen gevonden\n' });
    const table = kader(['check', 'm.yaml', '--completeness', '--framework', FRAMEWORK], { cwd: dir }).stdout;
    expect(table).toMatch(/^W-A +4 +0 +Veiligheid$/m);
    writeFileSync(join(dir, 'extra.yaml'), 'W-C2a: { value: voldoet, note: bevestigd }\n');
    const added = kader(['interview', 'm.yaml', '--framework', FRAMEWORK, '--answers', 'extra.yaml'], { cwd: dir });
    expect(added.code).toBe(0);
    expect(added.stdout).not.toContain('open');
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toMatch(/^status: complete$/m);
  });

  it('check --migrate recomputes the status when a step drops a required answer', () => {
    const dir = tempDir();
    const answers = ['W-K1-oud: voldoet', 'W-K1b: voldoet', 'W-K2a: voldoet', 'W-K2b: voldoet', 'W-C1a: voldoet', 'W-C1b: voldoet', 'W-C2-oud: voldoet']
      .map((line) => `  ${line.replace(': ', ': { value: ')}, at: "2026-01-10T10:00:00Z" }`)
      .join('\n');
    const text = readFileSync(FRAMEWORK, 'utf8').replace('ids: { W-K1-oud: W-K1a }', 'ids: { W-K1-oud: W-K1a, W-C2-oud: [] }');
    writeFileSync(join(dir, 'k.yaml'), text);
    writeFileSync(
      join(dir, 'oud.yaml'),
      `kader: 1\nkind: session\nid: 11111111-1111-4111-8111-111111111111\nframework: { id: waarheid, version: "2026.1", digest: sha256-${'0'.repeat(64)} }\ncontext: { gemeente: Zeist, date: "2026-01-10" }\nstatus: complete\nanswers:\n${answers}\n`,
    );
    const migrated = kader(['check', 'oud.yaml', '--migrate', '--framework', 'k.yaml'], { cwd: dir });
    expect(migrated.code).toBe(1);
    expect(readFileSync(join(dir, 'oud.yaml'), 'utf8')).toMatch(/^status: in-progress$/m);
    expect(migrated.stdout).toContain('sessie is niet af: 1 verplichte vraag open (W-C2a)  incomplete');
  });
});

describe('6. the framework version of a session is checked', () => {
  it('an unknown version is an error in check and report; an older one points to --migrate', () => {
    const dir = tempDir();
    const file = session(dir, 's', MIXED);
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, 'onbekend.yaml'), text.replace('version: "2026.2"', 'version: "1999.9"'));
    const check = kader(['check', 'onbekend.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/fout {10}sessie is gemaakt met versie "1999\.9" van kwaliteitskader "waarheid", maar die versie kent dit kwaliteitskader niet .* framework-version/);
    const rep = report(dir, 'onbekend.yaml');
    expect(rep.code).toBe(1);
    expect(rep.stdout).toBe('');
    expect(rep.stderr).toContain('onbekend.yaml: sessie is gemaakt met versie "1999.9" van kwaliteitskader "waarheid"');

    writeFileSync(join(dir, 'ouder.yaml'), text.replace('version: "2026.2"', 'version: "2026.1"'));
    expect(kader(['check', 'ouder.yaml', '--framework', FRAMEWORK], { cwd: dir }).stdout).toContain('Zet de sessie over met kader check --migrate');
    expect(kader(['plan', 'ouder.yaml', '--framework', FRAMEWORK, '--list'], { cwd: dir }).code).toBe(1);
    // A report reads an older version through the framework's migrations and says so.
    const older = report(dir, 'ouder.yaml');
    expect(older.code).toBe(0);
    expect(older.stderr).toContain('is voor dit verbeterplan omgezet naar 2026.2');
    // The reader of the plan sees it too, next to the version, not only the terminal.
    expect(older.stdout).toContain('| Versie | 2026.2 (de sessie is gemaakt met versie 2026.1; voor dit plan omgezet naar 2026.2 volgens de migraties van het kwaliteitskader) |');
    expect(report(dir, file).stdout).toContain('| Versie | 2026.2 |');
  });
});

describe('7. what is official and what is reconstruction is said everywhere', () => {
  it('report (md, html, docx text), show, aggregate and frameworks carry the status, the disclaimer and each basis', () => {
    const dir = tempDir();
    const file = session(dir, 's', MIXED);
    const md = report(dir, file).stdout;
    expect(md).toContain('| Status van de tekst | reconstructie door het kader-project, geen officiële tekst |');
    expect(md).toContain('> **Over dit kwaliteitskader:** Testreconstructie, geen officiële tekst van enige uitgever.');
    expect(md).toContain('*Rust op:* officiële tekst; Bronnen: [Besluit verplichte meldcode](<https://wetten.overheid.nl/BWBR0033723>)');
    expect(md).toContain('- Waar de criteria op rusten: 1 officiële tekst, 1 openbare publicatie, 1 nieuwsbericht, 1 eigen invulling van het kader-project.');
    expect(md).toContain('| W-K2 Opnieuw melden (kritiek) | onbekend | nieuwsbericht | Nieuwsbericht over opnieuw melden |');
    expect(md).toContain('## Sterke punten');
    expect(md).not.toContain('goede voorbeelden');
    const html = report(dir, file, '--format', 'html').stdout;
    expect(html).toContain('<p class="provenance" role="note"><strong>Over dit kwaliteitskader:</strong> Testreconstructie, geen officiële tekst van enige uitgever.</p>');
    expect(html).toContain('<em>Rust op:</em> officiële tekst; Bronnen: <a href="https://wetten.overheid.nl/BWBR0033723">Besluit verplichte meldcode</a>');

    const tree = kader(['show', FRAMEWORK]).stdout;
    expect(tree).toContain('Status van de tekst: reconstructie door het kader-project, geen officiële tekst\nTestreconstructie, geen officiële tekst van enige uitgever.\n');
    expect(tree).toContain('└─ W-K2 Opnieuw melden [kritiek] · Rust op: nieuwsbericht');
    const aggregate = kader(['aggregate', file, '--framework', FRAMEWORK], { cwd: dir }).stdout;
    expect(aggregate).toContain('Status van de tekst: reconstructie door het kader-project, geen officiële tekst. Testreconstructie, geen officiële tekst van enige uitgever.');
    const list = kader(['frameworks']).stdout;
    expect(list).toMatch(/^werken-aan-veiligheid +\S+ +\d+ +reconstructie +\S/m);
  });

  it.skipIf(!hasTmux)('the interview starts with the disclaimer and ends with the critical criteria as they stand', async () => {
    const dir = tempDir();
    session(dir, 's', '{}\n');
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${FRAMEWORK} --respondent teamleider`);
    let shown = await waitFor('In hoeverre beoordeelt het team de veiligheid bij de start?');
    expect(shown).toContain('Kwaliteitskader: Testkader voor eerlijke verbeterplannen, versie 2026.2\nStatus van de tekst: reconstructie door het kader-project, geen officiële tekst\nTestreconstructie, geen officiële tekst van enige uitgever.');
    tmux('send-keys', '-t', 'k', 'Down', 'Enter'); // voldoet gedeeltelijk
    await waitFor('Notitie (Enter = geen)');
    tmux('send-keys', '-t', 'k', 'C-c');
    shown = await waitFor('EXIT=');
    expect(shown).toContain('Kritieke criteria (veiligheid voorop):\nGeen van de 2 kritieke criteria voldoet. Nog niet voldaan of niet bekend:\n  • W-K1 Veiligheid beoordelen — nog niet beoordeeld\n  • W-K2 Opnieuw melden — nog niet beoordeeld');
  }, 40_000);
});

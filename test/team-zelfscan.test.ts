/**
 * A zelfscan or inspection with several people (issue #23, items 9, 11–13): one session per
 * respondent gets its own proposed name, a merged session stands for its sources in the
 * regional overview, answers given again keep their notes, and a finished --theme points on.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kader, tempDir } from './helpers.js';
import { hasTmux, killTmux, startInTmux, tmux, waitFor } from './support/tmux.js';

afterAll(killTmux);

const FRAMEWORK = join(FIXTURES, 'frameworks', 'valid.yaml');
const ALL = 'TK-T1-01a: voldoet\nTK-T2-01a: voldoet\nTK-T2-01c: false\nTK-T2-01e: wethouder\n';

/** A session made without a terminal, as `--answers` makes one. */
function session(dir: string, file: string, answers: string, extra: string[] = []): void {
  writeFileSync(join(dir, 'a.yaml'), answers);
  const result = kader(['interview', file, '--framework', FRAMEWORK, '--gemeente', 'Testdorp', '--date', '2026-01-01', '--answers', 'a.yaml', ...extra], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

describe('kader interview --answers over an existing answer', () => {
  it('keeps the note and evidence unless the file gives new ones, and says "gewijzigd"', () => {
    const dir = tempDir();
    session(dir, 's.yaml', 'TK-T1-01a: { value: deels, note: Afspraak ligt er, evidence: [Convenant] }\n', ['--respondent', 'wijkteam']);
    writeFileSync(join(dir, 'b.yaml'), 'TK-T1-01a: voldoet\nTK-T2-01a: deels\n');
    const result = kader(['interview', 's.yaml', '--answers', 'b.yaml', '--framework', FRAMEWORK], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('1 antwoord toegevoegd en 1 antwoord gewijzigd in s.yaml (notitie en bewijs blijven staan tenzij het bestand nieuwe geeft). Nog 3 verplichte vragen open.\n');
    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toMatch(/TK-T1-01a: \{ value: voldoet, note: Afspraak ligt er, evidence: \[ Convenant \], respondent: wijkteam, at: "[^"]+" \}/);
    // A note the file gives replaces the old one; an empty one removes it.
    writeFileSync(join(dir, 'c.yaml'), 'TK-T1-01a: { value: voldoet, note: "" }\n');
    expect(kader(['interview', 's.yaml', '--answers', 'c.yaml', '--framework', FRAMEWORK], { cwd: dir }).stdout).toMatch(/^1 antwoord gewijzigd in s\.yaml/);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/TK-T1-01a: \{ value: voldoet, evidence: \[ Convenant \], respondent: wijkteam, at: "[^"]+" \}/);
  });
});

describe('kader aggregate next to a merged session', () => {
  it('counts the merged session and lists its sources as merged into it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sessies'));
    session(dir, 'sessies/testdorp-beleid.yaml', ALL, ['--respondent', 'beleid']);
    session(dir, 'sessies/testdorp-wijkteam.yaml', ALL.replace('TK-T2-01a: voldoet', 'TK-T2-01a: voldoet-niet'), ['--respondent', 'wijkteam']);
    expect(kader(['merge', 'sessies/testdorp-beleid.yaml', 'sessies/testdorp-wijkteam.yaml', '-o', 'sessies/testdorp-samen.yaml', '--framework', FRAMEWORK], { cwd: dir }).code).toBe(0);
    const result = kader(['aggregate', 'sessies/', '--framework', FRAMEWORK, '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    const model = JSON.parse(result.stdout) as { rows: { file: string }[]; notes: { file: string; reason: string; detail: string }[] };
    expect(model.rows.map((r) => r.file)).toEqual(['sessies/testdorp-samen.yaml']);
    expect(model.notes.filter((n) => n.reason !== 'incomplete')).toEqual([
      { file: 'sessies/testdorp-beleid.yaml', gemeente: 'Testdorp', reason: 'merged-into', detail: 'sessies/testdorp-samen.yaml' },
      { file: 'sessies/testdorp-wijkteam.yaml', gemeente: 'Testdorp', reason: 'merged-into', detail: 'sessies/testdorp-samen.yaml' },
    ]);
    const text = kader(['aggregate', 'sessies/', '--framework', FRAMEWORK], { cwd: dir }).stdout;
    expect(text).toContain('sessies/testdorp-beleid.yaml: samengevoegd in sessies/testdorp-samen.yaml; dat bestand telt');
  });
});

// CI installs tmux (.ci/run); a developer machine without it skips these.
describe.skipIf(!hasTmux)('kader interview in a terminal, with several people', () => {
  it('proposes a file name with the respondent\'s role, and a free one when that is taken', async () => {
    const dir = tempDir();
    const start = `cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview --framework ${FRAMEWORK} --gemeente Testdorp --team t --regio r --date 2026-01-01 --interviewer a --respondent wijkteam`;
    startInTmux(start);
    await waitFor('Sessie opslaan als');
    let shown = await waitFor('sessies/testdorp-test-kader-2026-01-01-wijkteam.yaml');
    tmux('send-keys', '-t', 'k', 'C-c');
    await waitFor('EXIT=');
    mkdirSync(join(dir, 'sessies'));
    writeFileSync(join(dir, 'sessies', 'testdorp-test-kader-2026-01-01-wijkteam.yaml'), '');
    startInTmux(start);
    shown = await waitFor('sessies/testdorp-test-kader-2026-01-01-wijkteam-2.yaml');
    expect(shown).toContain('Sessie opslaan als');
    tmux('send-keys', '-t', 'k', 'C-c');
    await waitFor('EXIT=');
  }, 30_000);

  it('after a finished --theme, points to the theme where questions are still open', async () => {
    const dir = tempDir();
    session(dir, 's.yaml', 'TK-T1-01a: voldoet\n');
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${FRAMEWORK} --theme T1`);
    const shown = await waitFor('EXIT=');
    expect(shown).toContain('Deze keuze is af; open verplichte vragen staan nog bij thema T2.');
    expect(shown).toMatch(/Verder gaan: .*interview s\.yaml .*--theme T2/);
    expect(shown).not.toMatch(/Verder gaan: .*--theme T1/);
  }, 30_000);
});

describe('another respondent during a session (issue #23 item 10)', () => {
  it('--answers with a respondent the session does not name adds the role to its respondents', () => {
    const dir = tempDir();
    session(dir, 's.yaml', 'TK-T1-01a: voldoet\n', ['--respondent', 'beleid']);
    writeFileSync(join(dir, 'b.yaml'), 'TK-T2-01a: { value: deels, respondent: veilig-thuis }\n');
    expect(kader(['interview', 's.yaml', '--answers', 'b.yaml', '--framework', FRAMEWORK, '--respondent', 'wijkteam'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'c.yaml'), 'TK-T2-01c: false\n');
    expect(kader(['interview', 's.yaml', '--answers', 'c.yaml', '--framework', FRAMEWORK, '--respondent', 'wijkteam'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toContain('respondents:\n    - role: beleid\n    - role: veilig-thuis\n    - role: wijkteam\n');
    expect(text).toMatch(/TK-T2-01c: \{ value: false, respondent: wijkteam, at: "[^"]+" \}/);
  });

  it.skipIf(!hasTmux)('in the terminal: --respondent with a new role joins the session, and "Andere respondent…" hands over mid-interview', async () => {
    const dir = tempDir();
    session(dir, 's.yaml', 'TK-T1-01a: voldoet\n', ['--respondent', 'beleid']);
    startInTmux(`cd ${dir} && NO_COLOR=1 ${process.execPath} ${BIN} interview s.yaml --framework ${FRAMEWORK} --respondent wijkteam`);
    await waitFor('Respondent "wijkteam" is toegevoegd aan de sessie');
    await waitFor(/\[\d+\/\d+\]/);
    // The list wraps: two up from the first entry is "Andere respondent…", just above "Pauzeren en opslaan".
    tmux('send-keys', '-t', 'k', 'Up', 'Up');
    await waitFor(/❯ Andere respondent…/);
    tmux('send-keys', '-t', 'k', 'Enter');
    await waitFor('Wie beantwoordt de vragen vanaf nu?');
    // beleid, wijkteam (where the cursor starts: who answers now), several, someone new.
    tmux('send-keys', '-t', 'k', 'Down', 'Down');
    await waitFor(/❯ Iemand anders \(nieuwe rol\)…/);
    tmux('send-keys', '-t', 'k', 'Enter');
    await waitFor('Rol van de nieuwe respondent');
    tmux('send-keys', '-t', 'k', '-l', 'veilig-thuis');
    tmux('send-keys', '-t', 'k', 'Enter');
    await waitFor('Vanaf nu antwoordt: veilig-thuis');
    tmux('send-keys', '-t', 'k', 'Enter'); // the first level of the scale, for the question asked again
    await waitFor('Notitie');
    tmux('send-keys', '-t', 'k', 'C-c');
    await waitFor('EXIT=');
    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toContain('respondents:\n    - role: beleid\n    - role: wijkteam\n    - role: veilig-thuis\n');
    expect(text).toMatch(/TK-T2-01a: \{ value: [a-z-]+, respondent: veilig-thuis, at: "[^"]+" \}/);
  }, 40_000);
});

describe('the $schema line of a new session (issue #23 item 5)', () => {
  const firstLine = (file: string) => readFileSync(file, 'utf8').split('\n')[0];

  it('points at schemas/session.schema.json in the working folder, written once, never into the install', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sessies'));
    session(dir, 'sessies/a.yaml', ALL);
    expect(firstLine(join(dir, 'sessies/a.yaml'))).toBe('# yaml-language-server: $schema=../schemas/session.schema.json');
    const published = kader(['schema', 'session']).stdout;
    expect(readFileSync(join(dir, 'schemas/session.schema.json'), 'utf8')).toBe(published);
    // A copy the user changed is theirs: kept, and pointed at.
    writeFileSync(join(dir, 'schemas/session.schema.json'), '{"eigen":true}\n');
    session(dir, 'b.yaml', ALL);
    expect(firstLine(join(dir, 'b.yaml'))).toBe('# yaml-language-server: $schema=schemas/session.schema.json');
    expect(readFileSync(join(dir, 'schemas/session.schema.json'), 'utf8')).toBe('{"eigen":true}\n');
    expect(readFileSync(join(dir, 'sessies/a.yaml'), 'utf8')).not.toContain('node_modules');
  });

  it('writes no line that points at nothing: not under a `schemas` that is a file, not at a dangling link, never through a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'schemas'), 'geen map\n');
    session(dir, 's.yaml', ALL);
    expect(firstLine(join(dir, 's.yaml'))).toBe('kader: 1');
    const other = tempDir();
    mkdirSync(join(other, 'schemas'));
    symlinkSync(join(other, 'nergens.json'), join(other, 'schemas', 'session.schema.json'));
    session(other, 'b.yaml', ALL);
    expect(firstLine(join(other, 'b.yaml'))).toBe('kader: 1');
    expect(existsSync(join(other, 'nergens.json'))).toBe(false);
  });

  it('inside a git repository, points at the copy at the repository root', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'regio', 'sessies'), { recursive: true });
    session(join(dir, 'regio'), 'sessies/a.yaml', ALL);
    expect(firstLine(join(dir, 'regio/sessies/a.yaml'))).toBe('# yaml-language-server: $schema=../../schemas/session.schema.json');
    expect(readFileSync(join(dir, 'schemas/session.schema.json'), 'utf8')).toBe(kader(['schema', 'session']).stdout);
  });
});

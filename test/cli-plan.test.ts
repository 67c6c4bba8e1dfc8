import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/index.js';
import { checkAction, nextActionId } from '../src/plan/actions.js';
import { parseSessionText } from '../src/session/check.js';
import { FIXTURES, kader, tempDir } from './helpers.js';

const FW = ['--framework', join(FIXTURES, 'frameworks', 'valid.yaml')];

function setup(): string {
  const dir = tempDir();
  copyFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), join(dir, 's.yaml'));
  return dir;
}

describe('SMART actions', () => {
  it('refuses an action without owner, due date in the future or indicator, each with its reason', () => {
    const criteria = new Set(['C1']);
    expect(checkAction({ criterion: 'C1', what: 'x', owner: ' ', due: '2026-11-23', priority: 'hoog', indicator: '', status: 'open' }, '2026-11-23', criteria)).toEqual([
      { field: 'owner', reason: 'missing' },
      { field: 'due', reason: 'not-in-future' },
      { field: 'indicator', reason: 'missing' },
    ]);
    expect(checkAction({ criterion: 'C9', what: 'x', owner: 'o', due: '2027-02-30', priority: 'urgent' as never, indicator: 'i', status: 'open' }, '2026-11-23', criteria)).toEqual([
      { field: 'criterion', reason: 'unknown-criterion' },
      { field: 'due', reason: 'not-a-date' },
      { field: 'priority', reason: 'not-allowed' },
    ]);
    // A finished action may carry a date that has passed.
    expect(checkAction({ criterion: 'C1', what: 'x', owner: 'o', due: '2026-01-01', priority: 'laag', indicator: 'i', status: 'gereed' }, '2026-11-23', criteria)).toEqual([]);
    expect(nextActionId([{ id: 'A1' }, { id: 'A7' }, { id: 'X' }] as never)).toBe('A8');
  });
});

describe('kader plan (built binary)', () => {
  it('adds actions from a file, lists them and sets their status', () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'acties.yaml'),
      'actions:\n  - criterion: TK-T1-01\n    what: Werkinstructie veiligheidscheck\n    owner: teamleider\n    due: "2099-01-01"\n    priority: hoog\n    indicator: Check in 9 van 10 dossiers\n',
    );
    expect(kader(['plan', 's.yaml', ...FW, '--actions', 'acties.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'Actie A1 opgeslagen.\n' });
    const list = kader(['plan', 's.yaml', ...FW, '--list'], { cwd: dir });
    expect(list.stdout.split('\n')).toEqual([
      'nr  criterium  wat                              wie         wanneer     prio  status',
      'A1  TK-T1-01   Werkinstructie veiligheidscheck  teamleider  2099-01-01  hoog  open',
      '',
    ]);
    expect(kader(['plan', 's.yaml', ...FW, '--status', 'A1=gereed'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'Actie A1: status gereed.\n' });
    const { session } = parseSessionText('s', readFileSync(join(dir, 's.yaml'), 'utf8'), messages('nl'));
    expect(session?.actions).toEqual([
      { id: 'A1', status: 'gereed', priority: 'hoog', criterion: 'TK-T1-01', what: 'Werkinstructie veiligheidscheck', owner: 'teamleider', due: '2099-01-01', indicator: 'Check in 9 van 10 dossiers' },
    ]);
    expect(kader(['plan', 's.yaml', ...FW, '--status', 'A9=gereed'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'kader: actie "A9" bestaat niet\n' });
    expect(kader(['plan', 's.yaml', ...FW, '--status', 'A1=klaar'], { cwd: dir }).stderr).toBe(
      'kader: ongeldige waarde "klaar" voor --status; kies uit: open, bezig, gereed, vervallen\n',
    );
  });

  it('refuses a file with a non-SMART action, naming each missing part at its line', () => {
    const dir = setup();
    const before = readFileSync(join(dir, 's.yaml'), 'utf8');
    writeFileSync(join(dir, 'acties.yaml'), 'actions:\n  - criterion: TK-T1-01\n    what: Iets doen\n    due: "2001-01-01"\n');
    const result = kader(['plan', 's.yaml', ...FW, '--actions', 'acties.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'acties.yaml',
      '  2:5   fout          wie (eigenaar) ontbreekt; een SMART-actie heeft dit nodig  smart',
      '  2:5   fout          indicator ontbreekt; een SMART-actie heeft dit nodig  smart',
      '  4:10  fout          klaar-op-datum moet in de toekomst liggen  smart',
      '',
      '✖ 3 problemen (3 fouten, 0 waarschuwingen)',
      'kader: acties.yaml: acties niet toegevoegd; de sessie is niet gewijzigd',
      '',
    ]);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before);
  });

  it('without a terminal, points to --list, --actions and --status', () => {
    const dir = setup();
    expect(kader(['plan', 's.yaml', ...FW], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'kader: kader plan heeft een terminal nodig. Zonder terminal: --list, --actions bestand.yaml of --status A1=gereed.\n',
    });
  });
});

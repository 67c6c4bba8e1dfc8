/**
 * The domain halves of `interview --answers` and `plan --actions`, without a process: reading
 * the file into answers or actions with line:column findings, merging, and the context made
 * from command-line fields. The CLI tests (cli-interview, cli-plan, bad-input) keep the
 * end-to-end guarantees; these pin the functions the commands call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import type { Framework } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { describeActionProblem } from '../src/plan/actions.js';
import { readActionsFile } from '../src/plan/actions-file.js';
import { answersPrivacyWarnings, mergeAnswers, readAnswersFile } from '../src/session/answers-file.js';
import { sessionContext } from '../src/session/context.js';
import { readSession } from '../src/session/check.js';
import { sortSession } from '../src/report/aggregate-sort.js';
import { FIXTURES, makeSession } from './helpers.js';

const nl = messages('nl');
const framework = validateFrameworkText('valid.yaml', readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8'), nl).framework as Framework;
const at = '2026-11-27T10:00:00.000Z';

describe('readAnswersFile', () => {
  it('reads bare values and mappings, and locates each problem at its line:column', () => {
    const text = ['TK-T1-01a: voldoet', 'TK-T2-01c: { value: true, note: " convenant sinds 2020 " }', 'TK-XX: 1', 'TK-T2-01e: burgemeester', 'TK-T2-01a: { value: deels, kleur: rood }', ''].join('\n');
    const read = readAnswersFile('a.yaml', text, framework, { respondent: 'teamleider', at }, nl);
    expect(read.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:1 unknown-question', '4:12 answer-value', '5:28 schema']);
    expect(read.incoming).toEqual({
      'TK-T1-01a': { value: 'voldoet', respondent: 'teamleider', at },
      'TK-T2-01c': { value: true, note: 'convenant sinds 2020', respondent: 'teamleider', at },
    });
    expect([...read.given['TK-T1-01a']!]).toEqual(['respondent']);
    expect([...read.given['TK-T2-01c']!].sort()).toEqual(['note', 'respondent']);
  });

  it('merges: a corrected value keeps the note the file does not give; the same answer again changes nothing', () => {
    const answers = { 'TK-T1-01a': { value: 'deels', note: 'zie verslag', at: '2026-01-01T00:00:00.000Z' } };
    const incoming = { 'TK-T1-01a': { value: 'voldoet', at }, 'TK-T2-01c': { value: true, at } };
    expect(mergeAnswers(answers, incoming, { 'TK-T1-01a': new Set(), 'TK-T2-01c': new Set() })).toEqual({ added: 1, changed: 1 });
    expect(answers['TK-T1-01a']).toEqual({ value: 'voldoet', note: 'zie verslag', at });
    expect(mergeAnswers(answers, { 'TK-T1-01a': { value: 'voldoet', at: 'later' } }, {})).toEqual({ added: 0, changed: 0 });
  });

  it('warns about personal data in the texts, but not about the command line’s own respondent', () => {
    const warnings = answersPrivacyWarnings({ 'TK-T1-01c': { value: 'bel 0612345678', respondent: 'teamleider', at } }, 'teamleider', nl);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TK-T1-01c');
  });
});

describe('sessionContext', () => {
  it('makes the context from the fields and refuses one without a gemeente', () => {
    const { context, warnings } = sessionContext({ gemeente: 'Testdorp', team: 'Wijkteam Noord', date: '2026-11-27', interviewers: ['TSD'], respondent: 'teamleider' }, nl);
    expect(context).toEqual({ gemeente: 'Testdorp', team: 'Wijkteam Noord', date: '2026-11-27', interviewers: ['TSD'], respondents: [{ role: 'teamleider' }] });
    expect(warnings).toEqual([]);
    expect(sessionContext({ gemeente: 'Testdorp', date: '2026-11-27', interviewers: ['j.jansen@example.nl'] }, nl).warnings).toHaveLength(1);
    expect(() => sessionContext({ date: '2026-11-27' }, nl)).toThrow(UsageError);
  });
});

describe('readActionsFile', () => {
  it('adds SMART actions with the next free id, and names each refused field at its place', () => {
    const session = makeSession({ actions: [{ id: 'A1', criterion: 'TK-T1-01', what: 'x', owner: 'y', due: '2027-01-01', priority: 'hoog', indicator: 'z', status: 'open' }] });
    const good = ['actions:', '  - { criterion: TK-T1-01, what: Werkwijze vastleggen, owner: teamleider, due: 2027-06-01, indicator: vastgesteld }', ''].join('\n');
    const read = readActionsFile('acties.yaml', good, session, framework, '2026-11-27', nl);
    expect(read.diagnostics).toEqual([]);
    expect(read.added.map((a) => [a.id, a.status, a.priority])).toEqual([['A2', 'open', 'middel']]);
    expect(read.all.map((a) => a.id)).toEqual(['A1', 'A2']);

    const bad = ['actions:', '  - { id: A1, criterion: TK-XX, what: "", owner: teamleider, due: 2020-01-01, indicator: vastgesteld }', ''].join('\n');
    const refused = readActionsFile('acties.yaml', bad, session, framework, '2026-11-27', nl);
    expect(refused.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '2:11 unique-id actie A1 bestaat al in de sessie',
      `2:26 smart ${describeActionProblem({ field: 'criterion', reason: 'unknown-criterion' }, nl)}`,
      `2:39 smart ${describeActionProblem({ field: 'what', reason: 'missing' }, nl)}`,
      `2:67 smart ${describeActionProblem({ field: 'due', reason: 'not-in-future' }, nl)}`,
    ]);
  });

  it('describes a refused field in one sentence in each language', () => {
    expect(describeActionProblem({ field: 'due', reason: 'not-a-date' }, nl)).toBe('klaar-op-datum moet een datum zijn als JJJJ-MM-DD');
    expect(describeActionProblem({ field: 'owner', reason: 'missing' }, messages('en'))).toMatch(/^who \(owner\) /);
  });
});

describe('sortSession: what a regional overview counts, and what it sets aside with why', () => {
  const target = { framework, digest: `sha256-${'0'.repeat(64)}` };
  const read = (text: string) => readSession('s.yaml', text, nl);
  const session = (over: Record<string, unknown> = {}) => JSON.stringify(makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-01' }, answers: { 'TK-T1-01a': { value: 'voldoet', at } }, ...over }));

  it('counts a valid session of the framework, with its gemeente and score', () => {
    const sorted = sortSession(read(session()), target, nl);
    expect('counted' in sorted && sorted.counted).toMatchObject({ file: 's.yaml', gemeente: 'Testdorp', date: '2026-11-01', complete: false });
  });

  it('sets aside another framework, an unknown version, an answer that does not fit, and a file that is no session', () => {
    const why = (text: string) => {
      const sorted = sortSession(read(text), target, nl);
      return 'setAside' in sorted ? [sorted.setAside.reason, sorted.setAside.detail] : ['counted'];
    };
    expect(why(session({ frameworkId: 'ander-kader' }))).toEqual(['other-framework', 'ander-kader']);
    expect(why(session({ framework: { id: 'test-kader', version: '0.1', digest: target.digest } }))).toEqual(['older-version', '0.1']);
    expect(why(session({ answers: { 'TK-T1-01a': { value: 'misschien', at } } }))[0]).toBe('invalid');
    expect(why(session({ answers: { 'TK-T1-01a': { value: 'misschien', at } } }))[1]).toMatch(/^1:\d+ antwoord "misschien" is niet toegestaan/);
    expect(why('kind: session\n')).toEqual(['invalid', expect.stringMatching(/^1:1 /)]);
  });

  it('needs the framework for a valid session, never guesses one', () => {
    expect(() => sortSession(read(session()), undefined, nl)).toThrow(/no framework was given/);
    expect(sortSession(read('niets: 1\n'), undefined, nl)).toMatchObject({ setAside: { reason: 'invalid', gemeente: null } });
  });
});

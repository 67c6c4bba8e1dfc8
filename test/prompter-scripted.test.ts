/**
 * The interactive flows scripted through the prompt seam, without a terminal or a process
 * (issue #19, item 6): kader plan, kader merge --interactive, a new interview's context and
 * the interview itself. test/interview-pty.test.ts keeps a few of them in a real terminal.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeContext, type Io } from '../src/cli/context.js';
import { createInteractively, terminalPrompterFor } from '../src/cli/commands/interview-terminal.js';
import { walk } from '../src/cli/commands/interview.js';
import { mergeCommand } from '../src/cli/commands/merge.js';
import { decide } from '../src/cli/commands/merge-terminal.js';
import { walkPlan } from '../src/cli/commands/plan-terminal.js';
import { openSession } from '../src/cli/session-io.js';
import { Interrupted } from '../src/interview/engine.js';
import { nl } from '../src/i18n/nl.js';
import { describeActionProblem } from '../src/plan/actions.js';
import type { Session } from '../src/session/types.js';
import { ROOT, tempDir } from './helpers.js';
import { scriptedPrompts } from './support/scripted-prompts.js';

const EXAMPLE = join(ROOT, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');

async function context(cwd: string) {
  const out: string[] = [];
  const io: Io = { cwd, env: {}, stdout: (t) => void out.push(t), stderr: (t) => void out.push(t), isTTY: false, interactive: true };
  const ctx = await makeContext(io, { lang: 'nl', color: false, quiet: false, debug: false });
  return { ctx, out: () => out.join('') };
}

const onDisk = (path: string) => parse(readFileSync(path, 'utf8')) as Session;

describe('kader plan, scripted', () => {
  it('adds a SMART action: refused fields are asked again with the reason, the action is saved at once', async () => {
    const dir = tempDir();
    const path = join(dir, 'sessie.yaml');
    copyFileSync(EXAMPLE, path);
    const { ctx } = await context(dir);
    const open = openSession(ctx, path);
    const before = open.session.actions?.length ?? 0;
    const prompts = scriptedPrompts([
      'add',
      (choices) => choices[0]!.value, // the first suggestion
      '', // owner left empty: refused
      'Teamleider wijkteam',
      '2020-01-01', // a date in the past: refused
      '2099-06-30',
      'hoog',
      'Elke melding binnen vijf werkdagen besproken',
      // then Ctrl-C at the menu
    ]);
    await walkPlan(ctx, open, prompts);
    expect(prompts.refused).toEqual([
      describeActionProblem({ field: 'owner', reason: 'missing' }, nl),
      describeActionProblem({ field: 'due', reason: 'not-in-future' }, nl),
    ]);
    const actions = onDisk(path).actions ?? [];
    expect(actions).toHaveLength(before + 1);
    expect(actions.at(-1)).toMatchObject({ owner: 'Teamleider wijkteam', due: '2099-06-30', priority: 'hoog', status: 'open' });
    expect(prompts.asked.at(-1)).toEqual({ kind: 'select', message: nl.plan.menu });
  });

  it('a prompt cut off (AbortPromptError) ends the walk like Ctrl-C, keeping what was saved', async () => {
    const dir = tempDir();
    const path = join(dir, 'sessie.yaml');
    copyFileSync(EXAMPLE, path);
    const { ctx } = await context(dir);
    const text = readFileSync(path, 'utf8');
    await expect(walkPlan(ctx, openSession(ctx, path), scriptedPrompts(['add', { stop: 'AbortPromptError' }]))).resolves.toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('kader merge --interactive, scripted', () => {
  it('saves each verdict with its motivation the moment it is given', async () => {
    const dir = tempDir();
    const session = onDisk(EXAMPLE);
    // Two respondents who differ on the first answer.
    const [first] = Object.keys(session.answers);
    const other = structuredClone(session);
    other.id = '00000000-0000-4000-8000-000000000002';
    other.answers[first!] = { ...other.answers[first!]!, value: other.answers[first!]!.value === 'voldoet' ? 'voldoet-niet' : 'voldoet' };
    const { stringify } = await import('yaml');
    writeFileSync(join(dir, 'a.yaml'), readFileSync(EXAMPLE, 'utf8'));
    writeFileSync(join(dir, 'b.yaml'), stringify(other));
    const { ctx } = await context(dir);
    expect(await mergeCommand(ctx, { sessions: ['a.yaml', 'b.yaml'], out: 'samen.yaml' })).toBe(0);
    const merged = join(dir, 'samen.yaml');
    // A verdict, an empty motivation (refused), the motivation; then Ctrl-C at the next criterion, if any.
    const decisions = scriptedPrompts(['partly', '', 'Beide perspectieven wegen mee']);
    expect(await decide(ctx, openSession(ctx, merged), decisions)).toBe(0);
    expect(decisions.refused).toEqual([nl.merge.motivationEmpty]);
    const judgements = Object.values(onDisk(merged).judgements ?? {});
    expect(judgements).toHaveLength(1);
    expect(judgements[0]).toMatchObject({ verdict: 'partly', motivation: 'Beide perspectieven wegen mee' });
  });
});

describe('a new interview, scripted', () => {
  it('asks the context, proposes a file name and creates the session', async () => {
    const dir = tempDir();
    const { ctx, out } = await context(dir);
    const prompts = scriptedPrompts(['werken-aan-veiligheid', '', 'Testdorp', '', '', '2026-11-23', 'A. Jansen, B. de Vries', 'teamleider', undefined]);
    const open = await createInteractively(ctx, {}, undefined, prompts);
    expect(prompts.refused).toEqual([nl.interview.required]);
    expect(open.path).toBe(join(dir, 'sessies', 'testdorp-werken-aan-veiligheid-2026-11-23-teamleider.yaml'));
    expect(onDisk(open.path).context).toMatchObject({ gemeente: 'Testdorp', date: '2026-11-23', interviewers: ['A. Jansen', 'B. de Vries'], respondents: [{ role: 'teamleider' }] });
    expect(out()).toContain(nl.interview.created('sessies/testdorp-werken-aan-veiligheid-2026-11-23-teamleider.yaml'));
  });

  it('Ctrl-C in the context hands back the command with what was typed, and leaves no file', async () => {
    const dir = tempDir();
    const { ctx, out } = await context(dir);
    await expect(createInteractively(ctx, { framework: 'werken-aan-veiligheid' }, undefined, scriptedPrompts(['Testdorp']))).rejects.toBeInstanceOf(Interrupted);
    expect(out()).toContain('interview --framework werken-aan-veiligheid --gemeente Testdorp');
  });

  it('the interview saves each answer before the next question; Ctrl-C stops it with the answers kept', async () => {
    const dir = tempDir();
    const { ctx } = await context(dir);
    const open = await createInteractively(ctx, { framework: 'werken-aan-veiligheid', gemeente: 'Testdorp', team: '', regio: '', date: '2026-11-23', interviewer: [], respondent: 'teamleider' }, undefined, scriptedPrompts([undefined]));
    // Two questions answered with their first choice, each followed by its note (the first one typed) and evidence (none); then Ctrl-C.
    const first = (choices: readonly { value: string }[]) => choices[0]!.value;
    const prompts = scriptedPrompts([first, 'Beleid ligt er, nog niet gedeeld', [], first, '', []]);
    await walk(ctx, open, {}, terminalPrompterFor(ctx, prompts)).catch((error: unknown) => {
      if (!(error instanceof Interrupted)) throw error;
    });
    const answers = Object.values(onDisk(open.path).answers);
    expect(answers).toHaveLength(2);
    expect(answers.map((a) => a.note)).toContain('Beleid ligt er, nog niet gedeeld');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFrameworkText } from '../src/framework/validate.js';
import type { Framework } from '../src/framework/types.js';
import { messages } from '../src/i18n/index.js';
import {
  selectQuestions,
  Interrupted,
  resumeIndex,
  resumePoint,
  runInterview,
  type Prompter,
  type QuestionView,
  type Step,
} from '../src/interview/engine.js';
import { activeQuestions, markInactive } from '../src/session/state.js';
import type { Session } from '../src/session/types.js';
import { FIXTURES, makeSession } from './helpers.js';

const framework = validateFrameworkText('valid.yaml', readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8'), messages('nl')).framework as Framework;

function session(answers: Session['answers'] = {}): Session {
  return makeSession({ answers });
}

/** Plays a script of steps; records what was asked and each save. */
function scripted(steps: (Step | 'interrupt')[], verdicts: ({ verdict: 'meets' | 'partly' | 'not-met' | 'not-applicable'; motivation: string } | null | undefined)[] = []) {
  const judged: string[] = [];
  const asked: string[] = [];
  const criteria: string[] = [];
  const progress: string[] = [];
  const prompter: Prompter = {
    criterion: (view) => void criteria.push(view.place.criterion.id),
    async ask(view: QuestionView) {
      asked.push(view.place.question.id);
      progress.push(`${view.position}/${view.total}`);
      const step = steps.shift();
      if (step === undefined || step === 'interrupt') throw new Interrupted();
      return step;
    },
    details: async (view) => (view.place.question.type === 'scale' ? { note: `notitie ${view.place.question.id}` } : {}),
    invalid: () => void asked.push('!invalid'),
    judge: async (view, context) => {
      judged.push(`${view.place.criterion.id}:${context.computed}`);
      return verdicts.shift();
    },
  };
  return { prompter, asked, criteria, progress, judged };
}

const answer = (value: Step extends infer S ? (S extends { kind: 'answer'; value: infer V } ? V : never) : never): Step => ({ kind: 'answer', value });

async function run(s: Session, steps: (Step | 'interrupt')[], extra: { review?: boolean; theme?: string; judge?: boolean; verdicts?: Parameters<typeof scripted>[1] } = {}) {
  const script = scripted(steps, extra.verdicts);
  const saves: string[] = [];
  const outcome = await runInterview({
    framework,
    session: s,
    plan: selectQuestions(framework, { theme: extra.theme }),
    prompter: script.prompter,
    save: (saved) => void saves.push(Object.keys(saved.answers).join(',')),
    now: () => '2026-11-23T10:00:00Z',
    respondent: 'teamleider',
    review: extra.review,
    judge: extra.judge,
  });
  return { outcome, saves, ...script };
}

describe('interview engine', () => {
  it('saves a scale answer before asking for its note, so Ctrl-C at the note keeps the answer', async () => {
    const s = session();
    const saved: Session[] = [];
    const outcome = await runInterview({
      framework,
      session: s,
      plan: selectQuestions(framework),
      prompter: {
        criterion: () => undefined,
        ask: async () => answer('deels'),
        details: async () => {
          throw new Interrupted();
        },
        invalid: () => undefined,
      },
      save: (x) => void saved.push(structuredClone(x)),
      now: () => '2026-11-23T10:00:00Z',
    });
    expect(outcome).toBe('interrupted');
    expect(saved.at(-1)!.answers).toEqual({ 'TK-T1-01a': { value: 'deels', at: '2026-11-23T10:00:00Z' } });
  });

  it('asks in framework order and follows skip logic', async () => {
    const s = session();
    const { outcome, asked, criteria } = await run(s, [
      answer('voldoet'), // TK-T1-01a: voldoet → 01b (only for deels/voldoet-niet) is not asked
      answer('deels'),
      answer(40),
      answer(true),
      answer('2025-01-01'),
      answer('wethouder'),
    ]);
    // TK-T1-01c: any(01b = tijd, not(01a answered)) — 01a is answered and 01b is not asked, so 01c is skipped.
    expect(asked).toEqual(['TK-T1-01a', 'TK-T2-01a', 'TK-T2-01b', 'TK-T2-01c', 'TK-T2-01d', 'TK-T2-01e']);
    expect(outcome).toBe('finished');
    expect(criteria).toEqual(['TK-T1-01', 'TK-T2-01']);
    expect(s.answers['TK-T1-01a']).toEqual({ value: 'voldoet', note: 'notitie TK-T1-01a', respondent: 'teamleider', at: '2026-11-23T10:00:00Z' });
    expect(s.answers['TK-T2-01b']).toEqual({ value: 40, respondent: 'teamleider', at: '2026-11-23T10:00:00Z' });
  });

  it('asks the follow-up when the answer calls for it, and shows progress over asked questions only', async () => {
    const s = session();
    const { asked, progress } = await run(s, [answer('deels'), answer(['tijd']), answer('toelichting'), 'interrupt']);
    expect(asked).toEqual(['TK-T1-01a', 'TK-T1-01b', 'TK-T1-01c', 'TK-T2-01a']);
    // At first 01c is asked (01a is not answered yet); 01a = deels swaps it for 01b; 01b = tijd brings 01c back.
    expect(progress).toEqual(['1/5', '2/5', '3/6', '4/6']);
  });

  it('saves after every answer, and Ctrl-C keeps what was answered', async () => {
    const s = session();
    const { outcome, saves } = await run(s, [answer('deels'), answer(['instrument']), 'interrupt']);
    expect(outcome).toBe('interrupted');
    // A scale answer is saved as soon as it is given, and again with its note.
    expect(saves).toEqual(['TK-T1-01a', 'TK-T1-01a', 'TK-T1-01a,TK-T1-01b']);
    expect(Object.keys(s.answers)).toEqual(['TK-T1-01a', 'TK-T1-01b']);
  });

  it('skip leaves a question open; back returns to the previous question with its answer', async () => {
    const s = session();
    const { asked } = await run(s, [answer('voldoet'), { kind: 'skip' }, { kind: 'back' }, { kind: 'back' }, answer('voldoet-niet'), 'interrupt']);
    // 01a answered, T2-01a skipped, at T2-01c back → T2-01a, back → 01a (answered, shown again), new answer → follow-up 01b.
    expect(asked).toEqual(['TK-T1-01a', 'TK-T2-01a', 'TK-T2-01c', 'TK-T2-01a', 'TK-T1-01a', 'TK-T1-01b']);
    expect(s.answers['TK-T1-01a']!.value).toBe('voldoet-niet');
    expect(s.answers['TK-T2-01a']).toBeUndefined();
  });

  it('jumps to the first open question of a theme, and pause saves and stops', async () => {
    const s = session();
    const { asked, outcome, saves } = await run(s, [{ kind: 'jump', theme: 'T2' }, answer('voldoet'), { kind: 'pause' }]);
    expect(asked).toEqual(['TK-T1-01a', 'TK-T2-01a', 'TK-T2-01c']);
    expect(outcome).toBe('paused');
    expect(saves).toHaveLength(3); // the answer, the answer with its note, and the pause
  });

  it('refuses an invalid value from the prompter and asks again', async () => {
    const s = session();
    const { asked } = await run(s, [answer('misschien'), answer('voldoet'), 'interrupt']);
    expect(asked).toEqual(['TK-T1-01a', '!invalid', 'TK-T1-01a', 'TK-T2-01a']);
  });

  it('resumes at the first open required question', () => {
    const plan = selectQuestions(framework);
    const answers = { 'TK-T1-01a': { value: 'voldoet', at: 'x' }, 'TK-T2-01a': { value: 'voldoet', at: 'x' } };
    expect(plan[resumeIndex(plan, framework, answers)]!.question.id).toBe('TK-T2-01c');
  });

  it('review walks answered questions again', async () => {
    const s = session({ 'TK-T1-01a': { value: 'voldoet', at: 'x' } });
    const { asked } = await run(s, ['interrupt'], { review: true });
    expect(asked).toEqual(['TK-T1-01a']);
  });

  it('keeps answers that a changed earlier answer makes irrelevant, marked inactive, and unmarks them again', () => {
    const answers: Session['answers'] = {
      'TK-T1-01a': { value: 'deels', at: 'x' },
      'TK-T1-01b': { value: ['tijd'], at: 'x' },
      'TK-T1-01c': { value: 'uitleg', at: 'x' },
    };
    markInactive(framework, answers);
    expect(answers['TK-T1-01b']!.inactive).toBeUndefined();
    answers['TK-T1-01a']!.value = 'voldoet';
    markInactive(framework, answers);
    // 01b is no longer asked; 01c depended on 01b, so the chain switches off too.
    expect(answers['TK-T1-01b']).toEqual({ value: ['tijd'], at: 'x', inactive: true });
    expect(answers['TK-T1-01c']!.inactive).toBe(true);
    answers['TK-T1-01a']!.value = 'deels';
    markInactive(framework, answers);
    expect(answers['TK-T1-01b']!.inactive).toBeUndefined();
  });

  it('narrows the plan to a theme or an audience', () => {
    expect(selectQuestions(framework, { theme: 'T2' }).map((p) => p.question.id)).toEqual(['TK-T2-01a', 'TK-T2-01b', 'TK-T2-01c', 'TK-T2-01d', 'TK-T2-01e']);
    expect(selectQuestions(framework, { audience: 'gemeente' }).every((p) => p.criterion.id === 'TK-T2-01')).toBe(true);
    expect(activeQuestions(framework, {}).has('TK-T1-01b')).toBe(false);
  });

  it('with judge, asks for a verdict when leaving a criterion, stores it with its motivation, and can remove it', async () => {
    const s = session();
    const { judged, saves } = await run(s, [answer('voldoet'), answer('deels'), answer(40), answer(true), answer('2025-01-01'), answer('wethouder')], {
      judge: true,
      verdicts: [{ verdict: 'partly', motivation: 'Werkwijze alleen op papier' }, undefined],
    });
    expect(judged).toEqual(['TK-T1-01:meets', 'TK-T2-01:partly']);
    expect(s.judgements).toEqual({ 'TK-T1-01': { verdict: 'partly', motivation: 'Werkwijze alleen op papier', at: '2026-11-23T10:00:00Z' } });
    expect(saves).toHaveLength(9); // six answers, two of them scale answers saved again with their note, and one judgement
    const again = await run(s, [answer('voldoet'), 'interrupt'], { judge: true, review: true, verdicts: [null] });
    expect(again.judged).toEqual(['TK-T1-01:meets']);
    expect(s.judgements).toEqual({});
  });

  it('in review, an unchanged answer keeps who gave it and when; a changed one records the new respondent (#17)', async () => {
    const s = session({
      'TK-T1-01a': { value: 'voldoet', note: 'notitie TK-T1-01a', respondent: 'beleidsmedewerker', at: '2026-01-01T09:00:00Z' },
      'TK-T2-01a': { value: 'voldoet', note: 'oud', respondent: 'beleidsmedewerker', at: '2026-01-01T09:05:00Z' },
    });
    await run(s, [answer('voldoet'), answer('voldoet-niet'), 'interrupt'], { review: true });
    expect(s.answers['TK-T1-01a']).toEqual({ value: 'voldoet', note: 'notitie TK-T1-01a', respondent: 'beleidsmedewerker', at: '2026-01-01T09:00:00Z' });
    expect(s.answers['TK-T2-01a']).toMatchObject({ value: 'voldoet-niet', respondent: 'teamleider', at: '2026-11-23T10:00:00Z' });
  });

  it('says where a resume starts as the screen numbers it, and that skipped questions come first (#17)', async () => {
    const plan = selectQuestions(framework);
    const answers: Session['answers'] = { 'TK-T2-01a': { value: 'voldoet', at: 'x' }, 'TK-T2-01c': { value: false, at: 'x' } };
    const point = resumePoint(plan, framework, answers)!;
    const { progress } = await run(session(answers), ['interrupt']);
    expect(progress).toEqual([`${point.position}/${point.total}`]);
    // 01a (scale) was skipped; 01c is asked while 01a is open. Two answers lie beyond them.
    expect(point).toMatchObject({ position: 1, total: 5, answered: 2, skipped: 1, furthest: 4 });
  });

  it('Terug right after a resume reaches the answers given before, the most recent first (#17)', async () => {
    const s = session({
      'TK-T1-01a': { value: 'voldoet', at: '2026-01-01T09:00:00Z' },
      'TK-T2-01c': { value: false, at: '2026-01-01T09:02:00Z' },
      'TK-T2-01a': { value: 'voldoet', at: '2026-01-01T09:01:00Z' },
    });
    const { asked } = await run(s, [{ kind: 'back' }, { kind: 'back' }, { kind: 'back' }, 'interrupt']);
    expect(asked).toEqual(['TK-T2-01e', 'TK-T2-01c', 'TK-T2-01a', 'TK-T1-01a']);
  });
});

describe('interview engine: another respondent takes over (issue #23 item 10)', () => {
  it('asks the same question again, records later answers under the new role, and adds a new role to the session once', async () => {
    const s = makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-23', respondents: [{ role: 'teamleider' }, { role: 'wijkteam' }] } });
    const { asked, saves, outcome } = await run(s, [
      answer('voldoet'), // TK-T1-01a, by teamleider
      { kind: 'respondent', role: 'veilig-thuis' },
      answer('deels'), // TK-T2-01a: the question asked again, now by veilig-thuis
      { kind: 'respondent', role: undefined },
      'interrupt',
    ]);
    expect(outcome).toBe('interrupted');
    expect(asked).toEqual(['TK-T1-01a', 'TK-T2-01a', 'TK-T2-01a', 'TK-T2-01b', 'TK-T2-01b']);
    expect(s.answers['TK-T1-01a']!.respondent).toBe('teamleider');
    expect(s.answers['TK-T2-01a']!.respondent).toBe('veilig-thuis');
    expect(s.context.respondents).toEqual([{ role: 'teamleider' }, { role: 'wijkteam' }, { role: 'veilig-thuis' }]);
    // The new role is saved at once, before the next answer: a crash there must not lose who joined.
    expect(saves[2]).toBe('TK-T1-01a');
  });

  it('a role the session knows is not added again, and the view says who answers now', async () => {
    const s = makeSession({ context: { gemeente: 'Testdorp', date: '2026-11-23', respondents: [{ role: 'teamleider' }, { role: 'wijkteam' }] } });
    const seen: string[] = [];
    const steps: Step[] = [{ kind: 'respondent', role: 'wijkteam' }, answer('voldoet')];
    await runInterview({
      framework,
      session: s,
      plan: selectQuestions(framework),
      prompter: {
        criterion: () => undefined,
        ask: async (view) => {
          seen.push(`${view.respondent ?? '-'} of ${view.respondents.join('/')}`);
          const step = steps.shift();
          if (!step) throw new Interrupted();
          return step;
        },
        details: async () => ({}),
        invalid: () => undefined,
      },
      save: () => undefined,
      now: () => '2026-11-23T10:00:00Z',
      respondent: 'teamleider',
    });
    expect(seen).toEqual(['teamleider of teamleider/wijkteam', 'wijkteam of teamleider/wijkteam', 'wijkteam of teamleider/wijkteam']);
    expect(s.context.respondents).toEqual([{ role: 'teamleider' }, { role: 'wijkteam' }]);
    expect(s.answers['TK-T1-01a']!.respondent).toBe('wijkteam');
  });
});

/**
 * The interview engine: which question comes next, given the framework, the answers and the
 * skip logic. It knows nothing of terminals; a Prompter asks, a save callback persists.
 */
import { own } from '../core/own.js';
import { audiencesOf, questionsOf, type Framework, type QuestionPlace } from '../framework/types.js';
import { scoreSession, type Outcome } from '../scoring/score.js';
import type { Answer, Judgement, Session, StoredValue, Verdict } from '../session/types.js';
import { activeQuestions, joinRespondents, markInactive, progressOf } from '../session/state.js';
import { checkValue, type ValueProblem } from '../session/values.js';

export interface QuestionFilter {
  theme?: string;
  audience?: string;
}

/** The questions of this interview in framework order, narrowed by --theme / --audience. */
export function selectQuestions(framework: Framework, filter: QuestionFilter = {}): QuestionPlace[] {
  return [...questionsOf(framework)].filter(
    (p) => (!filter.theme || p.theme.id === filter.theme) && (!filter.audience || audiencesOf(p.criterion).includes(filter.audience)),
  );
}

/** Where a resumed interview starts: the first open required question, else the first open one. */
export function resumeIndex(plan: readonly QuestionPlace[], framework: Framework, answers: Record<string, Answer>): number {
  const active = activeQuestions(framework, answers);
  const open = (required: boolean) =>
    plan.findIndex((p) => active.has(p.question.id) && !own(answers, p.question.id) && (!required || p.question.required !== false));
  const first = open(true);
  return first >= 0 ? first : open(false);
}

/** Where a resumed interview starts, as the screen will number it, and why it starts there. */
export interface ResumePoint {
  index: number;
  /** 1-based position among the asked questions, as `[position/total]` shows it. */
  position: number;
  total: number;
  answered: number;
  /** Open required questions before the furthest answer: skipped earlier, asked first now. */
  skipped: number;
  /** Position of the last asked question that has an answer (0 if none). */
  furthest: number;
}

export function resumePoint(plan: readonly QuestionPlace[], framework: Framework, answers: Record<string, Answer>): ResumePoint | undefined {
  const index = resumeIndex(plan, framework, answers);
  if (index < 0) return undefined;
  const active = activeQuestions(framework, answers);
  const asked = plan.filter((p) => active.has(p.question.id));
  const isOpen = (p: QuestionPlace) => !Object.hasOwn(answers, p.question.id);
  let furthest = 0;
  asked.forEach((p, i) => {
    if (!isOpen(p)) furthest = i + 1;
  });
  const skipped = asked.slice(0, furthest).filter((p) => isOpen(p) && p.question.required !== false).length;
  return {
    index,
    position: asked.indexOf(plan[index]!) + 1,
    total: asked.length,
    answered: asked.filter((p) => !isOpen(p)).length,
    skipped,
    furthest,
  };
}

/**
 * The answers given before this sitting, as plan indexes with the most recent last, so that
 * "Terug" right after a resume reaches them in the order they were given, newest first.
 */
function earlierAnswers(plan: readonly QuestionPlace[], framework: Framework, answers: Record<string, Answer>): number[] {
  const active = activeQuestions(framework, answers);
  return plan
    .map((p, i) => ({ i, answer: Object.hasOwn(answers, p.question.id) ? answers[p.question.id] : undefined, asked: active.has(p.question.id) }))
    .filter((e) => e.answer && e.asked)
    .sort((a, b) => (a.answer!.at < b.answer!.at ? -1 : a.answer!.at > b.answer!.at ? 1 : a.i - b.i))
    .map((e) => e.i);
}

/** The same answer: value, note and evidence unchanged (then who said it, and when, stay as they were). */
function sameAnswer(a: Answer, b: Answer): boolean {
  return JSON.stringify([a.value, a.note ?? null, a.evidence ?? []]) === JSON.stringify([b.value, b.note ?? null, b.evidence ?? []]);
}

export interface QuestionView {
  place: QuestionPlace;
  framework: Framework;
  /** 1-based position among the questions asked in this plan, and their number. */
  position: number;
  total: number;
  current?: Answer;
  /** The plan's themes, with answered/total of their asked questions (for "Naar thema…"). */
  themes: { id: string; title: string; answered: number; total: number }[];
  /** Answered and asked questions of the whole plan, for the screen's "12 beantwoord, 37 open". */
  answered: number;
  /** For a count: the total it is part of, when that is answered (x "of the" total). */
  countTotal?: number;
  /** The session's respondent roles, and who answers now (undefined: not recorded per answer). */
  respondents: string[];
  respondent?: string;
}

export type Step =
  | { kind: 'answer'; value: StoredValue }
  | { kind: 'skip' }
  | { kind: 'back' }
  | { kind: 'jump'; theme: string }
  /** Another person answers from now on (undefined: several, not recorded per answer); a new role joins the session. */
  | { kind: 'respondent'; role: string | undefined }
  | { kind: 'pause' };

export interface AnswerDetails {
  note?: string;
  evidence?: string[];
}

/** Everything the engine needs from a user interface. */
export interface Prompter {
  /** Show theme › criterion and what good looks like, when a new criterion starts. */
  criterion(view: QuestionView): void;
  ask(view: QuestionView): Promise<Step>;
  /** After an answer: an optional note and the evidence seen. */
  details(view: QuestionView): Promise<AnswerDetails>;
  /** A value the engine refused (the adapter should prevent it; scripted input may not). */
  invalid(view: QuestionView, problem: ValueProblem, value: unknown): void;
  /**
   * With --judge, after a criterion: the interviewer's verdict and motivation, null to remove
   * an earlier one, or undefined to leave things as they are.
   */
  judge?(view: QuestionView, outcome: JudgeContext): Promise<{ verdict: Verdict; motivation: string } | null | undefined>;
}

export interface JudgeContext {
  /** What the answers give by the thresholds. */
  computed: Outcome;
  score?: number;
  current?: Judgement;
}

/** Thrown by a Prompter when the user presses Ctrl-C. Answers given so far are saved. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** How an interview ended (not a criterion's outcome, which is scoring's Outcome). */
export type InterviewOutcome = 'finished' | 'paused' | 'interrupted';

/** What runInterview needs (the command's own options are InterviewOptions in src/cli/commands/interview.ts). */
export interface RunInterviewOptions {
  framework: Framework;
  session: Session;
  plan: readonly QuestionPlace[];
  prompter: Prompter;
  /** Persist the session; called after every answer, atomically by the caller. */
  save(session: Session): void;
  now(): string;
  respondent?: string;
  /** Ask for the interviewer's verdict per criterion (Prompter.judge). */
  judge?: boolean;
  /** Walk answered questions again instead of only the open ones. */
  review?: boolean;
  start?: number;
}

export async function runInterview(options: RunInterviewOptions): Promise<InterviewOutcome> {
  const { framework, session, plan, prompter } = options;
  const themes = framework.themes.filter((t) => plan.some((p) => p.theme.id === t.id)).map((t) => ({ id: t.id, title: t.title }));
  let index = options.start ?? (options.review ? 0 : Math.max(0, resumeIndex(plan, framework, session.answers)));
  // After a resume, Terug must still reach what was answered before (the earliest first in, the newest popped first).
  const history: number[] = options.review ? [] : earlierAnswers(plan, framework, session.answers).filter((i) => i !== index);
  let revisit = false; // after "back" or a jump, answered questions are shown instead of passed over
  let shownCriterion: string | undefined;
  let respondent = options.respondent; // changes when someone else takes over mid-interview

  /** With --judge: when the interview moves past a criterion's last question, ask for the interviewer's verdict. */
  const judgeOnLeaving = async (place: QuestionPlace, view: QuestionView): Promise<void> => {
    if (!options.judge || !prompter.judge) return;
    // The next question that will actually be asked; skip logic may pass over the rest of this criterion.
    const active = activeQuestions(framework, session.answers);
    const next = plan.slice(index).find((p) => active.has(p.question.id));
    if (next?.criterion.id === place.criterion.id) return;
    const id = place.criterion.id;
    const scored = scoreSession(framework, session).criteria.find((c) => c.criterion.id === id)!;
    const judgement = await prompter.judge(view, { computed: scored.computed, score: scored.score, current: own(session.judgements, id) });
    if (judgement === undefined) return;
    if (judgement === null) {
      if (!session.judgements || !own(session.judgements, id)) return;
      delete session.judgements[id];
    } else {
      session.judgements = { ...session.judgements, [id]: { ...judgement, at: options.now() } };
    }
    options.save(session);
  };

  try {
    while (index < plan.length) {
      const place = plan[index]!;
      const active = activeQuestions(framework, session.answers);
      const answered = own(session.answers, place.question.id) !== undefined;
      if (!active.has(place.question.id) || (answered && !options.review && !revisit)) {
        index++;
        continue;
      }
      const asked = plan.filter((p) => active.has(p.question.id));
      const view: QuestionView = {
        place,
        framework,
        position: asked.indexOf(place) + 1,
        total: asked.length,
        current: own(session.answers, place.question.id),
        themes: themes.map((th) => {
          const progress = progressOf(plan.filter((p) => p.theme.id === th.id), framework, session, active);
          return { ...th, answered: progress.answered, total: progress.total };
        }),
        answered: progressOf(plan, framework, session, active).answered,
        respondents: (session.context.respondents ?? []).map((r) => r.role),
        ...(respondent !== undefined && { respondent }),
      };
      const total = place.question.count && session.answers[place.question.count.of]?.value;
      if (typeof total === 'number') view.countTotal = total;
      if (shownCriterion !== place.criterion.id) {
        prompter.criterion(view);
        shownCriterion = place.criterion.id;
      }
      const step = await prompter.ask(view);
      if (step.kind === 'answer') {
        const problem = checkValue(place.question, step.value, framework, session.answers);
        if (problem) {
          prompter.invalid(view, problem, step.value);
          continue;
        }
        // Saved before the follow-up prompts (note, evidence): Ctrl-C there must not lose the answer.
        const previous = own(session.answers, place.question.id);
        const record = (details: AnswerDetails): void => {
          const given: Answer = {
            value: step.value,
            ...(details.note && { note: details.note }),
            ...(details.evidence?.length && { evidence: details.evidence }),
            ...(respondent && { respondent }),
            at: options.now(),
          };
          // Confirming an unchanged answer (in --review, under another respondent) must not rewrite who said it, or when.
          session.answers[place.question.id] = previous && sameAnswer(previous, given) ? previous : given;
          markInactive(framework, session.answers);
          options.save(session);
        };
        record({ note: previous?.note, evidence: previous?.evidence });
        const details = await prompter.details(view);
        if (details.note !== previous?.note || JSON.stringify(details.evidence ?? []) !== JSON.stringify(previous?.evidence ?? [])) record(details);
        history.push(index);
        index++;
        revisit = false;
        await judgeOnLeaving(place, view);
      } else if (step.kind === 'skip') {
        history.push(index);
        index++;
        revisit = false;
        await judgeOnLeaving(place, view);
      } else if (step.kind === 'back') {
        index = history.pop() ?? index;
        revisit = true;
        shownCriterion = undefined;
      } else if (step.kind === 'jump') {
        // Land on the theme's first open question; a theme with none open is walked again.
        const inTheme = plan.map((p, i) => ({ p, i })).filter(({ p }) => p.theme.id === step.theme);
        const firstOpen = inTheme.find(({ p }) => active.has(p.question.id) && !own(session.answers, p.question.id));
        if (inTheme.length > 0) {
          history.push(index);
          index = (firstOpen ?? inTheme[0]!).i;
          revisit = !firstOpen;
          shownCriterion = undefined;
        }
      } else if (step.kind === 'respondent') {
        // The same question again, now recorded under the new respondent; a new role is saved at once.
        respondent = step.role;
        if (joinRespondents(session, [step.role]).length > 0) options.save(session);
      } else {
        options.save(session);
        return 'paused';
      }
    }
  } catch (error) {
    if (error instanceof Interrupted) return 'interrupted';
    throw error;
  }
  return 'finished';
}

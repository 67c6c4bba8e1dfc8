/**
 * The state of a session, defined once: which questions skip logic asks, which required ones
 * are still open (a judged difference between respondents counts as settled), and so whether
 * the session is complete. Interview, check, completeness, merge, migrate, scoring and report
 * all ask here, so they cannot disagree about what is open.
 */
import { own } from '../core/own.js';
import { evaluateCondition } from '../framework/condition.js';
import { indexOf, type Framework, type QuestionPlace } from '../framework/types.js';
import type { Answer, Session } from './types.js';

type SessionFacts = Pick<Session, 'answers' | 'perspectives' | 'judgements'>;

/**
 * Which questions are asked, given the answers. One pass in framework order suffices because
 * `when` may only look at earlier questions (kader validate enforces it); an answer to a
 * question that is itself not asked does not count, so chains switch off together.
 */
export function activeQuestions(framework: Framework, answers: Readonly<Record<string, Answer>>): Set<string> {
  const active = new Set<string>();
  const valueOf = (id: string): unknown => (active.has(id) ? own(answers, id)?.value : undefined);
  for (const { question } of indexOf(framework).places) {
    if (!question.when || evaluateCondition(question.when, valueOf)) active.add(question.id);
  }
  return active;
}

/** Mark answers that skip logic no longer asks for; unmark those it asks again. Never deletes. */
export function markInactive(framework: Framework, answers: Record<string, Answer>): void {
  const active = activeQuestions(framework, answers);
  const { questions } = indexOf(framework);
  for (const [id, answer] of Object.entries(answers)) {
    if (!questions.has(id)) continue; // an id the framework lost: reported by check, left as it is
    if (active.has(id)) delete answer.inactive;
    else answer.inactive = true;
  }
}

/**
 * Is this asked question still waiting for an answer? In a merged session a question on which
 * respondents differ is settled once the interviewer judged its criterion.
 */
function waiting(session: SessionFacts, place: QuestionPlace): boolean {
  if (own(session.answers, place.question.id)) return false;
  return !(own(session.perspectives, place.question.id) && own(session.judgements, place.criterion.id));
}

/** The asked, required questions that still wait for an answer, in framework order. */
export function openRequired(framework: Framework, session: SessionFacts, active: ReadonlySet<string> = activeQuestions(framework, session.answers)): string[] {
  return indexOf(framework)
    .places.filter((place) => active.has(place.question.id) && place.question.required !== false && waiting(session, place))
    .map((p) => p.question.id);
}

export interface Progress {
  answered: number;
  open: number;
  openRequired: number;
  total: number;
}

/** Answered and open among the asked questions of `plan` (all of the framework, or a --theme part). */
export function progressOf(plan: readonly QuestionPlace[], framework: Framework, session: SessionFacts, active: ReadonlySet<string> = activeQuestions(framework, session.answers)): Progress {
  let answered = 0;
  let open = 0;
  let openRequired = 0;
  for (const place of plan) {
    if (!active.has(place.question.id)) continue;
    if (!waiting(session, place)) answered++;
    else {
      open++;
      if (place.question.required !== false) openRequired++;
    }
  }
  return { answered, open, openRequired, total: answered + open };
}

export type SessionStatus = Session['status'];

/** Complete when no asked, required question of the whole framework waits for an answer. */
export function statusOf(framework: Framework, session: SessionFacts): SessionStatus {
  return openRequired(framework, session).length === 0 ? 'complete' : 'in-progress';
}

/**
 * What every write of a session does first: answers that skip logic no longer asks are marked,
 * and the status is recomputed, so a file never claims to be complete when it is not.
 */
export function settle(framework: Framework, session: Session): Session {
  markInactive(framework, session.answers);
  session.status = statusOf(framework, session);
  return session;
}

/**
 * Roles that answered but are not yet among the session's respondents join them, in the order
 * given, so a report lists every perspective; returns the roles that were added.
 */
export function joinRespondents(session: Session, roles: readonly (string | undefined)[]): string[] {
  const known = new Set((session.context.respondents ?? []).map((r) => r.role));
  const added: string[] = [];
  for (const role of roles) {
    if (role === undefined || role.trim() === '' || known.has(role)) continue;
    known.add(role);
    added.push(role);
  }
  if (added.length > 0) session.context.respondents = [...(session.context.respondents ?? []), ...added.map((role) => ({ role }))];
  return added;
}

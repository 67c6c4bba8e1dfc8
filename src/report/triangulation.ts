/**
 * Triangulation in the verbeterplan: per criterion where the respondents of a merged session
 * differ, each question with every respondent's answer, and the interviewer's verdict if
 * given. This is what an inspector's judgement rests on, so the report shows it in full.
 */
import { own } from '../core/own.js';
import { indexOf, type Framework } from '../framework/types.js';
import type { Session } from '../session/types.js';
import { answerLabel, type AnswerWords } from './answer-label.js';

export interface TriangulationView {
  id: string;
  title: string;
  critical: boolean;
  /** The interviewer's verdict on the criterion, or null while it is undecided. */
  judgement: { verdict: string; motivation: string } | null;
  questions: { id: string; question: string; answers: { respondent: string; answer: string; note: string | null }[] }[];
}

export interface SourcesView {
  at: string;
  from: { respondent: string; date: string }[];
}

export function triangulation(framework: Framework, session: Session, words: AnswerWords): TriangulationView[] {
  const perspectives = session.perspectives ?? {};
  const views = new Map<string, TriangulationView>();
  for (const { question, criterion } of indexOf(framework).places) {
    const given = own(perspectives, question.id);
    if (!given) continue;
    let view = views.get(criterion.id);
    if (!view) {
      const judgement = own(session.judgements, criterion.id);
      view = {
        id: criterion.id,
        title: criterion.title,
        critical: criterion.critical === true,
        judgement: judgement ? { verdict: judgement.verdict, motivation: judgement.motivation } : null,
        questions: [],
      };
      views.set(criterion.id, view);
    }
    view.questions.push({
      id: question.id,
      question: question.text,
      answers: given.map((p) => ({ respondent: p.respondent, answer: answerLabel(framework, question.id, p.value, words), note: p.note ?? null })),
    });
  }
  return [...views.values()];
}

export const sourcesOf = (session: Session): SourcesView | null =>
  session.merged ? { at: session.merged.at, from: session.merged.from.map(({ respondent, date }) => ({ respondent, date })) } : null;

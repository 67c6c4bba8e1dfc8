/**
 * Consolidate interviews of one framework and gemeente held with different respondents
 * (beleid, wijkteam, Veilig Thuis …). Where the respondents who answered a question agree,
 * the answer is taken; where they differ, nobody's answer is chosen for them: each
 * perspective is recorded under `perspectives:` and the question stays open until the
 * interviewer judges the criterion (kader merge --interactive). Pure: sessions in, session out.
 */
import { own } from '../core/own.js';
import { indexOf, type Framework } from '../framework/types.js';
import type { Answer, ImprovementAction, Judgement, Perspective, Respondent, Session } from './types.js';

export interface MergeSource {
  /** The file name without folder and extension: the last resort for a perspective's name. */
  name: string;
  session: Session;
}

export interface MergeResult {
  session: Session;
  /** Questions answered alike by everyone who answered them. */
  agreed: number;
  /** Questions with differing answers, in framework order. */
  differ: string[];
  /** Criteria holding such a question, in framework order. */
  criteria: string[];
  /** Criteria whose earlier judgements in the sources disagreed: left for the interviewer. */
  droppedJudgements: string[];
}

/** Whose perspective a session is: its respondents' roles, else its team, else its file name. */
function labelOf(source: MergeSource): string {
  const roles = (source.session.context.respondents ?? []).map((r) => r.role);
  return roles.length > 0 ? roles.join(' + ') : (source.session.context.team ?? source.name);
}

/** Labels made unique: two sessions with the wijkteam become "wijkteam" and "wijkteam (2)". */
function uniqueLabels(sources: readonly MergeSource[]): string[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const label = labelOf(source);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const unique = <T>(items: readonly T[]): T[] => [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];
const latest = (times: readonly string[]): string => [...times].sort().at(-1)!;

function agreedAnswer(given: readonly { label: string; answer: Answer }[]): Answer {
  const notes = given.filter((g) => g.answer.note).map((g) => `${g.label}: ${g.answer.note}`);
  const evidence = unique(given.flatMap((g) => g.answer.evidence ?? []));
  return {
    value: structuredClone(given[0]!.answer.value),
    ...(notes.length > 0 && { note: notes.join('\n') }),
    ...(evidence.length > 0 && { evidence }),
    respondent: given.map((g) => g.label).join(', '),
    at: latest(given.map((g) => g.answer.at)),
  };
}

/** Judgements the sources agree on (same verdict) carry over; a conflict is the interviewer's to settle. */
function mergeJudgements(sources: readonly MergeSource[], dropped: string[]): Record<string, Judgement> {
  const byCriterion = new Map<string, Judgement[]>();
  for (const { session } of sources) {
    for (const [id, judgement] of Object.entries(session.judgements ?? {})) byCriterion.set(id, [...(byCriterion.get(id) ?? []), judgement]);
  }
  const out: Record<string, Judgement> = {};
  for (const [id, list] of byCriterion) {
    if (list.every((j) => j.verdict === list[0]!.verdict)) {
      out[id] = { verdict: list[0]!.verdict, motivation: unique(list.map((j) => j.motivation)).join('\n'), at: latest(list.map((j) => j.at)) };
    } else {
      dropped.push(id);
    }
  }
  return out;
}

/** Every source's actions; an id already taken gets the next free A-number. */
function mergeActions(sources: readonly MergeSource[]): ImprovementAction[] {
  const actions: ImprovementAction[] = [];
  const taken = new Set<string>();
  let next = 1;
  for (const action of sources.flatMap((s) => s.session.actions ?? [])) {
    if (actions.some((a) => same({ ...a, id: '' }, { ...action, id: '' }))) continue; // the same action twice
    let id = action.id;
    if (taken.has(id)) {
      while (taken.has(`A${next}`)) next++;
      id = `A${next}`;
    }
    taken.add(id);
    actions.push({ ...structuredClone(action), id });
  }
  return actions;
}

export function mergeSessions(framework: Framework, sources: readonly MergeSource[], options: { id: string; now: string; digest: string }): MergeResult {
  const labels = uniqueLabels(sources);
  const { places } = indexOf(framework);
  // Framework order first, then any ids the framework does not know (kept, not lost).
  const known = places.map((p) => p.question.id);
  const extra = unique(sources.flatMap((s) => Object.keys(s.session.answers)).filter((id) => !known.includes(id)));
  const answers: Record<string, Answer> = {};
  const perspectives: Record<string, Perspective[]> = {};
  let agreed = 0;
  for (const id of [...known, ...extra]) {
    const given = sources.flatMap((s, i) => {
      const answer = own(s.session.answers, id);
      if (answer && !answer.inactive) return [{ label: answer.respondent ?? labels[i]!, answer }];
      // A source that is itself a merge brings its perspectives along, so merging again loses none.
      return (own(s.session.perspectives, id) ?? []).map(({ respondent, ...rest }) => ({ label: respondent, answer: rest as Answer }));
    });
    if (given.length === 0) continue;
    if (given.every((g) => same(g.answer.value, given[0]!.answer.value))) {
      answers[id] = agreedAnswer(given);
      if (given.length > 1) agreed++;
      continue;
    }
    perspectives[id] = given.map(({ label, answer }) => ({
      respondent: label,
      value: structuredClone(answer.value),
      ...(answer.note && { note: answer.note }),
      ...(answer.evidence?.length && { evidence: [...answer.evidence] }),
      at: answer.at,
    }));
  }
  const differ = Object.keys(perspectives);
  const criteria = unique(places.filter((p) => differ.includes(p.question.id)).map((p) => p.criterion.id));
  const droppedJudgements: string[] = [];
  const judgements = mergeJudgements(sources, droppedJudgements);
  const first = sources[0]!.session;
  const contexts = sources.map((s) => s.session.context);
  const shared = (key: 'team' | 'regio') => (contexts.every((c) => c[key] === contexts[0]![key]) ? contexts[0]![key] : undefined);
  const interviewers = unique(contexts.flatMap((c) => c.interviewers ?? []));
  const respondents: Respondent[] = unique(contexts.flatMap((c) => c.respondents ?? []));
  const team = shared('team');
  const regio = shared('regio');
  const session: Session = {
    kader: 1,
    kind: 'session',
    id: options.id,
    framework: { id: framework.id, version: framework.version, digest: options.digest },
    context: {
      gemeente: first.context.gemeente.trim(),
      ...(team && { team }),
      ...(regio && { regio }),
      date: latest(contexts.map((c) => c.date)),
      ...(interviewers.length > 0 && { interviewers }),
      ...(respondents.length > 0 && { respondents }),
    },
    status: 'in-progress',
    merged: { at: options.now, from: sources.map((s, i) => ({ id: s.session.id, respondent: labels[i]!, date: s.session.context.date })) },
    answers,
    ...(differ.length > 0 && { perspectives }),
    ...(Object.keys(judgements).length > 0 && { judgements }),
    actions: mergeActions(sources),
  };
  return { session, agreed, differ, criteria, droppedJudgements };
}

/** Criteria that hold a differing question and have no judgement yet: what is left to decide. */
export function undecided(framework: Framework, session: Session): string[] {
  const differ = new Set(Object.keys(session.perspectives ?? {}));
  return unique(indexOf(framework).places.filter((p) => differ.has(p.question.id) && !own(session.judgements, p.criterion.id)).map((p) => p.criterion.id));
}

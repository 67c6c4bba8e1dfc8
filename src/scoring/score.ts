/**
 * Pure scoring of a session: question → criterion → theme → total, verdicts from thresholds
 * or from the interviewer's judgement, and the priority order of improvement points.
 */
import { activeQuestions } from '../interview/engine.js';
import type { Criterion, Framework, Theme } from '../framework/types.js';
import type { Judgement, Session } from '../session/types.js';
import { countScore } from './count.js';

/** A criterion's outcome. `open`: a scored question is still unanswered; `unknown`: only "onbekend". */
export type Outcome = 'meets' | 'partly' | 'not-met' | 'not-applicable' | 'unknown' | 'open';

export interface Tally {
  meets: number;
  partly: number;
  'not-met': number;
  'not-applicable': number;
  unknown: number;
  open: number;
}

export interface CriterionScore {
  criterion: Criterion;
  theme: Theme;
  /** Position in the framework, for stable ties. */
  order: number;
  weight: number;
  /** Mean of the scored answers (0..1); undefined when nothing is scored or a scored question is open. */
  score?: number;
  /** The verdict from the thresholds, before any judgement. */
  computed: Outcome;
  /** What counts: the judgement's verdict when there is one, else `computed`. */
  outcome: Outcome;
  judgement?: Judgement;
  scored: number;
  nvt: number;
  onbekend: number;
  /** Scale questions that skip logic asks and nobody answered yet. */
  open: number;
}

export interface ThemeScore {
  theme: Theme;
  score?: number;
  tally: Tally;
}

export interface SessionScore {
  criteria: CriterionScore[];
  themes: ThemeScore[];
  total?: number;
  tally: Tally;
  /** Criteria that are partly or not met, in priority order (see `prioritise`). */
  improvements: CriterionScore[];
  strengths: CriterionScore[];
}

const emptyTally = (): Tally => ({ meets: 0, partly: 0, 'not-met': 0, 'not-applicable': 0, unknown: 0, open: 0 });

/** Weighted mean over the items that have a score; undefined when none has. */
function weightedMean(items: readonly { score?: number; weight: number }[]): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    if (item.score === undefined) continue;
    sum += item.score * item.weight;
    weights += item.weight;
  }
  return weights > 0 ? sum / weights : undefined;
}

const scaleCache = new WeakMap<Framework, Map<string | undefined, Map<string, number>>>();

/** Level value → score per scale, built once per framework: a batch scores thousands of answers. */
function levelScores(framework: Framework, scaleId: string | undefined): Map<string, number> {
  let scales = scaleCache.get(framework);
  if (!scales) {
    scales = new Map(framework.scales.map((scale) => [scale.id, new Map(scale.levels.map((l) => [l.value, l.score]))]));
    scaleCache.set(framework, scales);
  }
  return scales.get(scaleId) ?? new Map();
}

function scoreCriterion(framework: Framework, session: Session, active: ReadonlySet<string>, criterion: Criterion, theme: Theme, order: number): CriterionScore {
  const scores: number[] = [];
  let nvt = 0;
  let onbekend = 0;
  let open = 0;
  for (const question of criterion.questions) {
    if (question.count && active.has(question.id)) {
      const counted = countScore(framework, question, session.answers); // a count scores as the level its fraction reaches
      if (counted !== undefined) scores.push(counted);
      continue;
    }
    if (question.type !== 'scale' || !active.has(question.id)) continue;
    const answer = session.answers[question.id];
    if (!answer) {
      open++;
      continue;
    }
    const level = levelScores(framework, question.scale).get(answer.value as string);
    if (level !== undefined) scores.push(level);
    else if (answer.value === 'nvt') nvt++;
    else if (answer.value === 'onbekend') onbekend++;
  }
  const score = open === 0 && scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined;
  let computed: Outcome;
  if (open > 0) computed = 'open';
  else if (score !== undefined) computed = score >= framework.thresholds.meets ? 'meets' : score >= framework.thresholds.partly ? 'partly' : 'not-met';
  else if (onbekend > 0) computed = 'unknown';
  else computed = 'not-applicable';
  const judgement = session.judgements?.[criterion.id];
  return {
    criterion,
    theme,
    order,
    weight: criterion.weight ?? 1,
    score,
    computed,
    outcome: judgement ? judgement.verdict : computed,
    ...(judgement && { judgement }),
    scored: scores.length,
    nvt,
    onbekend,
    open,
  };
}

/**
 * Improvement points: unmet critical criteria first (veiligheid voorop), then the largest
 * weight × (1 − score), ties in framework order. A judged criterion without a score counts
 * as score 0 for the gap.
 */
export function prioritise(criteria: readonly CriterionScore[]): CriterionScore[] {
  const gap = (c: CriterionScore) => c.weight * (1 - (c.score ?? 0));
  return criteria
    .filter((c) => c.outcome === 'partly' || c.outcome === 'not-met')
    .sort((a, b) => Number(b.criterion.critical === true) - Number(a.criterion.critical === true) || gap(b) - gap(a) || a.order - b.order);
}

/** `active` may be passed when the caller computed it already (a batch checks and scores). */
export function scoreSession(framework: Framework, session: Session, active: ReadonlySet<string> = activeQuestions(framework, session.answers)): SessionScore {
  const criteria: CriterionScore[] = [];
  const themes: ThemeScore[] = [];
  const tally = emptyTally();
  for (const theme of framework.themes) {
    const own = theme.criteria.map((criterion, i) => scoreCriterion(framework, session, active, criterion, theme, criteria.length + i));
    const themeTally = emptyTally();
    for (const c of own) {
      themeTally[c.outcome]++;
      tally[c.outcome]++;
    }
    criteria.push(...own);
    themes.push({ theme, score: weightedMean(own), tally: themeTally });
  }
  return {
    criteria,
    themes,
    total: weightedMean(criteria),
    tally,
    improvements: prioritise(criteria),
    strengths: criteria.filter((c) => c.outcome === 'meets'),
  };
}

/**
 * Pure scoring of a session: question → criterion → theme → total, verdicts from thresholds
 * or from the interviewer's judgement, and the priority order of improvement points.
 */
import { own } from '../core/own.js';
import { activeQuestions } from '../session/state.js';
import { scoringRuleOf, type Criterion, type Framework, type ScoringRule, type Theme } from '../framework/types.js';
import type { Judgement, Session } from '../session/types.js';
import { countScore } from './count.js';

/**
 * A criterion's outcome. `open` (nog niet beoordeeld): a scored question is still unanswered;
 * `unknown`: only "onbekend", or under the weakest-answer rule an "onbekend" among answers
 * that do not show it is unmet.
 */
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
  /** How the answers were combined (see `scoringRuleOf`). */
  rule: ScoringRule;
  /** Mean or lowest of the scored answers (0..1), by `rule`; undefined when nothing is scored or a scored question is open. */
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
  /** Criteria that are partly or not met, and critical ones that are unknown, in priority order (see `prioritise`). */
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

/**
 * A criterion's outcome from its scored answers under its rule. `mean`: the mean of the levels
 * decides, "onbekend" is left out while anything is scored. `weakest` (critical criteria by
 * default): the lowest level decides, and an "onbekend" answer makes the criterion unknown
 * unless another answer already shows it is not met: unknown safety is not a pass.
 */
function outcomeOf(framework: Framework, rule: ScoringRule, scores: readonly number[], onbekend: number, open: number): { score?: number; computed: Outcome } {
  if (open > 0) return { computed: 'open' };
  const { meets, partly } = framework.thresholds;
  const verdict = (score: number): Outcome => (score >= meets ? 'meets' : score >= partly ? 'partly' : 'not-met');
  if (scores.length === 0) return { computed: onbekend > 0 ? 'unknown' : 'not-applicable' };
  const score = rule === 'weakest' ? Math.min(...scores) : scores.reduce((a, b) => a + b, 0) / scores.length;
  const computed = verdict(score);
  // No score either: a theme mean must not count the known answers of a criterion that is unknown.
  if (rule === 'weakest' && onbekend > 0 && computed !== 'not-met') return { computed: 'unknown' };
  return { score, computed };
}

/** What a criterion's answers come to, before any judgement: shared by the full and the compact score. */
interface Counted {
  score?: number;
  computed: Outcome;
  scored: number;
  nvt: number;
  onbekend: number;
  open: number;
}

function countCriterion(framework: Framework, session: Session, active: ReadonlySet<string>, criterion: Criterion, rule: ScoringRule): Counted {
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
    const answer = own(session.answers, question.id);
    if (!answer) {
      open++;
      continue;
    }
    const level = levelScores(framework, question.scale).get(answer.value as string);
    if (level !== undefined) scores.push(level);
    else if (answer.value === 'nvt') nvt++;
    else if (answer.value === 'onbekend') onbekend++;
  }
  const { score, computed } = outcomeOf(framework, rule, scores, onbekend, open);
  return { score, computed, scored: scores.length, nvt, onbekend, open };
}

function scoreCriterion(framework: Framework, session: Session, active: ReadonlySet<string>, criterion: Criterion, theme: Theme, order: number): CriterionScore {
  const rule = scoringRuleOf(framework, criterion);
  const { score, computed, scored, nvt, onbekend, open } = countCriterion(framework, session, active, criterion, rule);
  const judgement = own(session.judgements, criterion.id);
  return {
    criterion,
    theme,
    order,
    weight: criterion.weight ?? 1,
    rule,
    score,
    computed,
    outcome: judgement ? judgement.verdict : computed,
    ...(judgement && { judgement }),
    scored,
    nvt,
    onbekend,
    open,
  };
}

/** Unknown safety is a risk to act on; a critical criterion nobody has assessed yet is one to assess. */
const isFinding = (c: CriterionScore): boolean =>
  c.outcome === 'partly' || c.outcome === 'not-met' || (c.criterion.critical === true && c.outcome === 'unknown');

/**
 * Improvement points, in priority order: critical criteria that are not met, partly met or
 * unknown first (veiligheid voorop), then the rest by the largest weight × (1 − score), ties
 * in framework order. A criterion without a score (judged, or unknown) counts as score 0 for
 * the gap. With `includeOpen`, critical criteria not yet assessed follow the critical
 * findings: `kader plan` offers them, the report lists them in the critical section.
 */
export function prioritise(criteria: readonly CriterionScore[], { includeOpen = false } = {}): CriterionScore[] {
  const gap = (c: CriterionScore) => c.weight * (1 - (c.score ?? 0));
  const tier = (c: CriterionScore) => (c.criterion.critical !== true ? 2 : c.outcome === 'open' ? 1 : 0);
  return criteria
    .filter((c) => isFinding(c) || (includeOpen && c.criterion.critical === true && c.outcome === 'open'))
    .sort((a, b) => tier(a) - tier(b) || gap(b) - gap(a) || a.order - b.order);
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

/** Every outcome, in the order of its code in `CompactScore.outcomes` (and of a tally's keys). */
export const OUTCOMES: readonly Outcome[] = ['meets', 'partly', 'not-met', 'not-applicable', 'unknown', 'open'];
/** An outcome's code: the digit of its index in OUTCOMES, '0' (meets) to '5' (open). */
const CODE: Readonly<Record<Outcome, number>> = { meets: 48, partly: 49, 'not-met': 50, 'not-applicable': 51, unknown: 52, open: 53 };
export const outcomeAt = (outcomes: string, i: number): Outcome => OUTCOMES[outcomes.charCodeAt(i) - 48]!;
export const codeOf = (outcome: Outcome): string => String.fromCharCode(CODE[outcome]);

/**
 * A session's scores as a batch keeps them: the outcome of each criterion as a one-digit code
 * in framework order ("0215…", one byte a criterion: smaller than a typed array, which costs
 * two objects and an off-heap record each), and the weighted means per theme and in total. No
 * object per criterion and no priority order: `kader aggregate` scores thousands of sessions
 * and needs only these (issue #20). The same numbers as `scoreSession`, summed in the same order.
 */
export interface CompactScore {
  outcomes: string;
  themes: (number | undefined)[];
  total?: number;
}

export function scoreCompact(framework: Framework, session: Session, active: ReadonlySet<string> = activeQuestions(framework, session.answers)): CompactScore {
  const codes = new Uint8Array(framework.themes.reduce((n, t) => n + t.criteria.length, 0));
  const themes: (number | undefined)[] = [];
  let sum = 0;
  let weights = 0;
  let i = 0;
  for (const theme of framework.themes) {
    let themeSum = 0;
    let themeWeights = 0;
    for (const criterion of theme.criteria) {
      const { score, computed } = countCriterion(framework, session, active, criterion, scoringRuleOf(framework, criterion));
      const judgement = own(session.judgements, criterion.id);
      codes[i++] = CODE[judgement ? judgement.verdict : computed];
      if (score === undefined) continue;
      const weight = criterion.weight ?? 1;
      themeSum += score * weight;
      themeWeights += weight;
      sum += score * weight;
      weights += weight;
    }
    themes.push(themeWeights > 0 ? themeSum / themeWeights : undefined);
  }
  return { outcomes: String.fromCharCode(...codes), themes, ...(weights > 0 && { total: sum / weights }) };
}

/** How many criteria have each outcome, from the codes of `scoreCompact`. */
export function tallyOf(outcomes: string): Tally {
  const tally = emptyTally();
  for (let i = 0; i < outcomes.length; i++) tally[outcomeAt(outcomes, i)]++;
  return tally;
}

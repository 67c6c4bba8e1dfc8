/** The framework model, as described by schemas/framework.schema.json. */

export type QuestionType = 'scale' | 'choice' | 'multi' | 'boolean' | 'number' | 'text' | 'date';
export const QUESTION_TYPES: readonly QuestionType[] = ['scale', 'choice', 'multi', 'boolean', 'number', 'text', 'date'];

/** Special answers a scale may allow; they are shown but left out of scores. */
export type SpecialValue = 'nvt' | 'onbekend';

export type AnswerValue = string | number | boolean;

export interface Audience {
  id: string;
  label: string;
  description?: string;
}

export interface Level {
  value: string;
  label: string;
  score: number;
  description?: string;
}

export interface Scale {
  id: string;
  label: string;
  levels: Level[];
  allow?: SpecialValue[];
}

export interface Thresholds {
  meets: number;
  partly: number;
}

export interface Reference {
  source: string;
  section?: string;
  url?: string;
  note?: string;
}

/** How far a framework's text can be trusted; every place that shows the framework says it. */
export type ProvenanceStatus = 'official' | 'reconstruction' | 'draft';
export const PROVENANCE_STATUSES: readonly ProvenanceStatus[] = ['official', 'reconstruction', 'draft'];

export interface Provenance {
  status: ProvenanceStatus;
  /** One or two sentences for the reader: what is official and what is not. */
  disclaimer: string;
}

/** What a criterion rests on, from strongest to weakest. */
export type Basis = 'official' | 'public-report' | 'news' | 'interpretation';
export const BASES: readonly Basis[] = ['official', 'public-report', 'news', 'interpretation'];

/** How a criterion's scored answers combine into one score. */
export type ScoringRule = 'mean' | 'weakest';

export interface Choice {
  value: string;
  label: string;
}

/** Skip logic as data: exactly one of the forms below. */
export type Condition =
  | { question: string; equals: AnswerValue }
  | { question: string; in: AnswerValue[] }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface Question {
  id: string;
  text: string;
  type: QuestionType;
  scale?: string;
  choices?: Choice[];
  min?: number;
  max?: number;
  required?: boolean;
  help?: string;
  when?: Condition;
  /** On a number question: the answer counts part of a total, scored by thresholds. */
  count?: CountRule;
}

/**
 * A number question that counts part of a total ("in 7 of the 10 files looked at"). The
 * total is the answer to another number question; the fraction becomes a level of a scale
 * by thresholds the framework states, and that level's score counts like a scale answer.
 */
export interface CountRule {
  /** The earlier number question whose answer is the total. */
  of: string;
  /** The scale whose levels the fraction is turned into. */
  scale: string;
  /** Level value → the smallest fraction (0..1) that reaches it; below every one: the scale's last level. */
  levels: Record<string, number>;
}

export interface Criterion {
  id: string;
  title: string;
  description: string;
  guidance?: string;
  probes?: string[];
  evidence?: string[];
  weight?: number;
  critical?: boolean;
  basis?: Basis;
  /** Overrides the framework's rule; see `scoringRuleOf`. */
  scoring?: ScoringRule;
  audience: string | string[];
  references?: Reference[];
  improvements?: string[];
  questions: Question[];
}

export interface Theme {
  id: string;
  title: string;
  description?: string;
  criteria: Criterion[];
}

export interface Framework {
  kader: 1;
  kind: 'framework';
  id: string;
  version: string;
  title: string;
  publisher: string;
  adopted?: string;
  source: string;
  language: 'nl' | 'en';
  description?: string;
  provenance?: Provenance;
  scoring?: ScoringRule;
  audiences: Audience[];
  scales: Scale[];
  thresholds: Thresholds;
  themes: Theme[];
  migrations?: Migration[];
}

/** One step from an earlier version: old id → new id, several (split) or none (dropped). */
export interface Migration {
  from: string;
  note?: string;
  ids: Record<string, string | string[]>;
}

/** The audiences of a criterion as a list, whichever form the file used. */
export function audiencesOf(criterion: Criterion): string[] {
  return Array.isArray(criterion.audience) ? criterion.audience : [criterion.audience];
}

/**
 * The rule that combines a criterion's answers: the criterion's own, else the framework's,
 * else `weakest` for a critical criterion (veiligheid voorop: one weak answer on safety is not
 * averaged away by a good one) and `mean` for the rest.
 */
export function scoringRuleOf(framework: Pick<Framework, 'scoring'>, criterion: Pick<Criterion, 'scoring' | 'critical'>): ScoringRule {
  return criterion.scoring ?? framework.scoring ?? (criterion.critical === true ? 'weakest' : 'mean');
}

/**
 * What a criterion rests on as a reader should be told: its own `basis`, or, in a framework
 * whose whole text is official, the official text; undefined when nobody says.
 */
export function basisOf(framework: Pick<Framework, 'provenance'>, criterion: Pick<Criterion, 'basis'>): Basis | undefined {
  return criterion.basis ?? (framework.provenance?.status === 'official' ? 'official' : undefined);
}

/** Every question of a framework in file order, with its place. */
export interface QuestionPlace {
  question: Question;
  criterion: Criterion;
  theme: Theme;
  themeIndex: number;
  criterionIndex: number;
  questionIndex: number;
}

export function* questionsOf(framework: Framework): Generator<QuestionPlace> {
  for (const [themeIndex, theme] of framework.themes.entries()) {
    for (const [criterionIndex, criterion] of theme.criteria.entries()) {
      for (const [questionIndex, question] of criterion.questions.entries()) {
        yield { question, criterion, theme, themeIndex, criterionIndex, questionIndex };
      }
    }
  }
}

export interface FrameworkIndex {
  places: readonly QuestionPlace[];
  questions: ReadonlyMap<string, Question>;
  criteria: ReadonlySet<string>;
}

const indexes = new WeakMap<Framework, FrameworkIndex>();

/** Lookups computed once per framework object: batch checks ask them for every session. */
export function indexOf(framework: Framework): FrameworkIndex {
  let index = indexes.get(framework);
  if (!index) {
    const places = [...questionsOf(framework)];
    index = {
      places,
      questions: new Map(places.map((p) => [p.question.id, p.question])),
      criteria: new Set(framework.themes.flatMap((t) => t.criteria.map((c) => c.id))),
    };
    indexes.set(framework, index);
  }
  return index;
}

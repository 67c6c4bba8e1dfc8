/**
 * The report model (verbeterplan): a pure function of framework, session and an optional
 * baseline session. Renderers only lay it out; `kader report --format json` prints it as is.
 * Its shape is documented in docs/report-model.md.
 */
import { own } from '../core/own.js';
import type { Basis, Framework, ProvenanceStatus, Reference, ScoringRule } from '../framework/types.js';
import { basisOf, questionsOf } from '../framework/types.js';
import { comparability } from '../session/comparable.js';
import { openRequired } from '../session/state.js';
import { answerLabel, type AnswerWords } from './answer-label.js';
import { sourcesOf, triangulation, type SourcesView, type TriangulationView } from './triangulation.js';
import { prioritise, scoreSession, type CriterionScore, type Outcome, type Tally } from '../scoring/score.js';
import type { ImprovementAction, Session } from '../session/types.js';

export type Change = 'better' | 'same' | 'worse' | 'new' | 'not-comparable';

export interface ScoreView {
  /** 0..1, or null when there is nothing to score yet. */
  score: number | null;
  /** Rounded percentage, or null. */
  percent: number | null;
}

export interface FindingView {
  question: string;
  questionId: string;
  answer: string;
  note: string | null;
}

export interface CriterionView extends ScoreView {
  id: string;
  title: string;
  theme: string;
  critical: boolean;
  weight: number;
  /** How the answers were combined: `mean` or `weakest`. */
  rule: ScoringRule;
  /** What the criterion rests on; null when the framework does not say. */
  basis: Basis | null;
  references: Reference[];
  outcome: Outcome;
  computed: Outcome;
  judgement: { verdict: string; motivation: string } | null;
  description: string;
  findings: FindingView[];
  evidenceSeen: string[];
  evidenceMissing: string[];
  suggestions: string[];
  actions: ImprovementAction[];
  /** 1-based place in the improvement order; null for criteria that are no improvement point. */
  rank: number | null;
  counts: { nvt: number; onbekend: number; open: number };
}

export interface ActionView extends ImprovementAction {
  criterionTitle: string;
  critical: boolean;
}

/** A criterion named in a list (critical section, not yet assessed, unknown). */
export interface CriterionRef {
  id: string;
  title: string;
  theme: string;
  critical: boolean;
  outcome: Outcome;
}

export interface ReportModel {
  kader: 1;
  kind: 'report';
  /** Marked "vertrouwelijk" on every page unless the user said it may be made public (--no-confidential). */
  confidential: boolean;
  context: {
    gemeente: string;
    team: string | null;
    regio: string | null;
    date: string;
    interviewers: string[];
    respondents: string[];
  };
  framework: {
    id: string;
    version: string;
    title: string;
    publisher: string;
    source: string;
    adopted: string | null;
    digest: string;
    /** Whether the framework's text is official; null when the framework does not say. */
    provenance: { status: ProvenanceStatus; disclaimer: string } | null;
    language: 'nl' | 'en';
    /** The version the session was made with, when it was carried over in memory for this report; null otherwise. */
    migratedFrom: string | null;
  };
  session: {
    id: string;
    /** Computed from the answers and the framework, not taken from the file. */
    status: Session['status'];
    answered: number;
    questions: number;
    /** Asked, required questions still without an answer. */
    openRequired: number;
  };
  summary: ScoreView & {
    tally: Tally;
    themes: (ScoreView & { id: string; title: string; tally: Tally })[];
    /** Critical criteria that do not (yet) meet: not met, partly, unknown, then not yet assessed. */
    critical: CriterionRef[];
    criticalCount: { total: number; meets: number; notApplicable: number };
    /** True only when every critical criterion meets or does not apply (and there is one at least). */
    allCriticalMet: boolean;
  };
  /**
   * What `kader plan` walks, in priority order: the improvement points, with the critical
   * criteria not yet assessed after the critical findings (unknown safety is a risk to act on).
   */
  planOrder: string[];
  /** Criteria that are unknown (and not an improvement point) or not yet assessed, in framework order. */
  unresolved: { unknown: CriterionRef[]; open: CriterionRef[] };
  /** Every criterion in framework order, whatever its outcome. */
  criteria: CriterionView[];
  strengths: CriterionView[];
  improvements: { theme: { id: string; title: string }; criteria: CriterionView[] }[];
  actions: ActionView[];
  baseline: {
    date: string;
    version: string;
    /** The earlier measurement's total, rounded percentage (null without a score). */
    percent: number | null;
    /** The earlier measurement's team; `sameTeam` false means the comparison spans two teams (said in every output). */
    team: string | null;
    sameTeam: boolean;
    /** Per theme: the score then and now and the difference in percentage points (null without both). */
    themes: { id: string; title: string; before: number | null; after: number | null; delta: number | null }[];
    changes: { id: string; title: string; before: ScoreView & { outcome: Outcome }; after: ScoreView & { outcome: Outcome }; change: Change }[];
    tally: Record<Change, number>;
    actions: (ImprovementAction & { statusNow: ImprovementAction['status'] | null })[];
  } | null;
  /** For a merged session: where respondents differ, per criterion (empty otherwise). */
  triangulation: TriangulationView[];
  /** For a merged session: the interviews it was merged from; null otherwise. */
  sources: SourcesView | null;
  account: {
    thresholds: { meets: number; partly: number };
    digestMatches: boolean | null;
    /** Which rule combined the answers: how many criteria by each, and the critical ones by which. */
    rules: { mean: number; weakest: number; critical: ScoringRule | 'mixed' | null };
    /** How many criteria rest on each basis; `unstated` when the framework does not say. */
    bases: Record<Basis | 'unstated', number>;
  };
}

const PRIORITY_ORDER = { hoog: 0, middel: 1, laag: 2 } as const;

/**
 * Dates (YYYY-MM-DD) and action ids compared by code unit, without ICU's collator (its first
 * use costs ~8 ms of a report). For dates and ids as kader plan numbers them (A1, A2, …) the
 * order is localeCompare's; hand-written ids differing only in case put capitals first.
 */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const OUTCOME_RANK: Record<Outcome, number | undefined> = { meets: 2, partly: 1, 'not-met': 0, 'not-applicable': undefined, unknown: undefined, open: undefined };

const view = (score: number | undefined): ScoreView => ({
  score: score === undefined ? null : Math.round(score * 1000) / 1000,
  percent: score === undefined ? null : Math.round(score * 100),
});

export interface ReportInput {
  framework: Framework;
  session: Session;
  /** Digest of the framework file now, to say whether the session's framework was the same. */
  digest?: string;
  baseline?: Session;
  /** Set when `session` was carried over from this earlier framework version in memory. */
  migratedFrom?: string;
  words: AnswerWords;
  /** False only when the user said the plan may be made public; a plan is confidential by default. */
  confidential?: boolean;
}

function criterionView(c: CriterionScore, input: ReportInput, rank: number | null): CriterionView {
  const { framework, session } = input;
  const findings: FindingView[] = [];
  const seen = new Set<string>();
  for (const question of c.criterion.questions) {
    const answer = own(session.answers, question.id);
    if (!answer || answer.inactive) continue;
    for (const e of answer.evidence ?? []) seen.add(e);
    findings.push({ question: question.text, questionId: question.id, answer: answerLabel(framework, question.id, answer.value, input.words), note: answer.note ?? null });
  }
  return {
    id: c.criterion.id,
    title: c.criterion.title,
    theme: c.theme.id,
    critical: c.criterion.critical === true,
    weight: c.weight,
    rule: c.rule,
    basis: basisOf(input.framework, c.criterion) ?? null,
    references: c.criterion.references ?? [],
    ...view(c.score),
    outcome: c.outcome,
    computed: c.computed,
    judgement: c.judgement ? { verdict: c.judgement.verdict, motivation: c.judgement.motivation } : null,
    description: c.criterion.description.trim(),
    findings,
    evidenceSeen: (c.criterion.evidence ?? []).filter((e) => seen.has(e)),
    evidenceMissing: (c.criterion.evidence ?? []).filter((e) => !seen.has(e)),
    suggestions: c.criterion.improvements ?? [],
    actions: (session.actions ?? []).filter((a) => a.criterion === c.criterion.id),
    rank,
    counts: { nvt: c.nvt, onbekend: c.onbekend, open: c.open },
  };
}

function compare(before: CriterionScore | undefined, after: CriterionScore): Change {
  if (!before) return 'new';
  if (before.score !== undefined && after.score !== undefined) {
    const delta = after.score - before.score;
    return Math.abs(delta) < 1e-9 ? 'same' : delta > 0 ? 'better' : 'worse';
  }
  const a = OUTCOME_RANK[before.outcome];
  const b = OUTCOME_RANK[after.outcome];
  if (a === undefined || b === undefined) return before.outcome === after.outcome ? 'same' : 'not-comparable';
  return a === b ? 'same' : b > a ? 'better' : 'worse';
}

export function buildReport(input: ReportInput): ReportModel {
  const { framework, session } = input;
  const scored = scoreSession(framework, session);
  const ref = (c: CriterionScore): CriterionRef => ({ id: c.criterion.id, title: c.criterion.title, theme: c.theme.id, critical: c.criterion.critical === true, outcome: c.outcome });
  const critical = scored.criteria.filter((c) => c.criterion.critical === true);
  const criticalCount = {
    total: critical.length,
    meets: critical.filter((c) => c.outcome === 'meets').length,
    notApplicable: critical.filter((c) => c.outcome === 'not-applicable').length,
  };
  const findings = new Set(scored.improvements.map((c) => c.criterion.id));
  const criticalRules = new Set(critical.map((c) => c.rule));
  const bases: Record<Basis | 'unstated', number> = { official: 0, 'public-report': 0, news: 0, interpretation: 0, unstated: 0 };
  for (const c of scored.criteria) bases[basisOf(framework, c.criterion) ?? 'unstated']++;
  const open = openRequired(framework, session);
  const ranks = new Map(scored.improvements.map((c, i) => [c.criterion.id, i + 1]));
  const views = new Map(scored.criteria.map((c) => [c.criterion.id, criterionView(c, input, ranks.get(c.criterion.id) ?? null)]));
  const asked = [...questionsOf(framework)];

  const improvements = framework.themes
    .map((theme) => ({
      theme: { id: theme.id, title: theme.title },
      criteria: scored.improvements.filter((c) => c.theme.id === theme.id).map((c) => views.get(c.criterion.id)!),
    }))
    .filter((group) => group.criteria.length > 0);

  const titles = new Map(scored.criteria.map((c) => [c.criterion.id, c.criterion]));
  const actions: ActionView[] = [...(session.actions ?? [])]
    .map((a) => ({ ...a, criterionTitle: titles.get(a.criterion)?.title ?? a.criterion, critical: titles.get(a.criterion)?.critical === true }))
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || byCodeUnit(a.due, b.due) || byCodeUnit(a.id, b.id));

  let baseline: ReportModel['baseline'] = null;
  if (input.baseline) {
    const earlier = scoreSession(framework, input.baseline);
    const before = new Map(earlier.criteria.map((c) => [c.criterion.id, c]));
    const themesBefore = new Map(earlier.themes.map((t) => [t.theme.id, view(t.score).percent]));
    const changes = scored.criteria.map((c) => {
      const old = before.get(c.criterion.id);
      return {
        id: c.criterion.id,
        title: c.criterion.title,
        before: { ...view(old?.score), outcome: old?.outcome ?? ('open' as Outcome) },
        after: { ...view(c.score), outcome: c.outcome },
        change: compare(old, c),
      };
    });
    const tally: Record<Change, number> = { better: 0, same: 0, worse: 0, new: 0, 'not-comparable': 0 };
    for (const change of changes) tally[change.change]++;
    const now = new Map((session.actions ?? []).map((a) => [a.id, a.status]));
    baseline = {
      date: input.baseline.context.date,
      version: input.baseline.framework.version,
      percent: view(earlier.total).percent,
      team: input.baseline.context.team ?? null,
      sameTeam: comparability(input.baseline, session).sameTeam,
      themes: scored.themes.map((t) => {
        const was = themesBefore.get(t.theme.id) ?? null;
        const now = view(t.score).percent;
        return { id: t.theme.id, title: t.theme.title, before: was, after: now, delta: was === null || now === null ? null : now - was };
      }),
      changes,
      tally,
      actions: (input.baseline.actions ?? []).map((a) => ({ ...a, statusNow: now.get(a.id) ?? null })),
    };
  }

  return {
    kader: 1,
    kind: 'report',
    confidential: input.confidential !== false,
    context: {
      gemeente: session.context.gemeente,
      team: session.context.team ?? null,
      regio: session.context.regio ?? null,
      date: session.context.date,
      interviewers: session.context.interviewers ?? [],
      respondents: (session.context.respondents ?? []).map((r) => (r.organisation ? `${r.role} (${r.organisation})` : r.role)),
    },
    framework: {
      id: framework.id,
      version: framework.version,
      title: framework.title,
      publisher: framework.publisher,
      source: framework.source,
      adopted: framework.adopted ?? null,
      digest: session.framework.digest,
      provenance: framework.provenance ? { status: framework.provenance.status, disclaimer: framework.provenance.disclaimer.trim() } : null,
      language: framework.language,
      migratedFrom: input.migratedFrom ?? null,
    },
    session: {
      id: session.id,
      status: open.length === 0 ? 'complete' : 'in-progress',
      answered: Object.values(session.answers).filter((a) => !a.inactive).length,
      questions: asked.length,
      openRequired: open.length,
    },
    summary: {
      ...view(scored.total),
      tally: scored.tally,
      themes: scored.themes.map((t) => ({ id: t.theme.id, title: t.theme.title, ...view(t.score), tally: t.tally })),
      critical: prioritise(scored.criteria, { includeOpen: true })
        .filter((c) => c.criterion.critical)
        .map(ref),
      criticalCount,
      allCriticalMet: criticalCount.total > 0 && criticalCount.meets + criticalCount.notApplicable === criticalCount.total,
    },
    planOrder: prioritise(scored.criteria, { includeOpen: true }).map((c) => c.criterion.id),
    unresolved: {
      unknown: scored.criteria.filter((c) => c.outcome === 'unknown' && !findings.has(c.criterion.id)).map(ref),
      open: scored.criteria.filter((c) => c.outcome === 'open').map(ref),
    },
    criteria: scored.criteria.map((c) => views.get(c.criterion.id)!),
    strengths: scored.strengths.map((c) => views.get(c.criterion.id)!),
    improvements,
    actions,
    baseline,
    triangulation: triangulation(framework, session, input.words),
    sources: sourcesOf(session),
    account: {
      thresholds: framework.thresholds,
      digestMatches: input.digest ? input.digest === session.framework.digest : null,
      rules: {
        mean: scored.criteria.filter((c) => c.rule === 'mean').length,
        weakest: scored.criteria.filter((c) => c.rule === 'weakest').length,
        critical: criticalRules.size === 0 ? null : criticalRules.size > 1 ? 'mixed' : [...criticalRules][0]!,
      },
      bases,
    },
  };
}

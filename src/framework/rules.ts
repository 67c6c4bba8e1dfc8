/**
 * Semantic rules a JSON Schema cannot express. Each rule reads the parsed value defensively:
 * rules also run on files that failed the schema, so one run shows every finding.
 */
import type { Diagnostic, RuleId, Severity } from '../core/diagnostic.js';
import type { Messages } from '../i18n/index.js';
import type { ParsedYaml, YamlPath } from '../yaml/parse.js';

export interface RuleContext {
  parsed: ParsedYaml;
  msgs: Messages;
  report(path: YamlPath, rule: RuleId, message: string, severity?: Severity, at?: 'key' | 'value'): void;
}

export type Rule = (root: Obj, ctx: RuleContext) => void;

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

interface QuestionEntry {
  id: string;
  path: YamlPath;
  question: Obj;
  order: number;
}

/**
 * The criteria with their paths, skipping anything malformed: listed once per document and
 * shared by the rules (seven walk them; a generator per rule was ~10 % of validating a
 * 19,000-line framework, issue #20). The rules do not change the document.
 */
const criteriaLists = new WeakMap<Obj, readonly { criterion: Obj; path: YamlPath }[]>();
function criteriaOf(root: Obj): readonly { criterion: Obj; path: YamlPath }[] {
  let list = criteriaLists.get(root);
  if (list) return list;
  const found: { criterion: Obj; path: YamlPath }[] = [];
  for (const [t, theme] of arr(root.themes).entries()) {
    if (!isObj(theme)) continue;
    for (const [c, criterion] of arr(theme.criteria).entries()) {
      if (isObj(criterion)) found.push({ criterion, path: ['themes', t, 'criteria', c] });
    }
  }
  list = found;
  criteriaLists.set(root, list);
  return list;
}

const questionIndexes = new WeakMap<Obj, Map<string, QuestionEntry>>();
function questionIndex(root: Obj): Map<string, QuestionEntry> {
  const cached = questionIndexes.get(root);
  if (cached) return cached;
  const index = new Map<string, QuestionEntry>();
  questionIndexes.set(root, index);
  let order = 0;
  for (const { criterion, path } of criteriaOf(root)) {
    for (const [q, question] of arr(criterion.questions).entries()) {
      const id = isObj(question) ? str(question.id) : undefined;
      if (id !== undefined && isObj(question) && !index.has(id)) {
        index.set(id, { id, path: [...path, 'questions', q], question, order });
      }
      order++;
    }
  }
  return index;
}

/** Report the second and later occurrences of a value, naming the line of the first. */
function checkUnique(
  ctx: RuleContext,
  entries: Iterable<{ value: string | undefined; path: YamlPath }>,
  message: (value: string, firstLine: number) => string,
  rule: RuleId = 'unique-value',
): void {
  const first = new Map<string, YamlPath>();
  for (const { value, path } of entries) {
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (earlier) ctx.report(path, rule, message(value, ctx.parsed.locate(earlier).line));
    else first.set(value, path);
  }
}

const uniqueIds: Rule = (root, ctx) => {
  function* ids(): Generator<{ value: string | undefined; path: YamlPath }> {
    for (const [t, theme] of arr(root.themes).entries()) {
      if (!isObj(theme)) continue;
      yield { value: str(theme.id), path: ['themes', t, 'id'] };
    }
    for (const { criterion, path } of criteriaOf(root)) {
      yield { value: str(criterion.id), path: [...path, 'id'] };
      for (const [q, question] of arr(criterion.questions).entries()) {
        if (isObj(question)) yield { value: str(question.id), path: [...path, 'questions', q, 'id'] };
      }
    }
  }
  checkUnique(ctx, ids(), (id, line) => ctx.msgs.rules.uniqueId(id, line), 'unique-id');
};

const uniqueValues: Rule = (root, ctx) => {
  const what = ctx.msgs.rules.what;
  const listed = (list: unknown, base: YamlPath, key: string) =>
    arr(list).map((item, i) => ({ value: isObj(item) ? str(item[key]) : undefined, path: [...base, i, key] }));
  checkUnique(ctx, listed(root.audiences, ['audiences'], 'id'), (v, l) => ctx.msgs.rules.uniqueValue(what.audience, v, l));
  checkUnique(ctx, listed(root.scales, ['scales'], 'id'), (v, l) => ctx.msgs.rules.uniqueValue(what.scale, v, l));
  for (const [s, scale] of arr(root.scales).entries()) {
    if (!isObj(scale)) continue;
    const levels = listed(scale.levels, ['scales', s, 'levels'], 'value');
    // A special value (nvt, onbekend) must not also be a level: it would be scored and not scored.
    const specials = arr(scale.allow).map((value, i) => ({ value: str(value), path: ['scales', s, 'allow', i] }));
    checkUnique(ctx, levels, (v, l) => ctx.msgs.rules.uniqueValue(what.level, v, l));
    for (const special of specials) {
      const level = levels.find((entry) => entry.value === special.value);
      if (level && special.value !== undefined) {
        const line = ctx.parsed.locate(level.path).line;
        ctx.report(special.path, 'unique-value', ctx.msgs.rules.uniqueValue(what.special, special.value, line));
      }
    }
  }
  for (const { criterion, path } of criteriaOf(root)) {
    for (const [q, question] of arr(criterion.questions).entries()) {
      if (!isObj(question)) continue;
      const choices = listed(question.choices, [...path, 'questions', q, 'choices'], 'value');
      checkUnique(ctx, choices, (v, l) => ctx.msgs.rules.uniqueValue(what.choice, v, l));
    }
  }
};

const scaleRefs: Rule = (root, ctx) => {
  const known = arr(root.scales).flatMap((scale) => (isObj(scale) && str(scale.id) ? [str(scale.id)!] : []));
  for (const { criterion, path } of criteriaOf(root)) {
    for (const [q, question] of arr(criterion.questions).entries()) {
      if (!isObj(question) || question.type !== 'scale') continue;
      const scale = str(question.scale);
      if (scale !== undefined && !known.includes(scale)) {
        ctx.report([...path, 'questions', q, 'scale'], 'scale-ref', ctx.msgs.rules.scaleRef(scale, known));
      }
    }
  }
};

const scaleOrder: Rule = (root, ctx) => {
  for (const [s, scale] of arr(root.scales).entries()) {
    if (!isObj(scale)) continue;
    let previous: number | undefined;
    for (const [l, level] of arr(scale.levels).entries()) {
      const score = isObj(level) ? num(level.score) : undefined;
      if (score === undefined) continue;
      if (previous !== undefined && score > previous) {
        const value = isObj(level) ? String(level.value) : '';
        ctx.report(['scales', s, 'levels', l, 'score'], 'scale-order', ctx.msgs.rules.scaleOrder(value, score, previous));
      }
      previous = score;
    }
  }
};

const thresholds: Rule = (root, ctx) => {
  if (!isObj(root.thresholds)) return;
  const meets = num(root.thresholds.meets);
  const partly = num(root.thresholds.partly);
  if (meets !== undefined && partly !== undefined && meets <= partly) {
    ctx.report(['thresholds', 'meets'], 'thresholds', ctx.msgs.rules.thresholds(meets, partly));
  }
};

const audienceRefs: Rule = (root, ctx) => {
  const known = arr(root.audiences).flatMap((a) => (isObj(a) && str(a.id) ? [str(a.id)!] : []));
  for (const { criterion, path } of criteriaOf(root)) {
    const refs: { value: unknown; path: YamlPath }[] = Array.isArray(criterion.audience)
      ? criterion.audience.map((value, i) => ({ value, path: [...path, 'audience', i] }))
      : [{ value: criterion.audience, path: [...path, 'audience'] }];
    for (const ref of refs) {
      const id = str(ref.value);
      if (id !== undefined && !known.includes(id)) ctx.report(ref.path, 'audience-ref', ctx.msgs.rules.audienceRef(id, known));
    }
  }
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The values a question can take, or a type check when the set is open (number, text, date). */
function possibleValues(question: Obj, root: Obj): { closed: unknown[] } | { open: 'number' | 'text' | 'date' } | undefined {
  switch (question.type) {
    case 'scale': {
      const scale = arr(root.scales).find((s) => isObj(s) && s.id === question.scale);
      if (!isObj(scale)) return undefined; // scale-ref reports it
      const levels = arr(scale.levels).map((level) => (isObj(level) ? level.value : undefined));
      return { closed: [...levels, ...arr(scale.allow)].filter((v) => v !== undefined) };
    }
    case 'choice':
    case 'multi':
      return { closed: arr(question.choices).map((c) => (isObj(c) ? c.value : undefined)).filter((v) => v !== undefined) };
    case 'boolean':
      return { closed: [true, false] };
    case 'number':
    case 'text':
    case 'date':
      return { open: question.type };
    default:
      return undefined;
  }
}

const conditions: Rule = (root, ctx) => {
  const index = questionIndex(root);
  const checkValue = (target: QuestionEntry, value: unknown, path: YamlPath): void => {
    const possible = possibleValues(target.question, root);
    if (!possible) return;
    if ('closed' in possible) {
      if (!possible.closed.includes(value)) ctx.report(path, 'when-value', ctx.msgs.rules.whenValue(value, target.id, possible.closed));
      return;
    }
    const fits =
      possible.open === 'number' ? typeof value === 'number' : possible.open === 'date' ? typeof value === 'string' && DATE.test(value) : typeof value === 'string';
    if (!fits) ctx.report(path, 'when-value', ctx.msgs.rules.whenValueType(value, target.id, ctx.msgs.rules.expected[possible.open]));
  };

  const visit = (condition: unknown, path: YamlPath, owner: QuestionEntry, depth: number): void => {
    // The schema bounds nothing here; a hand-written cycle of nesting cannot occur in YAML
    // without aliases, but aliases can repeat a subtree many times: cap the walk.
    if (!isObj(condition) || depth > 64) return;
    for (const key of ['all', 'any'] as const) {
      for (const [i, sub] of arr(condition[key]).entries()) visit(sub, [...path, key, i], owner, depth + 1);
    }
    if ('not' in condition) visit(condition.not, [...path, 'not'], owner, depth + 1);
    const ref = str(condition.question);
    if (ref === undefined) return;
    const refPath = [...path, 'question'];
    const target = index.get(ref);
    if (!target) return ctx.report(refPath, 'when-ref', ctx.msgs.rules.whenMissing(ref));
    if (target.id === owner.id) return ctx.report(refPath, 'when-ref', ctx.msgs.rules.whenSelf(ref));
    if (target.order > owner.order) return ctx.report(refPath, 'when-ref', ctx.msgs.rules.whenLater(ref));
    if ('equals' in condition) checkValue(target, condition.equals, [...path, 'equals']);
    for (const [i, value] of arr(condition.in).entries()) checkValue(target, value, [...path, 'in', i]);
  };

  for (const entry of index.values()) {
    if ('when' in entry.question) visit(entry.question.when, [...entry.path, 'when'], entry, 0);
  }
};

const numberRanges: Rule = (root, ctx) => {
  for (const { criterion, path } of criteriaOf(root)) {
    for (const [q, question] of arr(criterion.questions).entries()) {
      if (!isObj(question)) continue;
      const min = num(question.min);
      const max = num(question.max);
      if (min !== undefined && max !== undefined && min > max) {
        ctx.report([...path, 'questions', q, 'min'], 'number-range', ctx.msgs.rules.numberRange(min, max));
      }
    }
  }
};

const scoredQuestions: Rule = (root, ctx) => {
  for (const { criterion, path } of criteriaOf(root)) {
    const questions = arr(criterion.questions);
    if (questions.length === 0) continue; // the schema reports an empty list
    if (!questions.some((q) => isObj(q) && (q.type === 'scale' || isObj(q.count)))) {
      ctx.report([...path, 'id'], 'no-scored-question', ctx.msgs.rules.noScoredQuestion(String(criterion.id)), 'warning');
    }
  }
};

/**
 * migrations: a step never starts from the current version or from a version another step
 * already covers, and every new id exists now or is carried further by a later step.
 */
const migrations: Rule = (root, ctx) => {
  const steps = arr(root.migrations);
  if (steps.length === 0) return;
  const known = new Set<string>();
  for (const { criterion } of criteriaOf(root)) {
    known.add(String(criterion.id));
    for (const question of arr(criterion.questions)) if (isObj(question)) known.add(String(question.id));
  }
  for (const theme of arr(root.themes)) if (isObj(theme)) known.add(String(theme.id));
  const froms = steps.map((step, i) => ({ value: isObj(step) ? str(step.from) : undefined, path: ['migrations', i, 'from'] }));
  checkUnique(ctx, froms, (v, l) => ctx.msgs.rules.uniqueValue(ctx.msgs.rules.what.migration, v, l), 'migration-from');
  for (const { value, path } of froms) {
    if (value !== undefined && value === str(root.version)) ctx.report(path, 'migration-from', ctx.msgs.rules.migrationFromCurrent(value));
  }
  steps.forEach((step, i) => {
    if (!isObj(step) || !isObj(step.ids)) return;
    const later = new Set(steps.slice(i + 1).flatMap((s) => (isObj(s) && isObj(s.ids) ? Object.keys(s.ids) : [])));
    for (const [old, to] of Object.entries(step.ids)) {
      for (const [j, target] of (Array.isArray(to) ? to : [to]).entries()) {
        if (typeof target !== 'string' || known.has(target) || later.has(target)) continue;
        ctx.report(['migrations', i, 'ids', old, ...(Array.isArray(to) ? [j] : [])], 'migration-target', ctx.msgs.rules.migrationTarget(old, target));
      }
    }
  });
};

/**
 * Provenance: a reader must be able to tell official text from this project's reconstruction.
 * A framework says what its text is; in a reconstruction or draft, each criterion says what it
 * rests on, and a criterion that claims a source names it. A critical criterion that is set to
 * average its answers is flagged: one weak answer on safety would be averaged away.
 */
const provenance: Rule = (root, ctx) => {
  const r = ctx.msgs.rules;
  if (!isObj(root.provenance)) ctx.report(['kind'], 'provenance-missing', r.provenanceMissing, 'warning', 'key');
  const status = isObj(root.provenance) ? str(root.provenance.status) : undefined;
  for (const { criterion, path } of criteriaOf(root)) {
    const id = str(criterion.id) ?? '';
    const basis = str(criterion.basis);
    // Without provenance the one warning above says it all; a criterion-by-criterion echo would bury it.
    if (basis === undefined && status !== undefined && status !== 'official') ctx.report([...path, 'id'], 'basis-missing', r.basisMissing(id), 'warning');
    if (basis !== undefined && basis !== 'interpretation' && arr(criterion.references).length === 0) {
      ctx.report([...path, 'basis'], 'basis-reference', r.basisReference(id, basis), 'warning');
    }
    if (criterion.critical === true && criterion.scoring === 'mean') ctx.report([...path, 'scoring'], 'critical-mean', r.criticalMean(id), 'warning');
  }
};

/**
 * count: a number question that counts part of a total names an earlier number question as
 * that total, and turns the fraction into levels of a real scale with thresholds that fall
 * from the best level to the worst (else a better level would be easier to reach).
 */
const counts: Rule = (root, ctx) => {
  const r = ctx.msgs.rules;
  const index = questionIndex(root);
  const scales = new Map(arr(root.scales).filter(isObj).map((s) => [str(s.id), arr(s.levels).filter(isObj).map((l) => str(l.value))]));
  for (const { id, path, question, order } of index.values()) {
    const count = question.count;
    if (!isObj(count)) continue;
    if (question.type !== 'number') ctx.report([...path, 'type'], 'count-type', r.countOnlyNumber(id));
    const of = str(count.of);
    const total = of === undefined ? undefined : index.get(of);
    if (of !== undefined && (!total || total.order >= order || total.question.type !== 'number')) ctx.report([...path, 'count', 'of'], 'count-of', r.countOf(id, of));
    const scale = str(count.scale);
    const levels = scales.get(scale);
    if (scale !== undefined && !levels) ctx.report([...path, 'count', 'scale'], 'scale-ref', r.scaleRef(scale, [...scales.keys()].filter((s): s is string => s !== undefined)));
    if (!levels || !isObj(count.levels)) continue;
    let previous = Infinity;
    for (const level of levels) {
      const min = level === undefined ? undefined : num(count.levels[level]);
      if (min === undefined) continue;
      if (min >= previous) ctx.report([...path, 'count', 'levels', level!], 'count-levels', r.countOrder(id));
      previous = min;
    }
    for (const key of Object.keys(count.levels)) {
      if (!levels.includes(key)) ctx.report([...path, 'count', 'levels', key], 'count-levels', r.countLevel(id, key, scale!), 'error', 'key');
    }
  }
};

export const FRAMEWORK_RULES: readonly Rule[] = [
  uniqueIds,
  uniqueValues,
  scaleRefs,
  scaleOrder,
  thresholds,
  audienceRefs,
  conditions,
  numberRanges,
  scoredQuestions,
  migrations,
  provenance,
  counts,
];

export function runRules(value: unknown, parsed: ParsedYaml, msgs: Messages, rules = FRAMEWORK_RULES): Diagnostic[] {
  if (!isObj(value)) return [];
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    parsed,
    msgs,
    report(path, rule, message, severity = 'error', at = 'value') {
      diagnostics.push({ file: parsed.file, ...parsed.locate(path, at), severity, rule, message });
    },
  };
  for (const rule of rules) rule(value, ctx);
  return diagnostics;
}

/** Which values a question accepts: one place for check, --answers and the interview. */
import type { Framework, Question } from '../framework/types.js';
import type { Messages } from '../i18n/index.js';

export type ValueProblem =
  | { kind: 'not-allowed'; allowed: readonly (string | boolean)[] }
  | { kind: 'type'; expected: 'number' | 'text' | 'date' | 'list' }
  | { kind: 'range'; min?: number; max?: number }
  | { kind: 'count'; total: number; of: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

const allowedCache = new WeakMap<Question, string[] | undefined>();

/** Values a scale or choice question can take, special values (nvt, onbekend) included. */
export function allowedValues(question: Question, framework: Framework): string[] | undefined {
  // One lookup when cached: check asks this for every answer of every session.
  const cached = allowedCache.get(question);
  if (cached !== undefined || allowedCache.has(question)) return cached;
  const allowed = computeAllowed(question, framework);
  allowedCache.set(question, allowed);
  return allowed;
}

function computeAllowed(question: Question, framework: Framework): string[] | undefined {
  if (question.type === 'scale') {
    const scale = framework.scales.find((s) => s.id === question.scale);
    return scale ? [...scale.levels.map((l) => l.value), ...(scale.allow ?? [])] : [];
  }
  if (question.type === 'choice' || question.type === 'multi') return (question.choices ?? []).map((c) => c.value);
  return undefined;
}

/**
 * `answers`, when given, lets a count be held to its total (7 of 5 files cannot be); callers
 * that check one value on its own leave it out.
 */
export function checkValue(question: Question, value: unknown, framework: Framework, answers?: Readonly<Record<string, { value: unknown }>>): ValueProblem | undefined {
  switch (question.type) {
    case 'scale':
    case 'choice': {
      const allowed = allowedValues(question, framework)!;
      return typeof value === 'string' && allowed.includes(value) ? undefined : { kind: 'not-allowed', allowed };
    }
    case 'multi': {
      const allowed = allowedValues(question, framework)!;
      if (!Array.isArray(value)) return { kind: 'type', expected: 'list' };
      const ok = value.every((v) => typeof v === 'string' && allowed.includes(v)) && new Set(value).size === value.length;
      return ok ? undefined : { kind: 'not-allowed', allowed };
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { kind: 'not-allowed', allowed: [true, false] };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'type', expected: 'number' };
      const tooLow = question.min !== undefined && value < question.min;
      const tooHigh = question.max !== undefined && value > question.max;
      if (tooLow || tooHigh) return { kind: 'range', min: question.min, max: question.max };
      const total = question.count && answers?.[question.count.of]?.value;
      return typeof total === 'number' && value > total ? { kind: 'count', total, of: question.count!.of } : undefined;
    }
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : { kind: 'type', expected: 'text' };
    case 'date':
      return isIsoDate(value) ? undefined : { kind: 'type', expected: 'date' };
  }
}

/** One sentence for a refused value. */
export function describeValueProblem(problem: ValueProblem, value: unknown, msgs: Messages): string {
  switch (problem.kind) {
    case 'not-allowed':
      return msgs.session.notAllowed(value, problem.allowed);
    case 'type':
      return msgs.session.wrongType(value, msgs.session.expected[problem.expected]);
    case 'range':
      return msgs.session.outOfRange(value, problem.min, problem.max);
    case 'count':
      return msgs.session.countAboveTotal(value, problem.total, problem.of);
  }
}

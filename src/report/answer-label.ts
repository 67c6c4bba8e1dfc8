/** How an answer reads in a report: the framework's own level and choice labels. */
import { indexOf, type Framework } from '../framework/types.js';

export interface AnswerWords {
  yes: string;
  no: string;
  special: Record<string, string>;
}

/** The label of an answer as the framework words it (level or choice labels). */
export function answerLabel(framework: Framework, questionId: string, value: unknown, words: AnswerWords): string {
  const q = indexOf(framework).questions.get(questionId);
  const one = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    if (typeof v === 'string' && words.special[v]) return words.special[v]!;
    if (q?.type === 'scale') return framework.scales.find((s) => s.id === q.scale)?.levels.find((l) => l.value === v)?.label ?? String(v);
    if (q?.type === 'choice' || q?.type === 'multi') return q.choices?.find((c) => c.value === v)?.label ?? String(v);
    return String(v);
  };
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}

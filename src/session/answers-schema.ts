/**
 * The JSON Schema of a session's `answers` for one framework: each question id → the values
 * its type and scale allow; questions without `when` are required, questions with `when`
 * are required only while their condition holds (if/then). Printed by `kader schema answers`.
 */
import type { Condition, Framework, Question } from '../framework/types.js';
import { questionsOf } from '../framework/types.js';
import { allowedValues } from './values.js';

type Schema = Record<string, unknown>;

function valueSchema(question: Question, framework: Framework): Schema {
  switch (question.type) {
    case 'scale':
    case 'choice':
      return { enum: allowedValues(question, framework) };
    case 'multi':
      return { type: 'array', items: { enum: allowedValues(question, framework) }, uniqueItems: true };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      // A count is a whole number of files or conversations; its bound by the total needs the other answer (kader check).
      return { type: question.count ? 'integer' : 'number', ...(question.min !== undefined && { minimum: question.min }), ...(question.max !== undefined && { maximum: question.max }) };
    case 'text':
      return { type: 'string', minLength: 1 };
    case 'date':
      return { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
  }
}

/** A `when` condition as a JSON Schema over the answers object. */
export function conditionSchema(condition: Condition, multi: ReadonlySet<string>): Schema {
  if ('all' in condition) return { allOf: condition.all.map((c) => conditionSchema(c, multi)) };
  if ('any' in condition) return { anyOf: condition.any.map((c) => conditionSchema(c, multi)) };
  if ('not' in condition) return { not: conditionSchema(condition.not, multi) };
  const id = condition.question;
  if ('answered' in condition) return condition.answered ? { type: 'object', required: [id] } : { not: { type: 'object', required: [id] } };
  const candidates = 'equals' in condition ? [condition.equals] : condition.in;
  const value = multi.has(id) ? { type: 'array', contains: { enum: candidates } } : { enum: candidates };
  return { type: 'object', required: [id], properties: { [id]: { type: 'object', required: ['value'], properties: { value } } } };
}

export function deriveAnswersSchema(framework: Framework): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const conditional: Schema[] = [];
  const multi = new Set([...questionsOf(framework)].filter((p) => p.question.type === 'multi').map((p) => p.question.id));
  for (const { question, criterion } of questionsOf(framework)) {
    properties[question.id] = {
      description: `${criterion.id}: ${question.text}`,
      type: 'object',
      required: ['value', 'at'],
      properties: {
        value: valueSchema(question, framework),
        note: { type: 'string' },
        evidence: { type: 'array', items: { type: 'string' } },
        respondent: { type: 'string' },
        at: { type: 'string' },
        inactive: { const: true },
      },
      additionalProperties: false,
    };
    if (question.required === false) continue;
    if (question.when) conditional.push({ if: conditionSchema(question.when, multi), then: { type: 'object', required: [question.id] } });
    else required.push(question.id);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:kader:schema:answers:${framework.id}:${framework.version}`,
    title: `Antwoorden voor ${framework.title} (${framework.version})`,
    type: 'object',
    properties,
    required,
    ...(conditional.length > 0 && { allOf: conditional }),
    additionalProperties: false,
  };
}

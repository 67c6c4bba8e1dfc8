/**
 * The regional overview as JSON, in pieces: the same text as `JSON.stringify(model, null, 2)`
 * and a newline, but never one string of it. At 50,000 gemeenten that string was 53 MB, held
 * once more as UTF-8 on its way out (issue #20); a piece is one row or one note at most.
 */
import type { AggregateModel } from './aggregate.js';

/** The lists that grow with the number of sessions: written an element at a time. */
const LONG = new Set<string>(['rows', 'notes']);

/** `JSON.stringify(value, null, 2)` as it reads nested at `indent`: its line breaks indented too. */
const nested = (value: unknown, indent: string): string | undefined => JSON.stringify(value, null, 2)?.replaceAll('\n', `\n${indent}`);

export function* aggregateJson(model: AggregateModel): Generator<string> {
  // JSON.stringify leaves out a key whose value it cannot write (undefined); so does this.
  const entries = Object.entries(model).filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const tail = i < entries.length - 1 ? ',\n' : '\n';
    if (LONG.has(key) && Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, element] of value.entries()) yield `    ${nested(element, '    ') ?? 'null'}${j < value.length - 1 ? ',\n' : '\n'}`;
      yield `  ]${tail}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${nested(value, '  ')}${tail}`;
    }
  }
  yield '}\n';
}

/**
 * YAML parsing that keeps source positions, so every finding can point at the offending node.
 * Used for frameworks now and sessions later; knows nothing about either.
 */
import type { Document, YAMLError } from 'yaml';
import { yaml } from './lib.js';
import type { Diagnostic, Position } from '../core/diagnostic.js';
import type { Messages } from '../i18n/index.js';

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  file: string;
  /** The plain JavaScript value, or undefined when the text is not usable YAML. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the value at `path` (or its key), falling back to the nearest existing parent. */
  locate(path: YamlPath, at?: 'key' | 'value'): Position;
}

/** Aliases expanded beyond this count mean an alias bomb, not a framework. */
const MAX_ALIAS_COUNT = 1000;

/** No kader file nests deeper than about a dozen levels; far beyond that is an attack or an accident. */
export const MAX_DEPTH = 100;

/** Nesting depth of a plain value, measured without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    max = Math.max(max, depth);
    if (max > MAX_DEPTH) return max;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return max;
}

export function parseYaml(file: string, text: string, msgs: Messages): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const report = (offset: number, rule: string, message: string): void => {
    diagnostics.push({ file, ...toPosition(offset), severity: 'error', rule, message });
  };

  let fatal = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      report(error.pos[0], 'duplicate-key', msgs.yaml.duplicateKey(keyAt(text, error.pos[0])));
    } else {
      fatal = true;
      report(error.pos[0], 'yaml-syntax', yamlErrorMessage(error, msgs));
    }
  }

  let value: unknown;
  if (!fatal) {
    if (doc.contents === null) {
      report(0, 'yaml-syntax', msgs.yaml.empty);
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        // toJS only throws on excessive aliases (ReferenceError) for a document without errors.
        report(0, 'yaml-syntax', msgs.yaml.aliasLimit);
      }
      if (value !== undefined && depthOf(value) > MAX_DEPTH) {
        report(0, 'yaml-syntax', msgs.yaml.tooDeep(MAX_DEPTH));
        value = undefined;
      }
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        report(doc.contents.range[0], 'yaml-syntax', msgs.yaml.notMapping);
        value = undefined;
      }
    }
  }

  return { file, value, diagnostics, locate: (path, at = 'value') => toPosition(offsetOf(doc, path, at)) };
}

/** Offset of the node at `path`; walks as far as the document allows. */
function offsetOf(doc: Document, path: YamlPath, at: 'key' | 'value'): number {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key);
      if (last && at === 'key' && keyStart !== undefined) return keyStart;
      node = pair.value;
      // `key:` with no value has no value node; the key is the best place to point at.
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

/** The key written at `offset` (the yaml package reports duplicate keys by position only). */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(?:\s|$)/.exec(rest);
  const key = (match?.[1] ?? rest).trim();
  return key.replace(/^["']|["']$/g, '');
}

function yamlErrorMessage(error: YAMLError, msgs: Messages): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return msgs.yaml.multipleDocs;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return /end with|missing/i.test(error.message) ? msgs.yaml.missingChar : msgs.yaml.badIndent;
    case 'TAB_AS_INDENT':
      return msgs.yaml.tabIndent;
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'BAD_SCALAR_START':
      return `${msgs.yaml.unexpected} (${firstLine(error.message)})`;
    default:
      // The parser reports its own stack overflow on absurd nesting as an error; say what it means.
      if (/call stack/i.test(error.message)) return msgs.yaml.tooDeep(MAX_DEPTH);
      return msgs.yaml.generic(firstLine(error.message));
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

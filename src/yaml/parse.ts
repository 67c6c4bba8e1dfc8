/**
 * YAML parsing that keeps source positions, so every finding can point at the offending node.
 * Used for frameworks now and sessions later; knows nothing about either.
 */
import type { Document, YAMLError } from 'yaml';
import { yaml } from './lib.js';
import type { Diagnostic, Position, RuleId } from '../core/diagnostic.js';
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
  // logLevel error: the package's warnings (a collection as a key) would go to stderr as Node
  // warnings, outside kader's own diagnostics.
  // uniqueKeys false: the package compares each key with every earlier key of its mapping,
  // quadratic in a mapping's size (40,000 answers took half a minute); duplicateKeys() below
  // does the same check with a set per mapping (issue #16, item 7).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  const report = (offset: number, rule: RuleId, message: string): void => {
    diagnostics.push({ file, ...toPosition(offset), severity: 'error', rule, message });
  };

  for (const offset of duplicateKeys(doc)) report(offset, 'duplicate-key', msgs.yaml.duplicateKey(keyAt(text, offset)));
  let fatal = false;
  for (const error of doc.errors) {
    if (!fatal) {
      // The first syntax error only: the parser's later ones mostly follow from it ("implicit
      // map keys need to be followed by map values" on every line after a broken quote), and
      // every command then names the same one.
      fatal = true;
      const { offset, message } = syntaxError(error, text, msgs);
      report(offset, 'yaml-syntax', message);
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

/**
 * Offsets of keys that repeat an earlier key of the same mapping (scalar keys with the same
 * value, as the package's own uniqueKeys check compares them), in one pass over the document.
 */
function duplicateKeys(doc: Document): number[] {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const offsets: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (isScalar(item.key)) {
          if (seen.has(item.key.value)) offsets.push(rangeStart(item.key) ?? 0);
          seen.add(item.key.value);
        } else {
          stack.push(item.key);
        }
        stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** Per mapping, its pairs by key text: built on the first lookup, so n findings cost O(n), not O(n²). */
const pairIndex = new WeakMap<object, Map<string, unknown>>();

function pairAt(map: { items: unknown[] }, segment: string | number): unknown {
  let index = pairIndex.get(map);
  if (!index) {
    const { isPair, isScalar } = yaml();
    index = new Map();
    for (const item of map.items) {
      // The first pair with a key wins, as Array.find did before.
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(segment));
}

/** Offset of the node at `path`; walks as far as the document allows. */
function offsetOf(doc: Document, path: YamlPath, at: 'key' | 'value'): number {
  const { isMap, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairAt(node, segment) as { key: unknown; value: unknown } | undefined;
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

/** Where a syntax error is and what to change, in the user's words rather than the parser's. */
function syntaxError(error: YAMLError, text: string, msgs: Messages): { offset: number; message: string } {
  const offset = error.pos[0];
  const m = msgs.yaml;
  const said = error.message;
  if (error.code === 'TAB_AS_INDENT' || text[offset] === '\t') return { offset, message: m.tabIndent };
  if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') {
    if (/^Comments must be separated/.test(said)) return { offset, message: m.commentSpace };
    const missingQuote = /^Missing closing (["'])quote/.exec(said);
    if (missingQuote) return quoteError(text, offset, missingQuote[1]!, msgs);
    if (/^Flow (sequence|map) in block collection must be sufficiently indented/.test(said)) return { offset, message: m.flowIndent };
    if (/^Block collection cannot start on same line with directives-end marker/.test(said)) return { offset, message: m.markerLine };
    if (/^Block scalars with more-indented leading empty lines/.test(said)) return { offset, message: m.blockLeadingSpaces };
    if (/^Block scalar values in collections must be indented/.test(said)) return { offset, message: m.blockIndent };
  }
  return { offset, message: yamlErrorMessage(error, msgs) };
}

/**
 * "Missing closing quote", reported where the quoted text stops: the parser says so when the
 * next line of a quoted text is not indented enough (YAML ends the text there), even when the
 * closing quote follows a line later. Then the line to change is that next line; only without
 * any closing quote further on is the quote really missing.
 */
function quoteError(text: string, offset: number, quote: string, msgs: Messages): { offset: number; message: string } {
  const lineEnd = text.indexOf('\n', offset);
  const next = lineEnd + 1;
  const nextLine = text.slice(next, text.indexOf('\n', next) === -1 ? undefined : text.indexOf('\n', next));
  // A next line such as "key: value" is the file going on after a quote that was never closed.
  if (lineEnd !== -1 && !KEY_LINE.test(nextLine) && closes(text, offset, quote)) {
    let indented = next;
    while (text[indented] === ' ') indented++;
    return text[indented] === '\t' ? { offset: indented, message: msgs.yaml.tabIndent } : { offset: next, message: msgs.yaml.quoteContinuation };
  }
  return { offset: openingQuote(text, offset, quote), message: msgs.yaml.unclosedQuote };
}

const KEY_LINE = /^\s*(- )?[^\s"'#-][^:#]*:(\s|$)/;

/** The quote that opened the text running at `offset` (the last one before it that is no escape). */
function openingQuote(text: string, offset: number, quote: string): number {
  for (let at = Math.min(offset, text.length - 1); at >= 0; at--) {
    if (text[at] !== quote) continue;
    if (quote === "'" && text[at - 1] === "'") at--; // '' is a quote inside the text
    else if (!(quote === '"' && text[at - 1] === '\\')) return at;
  }
  return offset;
}

/** Whether a closing quote follows `from`, inside the quoted text that runs there. */
function closes(text: string, from: number, quote: string): boolean {
  for (let at = from; at < text.length; at++) {
    const c = text[at];
    if (quote === '"' && c === '\\') at++;
    else if (c === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return true;
    }
  }
  return false;
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

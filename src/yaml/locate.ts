/**
 * Positions in a document the subset reader (./subset.ts) has read, without the careful parser.
 *
 * A finding about a session read by the fast path (a framework-drift warning, an incomplete
 * session) needs a line:column. Parsing the whole file again with the `yaml` package for that
 * cost ~40 times the fast read, so one warning per file made `check` 7–14 times slower
 * (issue #20, item 1). A document the subset reader accepted is plain block YAML: every key
 * at the start of its own line (or after "- "), indentation by spaces only, no duplicate keys.
 * So a path can be followed by scanning lines, from the top, only as far as the path leads.
 *
 * The answer is the careful parser's `locate` (parseYaml in ./parse.ts) to the column;
 * test/yaml-locate.test.ts holds the two together on every path of every fixture and of
 * randomly edited sessions. Where this scan is not sure (a path into a one-line flow
 * collection), it returns undefined and the caller asks the careful parser.
 */
import type { Position } from '../core/diagnostic.js';
import type { Messages } from '../i18n/index.js';
import { parseYaml, type ParsedYaml, type YamlPath } from './parse.js';

/** A block node: where it starts, and the column its keys or items are at. */
interface Block {
  line: number;
  indent: number;
}

/** The text's lines, split lazily: a path near the top reads only the top of a large file. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {}

  /** Line `i` (0-based) without its line end, or undefined past the end. */
  get(i: number): string | undefined {
    while (this.starts.length <= i + 1) {
      const last = this.starts[this.starts.length - 1]!;
      if (last > this.text.length) return undefined;
      const nl = this.text.indexOf('\n', last);
      this.starts.push(nl < 0 ? this.text.length + 1 : nl + 1);
    }
    const from = this.starts[i]!;
    if (from > this.text.length) return undefined;
    let to = this.starts[i + 1]! - 1;
    if (this.text.charCodeAt(to - 1) === 13) to--; // CRLF
    return this.text.slice(from, to);
  }
}

const indentOf = (line: string): number => {
  let at = 0;
  while (line.charCodeAt(at) === 32) at++;
  return at;
};

/** Blank lines and comments carry no node. */
const significant = (line: string, indent: number): boolean => indent < line.length && line.charCodeAt(indent) !== 35;

const isItem = (line: string, at: number): boolean => line.charCodeAt(at) === 45 && (at + 1 === line.length || line.charCodeAt(at + 1) === 32);

/** The key at `at` when `line` has "key:" there (followed by a space or the end), else undefined. */
function keyAt(line: string, at: number): string | undefined {
  let end = line.indexOf(':', at);
  while (end >= 0 && !(end + 1 === line.length || line.charCodeAt(end + 1) === 32)) end = line.indexOf(':', end + 1);
  return end < 0 ? undefined : line.slice(at, end);
}

const position = (line: number, column: number): Position => ({ line: line + 1, column: column + 1 });

/**
 * Where the value at `path` (or its key) is, falling back to the nearest parent that exists,
 * as parseYaml's `locate` does; undefined when only the careful parser can say.
 */
export function subsetLocate(text: string, path: YamlPath, at: 'key' | 'value' = 'value'): Position | undefined {
  const lines = new Lines(text);
  /** The next significant line from `i` on, with its indentation. */
  const next = (i: number): [number, string, number] | undefined => {
    for (let line = lines.get(i); line !== undefined; line = lines.get(++i)) {
      const indent = indentOf(line);
      if (significant(line, indent)) return [i, line, indent];
    }
    return undefined;
  };
  const first = next(0);
  if (!first) return undefined;
  let block: Block | undefined = { line: first[0], indent: first[2] };
  let here = position(first[0], first[2]);
  /** Set when `here` is a one-line flow collection, whose items only the careful parser places. */
  let flow = false;

  for (const [s, segment] of path.entries()) {
    const last = s === path.length - 1;
    if (!block) return flow ? undefined : here; // into a scalar: the scalar is the nearest place
    const opening = lines.get(block.line)!;
    if (isItem(opening, block.indent)) {
      // A block sequence: the n-th "- " at this indentation.
      if (typeof segment !== 'number') return here;
      let found: [number, string] | undefined;
      let count = 0;
      for (let scan = next(block.line); scan && scan[2] >= block.indent; scan = next(scan[0] + 1)) {
        if (scan[2] > block.indent || !isItem(scan[1], scan[2])) continue;
        if (count++ === segment) {
          found = [scan[0], scan[1]];
          break;
        }
      }
      if (!found) return here;
      const [line, content] = found;
      let from: number = block.indent + 1;
      while (content.charCodeAt(from) === 32) from++;
      here = position(line, from);
      // "- key: value" opens a mapping whose keys line up with "key"; "- value" is a scalar.
      const opener = content.charCodeAt(from);
      flow = opener === 91 || opener === 123; // [ {
      block = !flow && opener !== 34 && opener !== 39 && keyAt(content, from) !== undefined ? { line, indent: from } : undefined;
      continue;
    }
    // A block mapping: the line at this indentation whose key is the segment. Its first key
    // may follow "- " on the opening line, which indentOf does not see.
    const key = String(segment);
    let found: [number, string] | undefined;
    for (let scan: [number, string, number] | undefined = [block.line, opening, block.indent]; scan && scan[2] >= block.indent; scan = next(scan[0] + 1)) {
      if (scan[2] === block.indent && keyAt(scan[1], scan[2]) === key) {
        found = [scan[0], scan[1]];
        break;
      }
    }
    if (!found) return here;
    const [line, content] = found;
    const keyHere = position(line, block.indent);
    if (last && at === 'key') return keyHere;
    let from = block.indent + key.length + 1;
    while (content.charCodeAt(from) === 32) from++;
    if (from < content.length && content.charCodeAt(from) !== 35) {
      // A value on the key's line: a scalar, a flow collection or a block scalar's header.
      here = position(line, from);
      const opener = content.charCodeAt(from);
      flow = opener === 91 || opener === 123; // [ {
      block = undefined;
      continue;
    }
    // "key:" alone: the block below, if any, else null, which the careful parser places right
    // after the colon and its spaces.
    const below = next(line + 1);
    if (below && below[2] > block.indent) {
      here = position(below[0], below[2]);
      block = { line: below[0], indent: below[2] };
    } else {
      here = position(line, from);
      block = undefined;
      flow = false;
    }
  }
  return here;
}

/**
 * `locate` for a document the subset reader read: from its lines, and from the careful
 * parser (parsed once, on first need) only where the lines cannot say.
 */
export function subsetLocator(file: string, text: string, msgs: Messages): ParsedYaml['locate'] {
  let careful: ParsedYaml | undefined;
  return (path, at = 'value') => subsetLocate(text, path, at) ?? (careful ??= parseYaml(file, text, msgs)).locate(path, at);
}

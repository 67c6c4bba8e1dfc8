/**
 * A reader for the small part of YAML that kader itself writes into session files, and that
 * framework authors write: block mappings and sequences, plain and quoted one-line scalars,
 * one-line flow collections, plain block scalars (`|`, `|-`, `>`, `>-` with every line
 * indented alike) and comments. It reads such files in about half js-yaml's time and a fortieth of the `yaml`
 * package's (1,000 benchmark sessions: ~150 against ~360 and ~6,000 ms on a busy machine),
 * which matters when `check` and `aggregate` read a region's sessions (issues #7 and #22).
 *
 * It does not try to be a YAML parser. Whatever it is not certain about — other block
 * scalars, anchors, tags, multi-line scalars, numbers in unusual notations, odd keys, duplicate keys,
 * tabs, CR line ends on their own, document markers — makes it give up (`undefined`), and the
 * caller reads the file with the careful parser (src/yaml/parse.ts). Where it does give an
 * answer, that answer is the careful parser's; test/yaml-subset.test.ts holds the two to that on
 * every fixture and on thousands of randomly edited sessions, and test/yaml-conformance.test.ts
 * on the YAML test suite.
 */

/** Thrown to give up; caught once at the top. Giving up is rare, so its cost does not matter. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

/** Characters YAML does not allow unescaped (js-yaml's PATTERN_NON_PRINTABLE, stricter than needed): left to the careful parser. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** A key as kader writes them: a name, an answer id. Anything else is for the careful parser. */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Keys a YAML reader might turn into another string (TRUE → "true") or that touch the prototype. */
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

const DECIMAL = /^-?[0-9]{1,15}$/;
const FLOAT = /^-?[0-9]{1,15}\.[0-9]{1,15}$/;
/** What a core-schema reader may take for an integer or a float (js-yaml's patterns, wider than the `yaml` package's). */
const INT_LIKE = /^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$/;
const FLOAT_LIKE = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A plain scalar's value under the core schema, as the `yaml` package resolves it. */
function plainValue(text: string): unknown {
  switch (text) {
    case '~': case 'null': case 'Null': case 'NULL':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
  }
  const first = text.charCodeAt(0);
  // Only a digit, sign or dot can start a number; ids, names and words are strings at once.
  if (!((first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46)) return text;
  // As the `yaml` package's core schema resolves them: parseInt and parseFloat (so "-0" is -0).
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text)) return parseFloat(text);
  // Other numbers (hex, 1e5, +1, .5, .inf, very long ones) are for the careful parser; the
  // rest, such as a uuid or "-x", is a string.
  if (INT_LIKE.test(text) || FLOAT_LIKE.test(text)) giveUp();
  return text;
}

/** Characters that may not start a plain scalar, or that make one mean something else. */
function checkPlainStart(text: string): void {
  const c = text[0];
  if (c === undefined || '&*!|>%@`?#\'",[]{}:'.includes(c)) giveUp();
  if (c === '-' && (text.length === 1 || text[1] === ' ')) giveUp();
}

const ESCAPES: Record<string, string> = { ' ': ' ', '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** A double-quoted scalar starting at `start`; returns the value and the index after it. */
function doubleQuoted(line: string, start: number): [string, number] {
  let out = '';
  let at = start + 1;
  for (;;) {
    const quote = line.indexOf('"', at);
    const slash = line.indexOf('\\', at);
    if (quote < 0) giveUp(); // continues on the next line
    if (slash < 0 || quote < slash) return [out + line.slice(at, quote), quote + 1];
    out += line.slice(at, slash);
    const code = line[slash + 1]!;
    if (code === 'u') {
      const hex = line.slice(slash + 2, slash + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) giveUp();
      const unit = parseInt(hex, 16);
      if (unit >= 0xd800 && unit <= 0xdfff) giveUp(); // surrogates: each reader has its own rules
      out += String.fromCharCode(unit);
      at = slash + 6;
    } else {
      const escaped = ESCAPES[code];
      if (escaped === undefined) giveUp();
      out += escaped;
      at = slash + 2;
    }
  }
}

/** A single-quoted scalar starting at `start` ('' is a quote); returns value and next index. */
function singleQuoted(line: string, start: number): [string, number] {
  let out = '';
  let at = start + 1;
  for (;;) {
    const quote = line.indexOf("'", at);
    if (quote < 0) giveUp();
    out += line.slice(at, quote);
    if (line[quote + 1] !== "'") return [out, quote + 1];
    out += "'";
    at = quote + 2;
  }
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ') at++;
  return at;
}

const MAX_FLOW_DEPTH = 20;

/** A flow collection or scalar inside one, starting at `at`; returns value and next index. */
function flowNode(line: string, at: number, depth: number): [unknown, number] {
  const c = line[at];
  if (c === '"') return doubleQuoted(line, at);
  if (c === "'") return singleQuoted(line, at);
  if (c === '[' || c === '{') {
    if (depth > MAX_FLOW_DEPTH) giveUp();
    return c === '[' ? flowSequence(line, at, depth + 1) : flowMapping(line, at, depth + 1);
  }
  // A plain scalar ends at , ] or }; a colon or # inside one is for the careful parser to judge.
  let end = at;
  while (end < line.length && !',]}'.includes(line[end]!)) end++;
  while (line[end - 1] === ' ') end--; // spaces only: trimEnd would also take a BOM or NBSP
  const text = line.slice(at, end);
  if (text.includes(':') || text.includes('#') || text.includes('[') || text.includes('{')) giveUp();
  checkPlainStart(text);
  return [plainValue(text), end];
}

function flowSequence(line: string, start: number, depth: number): [unknown[], number] {
  const items: unknown[] = [];
  let at = skipSpaces(line, start + 1);
  if (line[at] === ']') return [items, at + 1];
  for (;;) {
    const [value, next] = flowNode(line, at, depth);
    items.push(value);
    at = skipSpaces(line, next);
    if (line[at] === ']') return [items, at + 1];
    if (line[at] !== ',') giveUp();
    at = skipSpaces(line, at + 1);
    if (line[at] === ']' || line[at] === ',') giveUp(); // trailing or empty entries
  }
}

function flowMapping(line: string, start: number, depth: number): [Record<string, unknown>, number] {
  const map: Record<string, unknown> = {};
  let at = skipSpaces(line, start + 1);
  if (line[at] === '}') return [map, at + 1];
  for (;;) {
    const colon = line.indexOf(':', at);
    if (colon < 0 || line[colon + 1] !== ' ') giveUp();
    const key = line.slice(at, colon);
    if (!KEY.test(key) || SPECIAL_KEYS.has(key) || Object.hasOwn(map, key)) giveUp();
    at = skipSpaces(line, colon + 1);
    if (line[at] === ',' || line[at] === '}') giveUp(); // a key without a value
    const [value, next] = flowNode(line, at, depth);
    map[key] = value;
    at = skipSpaces(line, next);
    if (line[at] === '}') return [map, at + 1];
    if (line[at] !== ',') giveUp();
    at = skipSpaces(line, at + 1);
    if (line[at] === '}' || line[at] === ',') giveUp();
  }
}

/** After a quoted scalar or flow collection: only spaces and a comment may follow. */
function checkRest(line: string, at: number): void {
  const next = skipSpaces(line, at);
  if (next === line.length) return;
  if (line[next] !== '#' || next === at) giveUp();
}

/** The value written after `key: ` or `- ` on the same line. */
function inlineValue(text: string): unknown {
  const c = text[0];
  if (c === '"' || c === "'" || c === '[' || c === '{') {
    const [value, end] = c === '"' ? doubleQuoted(text, 0) : c === "'" ? singleQuoted(text, 0) : flowNode(text, 0, 0);
    checkRest(text, end);
    return value;
  }
  checkPlainStart(text);
  // A comment, a nested key or a key without a value: for the careful parser.
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) giveUp();
  return plainValue(text);
}

const MAX_BLOCK_DEPTH = 50;

/**
 * Keys met before, by a hash of their characters. The same keys come back in every session
 * (answer ids, `value`, `at`), and taking one from here costs no new string and no lookup in
 * V8's string table, which cutting a fresh key from the line and adding it to an object does
 * (the larger part of this reader's time, issue #20). Bounded, and every key kept is a copy,
 * so no file's text stays alive through it.
 */
const knownKeys = new Map<number, string>();
const MAX_KNOWN_KEYS = 20_000;

function keyAt(line: string, from: number, end: number): string {
  let hash = end - from;
  for (let at = from; at < end; at++) hash = (Math.imul(hash, 31) + line.charCodeAt(at)) | 0;
  const known = knownKeys.get(hash);
  if (known !== undefined && known.length === end - from && line.startsWith(known, from)) return known;
  const key = line.slice(from, end);
  if (known === undefined && knownKeys.size < MAX_KNOWN_KEYS) knownKeys.set(hash, key.length < 13 ? key : (JSON.parse(JSON.stringify(key)) as string));
  return key;
}

/**
 * Where a key starting at `from` ends (a letter or _, then letters, digits, _ . -), checked
 * character by character on the line itself, so no substring is made for a line that turns
 * out not to be a key. Returns -1 when there is no such key followed by ":" and a space or
 * the end of the line.
 */
function keyEnd(line: string, from: number, end: number): number {
  let c = line.charCodeAt(from);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return -1;
  let at = from + 1;
  for (; at < end; at++) {
    c = line.charCodeAt(at);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) break;
  }
  if (c !== 58 || at === end) return -1; // ":"
  return at + 1 === end || line.charCodeAt(at + 1) === 32 ? at : -1;
}

/**
 * The significant lines (no blanks or comments), read one node at a time. A line's content
 * runs from `starts[i]` (its indentation, as only spaces indent) to `ends[i]` (trailing
 * spaces dropped), so no line is copied until a value is taken from it.
 */
class Reader {
  private i = 0;
  constructor(
    private readonly lines: string[],
    private readonly starts: number[],
    private readonly ends: number[],
    /** Each significant line's index among all lines, and all lines: block scalars read those. */
    private readonly raw: number[],
    private readonly all: string[],
  ) {}

  get done(): boolean {
    return this.i === this.lines.length;
  }

  private isItem(i: number): boolean {
    const line = this.lines[i]!;
    const start = this.starts[i]!;
    return line.charCodeAt(start) === 45 && (start + 1 === this.ends[i] || line.charCodeAt(start + 1) === 32);
  }

  /** The block node starting at the current line, which is indented `indent`. */
  node(indent: number, depth: number): unknown {
    if (depth > MAX_BLOCK_DEPTH) giveUp();
    return this.isItem(this.i) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The value of `key:` with nothing after it: a nested block, or null. */
  private nested(indent: number, depth: number): unknown {
    if (this.done) return null;
    const next = this.starts[this.i]!;
    if (next > indent) return this.node(next, depth + 1);
    // A sequence at the key's own indentation: valid YAML, but kader does not write it and
    // readers differ on nested items there.
    if (next === indent && this.isItem(this.i)) giveUp();
    return null;
  }

  /** After a value on its own line, a deeper line would be a continuation: for the careful parser. */
  private endOfValue(indent: number): void {
    if (!this.done && this.starts[this.i]! > indent) giveUp();
  }

  mapping(indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (!this.done && this.starts[this.i] === indent) {
      const line = this.lines[this.i]!;
      const end = this.ends[this.i]!;
      const colon = keyEnd(line, indent, end); // a sequence item where a key belongs fails here too
      if (colon < 0) giveUp();
      const key = keyAt(line, indent, colon);
      if (SPECIAL_KEYS.has(key) || Object.hasOwn(map, key)) giveUp();
      this.i++;
      const from = skipSpaces(line, colon + 1);
      // Only a value starting with | or > can be a block scalar header: no slice for the rest.
      const mark = line.charCodeAt(from);
      const header = (mark === 124 || mark === 62) && end - from <= 2 ? line.slice(from, end) : '';
      // "key:", or "key: # a comment": the value is the block below, if any.
      if (from >= end || line.charCodeAt(from) === 35) {
        map[key] = this.nested(indent, depth);
      } else if (header === '|' || header === '|-' || header === '>' || header === '>-') {
        map[key] = this.blockScalar(indent, header);
      } else {
        map[key] = inlineValue(line.slice(from, end));
        this.endOfValue(indent);
      }
    }
    return map;
  }

  /**
   * A block scalar after `key: |`, `|-`, `>` or `>-` (the line before the current one), as
   * kader's writer and framework authors write them: every text line indented alike, deeper
   * than the key, without trailing spaces, and no line of spaces only. Anything else (an
   * indentation indicator, keep chomping `+`, more-indented lines, leading empty lines) is
   * left to the careful parser.
   */
  private blockScalar(indent: number, header: string): string {
    const all = this.all;
    let r = this.raw[this.i - 1]! + 1; // the first line after the header
    const text: string[] = [];
    let blanks = 0;
    let content = -1; // the text lines' indentation
    for (; r < all.length; r++) {
      const line = all[r]!;
      if (line.length === 0) {
        if (content < 0) giveUp(); // leading empty lines
        blanks++;
        continue;
      }
      const start = skipSpaces(line, 0);
      if (start === line.length) giveUp(); // spaces only: YAML has its own rules for those
      if (start <= indent) break; // the block ends
      if (content < 0) content = start;
      if (start !== content || line.charCodeAt(line.length - 1) === 32) giveUp();
      // Folded (>): one line break between text lines is a space, n empty lines are n breaks.
      if (text.length > 0) text.push(header[0] === '>' ? (blanks === 0 ? ' ' : '\n'.repeat(blanks)) : '\n'.repeat(blanks + 1));
      text.push(line.slice(content));
      blanks = 0;
    }
    if (content < 0) giveUp(); // an empty block scalar
    // Skip the significant lines the block took (its text may look like keys or comments).
    while (!this.done && this.raw[this.i]! < r) this.i++;
    return text.join('') + (header.length === 1 ? '\n' : '');
  }

  sequence(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    while (!this.done && this.starts[this.i] === indent && this.isItem(this.i)) {
      const line = this.lines[this.i]!;
      const end = this.ends[this.i]!;
      const from = skipSpaces(line, indent + 1);
      if (from >= end) {
        giveUp(); // "-" alone: kader writes "- key: value" or "- value", and readers differ on what follows
      } else if (line.charCodeAt(from) === 45 && (from + 1 === end || line.charCodeAt(from + 1) === 32)) {
        giveUp(); // "- - x": a sequence in a sequence on one line
      } else if (keyEnd(line, from, end) >= 0) {
        // "- key: value" starts a mapping whose keys line up with "key".
        this.starts[this.i] = from;
        items.push(this.mapping(from, depth + 1));
      } else {
        this.i++;
        items.push(inlineValue(line.slice(from, end)));
        this.endOfValue(indent);
      }
    }
    return items;
  }
}

/**
 * The document as the careful parser would read it, when it is written in the subset;
 * otherwise undefined, and the caller reads it with the careful parser.
 */
export function subsetParse(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || NON_PRINTABLE.test(text)) return undefined;
  // CRLF line ends (files edited on Windows) are fine; a CR on its own is for the careful parser.
  const crlf = text.includes('\r');
  if (crlf && /\r(?!\n)/.test(text)) return undefined;
  const all = crlf ? text.split(/\r?\n/) : text.split('\n');
  const lines: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const raw: number[] = [];
  for (let index = 0; index < all.length; index++) {
    const line = all[index]!;
    const start = skipSpaces(line, 0);
    const first = line.charCodeAt(start);
    if (start === line.length || first === 35) continue; // blank, or a comment
    // Directives and document markers: several documents or a header are for the careful parser.
    if (start === 0 && (first === 37 || line.startsWith('---') || line.startsWith('...'))) return undefined;
    let end = line.length;
    while (line.charCodeAt(end - 1) === 32) end--; // spaces only: YAML keeps other trailing whitespace
    lines.push(line);
    starts.push(start);
    ends.push(end);
    raw.push(index);
  }
  if (lines.length === 0 || starts[0] !== 0) return undefined;
  try {
    const reader = new Reader(lines, starts, ends, raw, all);
    const value = reader.mapping(0, 0);
    return reader.done ? value : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

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

import { blockKeyEnd, GIVE_UP, giveUp, inlineValue, keyAt, skipSpaces } from './subset-inline.js';

/** Characters YAML does not allow unescaped (js-yaml's PATTERN_NON_PRINTABLE, stricter than needed): left to the careful parser. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/**
 * Every character that can make the checks at the top of subsetParse give up (a tab, a BOM,
 * what NON_PRINTABLE finds, any surrogate): one character class, which a text without any of
 * them — nearly every file — passes several times faster than NON_PRINTABLE's alternatives.
 */
const UNUSUAL = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

const MAX_BLOCK_DEPTH = 50;

/**
 * The significant lines (no blanks or comments) of the text, by offsets into it: line `i`
 * begins at `begins[i]`, its content at `begins[i] + cols[i]` (its indentation: only spaces
 * indent) and ends at `ends[i]` (trailing spaces and a CR dropped); the line after it starts
 * at `nexts[i]`. Kept between calls and grown when needed: no string or array per line.
 */
let begins: Int32Array = new Int32Array(1024);
let cols: Int32Array = new Int32Array(1024);
let ends: Int32Array = new Int32Array(1024);
let nexts: Int32Array = new Int32Array(1024);

function grow(): void {
  const size = begins.length * 2;
  const larger = (old: Int32Array): Int32Array => {
    const copy = new Int32Array(size);
    copy.set(old);
    return copy;
  };
  begins = larger(begins);
  cols = larger(cols);
  ends = larger(ends);
  nexts = larger(nexts);
}

/** The significant lines, read one node at a time. */
class Reader {
  private i = 0;
  // The tables as fields: loading a field is cheaper in the hot loops than a module binding.
  private readonly begins = begins;
  private readonly cols = cols;
  private readonly ends = ends;
  private readonly nexts = nexts;
  constructor(
    private readonly text: string,
    private readonly count: number,
  ) {}

  get done(): boolean {
    return this.i === this.count;
  }

  private isItem(i: number): boolean {
    const text = this.text;
    const start = this.begins[i]! + this.cols[i]!;
    return text.charCodeAt(start) === 45 && (start + 1 === this.ends[i] || text.charCodeAt(start + 1) === 32);
  }

  /** The block node starting at the current line, which is indented `indent`. */
  node(indent: number, depth: number): unknown {
    if (depth > MAX_BLOCK_DEPTH) giveUp();
    return this.isItem(this.i) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The value of `key:` with nothing after it: a nested block, or null. */
  private nested(indent: number, depth: number): unknown {
    if (this.done) return null;
    const next = this.cols[this.i]!;
    if (next > indent) return this.node(next, depth + 1);
    // A sequence at the key's own indentation: valid YAML, but kader does not write it and
    // readers differ on nested items there.
    if (next === indent && this.isItem(this.i)) giveUp();
    return null;
  }

  /** After a value on its own line, a deeper line would be a continuation: for the careful parser. */
  private endOfValue(indent: number): void {
    if (!this.done && this.cols[this.i]! > indent) giveUp();
  }

  mapping(indent: number, depth: number): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    while (!this.done && this.cols[this.i] === indent) {
      const start = this.begins[this.i]! + indent;
      const end = this.ends[this.i]!;
      const colon = blockKeyEnd(text, start, end); // a sequence item where a key belongs fails here too
      if (colon < 0) giveUp();
      const key = keyAt(text, start, colon); // gives up on a special key (TRUE, __proto__)
      if (Object.hasOwn(map, key)) giveUp();
      this.i++;
      const from = skipSpaces(text, colon + 1, end);
      // Only a value starting with | or > can be a block scalar header: no slice for the rest.
      const mark = text.charCodeAt(from);
      const header = (mark === 124 || mark === 62) && from < end && end - from <= 2 ? text.slice(from, end) : '';
      // "key:", or "key: # a comment": the value is the block below, if any.
      if (from >= end || mark === 35) {
        map[key] = this.nested(indent, depth);
      } else if (header === '|' || header === '|-' || header === '>' || header === '>-') {
        map[key] = this.blockScalar(indent, header);
      } else {
        map[key] = inlineValue(text, from, end);
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
    const text = this.text;
    const length = text.length;
    let r = this.nexts[this.i - 1]!; // the first line after the header
    const parts: string[] = [];
    let blanks = 0;
    let content = -1; // the text lines' indentation
    while (r <= length) {
      let newline = text.indexOf('\n', r);
      if (newline < 0) newline = length;
      const lineEnd = text.charCodeAt(newline - 1) === 13 && newline > r ? newline - 1 : newline;
      if (lineEnd === r) {
        if (content < 0) giveUp(); // leading empty lines
        blanks++;
        r = newline + 1;
        continue;
      }
      const start = skipSpaces(text, r, lineEnd);
      if (start === lineEnd) giveUp(); // spaces only: YAML has its own rules for those
      if (start - r <= indent) break; // the block ends
      if (content < 0) content = start - r;
      if (start - r !== content || text.charCodeAt(lineEnd - 1) === 32) giveUp();
      // Folded (>): one line break between text lines is a space, n empty lines are n breaks.
      if (parts.length > 0) parts.push(header[0] === '>' ? (blanks === 0 ? ' ' : '\n'.repeat(blanks)) : '\n'.repeat(blanks + 1));
      parts.push(text.slice(start, lineEnd));
      blanks = 0;
      r = newline + 1;
    }
    if (content < 0) giveUp(); // an empty block scalar
    // Skip the significant lines the block took (its text may look like keys or comments).
    while (!this.done && this.begins[this.i]! < r) this.i++;
    return parts.join('') + (header.length === 1 ? '\n' : '');
  }

  sequence(indent: number, depth: number): unknown[] {
    const text = this.text;
    const items: unknown[] = [];
    while (!this.done && this.cols[this.i] === indent && this.isItem(this.i)) {
      const begin = this.begins[this.i]!;
      const end = this.ends[this.i]!;
      const from = skipSpaces(text, begin + indent + 1, end);
      if (from >= end) {
        giveUp(); // "-" alone: kader writes "- key: value" or "- value", and readers differ on what follows
      } else if (text.charCodeAt(from) === 45 && (from + 1 === end || text.charCodeAt(from + 1) === 32)) {
        giveUp(); // "- - x": a sequence in a sequence on one line
      } else if (blockKeyEnd(text, from, end) >= 0) {
        // "- key: value" starts a mapping whose keys line up with "key".
        this.cols[this.i] = from - begin;
        items.push(this.mapping(from - begin, depth + 1));
      } else {
        this.i++;
        items.push(inlineValue(text, from, end));
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
  if (UNUSUAL.test(text) && (text.includes('\t') || text.charCodeAt(0) === 0xfeff || NON_PRINTABLE.test(text))) return undefined;
  // CRLF line ends (files edited on Windows) are fine; a CR on its own is for the careful parser.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  const length = text.length;
  let count = 0;
  // Every line, as text.split('\n') would give them, the last one after a final line end included.
  for (let begin = 0; begin <= length; ) {
    let newline = text.indexOf('\n', begin);
    if (newline < 0) newline = length;
    const lineEnd = text.charCodeAt(newline - 1) === 13 && newline > begin ? newline - 1 : newline;
    const start = skipSpaces(text, begin, lineEnd);
    const first = text.charCodeAt(start);
    if (start < lineEnd && first !== 35) {
      // Directives and document markers: several documents or a header are for the careful parser.
      if (start === begin && (first === 37 || text.startsWith('---', begin) || text.startsWith('...', begin))) return undefined;
      let end = lineEnd;
      while (text.charCodeAt(end - 1) === 32) end--; // spaces only: YAML keeps other trailing whitespace
      if (count === begins.length) grow();
      begins[count] = begin;
      cols[count] = start - begin;
      ends[count] = end;
      nexts[count] = newline + 1;
      count++;
    }
    begin = newline + 1;
  }
  if (count === 0 || cols[0] !== 0) return undefined;
  try {
    const reader = new Reader(text, count);
    const value = reader.mapping(0, 0);
    return reader.done ? value : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

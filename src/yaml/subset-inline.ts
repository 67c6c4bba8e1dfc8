/**
 * The one-line values of the subset reader (./subset.ts): plain, single- and double-quoted
 * scalars and one-line flow collections, read straight from the document's text between two
 * offsets (`at` to `end`, the line's content without trailing spaces), as if that stretch
 * were a string of its own: nothing past `end` is looked at. Reading in place instead of
 * cutting each line out first saves a string per line (issue #20, third round).
 *
 * Whatever the careful parser might read differently makes the reader give up (`giveUp`).
 */

/** Thrown to give up; caught once at the top. Giving up is rare, so its cost does not matter. */
class GiveUp {}
export const GIVE_UP = new GiveUp();
export function giveUp(): never {
  throw GIVE_UP;
}

/** Where the last value read here ended: set by every reader below, instead of returning a pair. */
export let next = 0;

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
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** A double-quoted scalar starting at `start`. */
function doubleQuoted(text: string, start: number, end: number): string {
  let out = '';
  let from = start + 1;
  for (let at = from; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c === 34) {
      next = at + 1;
      return out + text.slice(from, at);
    }
    if (c !== 92) continue;
    out += text.slice(from, at);
    if (at + 1 >= end) giveUp();
    const code = text[at + 1]!;
    if (code === 'u') {
      if (at + 6 > end) giveUp();
      const hex = text.slice(at + 2, at + 6);
      if (!HEX4.test(hex)) giveUp();
      const unit = parseInt(hex, 16);
      if (unit >= 0xd800 && unit <= 0xdfff) giveUp(); // surrogates: each reader has its own rules
      out += String.fromCharCode(unit);
      from = at + 6;
    } else {
      const escaped = ESCAPES[code];
      if (escaped === undefined) giveUp();
      out += escaped;
      from = at + 2;
    }
    at = from - 1;
  }
  return giveUp(); // continues on the next line
}

/** A single-quoted scalar starting at `start` ('' is a quote). */
function singleQuoted(text: string, start: number, end: number): string {
  let out = '';
  let from = start + 1;
  for (let at = from; at < end; at++) {
    if (text.charCodeAt(at) !== 39) continue;
    out += text.slice(from, at);
    if (at + 1 < end && text.charCodeAt(at + 1) === 39) {
      out += "'";
      from = at + 2;
      at++;
      continue;
    }
    next = at + 1;
    return out;
  }
  return giveUp();
}

export function skipSpaces(text: string, at: number, end: number): number {
  while (at < end && text.charCodeAt(at) === 32) at++;
  return at;
}

const MAX_FLOW_DEPTH = 20;

/** A flow collection or scalar inside one, starting at `at`. */
function flowNode(text: string, at: number, end: number, depth: number): unknown {
  const c = text.charCodeAt(at);
  if (at < end) {
    if (c === 34) return doubleQuoted(text, at, end);
    if (c === 39) return singleQuoted(text, at, end);
    if (c === 91 || c === 123) {
      if (depth > MAX_FLOW_DEPTH) giveUp();
      return c === 91 ? flowSequence(text, at, end, depth + 1) : flowMapping(text, at, end, depth + 1);
    }
  }
  // A plain scalar ends at , ] or }; a colon or # inside one is for the careful parser to judge.
  let stop = at;
  for (; stop < end; stop++) {
    const s = text.charCodeAt(stop);
    if (s === 44 || s === 93 || s === 125) break;
  }
  while (stop > at && text.charCodeAt(stop - 1) === 32) stop--; // spaces only: trimEnd would also take a BOM or NBSP
  const plain = text.slice(at, stop);
  if (plain.includes(':') || plain.includes('#') || plain.includes('[') || plain.includes('{')) giveUp();
  checkPlainStart(plain);
  next = stop;
  return plainValue(plain);
}

function flowSequence(text: string, start: number, end: number, depth: number): unknown[] {
  const items: unknown[] = [];
  let at = skipSpaces(text, start + 1, end);
  if (at < end && text.charCodeAt(at) === 93) {
    next = at + 1;
    return items;
  }
  for (;;) {
    items.push(flowNode(text, at, end, depth));
    at = skipSpaces(text, next, end);
    if (at >= end) giveUp();
    const c = text.charCodeAt(at);
    if (c === 93) {
      next = at + 1;
      return items;
    }
    if (c !== 44) giveUp();
    at = skipSpaces(text, at + 1, end);
    const after = text.charCodeAt(at);
    if (at < end && (after === 93 || after === 44)) giveUp(); // trailing or empty entries
  }
}

function flowMapping(text: string, start: number, end: number, depth: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let at = skipSpaces(text, start + 1, end);
  if (at < end && text.charCodeAt(at) === 125) {
    next = at + 1;
    return map;
  }
  for (;;) {
    let colon = at;
    while (colon < end && text.charCodeAt(colon) !== 58) colon++;
    if (colon + 1 >= end || text.charCodeAt(colon + 1) !== 32) giveUp();
    // A key as kader writes them (a name, an answer id: [A-Za-z_][A-Za-z0-9_.-]*), or give up.
    if (keyEnd(text, at, colon) !== colon) giveUp();
    const key = keyAt(text, at, colon);
    if (Object.hasOwn(map, key)) giveUp();
    at = skipSpaces(text, colon + 1, end);
    if (at >= end) giveUp();
    const c = text.charCodeAt(at);
    if (c === 44 || c === 125) giveUp(); // a key without a value
    map[key] = flowNode(text, at, end, depth);
    at = skipSpaces(text, next, end);
    if (at >= end) giveUp();
    const after = text.charCodeAt(at);
    if (after === 125) {
      next = at + 1;
      return map;
    }
    if (after !== 44) giveUp();
    at = skipSpaces(text, at + 1, end);
    const then = text.charCodeAt(at);
    if (at < end && (then === 125 || then === 44)) giveUp();
  }
}

/** After a quoted scalar or flow collection: only spaces and a comment may follow. */
function checkRest(text: string, at: number, end: number): void {
  const after = skipSpaces(text, at, end);
  if (after === end) return;
  if (text.charCodeAt(after) !== 35 || after === at) giveUp();
}

/** The value written after `key: ` or `- ` on the same line, from `from` to the line's `end`. */
export function inlineValue(text: string, from: number, end: number): unknown {
  const c = text.charCodeAt(from);
  if (c === 34 || c === 39 || c === 91 || c === 123) {
    const value = c === 34 ? doubleQuoted(text, from, end) : c === 39 ? singleQuoted(text, from, end) : flowNode(text, from, end, 0);
    checkRest(text, next, end);
    return value;
  }
  const plain = text.slice(from, end);
  checkPlainStart(plain);
  // A comment, a nested key or a key without a value: for the careful parser.
  if (plain.includes(' #') || plain.includes(': ') || plain.endsWith(':')) giveUp();
  return plainValue(plain);
}

/**
 * Keys met before, by a hash of their characters. The same keys come back in every session
 * (answer ids, `value`, `at`), and taking one from here costs no new string and no lookup in
 * V8's string table, which cutting a fresh key from the line and adding it to an object does
 * (the larger part of this reader's time, issue #20). Bounded, and every key kept is a copy,
 * so no file's text stays alive through it.
 */
const knownKeys = new Map<number, string>();
const MAX_KNOWN_KEYS = 20_000;

/** The hash of the key keyEnd read last: keyAt takes that key, so its characters are read once. */
let keyHash = 0;

/**
 * The key keyEnd (or blockKeyEnd) just read, from `from` to `end`. Gives up on a key that a
 * YAML reader might turn into another value or that touches the prototype (SPECIAL_KEYS):
 * those are never kept in knownKeys, so a key taken from there needs no such check.
 */
export function keyAt(text: string, from: number, end: number): string {
  const hash = keyHash;
  const known = knownKeys.get(hash);
  if (known !== undefined && known.length === end - from && text.startsWith(known, from)) return known;
  const key = text.slice(from, end);
  if (SPECIAL_KEYS.has(key)) giveUp();
  if (known === undefined && knownKeys.size < MAX_KNOWN_KEYS) knownKeys.set(hash, key.length < 13 ? key : (JSON.parse(JSON.stringify(key)) as string));
  return key;
}

/**
 * Where a key starting at `from` ends (a letter or _, then letters, digits, _ . -), checked
 * character by character on the text itself, so no substring is made for a line that turns
 * out not to be a key: the index of the first other character, or -1 when there is no key.
 * Leaves the key's hash in keyHash for keyAt.
 */
function keyEnd(text: string, from: number, end: number): number {
  if (from >= end) return -1;
  let c = text.charCodeAt(from);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return -1;
  let hash = c;
  let at = from + 1;
  for (; at < end; at++) {
    c = text.charCodeAt(at);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) break;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  keyHash = (hash + at - from) | 0;
  return at;
}

/**
 * A block key at `from`: the index of its ":" when the line has a key there followed by ":"
 * and a space or the end of the line, else -1.
 */
export function blockKeyEnd(text: string, from: number, end: number): number {
  const at = keyEnd(text, from, end);
  if (at < 0 || at === end || text.charCodeAt(at) !== 58) return -1; // ":"
  return at + 1 === end || text.charCodeAt(at + 1) === 32 ? at : -1;
}

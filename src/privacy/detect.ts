/**
 * Likely personal data in free text (AVG): BSN (elfproef), Dutch phone numbers, e-mail
 * addresses, IBAN (mod 97), postcode with house number, a street with a house number, and
 * dates of birth. Heuristics, pure, in time linear in the text (see patterns.ts); every hit has
 * its kind and place. Measured on test/fixtures/privacy-corpus.yaml (test/privacy-corpus.test.ts).
 */
import { DETECTORS, type PersonalDataKind } from './patterns.js';

export { passesElfproef, passesIbanCheck, type PersonalDataKind } from './patterns.js';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

/** How much text either side of a match the detectors' context checks look at. */
const CONTEXT = 60;

/**
 * Every detector needs an ASCII digit (`\d` without the u flag) or an '@' to match, so text
 * without either has no hit. Most answers are such text; skipping them spares compiling and
 * running eight expressions per field (~15 ms of `kader report`, issue #20).
 */
const MAY_HIT = /[0-9@]/;

export function findPersonalData(text: string): PersonalDataHit[] {
  if (!MAY_HIT.test(text)) return [];
  const found: (PersonalDataHit & { rank: number })[] = [];
  for (const [rank, { kind, pattern, accept, needs }] of DETECTORS.entries()) {
    if (needs && !needs.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (accept && !accept(match[0], text.slice(Math.max(0, start - CONTEXT), start), text.slice(end, end + CONTEXT))) continue;
      found.push({ kind, start, end, text: match[0], rank });
    }
  }
  // A hit inside another one (the digits of an IBAN, a phone number in an e-mail address) is
  // part of it; of two hits on the same stretch the most specific detector wins. Hits that only
  // overlap (a street and number, then the postcode after that number) are both kept.
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const hits: PersonalDataHit[] = [];
  let coveredTo = -1;
  for (const { rank: _rank, ...hit } of found) {
    if (hit.end <= coveredTo) continue;
    hits.push(hit);
    coveredTo = hit.end;
  }
  return hits;
}

/** Replace every hit with a marker that says what was removed, e.g. "[verwijderd: bsn]". */
export function redact(text: string, marker: (kind: PersonalDataKind) => string): string {
  // A pattern does not start right after a letter or digit, so a number glued to a hit
  // ("…@example.nl111222333") only shows once the hit is gone: look again, a few times.
  let out = text;
  for (let pass = 0; pass < REDACT_PASSES; pass++) {
    const hits = findPersonalData(out);
    if (hits.length === 0) break;
    out = redactOnce(out, hits, marker);
  }
  return out;
}

const REDACT_PASSES = 5;

function redactOnce(text: string, hits: readonly PersonalDataHit[], marker: (kind: PersonalDataKind) => string): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    // Overlapping hits are removed as one stretch, under the first one's kind.
    if (hit.start < at) {
      at = Math.max(at, hit.end);
      continue;
    }
    out += text.slice(at, hit.start) + marker(hit.kind);
    at = hit.end;
  }
  return out + text.slice(at);
}

/** The distinct kinds among hits, in a stable order, for messages. */
export function kindsOf(hits: readonly PersonalDataHit[]): PersonalDataKind[] {
  return [...new Set(hits.map((h) => h.kind))];
}

/** A one-line warning for text someone just typed, or undefined when it looks clean. */
export function personalDataWarning(
  text: string,
  where: string,
  words: { kinds: Record<string, string>; warning: (where: string, kinds: string) => string },
): string | undefined {
  const hits = findPersonalData(text);
  if (hits.length === 0) return undefined;
  return words.warning(where, kindsOf(hits).map((k) => words.kinds[k] ?? k).join(', '));
}

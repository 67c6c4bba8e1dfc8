/**
 * Likely personal data in free text (AVG): BSN (elfproef), Dutch phone numbers, e-mail
 * addresses, IBAN (mod 97), postcode with house number, and dates of birth. Heuristics, pure,
 * tuned to miss little in notes about a way of working; every hit has its kind and place.
 */
export type PersonalDataKind = 'bsn' | 'phone' | 'email' | 'iban' | 'postcode' | 'birthdate';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const digits = (s: string): string => s.replace(/\D/g, '');

/** The elfproef: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(nine: string): boolean {
  if (!/^\d{9}$/.test(nine) || /^0+$/.test(nine)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nine[i]) * (9 - i);
  sum -= Number(nine[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2})`;

const DETECTORS: Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi, accept: passesIbanCheck },
  // 9 digits, optionally written 123.456.782 or 123 456 782; only numbers that pass the elfproef.
  { kind: 'bsn', pattern: /(?<![\w.-])\d{3}[.\s]?\d{3}[.\s]?\d{3}(?![\d-])/g, accept: (m) => passesElfproef(digits(m)) },
  // Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits, with spaces or dashes anywhere.
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:\+31|0031|0)[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){7,8}(?!\d)/g,
    accept: (m) => {
      const d = digits(m.replace(/\(0\)/, ''));
      return d.startsWith('0031') ? d.length === 13 : d.startsWith('31') ? d.length === 11 : d.startsWith('0') && d.length === 10;
    },
  },
  // Postcode with a house number after it (1234 AB 12) or a street number before it (12, 1234 AB).
  { kind: 'postcode', pattern: /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\s*,?\s+\d{1,5}[a-zA-Z]?\b/g },
  { kind: 'postcode', pattern: /\b\d{1,5}[a-zA-Z]?\s*,\s*[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g },
  // A date is only a date of birth with a word that says so just before it.
  { kind: 'birthdate', pattern: new RegExp(`\\b(?:geboren|geb\\.|geboortedatum|geb\\.datum|born|date of birth)\\s*(?:op|:)?\\s*${DATE}`, 'gi') },
];

export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const { kind, pattern, accept } of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const found = match[0];
      if (accept && !accept(found)) continue;
      // One stretch of text gets one kind: the first detector (most specific) wins.
      if (hits.some((h) => start < h.end && start + found.length > h.start)) continue;
      hits.push({ kind, start, end: start + found.length, text: found });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Replace every hit with a marker that says what was removed, e.g. "[verwijderd: bsn]". */
export function redact(text: string, marker: (kind: PersonalDataKind) => string): string {
  let out = '';
  let at = 0;
  for (const hit of findPersonalData(text)) {
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

/**
 * What an interviewer types, read the Dutch way: 15-03-2026 as well as 2026-03-15, "85%" and
 * "7,5" as numbers. Pure; the terminal prompter validates with it and stores what it returns.
 */
import { isIsoDate } from '../session/values.js';

const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** A date typed as DD-MM-JJJJ (or with / or .) or as ISO, as ISO; undefined when it is no real date. */
export function readDate(text: string): string | undefined {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = DUTCH_DATE.exec(value);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A number with a decimal comma or point, and an optional trailing "%"; undefined when it is none. */
export function readNumber(text: string): number | undefined {
  const value = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Is the value outside the question's bounds? */
export function outOfRange(n: number, min?: number, max?: number): boolean {
  return (min !== undefined && n < min) || (max !== undefined && n > max);
}

/** Is this choice the catch-all "Anders" (the framework's own value), so the interviewer asks what? */
export function isOther(value: string): boolean {
  return /^(anders|overig|other)$/i.test(value);
}

/**
 * Sorting names the way `localeCompare` does, without its cost where that is safe. The first
 * `localeCompare` of a process starts ICU's collator, ~10 ms: a fifth of `kader frameworks`
 * (issue #20). For strings of lower-case ASCII letters, digits, '-', '.' and '/' only, the
 * collator's order (CLDR root: punctuation, then digits, then letters; a prefix first) is the
 * order of their UTF-16 code units, so those are compared directly; anything else (capitals,
 * '_', spaces, accents) goes to `localeCompare` as before. test/collate.test.ts holds the two
 * equal on every string of up to three such characters and on random longer ones.
 */
const PLAIN = /^[a-z0-9./-]*$/;

export function compareNames(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Hostile input for the privacy check (issue 16 item 8), shared by test/privacy*.test.ts. */
const N = 200_000;

/**
 * Long runs of the characters each pattern is built from: letters and digits (e-mail, IBAN,
 * BSN, phone, postcode, street), separators between digits, a domain's dots, the words before a
 * date of birth followed by nothing but blanks. The old e-mail pattern took about 22 s (on a
 * busy machine over 100 s) on the first one alone.
 */
export const LONG_RUNS: Record<string, string> = {
  letters: 'A'.repeat(N),
  lower: 'a'.repeat(N),
  digits: '1'.repeat(N),
  zeros: '0'.repeat(N),
  'digits and spaces': '1 '.repeat(N / 2),
  'digits and dashes': '0-'.repeat(N / 2),
  'digits and dots': '1.'.repeat(N / 2),
  'a domain': 'a.'.repeat(N / 2),
  'at signs': 'a@'.repeat(N / 2),
  'local part then @': `${'a'.repeat(N)}@`,
  'a street word': `${'a'.repeat(N)}straat 1`,
  'blanks after geboren': `geboren${' '.repeat(N)}`,
  'tabs after a postcode': `1234 AB${'\t'.repeat(N)}`,
  'geb. again and again': 'geb. '.repeat(N / 5),
  'house numbers and commas': '12, '.repeat(N / 4),
  'IBAN heads': 'NL91 '.repeat(N / 5),
  'area codes': '(0'.repeat(N / 2),
  'country codes': '+31 '.repeat(N / 4),
};

/**
 * The cheap checks before the privacy detectors (issue #20: `kader report` no longer compiles
 * expressions for text that cannot hold a hit) skip only text without a hit: every match of a
 * detector, on the corpora and on texts made to match, holds a digit or an '@' and what the
 * detector `needs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../src/privacy/patterns.js';
import { findPersonalData } from '../src/privacy/detect.js';
import { FIXTURES } from './helpers.js';

const corpus = ['privacy-corpus.txt', 'privacy-corpus-heldout.txt'].flatMap((name) => readFileSync(join(FIXTURES, name), 'utf8').split('\n'));
const made = [
  'geboren op 12-03-2015',
  'Geb. 3 maart 2016',
  'GEBOORTEDATUM: 1-2-2001',
  'date of birth 2001-02-03',
  'DOB 12/3/15',
  'd.o.b. 12.03.2015',
  'mail jan@example.nl',
  'BSN 111222333, tel 06-12345678, NL91ABNA0417164300, 1234 AB 12, Kerkstraat 12a',
];

describe('the privacy pre-checks skip no hit', () => {
  it('every match of every detector holds a digit or an @, and what its detector needs', () => {
    let matches = 0;
    for (const text of [...corpus, ...made]) {
      for (const { kind, pattern, needs } of DETECTORS) {
        for (const match of text.matchAll(pattern)) {
          matches++;
          expect(match[0], kind).toMatch(/[0-9@]/);
          if (needs) expect(match[0], kind).toMatch(needs);
        }
      }
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('text with neither a digit nor an @ has no hit, and a date of birth is still found', () => {
    expect(findPersonalData('Het gezin woont aan de Kerkstraat, geboren in de zomer.')).toEqual([]);
    for (const text of made.slice(0, 6)) expect(findPersonalData(text).map((h) => h.kind), text).toContain('birthdate');
  });
});

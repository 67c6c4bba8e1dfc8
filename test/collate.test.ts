import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNames } from '../src/core/collate.js';

const sign = (n: number) => Math.sign(n);
const ALPHABET = ['-', '.', '/', '0', '9', 'a', 'k', 'z'];

describe('compareNames sorts as localeCompare does', () => {
  it('on every string of up to three plain characters, pair by pair', () => {
    const words = [''];
    for (let length = 1; length <= 3; length++) for (const w of words.filter((x) => x.length === length - 1)) for (const c of ALPHABET) words.push(w + c);
    const differ: string[] = [];
    let pairs = 0;
    for (const a of words) {
      for (const b of words) {
        if (sign(compareNames(a, b)) !== sign(a.localeCompare(b))) differ.push(`${a} | ${b}`);
        pairs++;
      }
    }
    expect(pairs).toBe(585 * 585);
    expect(differ).toEqual([]);
  });

  it('on random names, plain or not (capitals, underscores, accents and spaces go to the collator)', () => {
    const name = fc.string({ unit: fc.constantFrom(...'abcxyz0189-./_ AZéë'.split('')), maxLength: 12 });
    fc.assert(fc.property(name, name, (a, b) => sign(compareNames(a, b)) === sign(a.localeCompare(b))), { numRuns: 20_000 });
  });

  it('keeps the collator for what code units would order differently', () => {
    expect(['b.yaml', 'A.yaml', 'a_b.yaml', 'a-b.yaml'].sort(compareNames)).toEqual(['a_b.yaml', 'a-b.yaml', 'A.yaml', 'b.yaml']);
  });
});

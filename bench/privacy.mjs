// The privacy scan on hostile and ordinary text of 0.2, 2 and 10 MB (issue 16 item 8): the
// slowest of the long runs that find nothing, notes full of hits, and nothing but postcodes.
// Needs a build (npm run build). Asserts nothing; SECURITY.md quotes its figures.
import { findPersonalData } from '../dist/privacy/detect.js';

const runs = (n) => ({
  letters: 'A'.repeat(n),
  lower: 'a'.repeat(n),
  digits: '1'.repeat(n),
  zeros: '0'.repeat(n),
  'digits and spaces': '1 '.repeat(n / 2),
  'digits and dashes': '0-'.repeat(n / 2),
  'digits and dots': '1.'.repeat(n / 2),
  'a domain': 'a.'.repeat(n / 2),
  'at signs': 'a@'.repeat(n / 2),
  'a street word': `${'a'.repeat(n)}straat 1`,
  'blanks after geboren': `geboren${' '.repeat(n)}`,
  'tabs after a postcode': `1234 AB${'\t'.repeat(n)}`,
  'geb. again': 'geb. '.repeat(n / 5),
  'house numbers': '12, '.repeat(n / 4),
  'IBAN heads': 'NL91 '.repeat(n / 5),
  'area codes': '(0'.repeat(n / 2),
  'country codes': '+31 '.repeat(n / 4),
});
const time = (text) => {
  const start = performance.now();
  const hits = findPersonalData(text).length;
  return { ms: Math.round(performance.now() - start), hits };
};

for (const n of [200_000, 2_000_000, 10_000_000]) {
  let worst = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(runs(n))) {
    const { ms } = time(text);
    if (ms > worst.ms) worst = { name, ms };
  }
  const notes = time('In 2024 VT 12 keer gebeld, zaak 123456782, moeder 06-12345678. '.repeat(Math.floor(n / 64)));
  const postcodes = time('1234 AB 12 '.repeat(Math.floor(n / 11)));
  console.log(
    `${(n / 1e6).toFixed(1)} MB: slowest run without hits (${worst.name}) ${worst.ms} ms; notes ${notes.ms} ms (${notes.hits} hits); postcodes ${postcodes.ms} ms (${postcodes.hits} hits)`,
  );
}

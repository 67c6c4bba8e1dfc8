// A framework of ~19,000 lines for `validate` (issue #20): the bundled frameworks joined, each
// `copies` times (4: ~19,000 lines, werken-aan-veiligheid once more), every id suffixed so that nothing clashes, scales and audiences
// per source framework. Deterministic: the same files give the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const REF_KEYS = new Set(['id', 'question', 'criterion', 'of']);

/** A copy of `node` with every id and reference to a question or criterion suffixed. */
function suffixed(node, sfx, local) {
  if (Array.isArray(node)) return node.map((n) => suffixed(n, sfx, local));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (REF_KEYS.has(key) && typeof value === 'string') out[key] = `${value}${sfx}`;
    else if ((key === 'scale' || key === 'audience') && typeof value === 'string') out[key] = `${value}${local}`;
    else if (key === 'audience' && Array.isArray(value)) out[key] = value.map((v) => `${v}${local}`);
    else out[key] = suffixed(value, sfx, local);
  }
  return out;
}

export function joinedFramework(root, copies = 2) {
  const dir = join(root, 'frameworks');
  const sources = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort().map((n) => parse(readFileSync(join(dir, n), 'utf8')));
  const head = sources.find((f) => f.id === 'werken-aan-veiligheid');
  const joined = {
    kader: 1, kind: 'framework', id: 'bench-samengevoegd', version: '1.0', title: 'Samengevoegd benchmarkkader',
    publisher: 'kader-bench', adopted: head.adopted, source: head.source, language: 'nl',
    ...(head.provenance && { provenance: head.provenance }),
    audiences: [], scales: [], thresholds: head.thresholds, themes: [],
  };
  sources.forEach((f, i) => {
    const local = `-f${i}`;
    joined.audiences.push(...(f.audiences ?? []).map((a) => ({ ...a, id: `${a.id}${local}` })));
    joined.scales.push(...(f.scales ?? []).map((s) => ({ ...s, id: `${s.id}${local}` })));
    // The largest framework once more, to reach the size of the measurement.
    const times = copies + (f.id === 'werken-aan-veiligheid' ? 1 : 0);
    for (let k = 1; k <= times; k++) joined.themes.push(...f.themes.map((t) => suffixed(t, `-f${i}k${k}`, local)));
  });
  return joined;
}

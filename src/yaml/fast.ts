/**
 * The fast path for batches. Sessions as kader writes them are read by the subset reader
 * (./subset.ts); anything else by js-yaml, about five times faster than the `yaml` package
 * but without positions. Callers use this to find clean files quickly and parse a file again
 * with positions (parseYaml) as soon as anything is to be reported, so findings stay identical.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { subsetParse } from './subset.js';

/** Anchors, aliases or __proto__ keys: leave those to the careful path with its limits. */
const NEEDS_CARE = /(^|[\s[{,])[&*]\S|__proto__/m;

/** The document as a plain mapping, or undefined whenever the careful path should decide. */
export function fastParse(text: string): Record<string, unknown> | undefined {
  // The subset reader gives up on anchors, aliases and __proto__ keys itself, and reads
  // nothing else differently from js-yaml (test/yaml-subset.test.ts), so it goes first.
  const simple = subsetParse(text);
  if (simple) return simple;
  // The regular expression only where one of its characters occurs: most files have none.
  if ((text.includes('&') || text.includes('*') || text.includes('__proto__')) && NEEDS_CARE.test(text)) return undefined;
  try {
    // CORE_SCHEMA: the YAML 1.2 core types, as the `yaml` package reads them (no dates, no merges).
    const value = load(text, { schema: CORE_SCHEMA });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // syntax, duplicate keys, several documents, absurd nesting: the careful path says which
  }
}

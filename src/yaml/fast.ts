/**
 * The fast path for batches: the subset reader (./subset.ts) for YAML as kader writes it.
 * It gives a value only where the careful parser (parseYaml in ./parse.ts, the `yaml`
 * package) reads the same value, and gives up on everything else; callers then parse with
 * positions, so a file has one verdict whichever path reads it (issue #22). js-yaml used to
 * read what the subset gave up on, but it accepts documents the careful parser rejects
 * (test/yaml-conformance.test.ts), so a file could be valid for `check` and broken for `plan`.
 */
import { subsetParse } from './subset.js';

/** The document as a plain mapping, or undefined whenever the careful path should decide. */
export function fastParse(text: string): Record<string, unknown> | undefined {
  return subsetParse(text);
}

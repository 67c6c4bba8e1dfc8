/**
 * The `yaml` package, loaded on first use: it takes ~40 ms to load, and commands that meet
 * only valid files (the fast path in src/yaml/fast.ts) never need it.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

/**
 * commander's Help class alone (commander/lib/help.js), which src/cli/help.ts lays out help
 * with. Found by its path, because commander's package exports only its index, which loads all
 * of commander. In the one-file build, scripts/bundle.mjs joins that file in instead of this
 * module: resolving commander and loading two files through Node's CommonJS loader took
 * ~5 ms of every `--help` (issue #20, fourth round).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Help } from 'commander';

export function loadHelpClass(): typeof Help {
  const require = createRequire(import.meta.url);
  return (require(join(dirname(require.resolve('commander')), 'lib', 'help.js')) as { Help: typeof Help }).Help;
}

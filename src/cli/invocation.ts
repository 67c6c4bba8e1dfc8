/**
 * How kader was started, so that a printed command ("Verder gaan: …") runs when pasted into the
 * same shell: `kader` only when that name on PATH is this very program, `npx kader` under npx,
 * else `node <script>` as the README's first line starts it.
 */
import { realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative } from 'node:path';

const real = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/** A shell word: quoted when it holds anything but plain characters. */
export const shellWord = (text: string): string => (/^[\w./:@,+=-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`);

export function invocation(env: Record<string, string | undefined>, cwd: string, script: string | undefined = process.argv[1]): string {
  // npx runs the package's bin from node_modules/.bin (or its cache, _npx); the environment
  // cannot tell, since npm_command leaks into every child of an npx-started tool.
  if (script && /[\\/](node_modules[\\/]\.bin|_npx)[\\/]/.test(script)) return 'npx kader';
  const self = script && real(script);
  if (!self) return 'kader';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['kader', 'kader.cmd']) if (real(join(dir, name)) === self) return 'kader';
  }
  const near = relative(cwd, script);
  return `node ${shellWord(near && !near.startsWith('..') && !isAbsolute(near) ? near : script)}`;
}

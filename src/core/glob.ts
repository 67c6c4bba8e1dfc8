/**
 * A quoted glob ('kaders/*.yaml', 'frameworks/**\/*.yml') expanded as a shell would, for CI
 * files that quote their patterns. Only `*`, `?` and `**` (any depth): enough for paths to YAML,
 * without a dependency that global installs would have to fetch.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { isFileEntry } from './files.js';

export const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

const segmentRegex = (segment: string): RegExp =>
  new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);

/** Absolute paths of the files (and links to files) that match, sorted; dot-files and node_modules are left out. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const root = isAbsolute(pattern) ? sep : cwd;
  const found = new Set<string>();
  const walk = (dir: string, rest: string[]): void => {
    if (rest.length === 0) return;
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '' || head === '.') return walk(dir, tail);
    if (head === '**') {
      walk(dir, tail); // zero folders deep
      for (const entry of entries(dir)) if (entry.isDirectory()) walk(join(dir, entry.name), rest);
      return;
    }
    if (!isGlob(head)) {
      if (tail.length === 0) {
        if (entries(dir).some((e) => e.name === head && isFileEntry(dir, e))) found.add(join(dir, head));
      } else walk(join(dir, head), tail);
      return;
    }
    const match = segmentRegex(head);
    for (const entry of entries(dir)) {
      if (!match.test(entry.name)) continue;
      if (tail.length === 0 && isFileEntry(dir, entry)) found.add(join(dir, entry.name));
      else if (tail.length > 0 && entry.isDirectory()) walk(join(dir, entry.name), tail);
    }
  };
  walk(root, parts);
  return [...found].sort();
}

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules');
  } catch {
    return [];
  }
}

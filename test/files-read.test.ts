/** readTextFile and readBytesFile share one read buffer (src/core/files.ts): what each returns stays whole. */
import { writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath, readBytesFile, readTextFile } from '../src/core/files.js';
import { messages } from '../src/i18n/index.js';
import { tempDir } from './helpers.js';

const nl = messages('nl');

describe('reading files through the shared buffer', () => {
  it('reads files smaller than, equal to and larger than the buffer, and bytes kept are not overwritten', () => {
    const dir = tempDir();
    const sizes = [0, 1, 65_535, 65_536, 65_537, 200_000];
    const texts = sizes.map((n, i) => 'é'.repeat(Math.floor(n / 2)) + String(i).repeat(n % 2));
    texts.forEach((t, i) => writeFileSync(join(dir, `${i}.txt`), t));
    const bytes = readBytesFile(join(dir, '2.txt'), '2.txt', nl);
    const copy = Buffer.from(bytes);
    texts.forEach((t, i) => expect(readTextFile(join(dir, `${i}.txt`), `${i}.txt`, nl)).toBe(t));
    expect(bytes.equals(copy)).toBe(true);
  });
});

describe('displayPath', () => {
  // What it gave before its fast path for files below cwd (issue #20): relative(), or the path itself outside cwd.
  const before = (path: string, cwd: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };

  it('names a file as relative() does, below cwd or not, with odd segments', () => {
    expect(displayPath('/w/k/sessies/a.yaml', '/w/k')).toBe('sessies/a.yaml');
    expect(displayPath('/w/k/../a.yaml', '/w/k')).toBe('/w/k/../a.yaml'); // outside cwd: the path as given
    expect(displayPath('/w/kk/a.yaml', '/w/k')).toBe('/w/kk/a.yaml');
    const segment = fc.constantFrom('a', 'b.yaml', '.', '..', '', 'x.', '.y', '...', 'c d', 'é');
    const cwd = fc.constantFrom('/w', '/w/k', '/', '/w/k/');
    fc.assert(
      fc.property(cwd, fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), (dir, below, parts, slash) => {
        const path = `${below ? dir.replace(/\/$/, '') : '/w'}/${parts.join('/')}${slash ? '/' : ''}`;
        expect(displayPath(path, dir)).toBe(before(path, dir));
      }),
      { numRuns: 5000 },
    );
  });
});

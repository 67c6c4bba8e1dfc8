/** readTextFile and readBytesFile share one read buffer (src/core/files.ts): what each returns stays whole. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytesFile, readTextFile } from '../src/core/files.js';
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

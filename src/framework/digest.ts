/**
 * The digest a session stores of its framework file, so that it notices when the framework
 * changed. A fact about the framework file, used by sessions, the bundled-framework cache and
 * the build (scripts/precompile.mjs).
 */
import { createRequire } from 'node:module';

/**
 * node:crypto, loaded at the first digest: loading it takes ~6 ms, which `kader frameworks`,
 * `show` and `schema` paid at start-up for a hash they do not need (issue #20, fourth round).
 */
let crypto: typeof import('node:crypto') | undefined;
const createHash = (algorithm: string) => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

/**
 * sha256 of the framework file's bytes with CRLF line endings read as LF, so a session notices
 * when its framework changed but not when git checked it out with Windows line endings. An LF
 * file hashes exactly as before, so digests in existing sessions keep matching.
 */
export function frameworkDigest(bytes: string | Buffer): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return `sha256-${createHash('sha256').update(withoutCarriageReturns(buffer)).digest('hex')}`;
}

/** Drop every CR that directly precedes an LF; a lone CR is content and stays. */
function withoutCarriageReturns(buffer: Buffer): Buffer {
  if (!buffer.includes(0x0d)) return buffer;
  const out = Buffer.alloc(buffer.length);
  let n = 0;
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i] === 0x0d && buffer[i + 1] === 0x0a) continue;
    out[n++] = buffer[i]!;
  }
  return out.subarray(0, n);
}

/**
 * One error taxonomy (src/core/errors.ts): every kind carries its exit code, and only
 * src/cli/main.ts turns an error into a line and an exit code, so no module converts one
 * error into another by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConflictError, FileError, InvalidInputError, UsageError, UserError } from '../src/core/errors.js';
import { ROOT } from './helpers.js';

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the error taxonomy', () => {
  it('gives each kind its exit code and name, and makes each a UserError that main.ts shows', () => {
    const kinds = [new UsageError('u'), new FileError('f'), new ConflictError('c'), new InvalidInputError('i')];
    expect(kinds.map((e) => [e.name, e.exitCode, e instanceof UserError])).toEqual([
      ['UsageError', 2, true],
      ['FileError', 2, true],
      ['ConflictError', 2, true],
      ['InvalidInputError', 1, true],
    ]);
    expect(new ConflictError('c')).toBeInstanceOf(FileError);
  });

  it('is never converted by hand: no `instanceof FileError) throw new UserError` outside the terminal commands', () => {
    // The *-terminal.ts commands are being moved behind the Prompter seam (issue #19 item 6);
    // their last conversion goes with that work.
    const found = sources()
      .filter((file) => !file.endsWith('-terminal.ts'))
      .filter((file) => /instanceof FileError\)\s*throw new UserError/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(found).toEqual([]);
  });
});

/** Without colour a command gets a stand-in for chalk that writes exactly what chalk at level 0 writes. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeContext, type Io } from '../src/cli/context.js';

const io = (isTTY: boolean, env: Record<string, string> = {}): Io => ({ cwd: '/', env, stdout: () => undefined, stderr: () => undefined, isTTY, interactive: false });
const options = { lang: 'nl' as const, color: true, quiet: false, debug: false };

describe('colour in a command’s context', () => {
  it('off (not a terminal, NO_COLOR, --no-color): every style, chained or not, leaves the text as chalk would', async () => {
    const real = new Chalk({ level: 0 });
    for (const ctx of [await makeContext(io(false), options), await makeContext(io(true, { NO_COLOR: '1' }), options), await makeContext(io(true), { ...options, color: false })]) {
      const { chalk } = ctx;
      expect(chalk.red('a')).toBe(real.red('a'));
      expect(chalk.red.bold('a', 'b')).toBe(real.red.bold('a', 'b'));
      expect(chalk.yellow.bold(`! ${3} fouten`)).toBe(real.yellow.bold(`! ${3} fouten`));
      expect(chalk.dim(String(5))).toBe(real.dim(String(5)));
      expect(chalk.bold()).toBe(real.bold());
      expect(chalk.level).toBe(0);
    }
  });

  it('on (a terminal): chalk itself, with colour', async () => {
    const { chalk } = await makeContext(io(true), options);
    expect(chalk.red('a')).toBe('\u001b[31ma\u001b[39m');
    expect(chalk.level).toBe(1);
  });
});

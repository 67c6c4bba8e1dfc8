/**
 * Setup file of the unit tier (`npm run test:unit`): a test there may start no process, so
 * every way to start one throws. A test that needs the built binary, tmux, a browser or
 * LibreOffice belongs in the full suite (vitest.config.ts, UNIT).
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const childProcess = createRequire(import.meta.url)('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    throw new Error(`child_process.${name}: the unit tier starts no process; move this test out of UNIT in vitest.config.ts`);
  };
}
// ES module imports of node:child_process see the replaced functions too.
syncBuiltinESMExports();

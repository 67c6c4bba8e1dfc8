// node bench/compare.mjs <other-build-root>: `check` and `aggregate` of the 1,000 bench sessions
// with another build of kader (say, main before a change; built with `npm run build` there) and
// with this one, next to ajv-cli, one command after the other in every round so that the noise
// of a shared machine hits all alike. Prints medians and the ratio to ajv-cli. The focused
// subset of `npm run bench` that issue #22 compared before and after; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const other = process.argv[2] && resolve(process.argv[2]);
if (!other) {
  console.error('usage: node bench/compare.mjs <root of another kader build>');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const work = join(root, 'bench', '.work');
const { frameworkPath } = generate(work, { sessions: 1000 });
const sessions = join(work, 'sessies');
const kader = (at, ...args) => [process.execPath, join(at, 'bin', 'kader.js'), ...args];
const commands = [
  ['ajv-cli', [join(root, 'node_modules', '.bin', 'ajv'), 'validate', '--spec=draft2020', '--strict=false', '-s', join(root, 'schemas', 'session.schema.json'), '-d', join(sessions, '*.yaml')]],
  ['check (other)', kader(other, 'check', '--framework', frameworkPath, sessions)],
  ['check (this)', kader(root, 'check', '--framework', frameworkPath, sessions)],
  ['aggregate (other)', kader(other, 'aggregate', '--framework', frameworkPath, sessions)],
  ['aggregate (this)', kader(root, 'aggregate', '--framework', frameworkPath, sessions)],
];
const times = commands.map(() => []);
for (let round = 0; round < RUNS; round++) {
  commands.forEach(([name, argv], i) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
    times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
    if (round === 0 && result.status !== 0) console.error(`  ! ${name} exited ${result.status}`);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peer = median(times[0]);
console.log(`${RUNS} rounds; other build: ${other}`);
commands.forEach(([name], i) => console.log(`  ${name.padEnd(18)} ${median(times[i]).toFixed(0).padStart(6)} ms   ${(median(times[i]) / peer).toFixed(2)} × ajv-cli`));

// npm run bench: kader against its peers on the same inputs, run alternately, medians of
// several runs, ratios per target (issue #7). Not a test: it asserts nothing, it reports.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { interviewStep } from './interview-step.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// The peers live in bench/'s own install (bench/package.json), out of the user's npm ci.
const bin = (name) => join(root, 'bench', 'node_modules', '.bin', name);
const kader = [process.execPath, join(root, 'bin', 'kader.js')];

console.log(`kader bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
const { frameworkPath, lines } = generate(work, { sessions: 1000 });
console.log(`inputs: framework of ${lines} lines, 1000 sessions (bench/.work)\n`);

const spectralRuleset = join(work, 'ruleset.yaml');
await import('node:fs').then(({ writeFileSync }) => writeFileSync(spectralRuleset, `rules:\n  kader-schema:\n    given: "$"\n    severity: error\n    then:\n      function: schema\n      functionOptions:\n        schema:\n          $ref: "${join(root, 'schemas', 'framework.schema.json')}"\n        dialect: draft2020-12\n`));

/** Run each command once per round, in turn, so machine noise hits all of them alike. */
function measure(commands) {
  const times = commands.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    commands.forEach(([, argv], i) => {
      const started = process.hrtime.bigint();
      const result = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (round === 0 && result.status === null) console.error(`  ! ${commands[i][0]} did not finish`);
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return commands.map(([name], i) => ({ name, ms: median(times[i]) }));
}

function table(title, results, peerName, targets) {
  console.log(`## ${title}`);
  const peer = results.find((r) => r.name === peerName).ms;
  for (const r of results) {
    const ratio = r.ms / peer;
    const target = targets[r.name];
    const verdict = target === undefined ? '' : ratio <= target ? `  ✓ target ≤ ${target}` : `  ✗ target ≤ ${target}`;
    console.log(`  ${r.name.padEnd(38)} ${r.ms.toFixed(0).padStart(6)} ms   ${ratio.toFixed(2)} × ${peerName}${verdict}`);
  }
  console.log('');
}

table(
  'Start-up',
  measure([
    ['node -e 0', [process.execPath, '-e', '0']],
    ['kader --version', [...kader, '--version']],
    ['kader --help', [...kader, '--help']],
  ]),
  'node -e 0',
  { 'kader --version': 1.3, 'kader --help': 1.3 },
);

await new Promise((r) => setTimeout(r, 50));
table(
  'Validate one large framework',
  measure([
    ['ajv-cli', [bin('ajv'), 'validate', '--spec=draft2020', '--strict=false', '-s', join(root, 'schemas', 'framework.schema.json'), '-d', frameworkPath]],
    ['spectral', [bin('spectral'), 'lint', '--ruleset', spectralRuleset, frameworkPath, '--quiet']],
    ['kader validate', [...kader, 'validate', frameworkPath]],
  ]),
  'ajv-cli',
  { 'kader validate': 0.6 },
);

table(
  'Check and aggregate 1000 sessions',
  measure([
    ['ajv-cli', [bin('ajv'), 'validate', '--spec=draft2020', '--strict=false', '-s', join(root, 'schemas', 'session.schema.json'), '-d', join(work, 'sessies', '*.yaml')]],
    ['kader check', [...kader, 'check', '--framework', frameworkPath, join(work, 'sessies')]],
    ['kader aggregate', [...kader, 'aggregate', '--framework', frameworkPath, join(work, 'sessies')]],
  ]),
  'ajv-cli',
  { 'kader check': 0.8, 'kader aggregate': 0.8 },
);

table(
  'Report of one session (wall, including start-up)',
  measure([
    ['node -e 0', [process.execPath, '-e', '0']],
    ['kader report --format html', [...kader, 'report', join(root, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml'), '--format', 'html']],
  ]),
  'node -e 0',
  {},
);

const step = await interviewStep();
console.log('## Interview step (answer → atomic autosave → next prompt), in-process');
console.log(`  ${step.questions} questions, ${step.steps} steps: p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, max ${step.max.toFixed(1)} ms  ${step.p99 < 25 ? '✓' : '✗'} target p99 < 25 ms`);

// npm run bench: kader against its peers on the same inputs (issues #7 and #20). Not a test:
// it asserts nothing, it reports. Every round runs each command of a scenario once, in turn,
// so machine noise hits them alike; a ratio is taken per round (kader's time over the peer's
// in that round) and the median of those ratios is reported with its spread (min–max), for
// wall time and for CPU time (the child's user + system time). The machine's load average is
// printed at the start and end: on a busy machine read the CPU ratios.
//
// BENCH_RUNS (default 5) rounds for the small scenarios, BENCH_RUNS_LARGE (default 3) for
// 10,000 and 50,000 sessions; BENCH_MAX (default 50000) caps the largest batch;
// BENCH_ONLY=startup,validate,check,large,memory,cores,interview picks scenarios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { generate, generateBatch } from './generate.mjs';
import { interviewStep } from './interview-step.mjs';
import { joinedFramework } from './joined.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RUNS_LARGE = Number(process.env.BENCH_RUNS_LARGE ?? 3);
const MAX = Number(process.env.BENCH_MAX ?? 50000);
const ONLY = process.env.BENCH_ONLY?.split(',');
const wanted = (name) => !ONLY || ONLY.includes(name);
// The peers live in bench/'s own install (bench/package.json), out of the user's npm ci.
const bin = (name) => join(root, 'bench', 'node_modules', '.bin', name);
const kader = (...args) => [process.execPath, join(root, 'bin', 'kader.js'), ...args];
/** kader with a batch kept in one thread or split in two whatever its size (src/cli/halves.ts). */
const kaderSplit = (how, ...args) => ['env', `KADER_SPLIT=${how}`, ...kader(...args)];
const ajv = (schema, data) => [bin('ajv'), 'validate', '--spec=draft2020', '--strict=false', '-s', join(root, 'schemas', schema), '-d', data];

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`kader bench — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`);
console.log(`load average at start: ${load()}; rounds: ${RUNS} (large: ${RUNS_LARGE})`);
const { frameworkPath, driftPath, lines } = generate(work, { sessions: 1000, incomplete: 1000 });
const joinedPath = join(work, 'samengevoegd.yaml');
const joinedText = stringify(joinedFramework(root, 4), { lineWidth: 0 });
writeFileSync(joinedPath, joinedText);
console.log(`inputs: frameworks of ${lines} and ${joinedText.split('\n').length} lines, 1,000 sessions (and 1,000 unfinished) in bench/.work\n`);

const spectralRuleset = join(work, 'ruleset.yaml');
writeFileSync(spectralRuleset, `rules:\n  kader-schema:\n    given: "$"\n    severity: error\n    then:\n      function: schema\n      functionOptions:\n        schema:\n          $ref: "${join(root, 'schemas', 'framework.schema.json')}"\n        dialect: draft2020-12\n`);

/** CPU time (user + system, ms) of this process's waited-for children so far, from /proc. */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime are fields 16 and 17 of the whole line, in clock ticks (100 a second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN; // not Linux: wall time only
  }
}

/** Run each command once per round, in turn; wall and CPU milliseconds per command per round. */
function measure(commands, runs = RUNS) {
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    commands.forEach(([name, argv], i) => {
      const cpuBefore = childCpu();
      const started = process.hrtime.bigint();
      const result = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
      wall[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      cpu[i].push(childCpu() - cpuBefore);
      if (round === 0 && (result.status === null || result.status > 1)) console.error(`  ! ${name} exited ${result.status}: ${(result.stderr ?? '').split('\n')[0]}`);
    });
  }
  return commands.map(([name], i) => ({ name, wall: wall[i], cpu: cpu[i] }));
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Per-round ratios of a to b: their median and range. */
function paired(a, b) {
  const ratios = a.map((x, i) => x / b[i]).filter(Number.isFinite);
  if (ratios.length === 0) return undefined;
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
const fmt = (r) => (r ? `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '—');

/**
 * One table: per command its median wall and CPU time, and the paired ratio to `peerName`
 * (wall and CPU). `targets` maps a command to its highest allowed wall ratio.
 */
function table(title, results, peerName, targets = {}) {
  console.log(`## ${title}`);
  console.log(`  ${'command'.padEnd(44)} ${'wall'.padStart(8)} ${'cpu'.padStart(8)}   ratio wall (range)   ratio cpu (range)`);
  const peer = results.find((r) => r.name === peerName);
  for (const r of results) {
    const wall = paired(r.wall, peer.wall);
    const cpu = paired(r.cpu, peer.cpu);
    const target = targets[r.name];
    const verdict = target === undefined || r === peer ? '' : wall.median <= target ? `  ✓ ≤ ${target}` : `  ✗ ≤ ${target}`;
    const ratios = r === peer ? `(${peerName})` : `${fmt(wall).padEnd(20)} ${fmt(cpu)}${verdict}`;
    console.log(`  ${r.name.padEnd(44)} ${median(r.wall).toFixed(0).padStart(6)} ms ${median(r.cpu).toFixed(0).padStart(5)} ms   ${ratios}`);
  }
  console.log('');
  return results;
}

const example = join(root, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');
const out = join(work, 'out');
mkdirSync(out, { recursive: true });

if (wanted('startup')) {
  const commands = ['frameworks', 'show', 'validate', 'schema', 'init', 'completion', 'interview', 'check', 'plan', 'compare', 'merge', 'aggregate', 'report', 'form', 'import'];
  table(
    'Start-up (target ≤ 1.3 × node -e 0; report html ≤ 2.0, docx ≤ 4)',
    measure([
      ['node -e 0', [process.execPath, '-e', '0']],
      ['kader --version', kader('--version')],
      ['kader --help', kader('--help')],
      ...commands.map((c) => [`kader ${c} --help`, kader(c, '--help')]),
      ['kader schema session', kader('schema', 'session')],
      ['kader frameworks', kader('frameworks')],
      ['kader show werken-aan-veiligheid', kader('show', 'werken-aan-veiligheid')],
      ['kader report --format html', kader('report', example, '--format', 'html')],
      ['kader report --format docx', kader('report', example, '--format', 'docx', '-o', join(out, 'plan.docx'))],
    ]),
    'node -e 0',
    {
      'kader --version': 1.3, 'kader --help': 1.3, 'kader schema session': 1.3, 'kader frameworks': 1.3, 'kader show werken-aan-veiligheid': 1.3,
      ...Object.fromEntries(commands.map((c) => [`kader ${c} --help`, 1.3])),
      'kader report --format html': 2.0, 'kader report --format docx': 4,
    },
  );
}

if (wanted('validate')) {
  table(
    `Validate a framework of ${lines} lines (target ≤ 0.6 × ajv-cli)`,
    measure([
      ['ajv-cli', ajv('framework.schema.json', frameworkPath)],
      ['spectral', [bin('spectral'), 'lint', '--ruleset', spectralRuleset, frameworkPath, '--quiet']],
      ['kader validate', kader('validate', frameworkPath)],
    ]),
    'ajv-cli',
    { 'kader validate': 0.6 },
  );
  table(
    `Validate a framework of ${joinedText.split('\n').length} lines, the bundled ones joined (target ≤ 0.5 × ajv-cli)`,
    measure([
      ['ajv-cli', ajv('framework.schema.json', joinedPath)],
      ['kader validate', kader('validate', joinedPath)],
    ]),
    'ajv-cli',
    { 'kader validate': 0.5 },
  );
}

if (wanted('check')) {
  const sessions = join(work, 'sessies');
  table(
    '1,000 sessions: clean, after a framework edit (drift), unfinished (target check ≤ 0.5, aggregate ≤ 0.6 × ajv-cli)',
    measure([
      ['ajv-cli', ajv('session.schema.json', join(sessions, '*.yaml'))],
      ['kader check', kader('check', '--framework', frameworkPath, sessions)],
      ['kader check, drift', kader('check', '--framework', driftPath, sessions)],
      ['kader check, unfinished', kader('check', '--framework', frameworkPath, join(work, 'onaf'))],
      ['kader aggregate', kader('aggregate', '--framework', frameworkPath, sessions)],
      ['kader aggregate, drift', kader('aggregate', '--framework', driftPath, sessions)],
    ]),
    'ajv-cli',
    { 'kader check': 0.5, 'kader check, drift': 0.5, 'kader check, unfinished': 0.5, 'kader aggregate': 0.6, 'kader aggregate, drift': 0.6 },
  );
}

/** Peak RSS (MB) of one run, reported by the child itself through a preloaded module. */
function peakRss(argv) {
  const file = join(work, 'rss.txt');
  rmSync(file, { force: true });
  const preload = join(root, 'bench', 'maxrss.cjs');
  const result = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, BENCH_RSS_FILE: file } });
  if (result.status === null || result.status > 1) console.error(`  ! exited ${result.status}: ${(result.stderr ?? '').split('\n')[0]}`);
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const sizes = [10000, 50000].filter((n) => n <= MAX);
// generateBatch(…, 4000) etc. for the cores scenario: batches below 10,000 are cheap to make.
const batches = new Map();
const batch = (n) => {
  if (!batches.has(n)) {
    const started = Date.now();
    batches.set(n, generateBatch(work, frameworkPath, n));
    console.log(`(generated ${n} sessions in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  return batches.get(n);
};

if (wanted('large')) {
  for (const n of sizes) {
    const dir = batch(n);
    const commands = [
      ...(n <= 10000 ? [['ajv-cli', ajv('session.schema.json', join(dir, '*', '*.yaml'))]] : []),
      ['kader check', kader('check', '--framework', frameworkPath, dir)],
      ['kader check, drift', kader('check', '--framework', driftPath, dir)],
      ['kader aggregate', kader('aggregate', '--framework', frameworkPath, dir)],
      // As above, but kept in one thread: on a quiet machine the rows above use two (src/cli/halves.ts).
      ['kader check, one thread', kaderSplit('never', 'check', '--framework', frameworkPath, dir)],
      ['kader aggregate, one thread', kaderSplit('never', 'aggregate', '--framework', frameworkPath, dir)],
    ];
    table(`${n.toLocaleString('en')} sessions (target check ≤ 0.5, aggregate ≤ 0.6 × ajv-cli; drift ≤ 1.2 × clean)`, measure(commands, RUNS_LARGE), n <= 10000 ? 'ajv-cli' : 'kader check', n <= 10000 ? { 'kader check': 0.5, 'kader check, drift': 0.5, 'kader aggregate': 0.6 } : { 'kader check, drift': 1.2 });
  }
}

if (wanted('memory')) {
  console.log('## Peak RSS of kader aggregate (target: 50,000 sessions ≤ 300 MB, < 1 KB more per session from 10,000 to 50,000)');
  // As kader decides (two threads from 5,000 files when a core is free), and kept in one thread.
  for (const how of ['auto', 'never']) {
    const args = (n) => ['aggregate', '--framework', frameworkPath, '--format', 'json', n === 1000 ? join(work, 'sessies') : batch(n)];
    const peaks = [1000, ...sizes].map((n) => [n, peakRss(kaderSplit(how, ...args(n)))]);
    console.log(`  KADER_SPLIT=${how}: ${peaks.map(([n, mb]) => `${n.toLocaleString('en')} sessions ${mb.toFixed(0)} MB`).join(', ')}`);
    const [a, b] = peaks.slice(-2);
    if (a && b && b[0] > a[0]) console.log(`    growth: ${(((b[1] - a[1]) * 1024) / (b[0] - a[0])).toFixed(2)} KB per session between ${a[0]} and ${b[0]}`);
  }
  console.log('');
}

if (wanted('cores')) {
  // kader's own split (src/cli/halves.ts): the second half in a worker thread, forced on and off.
  console.log(`## A batch on two threads against one (KADER_SPLIT=always / never; < 1 means the second core pays; load ${load()})`);
  console.log(`  ${'command'.padEnd(10)} ${'files'.padStart(6)}   ratio wall (range)   ratio cpu (range)    one thread wall / cpu`);
  for (const n of [1000, 2000, 4000, ...sizes]) {
    const dir = n === 1000 ? join(work, 'sessies') : batch(n);
    for (const command of ['check', 'aggregate']) {
      const args = [command, '--framework', frameworkPath, ...(command === 'aggregate' ? ['--format', 'json'] : []), dir];
      const [two, one] = measure([['two', kaderSplit('always', ...args)], ['one', kaderSplit('never', ...args)]], n >= 10000 ? RUNS_LARGE : RUNS);
      console.log(`  ${command.padEnd(10)} ${String(n).padStart(6)}   ${fmt(paired(two.wall, one.wall)).padEnd(20)} ${fmt(paired(two.cpu, one.cpu)).padEnd(20)} ${median(one.wall).toFixed(0)} / ${median(one.cpu).toFixed(0)} ms`);
    }
  }
  console.log('');
}

if (wanted('interview')) {
  const step = await interviewStep();
  console.log('## Interview step (answer → atomic autosave → next prompt), in-process');
  console.log(`  ${step.questions} questions, ${step.steps} steps: p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, max ${step.max.toFixed(1)} ms  ${step.p99 < 25 ? '✓' : '✗'} target p99 < 25 ms`);
}
console.log(`\nload average at end: ${load()}`);

// Preloaded by bench/run.mjs (NODE_OPTIONS=--require) to learn a run's peak memory: on exit the
// process writes its own peak resident set size, in kB, to the file BENCH_RSS_FILE names.
process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));

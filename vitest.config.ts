import { defineConfig } from 'vitest/config';

/**
 * The fast tier (`npm run test:unit`): test files that start no process and need no build.
 * test/support/no-process.ts makes starting one throw there. A new test file that only calls
 * src/ belongs here; one that spawns bin/kader.js, tmux, a browser or LibreOffice does not.
 * `npm test` (what CI runs, .ci/run) runs both tiers. The property tests that read thousands of
 * generated documents (properties, yaml-subset, yaml-locate) start no process either, but take
 * ~10 s together; they run in the full tier so that this one stays a quick check. The tier runs
 * without isolating files from each other (`isolate: false`): its files only call pure functions
 * of src/, and loading src/ once per worker instead of once per file halves its time
 * (16–19 s → 9–10 s of vitest on the quiet 2-core machine).
 */
export const UNIT = [
  'test/architecture.test.ts',
  'test/argv-options.test.ts',
  'test/argv-quick.test.ts',
  'test/collate.test.ts',
  'test/context-colour.test.ts',
  'test/domain-files.test.ts',
  'test/engine.test.ts',
  'test/errors.test.ts',
  'test/files-read.test.ts',
  'test/format.test.ts',
  'test/frameworks.test.ts',
  'test/help-render.test.ts',
  'test/platform.test.ts',
  'test/privacy-corpus.test.ts',
  'test/privacy-prefilter.test.ts',
  'test/privacy.test.ts',
  'test/prompter-scripted.test.ts',
  'test/scoring.test.ts',
  'test/validate-rules.test.ts',
  'test/words.test.ts',
  'test/yaml-conformance.test.ts',
  'test/aggregate-json.test.ts',
];

export default defineConfig({
  test: {
    // CLI tests spawn the built binary; give them room on a 2-core machine.
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, setupFiles: ['test/support/no-process.ts'], isolate: false } },
      {
        extends: true,
        // Rebuilds dist/ first when src/ changed after the last build (test/support/global-setup.ts).
        test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: UNIT, globalSetup: ['test/support/global-setup.ts'] },
      },
    ],
  },
});

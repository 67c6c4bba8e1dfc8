// Part of the build, after tsc and scripts/precompile.mjs: join dist/'s ES modules into one
// CommonJS file, dist/cli/kader.cjs, and write V8's code cache for it (bin/load.js explains
// why). esbuild does the joining: a well-kept bundler that already sits in the tree under
// vitest and tsx; writing our own would mean re-implementing module scoping.
//
// - dist/cli/ keeps the file at the depth of dist/core/assets.js, so the assets it finds
//   relative to its own location (frameworks/, schemas/, dist/validators/) stay where they are.
// - Dependencies stay in node_modules and are required when used, except chalk, which is
//   published as an ES module only and so is joined in.
// - Dynamic imports become requires of code inside the file (run when first needed), so a
//   command still runs only its own module's top level; no `import()` may remain, because a
//   script compiled by node:vm cannot import.
// - The code cache is written after running a few quiet commands in this process, so it holds
//   the functions start-up needs (the entry, argument reading, help, the catalogue, reading a
//   session, the report), not only the top level that V8 compiles eagerly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadBundle, BUNDLE, CACHES } = require('../bin/load.js');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => name !== 'chalk').flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  supported: { 'dynamic-import': false },
  // import.meta.url of each joined module becomes the bundle's own URL (same depth, see above).
  define: { 'import.meta.url': '__kaderBundleUrl' },
  // Strict, as the ES modules were; the directive must come first, before the banner's line.
  banner: { js: "'use strict';\nconst __kaderBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // commander's Help class, which help needs without the rest of commander, is joined in
  // (src/cli/commander-help.ts says why); the rest of commander stays in node_modules.
  plugins: [
    {
      name: 'commander-help',
      setup(bundler) {
        const file = join(dirname(require.resolve('commander')), 'lib', 'help.js');
        bundler.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]commander-help\.js$/ }, () => ({
          contents: `export const loadHelpClass = () => require(${JSON.stringify(file)}).Help;`,
          loader: 'js',
        }));
      },
    },
  ],
  legalComments: 'none',
  logLevel: 'warning',
});
if (/\bimport\(/.test(readFileSync(BUNDLE, 'utf8'))) throw new Error(`${BUNDLE} still has an import(): node:vm cannot run it`);

// Warm up, then write the cache: the commands below run in this process with a silent Io.
const { exports, script, packages } = loadBundle({ useCache: false });
const silent = { cwd: root, env: { KADER_LANG: 'nl' }, stdout: () => {}, stderr: () => {}, isTTY: false, interactive: false };
const example = join(root, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'kader-bundle-'));
const warmUp = [
  ['--help'],
  ['check', '--help'],
  ['frameworks'],
  ['show', 'werken-aan-veiligheid'],
  ['schema', 'session'],
  ['check', example],
  ['report', '--format', 'html', example],
  ['report', '--format', 'docx', example, '--out', join(scratch, 'plan.docx')],
];
// A broader warm-up (report and check too) measured equal for help and frameworks and 5 % less
// CPU for report than help and frameworks alone (farm-bench, 20 pairs, 2026-11-27).
for (const args of warmUp) {
  const code = await exports.main(['node', 'kader', ...args], silent);
  if (code !== 0) throw new Error(`kader ${args.join(' ')} exited ${code} while warming the code cache`);
}
rmSync(scratch, { recursive: true, force: true });
writeFileSync(join(CACHES, 'kader.cjs.cache'), script.createCachedData());
for (const [name, loaded] of packages) writeFileSync(join(CACHES, `${name}.cache`), loaded.script.createCachedData());
// Last step of the build: its stamp (test/support/global-setup.ts). Empty: the modification
// time is the stamp, and the package stays reproducible.
writeFileSync(join(root, 'dist', '.built'), '');

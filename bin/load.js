// Loads kader's one-file build (dist/cli/kader.cjs, made by scripts/bundle.mjs) with the V8
// code cache the build wrote beside it (kader.cjs.cache). Why: on Node 20 most of a command's
// start-up went to the ES module loader (resolving, reading and compiling ~20–40 files) and
// to compiling them; one file compiled from its cache starts in about half the time
// (bench/README.md, issue #20). A cache V8 rejects (another Node version or V8 flags) costs
// nothing but speed: the file is then compiled as usual. Nothing is written at run time.
//
// This folder is CommonJS (bin/package.json): a CommonJS entry starts faster than an ES module.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'kader.cjs');
const CACHE = `${BUNDLE}.cache`;

/** Compile and run the bundle as a CommonJS module; its exports (run, main) and the compiled script. */
function loadBundle({ useCache = true } = {}) {
  let source;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    process.stderr.write('kader: dist/cli/kader.cjs is missing; run `npm run build` (or npm ci) first\n');
    process.exit(2);
  }
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {
      // not written (a build without it): compile as usual
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script };
}

module.exports = { loadBundle, BUNDLE, CACHE };

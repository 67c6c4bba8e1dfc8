// Loads kader's one-file build (dist/cli/kader.cjs, made by scripts/bundle.mjs) with the V8
// code cache the build wrote beside it. Why: on Node 20 most of a command's start-up went to
// the ES module loader (resolving, reading and compiling ~20–40 files) and to compiling them;
// one file compiled from its cache starts in about half the time (bench/README.md, issue #20).
// The Word writer (the `docx` package, one file of 1 MB) is compiled from a cache of its own
// the same way when a command first requires it. A cache V8 rejects (another Node version or
// V8 flags) costs nothing but speed: the file is then compiled as usual. Nothing is written
// at run time.
//
// This folder is CommonJS (bin/package.json): a CommonJS entry starts faster than an ES module.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
// Module.createRequire, from the loader this file runs in: the public node:module would load the
// ES module loader too (~1 ms).
const { createRequire } = module.constructor;
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'kader.cjs');
/** Where the build writes each code cache: `<name>.cache`, the bundle's as `kader.cjs.cache`. */
const CACHES = join(__dirname, '..', 'dist', 'cli');
/** Dependencies of one self-contained CommonJS file, large enough that compiling them shows. */
const CACHED_PACKAGES = ['docx'];

/**
 * What the bundle gets for `require('node:module')`: its code only ever takes createRequire
 * from it, and the public module would load Node's ES module loader on every start (~1 ms,
 * issue #20, fourth round). Anything else is taken from the real module.
 */
const MODULE = new Proxy({ createRequire }, { get: (shim, key) => (key in shim ? shim[key] : require('node:module')[key]) });

/**
 * Compile a CommonJS file as Node would, but from `cacheName`'s code cache when there is one;
 * run it and return its exports and the compiled script (the build asks it for a new cache).
 */
function compileCached(file, cacheName, requireFor, useCache) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(join(CACHES, `${cacheName}.cache`));
    } catch {
      // not written (a build without it): compile as usual
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, requireFor(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** The bundle's exports (run, main), its compiled script, and those of the cached packages it loaded so far. */
function loadBundle({ useCache = true } = {}) {
  const packages = new Map();
  const requireFor = (file) => {
    const plain = createRequire(file);
    const required = (id) => {
      if (id === 'node:module') return MODULE;
      if (!CACHED_PACKAGES.includes(id)) return plain(id);
      if (!packages.has(id)) packages.set(id, compileCached(plain.resolve(id), id, createRequire, useCache));
      return packages.get(id).exports;
    };
    return Object.assign(required, { resolve: plain.resolve, cache: plain.cache });
  };
  if (!existsSync(BUNDLE)) {
    process.stderr.write('kader: dist/cli/kader.cjs is missing; run `npm run build` (or npm ci) first\n');
    process.exit(2);
  }
  const loaded = compileCached(BUNDLE, 'kader.cjs', requireFor, useCache);
  return { exports: loaded.exports, script: loaded.script, packages };
}

module.exports = { loadBundle, BUNDLE, CACHES };

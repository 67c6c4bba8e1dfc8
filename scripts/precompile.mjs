// Part of the build: precompile what would otherwise be compiled at every start.
// - The published JSON Schemas become standalone validators (ajv "standalone" code), so
//   commands do not load ajv's compiler (src/core/json-schema.ts falls back to it).
// - The report templates become handlebars template specs, so `kader report` loads only the
//   handlebars runtime (src/report/render.ts compiles a user's --template itself).
// - The bundled frameworks become validated JSON with their file's digest, so a command that
//   uses one skips parsing and checking it (src/framework/bundled.ts); only clean ones. A copy
//   of each such file's bytes sits beside it, for the run to compare the file on disk with.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import Handlebars from 'handlebars';
import { codeCache, loadValidator, newAjv, validatorPath } from '../dist/core/json-schema.js';
import { subsetParse } from '../dist/yaml/subset.js';
import { precompiledPath, precompiledSourcePath, summariesPath, summarize } from '../dist/framework/bundled.js';
import { validateFrameworkText } from '../dist/framework/validate.js';
import { frameworkDigest } from '../dist/framework/digest.js';
import { en } from '../dist/i18n/en.js';
import { nl } from '../dist/i18n/nl.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const name of ['framework', 'session']) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
  const ajv = newAjv({ code: { source: true } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${name}.cjs`), lazyPointers(linearErrors(standaloneCode.default(ajv, validate))));
}

/**
 * ajv's generated code escapes every property name for the JSON Pointer it passes down
 * (`key.replace(/~/g, "~0").replace(/\//g, "~1")`), even when nothing fails: two regular
 * expression replacements for every answer of every session (issue #20, third round). An id
 * without `~` or `/` (every valid one) is its own escape, so a check first gives the same
 * string without them. If ajv changes its code, the build stops rather than lose this silently.
 */
function lazyPointers(code) {
  const escape = /(\w+)\.replace\(\/~\/g, "~0"\)\.replace\(\/\\\/\/g, "~1"\)/g;
  const lazy = code.replace(escape, 'pointerKey($1)');
  if (lazy === code || lazy.includes('.replace(/~/g')) {
    throw new Error('precompile: ajv escapes property names differently now; check lazyPointers() in scripts/precompile.mjs');
  }
  const helper = 'function pointerKey(key){return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\\//g, "~1") : key;}';
  return `${lazy}\n${helper}\n`;
}

/**
 * A V8 code cache for each validator (src/core/json-schema.ts loadValidator), made after the
 * validator has checked the bundled frameworks and the example sessions, so that the functions
 * a run needs are compiled into it. A cache V8 refuses (another Node) only costs the compile.
 */
for (const name of ['framework', 'session']) {
  const { validate, script, source } = loadValidator(validatorPath(name));
  const dirs = name === 'framework' ? ['frameworks', 'test/fixtures/frameworks'] : ['examples', 'examples/regio', 'test/fixtures/sessions'];
  for (const dir of dirs) {
    let files = [];
    try {
      files = readdirSync(join(root, dir)).filter((n) => n.endsWith('.yaml'));
    } catch {
      continue; // a package without test fixtures
    }
    for (const file of files) {
      const value = subsetParse(readFileSync(join(root, dir, file), 'utf8'));
      if (value) validate(value);
    }
  }
  writeFileSync(`${validatorPath(name)}.cache`, codeCache(script, source));
}

/**
 * ajv's generated code gathers a sub-schema's errors with `vErrors = vErrors.concat(...)`,
 * which copies every error so far for each failing item: 40,000 answers or themes with an error
 * each took half a minute (issue #16, item 7). Appending in place gives the same errors in the
 * same order in linear time. The sub-validator's array may be taken over as it is: each call
 * makes a new one. If ajv changes its code, the build stops rather than go quadratic again.
 */
function linearErrors(code) {
  const concat = /vErrors = vErrors === null \? ([\w.]+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  const linear = code.replace(concat, 'if (vErrors === null) vErrors = $1.errors; else for (const e of $1.errors) vErrors.push(e);');
  if (linear === code || linear.includes('vErrors.concat(')) {
    throw new Error('precompile: ajv gathers errors differently now; check linearErrors() in scripts/precompile.mjs');
  }
  return linear;
}

const frameworks = join(root, 'dist', 'frameworks');
rmSync(frameworks, { recursive: true, force: true });
mkdirSync(frameworks, { recursive: true });
const summaries = {};
for (const name of readdirSync(join(root, 'frameworks')).filter((n) => n.endsWith('.yaml'))) {
  const path = join(root, 'frameworks', name);
  const bytes = readFileSync(path);
  const { framework, diagnostics } = validateFrameworkText(name, bytes.toString('utf8'), nl);
  // A framework with findings, even warnings, is validated at run time so they are shown.
  if (framework && diagnostics.length === 0) {
    writeFileSync(precompiledPath(path), JSON.stringify({ digest: frameworkDigest(bytes), framework }));
    // The bytes it was made from: a run compares them instead of hashing (src/framework/bundled.ts).
    writeFileSync(precompiledSourcePath(path), bytes);
    summaries[name] = summarize(framework);
  }
}
// What `kader frameworks` lists, without parsing every copy (src/framework/bundled.ts).
writeFileSync(summariesPath(), JSON.stringify(summaries));

const templates = join(root, 'dist', 'templates');
mkdirSync(templates, { recursive: true });
for (const name of ['report', 'compare', 'aggregate']) {
  for (const format of ['md', 'html']) {
    const source = readFileSync(join(root, 'templates', `${name}.${format}.hbs`), 'utf8');
    // The same options as a run-time compile: Markdown escapes with its own helpers.
    const spec = Handlebars.precompile(source, { noEscape: format === 'md', strict: false });
    writeFileSync(join(templates, `${name}.${format}.cjs`), `module.exports = ${spec};\n`);
  }
}

// Last: the moment this build finished, so test/support/global-setup.ts can tell whether an
// edit to src/ (or to what is precompiled here) came after it and rebuild before spawning dist/.

// Part of the build: precompile what would otherwise be compiled at every start.
// - The published JSON Schemas become standalone validators (ajv "standalone" code), so
//   commands do not load ajv's compiler (src/core/json-schema.ts falls back to it).
// - The report templates become handlebars template specs, so `kader report` loads only the
//   handlebars runtime (src/report/render.ts compiles a user's --template itself).
// - The bundled frameworks become validated JSON with their file's digest, so a command that
//   uses one skips parsing and checking it (src/framework/bundled.ts); only clean ones.
// - The top-level help (`kader`, `kader --help`) becomes text per language, so src/cli/main.ts
//   can print it without loading commander, the command registry or a message catalogue.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import Handlebars from 'handlebars';
import { newAjv } from '../dist/core/json-schema.js';
import { buildProgram } from '../dist/cli/program.js';
import { precompiledPath } from '../dist/framework/bundled.js';
import { validateFrameworkText } from '../dist/framework/validate.js';
import { frameworkDigest } from '../dist/session/file.js';
import { en } from '../dist/i18n/en.js';
import { nl } from '../dist/i18n/nl.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const name of ['framework', 'session']) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
  const ajv = newAjv({ code: { source: true } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${name}.cjs`), linearErrors(standaloneCode.default(ajv, validate)));
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
for (const name of readdirSync(join(root, 'frameworks')).filter((n) => n.endsWith('.yaml'))) {
  const path = join(root, 'frameworks', name);
  const bytes = readFileSync(path);
  const { framework, diagnostics } = validateFrameworkText(name, bytes.toString('utf8'), nl);
  // A framework with findings, even warnings, is validated at run time so they are shown.
  if (framework && diagnostics.length === 0) writeFileSync(precompiledPath(path), JSON.stringify({ digest: frameworkDigest(bytes), framework }));
}

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

// The top-level help, rendered by the registry itself (so a new command shows up here too).
// commander wraps help to process.stdout.columns when stdout is a TTY and to 80 otherwise, so
// the text is rendered for every width. Only some widths change the wrapping (~50 texts per
// language), and beyond the widest line (~170 columns) nothing wraps: that last text covers
// every wider terminal (`null` as the end; WIDEST only has to be well past it). dist/help/<lang>/ranges.json lists [from, to] per text, and
// dist/help/<lang>/<from>.txt holds it: main.ts reads the small index and one ~3 kB text
// (one JSON file with every text, ~120 kB, took ~1 ms more to read and parse). All texts
// together are ~350 kB, but alike: ~12 kB in the gzipped npm package. main.ts falls
// back to commander when no range fits (width 0) or the files are missing (running from src/).
const help = join(root, 'dist', 'help');
rmSync(help, { recursive: true, force: true }); // no texts left over from an earlier build
const WIDEST = 500;
for (const [lang, msgs] of Object.entries({ nl, en })) {
  const ranges = [];
  for (let width = 1; width <= WIDEST; width++) {
    const text = renderTopLevelHelp(lang, msgs, width);
    const last = ranges.at(-1);
    if (last?.text === text) last.to = width;
    else ranges.push({ from: width, to: width, text });
  }
  const last = ranges.at(-1);
  if (last.from > WIDEST / 2) throw new Error(`precompile: the ${lang} help still wraps at ${last.from - 1} columns; raise WIDEST`);
  last.to = null;
  mkdirSync(join(help, lang), { recursive: true });
  for (const { from, text } of ranges) writeFileSync(join(help, lang, `${from}.txt`), text);
  writeFileSync(join(help, lang, 'ranges.json'), `${JSON.stringify(ranges.map(({ from, to }) => [from, to]))}\n`);
}

/**
 * What `kader --help` writes (and `-h` and `kader help`, which take the same commander path)
 * at this width, checked to equal what plain `kader` writes (program.helpInformation() in
 * main.ts). If they ever differ (top-level addHelpText, colour in the help), the fast path in
 * main.ts would print the wrong text for one of them: fail the build rather than ship that.
 */
function renderTopLevelHelp(lang, msgs, width) {
  let written = '';
  const io = { cwd: root, env: {}, stdout: (text) => void (written += text), stderr: () => undefined, isTTY: false, interactive: false };
  const registry = { setExit: () => undefined, context: () => Promise.reject(new Error('precompile runs no command')) };
  const program = buildProgram(msgs, io, registry).configureOutput({ getOutHelpWidth: () => width, getOutHasColors: () => false });
  const plain = program.helpInformation();
  try {
    program.parse(['--help'], { from: 'user' });
  } catch (error) {
    if (error?.code !== 'commander.helpDisplayed') throw error;
  }
  if (written !== plain) throw new Error(`precompile: \`kader --help\` and \`kader\` print different help (${lang}, width ${width}); see src/cli/main.ts`);
  if (plain.includes('\u001b')) throw new Error('precompile: the help has colour codes, which commander strips or keeps per terminal; the precomputed help cannot');
  return plain;
}

// Last: the moment this build finished, so test/support/global-setup.ts can tell whether an
// edit to src/ (or to what is precompiled here) came after it and rebuild before spawning dist/.
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);

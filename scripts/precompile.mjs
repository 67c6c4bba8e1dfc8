// Part of the build: precompile what would otherwise be compiled at every start.
// - The published JSON Schemas become standalone validators (ajv "standalone" code), so
//   commands do not load ajv's compiler (src/core/json-schema.ts falls back to it).
// - The report templates become handlebars template specs, so `kader report` loads only the
//   handlebars runtime (src/report/render.ts compiles a user's --template itself).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import Handlebars from 'handlebars';
import { newAjv } from '../dist/core/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const name of ['framework', 'session']) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
  const ajv = newAjv({ code: { source: true } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${name}.cjs`), standaloneCode.default(ajv, validate));
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

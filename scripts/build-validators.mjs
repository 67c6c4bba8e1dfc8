// Precompile the published JSON Schemas into standalone validators (ajv "standalone" code),
// so commands do not import ajv's compiler or compile a schema at start-up. Part of the build;
// src/core/json-schema.ts falls back to compiling when a file is missing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
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

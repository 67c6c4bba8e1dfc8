import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it, onTestFinished } from 'vitest';
import type { Audience, Choice, Criterion, Framework, Level, Migration, Provenance, Question, Reference, Scale, Theme, Thresholds } from '../src/framework/types.js';
import { ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'framework.schema.json'), 'utf8')) as {
  $schema: string;
  $id: string;
  properties: Record<string, unknown>;
  $defs: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean; type?: string }>;
};

/** Every key of T, listed once: the type checker fails when a key is added to T but not here. */
function keysOf<T>() {
  return <const K extends readonly (keyof T)[]>(keys: K & ([keyof T] extends [K[number]] ? unknown : never)) => [...keys].sort();
}

describe('framework schema and TypeScript types stay in step', () => {
  const cases: [string, string[], string[]][] = [
    ['framework', Object.keys(schema.properties).sort(), keysOf<Framework>()(['kader', 'kind', 'id', 'version', 'title', 'publisher', 'adopted', 'source', 'language', 'description', 'provenance', 'scoring', 'audiences', 'scales', 'thresholds', 'themes', 'migrations'])],
    ['provenance', Object.keys(schema.$defs.provenance!.properties!).sort(), keysOf<Provenance>()(['status', 'disclaimer'])],
    ['migration', Object.keys(schema.$defs.migration!.properties!).sort(), keysOf<Migration>()(['from', 'note', 'ids'])],
    ['audience', Object.keys(schema.$defs.audience!.properties!).sort(), keysOf<Audience>()(['id', 'label', 'description'])],
    ['level', Object.keys(schema.$defs.level!.properties!).sort(), keysOf<Level>()(['value', 'label', 'score', 'description'])],
    ['scale', Object.keys(schema.$defs.scale!.properties!).sort(), keysOf<Scale>()(['id', 'label', 'levels', 'allow'])],
    ['thresholds', Object.keys(schema.$defs.thresholds!.properties!).sort(), keysOf<Thresholds>()(['meets', 'partly'])],
    ['theme', Object.keys(schema.$defs.theme!.properties!).sort(), keysOf<Theme>()(['id', 'title', 'description', 'criteria'])],
    ['reference', Object.keys(schema.$defs.reference!.properties!).sort(), keysOf<Reference>()(['source', 'section', 'url', 'note'])],
    ['criterion', Object.keys(schema.$defs.criterion!.properties!).sort(), keysOf<Criterion>()(['id', 'title', 'description', 'guidance', 'probes', 'evidence', 'weight', 'critical', 'basis', 'scoring', 'audience', 'references', 'improvements', 'questions'])],
    ['choice', Object.keys(schema.$defs.choice!.properties!).sort(), keysOf<Choice>()(['value', 'label'])],
    ['question', Object.keys(schema.$defs.question!.properties!).sort(), keysOf<Question>()(['id', 'text', 'type', 'scale', 'choices', 'min', 'max', 'required', 'help', 'when', 'count'])],
  ];
  it.each(cases)('%s has the same keys in schema and type', (_name, inSchema, inType) => {
    expect(inSchema).toEqual(inType);
  });

  it('the question type enum matches QuestionType', () => {
    const types = (schema.$defs.question!.properties!.type as { enum: string[] }).enum;
    expectTypeOf<Question['type']>().toEqualTypeOf<'scale' | 'choice' | 'multi' | 'boolean' | 'number' | 'text' | 'date'>();
    expect(types).toEqual(['scale', 'choice', 'multi', 'boolean', 'number', 'text', 'date']);
  });
});

describe('the published schema', () => {
  it('is draft 2020-12 with a stable $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:kader:schema:framework:1');
  });

  it('closes every object against unknown keys', () => {
    const open = Object.entries(schema.$defs).filter(([, def]) => def.properties && def.additionalProperties !== false);
    expect(open.map(([name]) => name)).toEqual([]);
  });

  it('is printed unchanged by kader schema framework', async () => {
    const { kader } = await import('./helpers.js');
    const result = kader(['schema', 'framework']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'schemas', 'framework.schema.json'), 'utf8'));
  });
});

describe('precompiled validators (dist/validators)', () => {
  it('report exactly what a freshly compiled schema reports, on every fixture', async () => {
    const { readdirSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { parse } = await import('yaml');
    const { newAjv } = await import('../src/core/json-schema.js');
    const require = createRequire(import.meta.url);
    for (const [name, dirs] of [
      ['framework', ['test/fixtures/frameworks', 'test/fixtures/frameworks/broken', 'frameworks']],
      ['session', ['test/fixtures/sessions', 'test/fixtures/sessions/broken', 'examples']],
    ] as const) {
      const pre = require(join(ROOT, 'dist', 'validators', `${name}.cjs`)) as ((data: unknown) => boolean) & { errors?: unknown };
      const fresh = newAjv().compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')));
      let compared = 0;
      for (const dir of dirs) {
        for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.yaml'))) {
          let data: unknown;
          try {
            data = parse(readFileSync(join(ROOT, dir, file), 'utf8'));
          } catch {
            continue; // not YAML at all: no schema run to compare
          }
          expect(pre(data), `${name} ${file}`).toBe(fresh(data));
          expect(pre.errors ?? null, `${name} ${file}`).toEqual(fresh.errors ?? null);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(5);
    }
  });

  it('escape ~ and / in the paths of their errors as ajv does, though they escape only when needed (issue #20)', async () => {
    const { createRequire } = await import('node:module');
    const { parse } = await import('yaml');
    const { newAjv } = await import('../src/core/json-schema.js');
    const require = createRequire(import.meta.url);
    const validator = (name: string) => [
      require(join(ROOT, 'dist', 'validators', `${name}.cjs`)) as ((data: unknown) => boolean) & { errors?: { instancePath: string }[] },
      newAjv().compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'))),
    ] as const;
    const [session, freshSession] = validator('session');
    const odd = { 'a/b~c': { value: 1 }, ok: { value: 2, at: 'gisteren' } };
    const data = { ...(parse(readFileSync(join(ROOT, 'test/fixtures/sessions/complete.yaml'), 'utf8')) as object), answers: odd, perspectives: { 'x/y': [{}] }, judgements: { 'p~q': {} } };
    expect(session(data)).toBe(false);
    freshSession(data);
    expect(session.errors).toEqual(freshSession.errors);
    expect(session.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/answers/a~1b~0c', '/answers/ok/at', '/perspectives/x~1y', '/judgements/p~0q']));
    const [framework, freshFramework] = validator('framework');
    const text = readFileSync(join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml'), 'utf8');
    const withCount = parse(text) as { themes: { criteria: { questions: Record<string, unknown>[] }[] }[] };
    withCount.themes[0]!.criteria[0]!.questions[0]!.count = { of: 'x', scale: 'y', levels: { 'a/b~': 2, ok: 1 } };
    expect(framework(withCount)).toBe(false);
    freshFramework(withCount);
    expect(framework.errors).toEqual(freshFramework.errors);
    expect(framework.errors!.map((e) => e.instancePath)).toContain('/themes/0/criteria/0/questions/0/count/levels/a~1b~0');
  });
});

describe('the validators\' code cache (dist/validators/*.cjs.cache)', () => {
  it('is taken only for the source it was made from: a changed validator runs as it is now', async () => {
    const { copyFileSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { loadValidator, validatorPath } = await import('../src/core/json-schema.js');
    // Below node_modules, so the validator's require('ajv/dist/runtime/…') resolves.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.kader-cache-test-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'session.cjs');
    const source = readFileSync(validatorPath('session'), 'utf8');
    expect(source).toContain('"must be string"');
    // The same length: V8 itself would take the old cache for it, and run the old code.
    writeFileSync(path, source.replaceAll('"must be string"', '"must be STRING"'));
    copyFileSync(`${validatorPath('session')}.cache`, `${path}.cache`);
    const { validate, script } = loadValidator(path);
    expect(script.cachedDataRejected).toBeUndefined(); // not offered to V8 at all
    expect(validate({ kader: 1, kind: 'session', id: 5 })).toBe(false);
    expect(validate.errors!.map((e) => e.message)).toContain('must be STRING');
    // The cache as built is offered, and the validator it gives checks as before.
    const built = loadValidator(validatorPath('session'));
    expect(built.script.cachedDataRejected).toBeDefined();
    expect(built.validate({ kader: 1, kind: 'session', id: 5 })).toBe(false);
    expect(built.validate.errors!.map((e) => e.message)).toContain('must be string');
  });
});

describe('schemas for editors', () => {
  it.each(['framework', 'session'])('%s: every property has a description in Dutch and English ("nl / en")', (name) => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const object = node as { properties?: Record<string, { description?: string }>; items?: unknown; additionalProperties?: unknown };
      for (const [key, value] of Object.entries(object.properties ?? {})) {
        if (typeof value === 'object' && !/\S \/ \S/.test(value.description ?? '')) missing.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const key of ['items', 'additionalProperties'] as const) walk(object[key], `${path}.${key}`);
    };
    walk(schema, '#');
    for (const [key, def] of Object.entries((schema.$defs ?? {}) as Record<string, unknown>)) walk(def, `$defs.${key}`);
    expect(missing).toEqual([]);
  });
});

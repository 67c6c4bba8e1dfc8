import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAggregate, measure, type AggregateModel, type AggregateNote } from '../src/report/aggregate.js';
import { aggregateJson } from '../src/report/aggregate-json.js';
import { ROOT } from './helpers.js';
import { generateSession, loadFramework } from './support/gemeenten.js';

const WAV = join(ROOT, 'frameworks', 'werken-aan-veiligheid.yaml');
const whole = (model: unknown) => `${JSON.stringify(model, null, 2)}\n`;

/** kader aggregate --format json writes the overview in pieces (issue #20): together they are the one text. */
describe('aggregateJson', () => {
  const loaded = loadFramework(WAV);
  const { framework } = loaded;
  // Names a region really has, and ones JSON must escape: accents, a Frisian â, quotes, a backslash, a tab, an emoji.
  const names = ['Súdwest-Fryslân', 'Gemeente "Ede"', 'Nuenen, Gerwen en Nederwetten', 'Back\\slash\tstad', "'s-Hertogenbosch", 'Zoë 🏘️', ' Loon op Zand '];
  const measurements = names.map((gemeente, i) =>
    measure(framework, { file: `regio/${i}-ë.yaml`, session: generateSession(loaded, { gemeente, seed: i + 1, quality: i / names.length, unanswered: i === 3 ? 0.4 : 0 }) }),
  );
  const notes: AggregateNote[] = [{ file: 'regio/kapot.yaml', gemeente: null, reason: 'invalid', detail: '3:1 ongeldig: "é"' }];

  it('gives, piece by piece, the text of JSON.stringify with two spaces and a newline', () => {
    const model = buildAggregate(framework, measurements, notes, 5);
    expect(model.rows.length).toBe(names.length);
    expect(model.notes.length).toBeGreaterThan(1);
    const pieces = [...aggregateJson(model)];
    expect(pieces.join('')).toBe(whole(model));
    // One row or one note a piece at most, never the whole list.
    expect(pieces.length).toBeGreaterThan(model.rows.length + model.notes.length);
    expect(pieces.filter((p) => p.includes('"gemeente"')).length).toBe(model.rows.length + model.notes.length);
    expect(pieces.every((p) => p.split('"gemeente"').length <= 2)).toBe(true);
  });

  it('writes empty lists, one-element lists and a key without a value as JSON.stringify does', () => {
    const empty = buildAggregate(framework, [], [], 10);
    expect([...aggregateJson(empty)].join('')).toBe(whole(empty));
    const one = buildAggregate(framework, measurements.slice(0, 1), [], 0);
    expect([...aggregateJson(one)].join('')).toBe(whole(one));
    const odd = { ...one, extra: undefined, rows: [...one.rows, undefined] } as unknown as AggregateModel;
    expect([...aggregateJson(odd)].join('')).toBe(whole(odd));
  });

  it('shares one frozen cell per column and percentage between rows', () => {
    const model = buildAggregate(framework, [...measurements, ...measurements.map((m) => ({ ...m, file: `b/${m.file}`, gemeente: `${m.gemeente} B` }))], [], 10);
    const [a, b] = [model.rows.find((r) => r.gemeente === names[0]), model.rows.find((r) => r.gemeente === `${names[0]} B`)];
    expect(a!.total).toBe(b!.total);
    expect(Object.isFrozen(a!.total)).toBe(true);
  });
});

/** Content checks on the bundled frameworks: not just valid, but complete and honest. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionsOf, type Criterion, type Framework } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { ROOT } from './helpers.js';

const dir = join(ROOT, 'frameworks');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const loaded = new Map<string, Framework>();
for (const file of files) {
  const result = validateFrameworkText(file, readFileSync(join(dir, file), 'utf8'), messages('nl'));
  if (result.framework) loaded.set(result.framework.id, result.framework);
}
const get = (id: string): Framework => {
  const framework = loaded.get(id);
  if (!framework) throw new Error(`framework ${id} did not load`);
  return framework;
};
const criteria = (framework: Framework): Criterion[] => framework.themes.flatMap((t) => t.criteria);

/** Exactly one criterion title in `list` matches each pattern. */
function expectEachOnce(list: readonly Criterion[], patterns: readonly RegExp[]): void {
  for (const pattern of patterns) {
    const hits = list.filter((c) => pattern.test(c.title)).map((c) => c.id);
    expect(hits, `${pattern} should match exactly one title`).toHaveLength(1);
  }
}

describe('bundled frameworks', () => {
  it('are the four promised files, each validating with zero findings', () => {
    expect(files.sort()).toEqual(['samenwerkingsafspraken.yaml', 'tsd-lokaal-netwerk.yaml', 'veiligheid-voorop.yaml', 'werken-aan-veiligheid.yaml']);
    for (const file of files) {
      const result = validateFrameworkText(file, readFileSync(join(dir, file), 'utf8'), messages('nl'));
      expect(result.diagnostics, file).toEqual([]);
      expect(`${result.framework?.id}.yaml`).toBe(file);
    }
  });

  it('reuse no criterion or question id across files', () => {
    const seen = new Map<string, string>();
    for (const framework of loaded.values()) {
      for (const criterion of criteria(framework)) {
        for (const id of [criterion.id, ...criterion.questions.map((q) => q.id)]) {
          expect(seen.get(id), `${id} in ${framework.id}`).toBeUndefined();
          seen.set(id, framework.id);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(200);
  });

  it('give every criterion what an interviewer needs', () => {
    for (const framework of loaded.values()) {
      for (const c of criteria(framework)) {
        const where = `${framework.id} ${c.id}`;
        expect(c.guidance, where).toBeTruthy();
        expect(c.probes?.length, where).toBeGreaterThanOrEqual(2);
        expect(c.probes?.length, where).toBeLessThanOrEqual(4);
        expect(c.evidence?.length, where).toBeGreaterThanOrEqual(1);
        expect(c.improvements?.length, where).toBeGreaterThanOrEqual(1);
        expect(c.references?.length, where).toBeGreaterThanOrEqual(1);
        // At least one scored question that is always asked, so every criterion can get a score.
        expect(c.questions.some((q) => q.type === 'scale' && !q.when), where).toBe(true);
      }
    }
  });

  it('use critical sparingly and skip logic where it helps', () => {
    for (const framework of loaded.values()) {
      const all = criteria(framework);
      const critical = all.filter((c) => c.critical).length;
      expect(critical, framework.id).toBeGreaterThanOrEqual(1);
      expect(critical / all.length, framework.id).toBeLessThanOrEqual(0.2);
      expect([...questionsOf(framework)].filter((p) => p.question.when).length, framework.id).toBeGreaterThan(0);
    }
  });

  it('mark interpretation as interpretation', () => {
    // The official texts were not available (see the README); a framework without a single
    // 'interpretatie' note would pretend otherwise.
    for (const framework of loaded.values()) {
      const notes = criteria(framework).flatMap((c) => (c.references ?? []).map((r) => r.note ?? ''));
      expect(notes.some((n) => /interpretatie/i.test(n)), framework.id).toBe(true);
    }
  });
});

describe('werken-aan-veiligheid', () => {
  const wav = get('werken-aan-veiligheid');
  it('is the 2019 VNG kwaliteitskader for local teams and the gemeente', () => {
    expect(wav).toMatchObject({ version: '2019.1', publisher: 'VNG', adopted: '2019-11-21' });
    expect(wav.audiences.map((a) => a.id)).toEqual(['lokaal-team', 'gemeente']);
  });
  it('covers vision, tasks, expertise, organisation, regie and monitoring', () => {
    const titles = wav.themes.map((t) => t.title).join(' | ');
    for (const part of [/visie/i, /taken/i, /expertise/i, /samenwerking/i, /regie/i, /monitoring/i]) expect(titles).toMatch(part);
    expect(criteria(wav).length).toBeGreaterThanOrEqual(28);
  });
});

describe('tsd-lokaal-netwerk', () => {
  const tsd = get('tsd-lokaal-netwerk');
  it('holds each of the six attention points of the 14-gemeenten follow-up exactly once', () => {
    const [points] = tsd.themes;
    expect(points!.criteria).toHaveLength(6);
    expectEachOnce(points!.criteria, [/visie op veiligheid/i, /overdracht/i, /één gezin, één plan, één regisseur/i, /sociaal netwerk.*signaalfunctie/i, /evalueren en bijstellen/i, /ouderenmishandeling/i]);
  });
  it('holds the three necessities of the report exactly once', () => {
    const necessities = tsd.themes[1]!.criteria;
    expect(necessities).toHaveLength(3);
    expectEachOnce(necessities, [/gemeente neemt de regie/i, /minimaal nodige veiligheid/i, /herstel van veiligheid/i]);
  });
  it('uses an inspector scale with room for "niet beoordeeld"', () => {
    expect(tsd.scales[0]!.levels.map((l) => l.value)).toEqual(['goed', 'voldoende', 'onvoldoende']);
    expect(tsd.scales[0]!.allow).toContain('onbekend');
  });
});

describe('veiligheid-voorop', () => {
  const vv = get('veiligheid-voorop');
  it('has the nine actions, three each under Doen, Delen and Leren, each exactly once', () => {
    expect(vv.themes.map((t) => [t.title, t.criteria.length])).toEqual([
      ['Doen', 3],
      ['Delen', 3],
      ['Leren', 3],
    ]);
    expectEachOnce(criteria(vv), [
      /crisis/i,
      /strafbare kindermishandeling/i,
      /samenstel van interventies/i,
      /actie-overleg/i,
      /gesprek met de betrokkenen/i,
      /uitwisselen van informatie/i,
      /visie veiligheid voorop/i,
      /perspectief van de betrokkenen/i,
      /netwerk zorg\/straf/i,
    ]);
  });
});

describe('samenwerkingsafspraken', () => {
  const swa = get('samenwerkingsafspraken');
  const text = (c: Criterion) => [c.title, c.description, ...c.questions.map((q) => q.text)].join(' ');
  it('covers the escalation model with three routes and trying lower routes first', () => {
    const escalation = criteria(swa).filter((c) => /escal|opschal/i.test(c.title));
    expect(escalation.length).toBeGreaterThanOrEqual(2);
    const all = escalation.map(text).join(' ');
    expect(all).toMatch(/wethouder/i);
    expect(all).toMatch(/lagere routes/i);
  });
  it('steers on the legal deadlines: five working days and ten weeks', () => {
    const deadlines = criteria(swa).map(text).join(' ');
    expect(deadlines).toMatch(/vijf werkdagen/i);
    expect(deadlines).toMatch(/tien weken/i);
    const percentages = [...questionsOf(swa)].filter((p) => p.question.type === 'number' && p.question.max === 100);
    expect(percentages.length).toBeGreaterThanOrEqual(2);
  });
  it('covers the handover: contents, warm handover, explicit acceptance, feedback to the reporter', () => {
    expectEachOnce(criteria(swa), [/overdracht bevat/i, /warme overdracht/i, /acceptatie/i, /melder/i]);
  });
});

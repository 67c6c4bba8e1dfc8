import { describe, expect, it } from 'vitest';
import type { Framework } from '../src/framework/types.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeOf, OUTCOMES, outcomeAt, scoreCompact, scoreSession, tallyOf } from '../src/scoring/score.js';
import type { Session } from '../src/session/types.js';
import { makeSession, ROOT } from './helpers.js';
import { generateSession, loadFramework, seeded } from './support/gemeenten.js';

const at = '2026-11-23T10:00:00Z';
const scale = (id: string) => ({ id, text: id, type: 'scale' as const, scale: 'v' });

/** Three criteria in two themes; C2 is critical with weight 2; C3 has two scale questions. */
const framework: Framework = {
  kader: 1,
  kind: 'framework',
  id: 'f',
  version: '1',
  title: 'F',
  publisher: 'P',
  source: 'https://example.org',
  language: 'nl',
  audiences: [{ id: 'a', label: 'A' }],
  scales: [
    {
      id: 'v',
      label: 'V',
      levels: [
        { value: 'ja', label: 'Ja', score: 1 },
        { value: 'half', label: 'Half', score: 0.5 },
        { value: 'nee', label: 'Nee', score: 0 },
      ],
      allow: ['nvt', 'onbekend'],
    },
  ],
  thresholds: { meets: 0.75, partly: 0.4 },
  themes: [
    {
      id: 'T1',
      title: 'Een',
      criteria: [
        { id: 'C1', title: 'c1', description: 'd', audience: 'a', questions: [scale('C1a')] },
        { id: 'C2', title: 'c2', description: 'd', audience: 'a', weight: 2, critical: true, questions: [scale('C2a')] },
      ],
    },
    {
      id: 'T2',
      title: 'Twee',
      criteria: [{ id: 'C3', title: 'c3', description: 'd', audience: 'a', questions: [scale('C3a'), scale('C3b'), { id: 'C3c', text: 'x', type: 'text', required: false }] }],
    },
  ],
};

function session(values: Record<string, string>, judgements: Session['judgements'] = {}): Session {
  const answers = Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, at }]));
  return makeSession({ frameworkId: 'f', answers, judgements });
}

const outcome = (s: ReturnType<typeof scoreSession>, id: string) => s.criteria.find((c) => c.criterion.id === id)!;

describe('scoring', () => {
  it('scores criteria as the mean of their scale answers and applies the thresholds', () => {
    const s = scoreSession(framework, session({ C1a: 'ja', C2a: 'half', C3a: 'ja', C3b: 'nee' }));
    expect([outcome(s, 'C1').score, outcome(s, 'C2').score, outcome(s, 'C3').score]).toEqual([1, 0.5, 0.5]);
    expect([outcome(s, 'C1').outcome, outcome(s, 'C2').outcome, outcome(s, 'C3').outcome]).toEqual(['meets', 'partly', 'partly']);
  });

  it('weights theme and total scores by criterion weight', () => {
    const s = scoreSession(framework, session({ C1a: 'ja', C2a: 'nee', C3a: 'ja', C3b: 'ja' }));
    // T1: (1×1 + 0×2) / 3; total: (1 + 0 + 1×1) / 4
    expect(s.themes[0]!.score).toBeCloseTo(1 / 3, 10);
    expect(s.total).toBeCloseTo(0.5, 10);
  });

  it('leaves nvt and onbekend out of the score but counts them', () => {
    const s = scoreSession(framework, session({ C1a: 'nvt', C2a: 'onbekend', C3a: 'nvt', C3b: 'half' }));
    expect(outcome(s, 'C1')).toMatchObject({ score: undefined, outcome: 'not-applicable', nvt: 1 });
    expect(outcome(s, 'C2')).toMatchObject({ score: undefined, outcome: 'unknown', onbekend: 1 });
    expect(outcome(s, 'C3')).toMatchObject({ score: 0.5, outcome: 'partly', nvt: 1, scored: 1 });
    // Nothing scored in T1: no theme score rather than zero.
    expect(s.themes[0]!.score).toBeUndefined();
    expect(s.total).toBe(0.5);
  });

  it('treats all-nvt as not applicable everywhere, with no total', () => {
    const s = scoreSession(framework, session({ C1a: 'nvt', C2a: 'nvt', C3a: 'nvt', C3b: 'nvt' }));
    expect(s.tally).toMatchObject({ 'not-applicable': 3, meets: 0 });
    expect(s.total).toBeUndefined();
    expect(s.improvements).toEqual([]);
  });

  it('shows unanswered questions as open, not as zero', () => {
    const s = scoreSession(framework, session({ C1a: 'ja', C3a: 'ja' }));
    expect(outcome(s, 'C2')).toMatchObject({ outcome: 'open', score: undefined, open: 1 });
    expect(outcome(s, 'C3')).toMatchObject({ outcome: 'open', score: undefined, open: 1 });
    expect(s.total).toBe(1);
    expect(s.tally.open).toBe(2);
  });

  it("lets the interviewer's judgement override the computed verdict", () => {
    const s = scoreSession(framework, session({ C1a: 'ja', C2a: 'ja', C3a: 'ja', C3b: 'ja' }, { C1: { verdict: 'not-met', motivation: 'Alleen op papier', at } }));
    expect(outcome(s, 'C1')).toMatchObject({ computed: 'meets', outcome: 'not-met', score: 1, judgement: { motivation: 'Alleen op papier' } });
    expect(s.improvements.map((c) => c.criterion.id)).toEqual(['C1']);
  });

  it('orders improvement points: critical first, then weight × gap, then framework order', () => {
    // C1 gap 1×1 = 1, C2 (critical) gap 2×0.5 = 1, C3 gap 1×0.5: critical C2 leads despite the tie.
    const s = scoreSession(framework, session({ C1a: 'nee', C2a: 'half', C3a: 'half', C3b: 'half' }));
    expect(s.improvements.map((c) => c.criterion.id)).toEqual(['C2', 'C1', 'C3']);
    // Equal gaps without critical: framework order decides.
    const t = scoreSession(framework, session({ C1a: 'half', C2a: 'ja', C3a: 'half', C3b: 'half' }));
    expect(t.improvements.map((c) => c.criterion.id)).toEqual(['C1', 'C3']);
    expect(t.strengths.map((c) => c.criterion.id)).toEqual(['C2']);
  });
});

describe('scoreCompact (what kader aggregate keeps of each session)', () => {
  it('codes every outcome as one digit and reads it back', () => {
    const codes = OUTCOMES.map(codeOf).join('');
    expect(codes).toBe('012345');
    expect(OUTCOMES.map((_, i) => outcomeAt(codes, i))).toEqual(OUTCOMES);
    expect(tallyOf('0012555')).toEqual({ meets: 2, partly: 1, 'not-met': 1, 'not-applicable': 0, unknown: 0, open: 3 });
  });

  it('gives the outcomes, theme scores, total and tally of scoreSession on every bundled framework', () => {
    const dir = join(ROOT, 'frameworks');
    let compared = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const loaded = loadFramework(join(dir, name));
      const { framework } = loaded;
      const criteria = framework.themes.flatMap((t) => t.criteria);
      for (let seed = 1; seed <= 12; seed++) {
        const random = seeded(seed * 31 + name.length);
        const session = generateSession(loaded, { gemeente: `Gemeente ${seed}`, seed, quality: random(), unanswered: seed % 3 === 0 ? 0.3 : 0 });
        // Answers a generated session lacks: nvt and onbekend where a scale allows them, and judgements.
        for (const [id, answer] of Object.entries(session.answers)) {
          const scale = framework.scales.find((s) => s.levels.some((l) => l.value === answer.value));
          const roll = random();
          if (scale?.allow?.includes('nvt') && roll < 0.1) session.answers[id] = { ...answer, value: 'nvt' };
          else if (scale?.allow?.includes('onbekend') && roll < 0.2) session.answers[id] = { ...answer, value: 'onbekend' };
        }
        const verdicts = ['meets', 'partly', 'not-met', 'not-applicable'] as const;
        session.judgements = Object.fromEntries(criteria.filter(() => random() < 0.15).map((c) => [c.id, { verdict: verdicts[Math.floor(random() * 4)]!, motivation: 'Gesprek.', at }]));
        const full = scoreSession(framework, session);
        const compact = scoreCompact(framework, session);
        expect(compact.outcomes.length).toBe(full.criteria.length);
        expect(full.criteria.map((_, i) => outcomeAt(compact.outcomes, i))).toEqual(full.criteria.map((c) => c.outcome));
        expect(compact.themes).toEqual(full.themes.map((t) => t.score));
        expect(compact.total).toBe(full.total);
        expect('total' in compact).toBe(full.total !== undefined);
        expect(tallyOf(compact.outcomes)).toEqual(full.tally);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(7 * 12);
  });
});

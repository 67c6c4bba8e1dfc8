/** Counts over a sample ("in 7 of the 10 files looked at"): format, lint, values, scoring. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Framework, Question } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { selectQuestions, runInterview, type Prompter, type Step } from '../src/interview/engine.js';
import { countLevel } from '../src/scoring/count.js';
import { scoreSession } from '../src/scoring/score.js';
import { checkValue, describeValueProblem } from '../src/session/values.js';
import { kader, makeSession, ROOT, tempDir } from './helpers.js';

const nl = messages('nl');

/** A small framework: a judgement, a total and a count of it, scored 0.9 → goed, 0.6 → voldoende. */
function frameworkText(count = '{ of: K-01n, scale: oordeel, levels: { goed: 0.9, voldoende: 0.6 } }'): string {
  return `kader: 1
kind: framework
id: telkader
version: "1"
title: Telkader
publisher: kader-project
adopted: "2026-01-01"
source: https://example.org/telkader
language: nl
provenance: { status: official, disclaimer: Testkader. }
audiences: [{ id: team, label: Team }]
scales:
  - id: oordeel
    label: Oordeel
    levels:
      - { value: goed, label: Goed, score: 1 }
      - { value: voldoende, label: Voldoende, score: 0.6 }
      - { value: onvoldoende, label: Onvoldoende, score: 0 }
    allow: [onbekend]
thresholds: { meets: 0.6, partly: 0.3 }
themes:
  - id: K
    title: Dossiers
    criteria:
      - id: K-01
        title: Veiligheidsvoorwaarden staan in het dossier
        description: In elk dossier staan concrete veiligheidsvoorwaarden.
        audience: team
        questions:
          - { id: K-01a, text: Oordeel, type: scale, scale: oordeel }
          - { id: K-01n, text: Hoeveel dossiers bekeken?, type: number, min: 0, required: false }
          - { id: K-01c, text: In hoeveel daarvan staan voorwaarden?, type: number, min: 0, required: false, count: ${count} }
`;
}

const framework = validateFrameworkText('telkader.yaml', frameworkText(), nl).framework as Framework;
const countQuestion = framework.themes[0]!.criteria[0]!.questions[2] as Question;
const at = '2026-01-01T00:00:00Z';
const answers = (total: number | undefined, count: number | undefined, judgement = 'goed') => ({
  'K-01a': { value: judgement, at },
  ...(total !== undefined && { 'K-01n': { value: total, at } }),
  ...(count !== undefined && { 'K-01c': { value: count, at } }),
});

describe('countLevel', () => {
  it('turns the fraction into the first level whose threshold it reaches, best first', () => {
    expect(countLevel(framework, countQuestion, answers(10, 9))?.value).toBe('goed'); // 0.9: exactly on the threshold
    expect(countLevel(framework, countQuestion, answers(10, 8))?.value).toBe('voldoende');
    expect(countLevel(framework, countQuestion, answers(10, 6))?.value).toBe('voldoende');
    expect(countLevel(framework, countQuestion, answers(10, 5))?.value).toBe('onvoldoende'); // below every threshold: the last level
    expect(countLevel(framework, countQuestion, answers(3, 0))?.value).toBe('onvoldoende');
  });

  it('scores nothing without a count, without a total, or when nothing was looked at', () => {
    expect(countLevel(framework, countQuestion, answers(10, undefined))).toBeUndefined();
    expect(countLevel(framework, countQuestion, answers(undefined, 4))).toBeUndefined();
    expect(countLevel(framework, countQuestion, answers(0, 0))).toBeUndefined();
  });
});

describe('scoring a criterion with a count', () => {
  const score = (a: ReturnType<typeof answers>) => scoreSession(framework, makeSession({ frameworkId: 'telkader', answers: a })).criteria[0]!;
  it('counts the level the fraction reaches like a scale answer', () => {
    // goed (1) and 5 of 10 → onvoldoende (0): the judgement alone would have met the criterion.
    const withCount = score(answers(10, 5));
    expect(withCount.scored).toBe(2);
    expect(withCount.score).toBe(0.5);
    expect(score(answers(10, 10)).score).toBe(1);
  });
  it('leaves an unanswered count out, without calling the criterion open', () => {
    const without = score(answers(undefined, undefined));
    expect(without).toMatchObject({ scored: 1, score: 1, open: 0, computed: 'meets' });
  });
});

describe('lint of count', () => {
  const rules = (text: string) =>
    validateFrameworkText('k.yaml', text, nl).diagnostics.filter((d) => /^count|scale-ref|schema/.test(d.rule)).map((d) => `${d.rule} ${d.line}:${d.column} ${d.message}`);

  it('accepts the valid count', () => {
    expect(rules(frameworkText())).toEqual([]);
  });
  it('wants an earlier number question as the total', () => {
    expect(rules(frameworkText('{ of: K-01a, scale: oordeel, levels: { goed: 0.9 } }'))).toEqual([
      'count-of 32:123 vraag "K-01c" telt een deel van het totaal in "K-01a", maar dat is geen eerdere vraag van type number',
    ]);
    expect(rules(frameworkText('{ of: K-01c, scale: oordeel, levels: { goed: 0.9 } }'))[0]).toMatch(/^count-of 32:123 /);
  });
  it('wants levels of the scale, with thresholds falling from the best level to the worst', () => {
    expect(rules(frameworkText('{ of: K-01n, scale: oordeel, levels: { goed: 0.5, voldoende: 0.6 } }'))).toEqual([
      'count-levels 32:178 vraag "K-01c": de drempels in count.levels moeten van het beste naar het slechtste niveau dalen',
    ]);
    expect(rules(frameworkText('{ of: K-01n, scale: oordeel, levels: { uitstekend: 0.95 } }'))).toEqual([
      'count-levels 32:156 vraag "K-01c": "uitstekend" is geen niveau van schaal "oordeel"',
    ]);
    expect(rules(frameworkText('{ of: K-01n, scale: cijfer, levels: { goed: 0.9 } }'))[0]).toMatch(/^scale-ref 32:137 /);
  });
  it('allows count on a number question only, and thresholds between 0 and 1', () => {
    const onScale = frameworkText().replace('{ id: K-01c, text: In hoeveel daarvan staan voorwaarden?, type: number,', '{ id: K-01c, text: In hoeveel daarvan staan voorwaarden?, type: scale, scale: oordeel,');
    expect(rules(onScale).some((r) => r.startsWith('schema '))).toBe(true);
    expect(rules(frameworkText('{ of: K-01n, scale: oordeel, levels: { goed: 90 } }')).some((r) => r.startsWith('schema '))).toBe(true);
  });
});

describe('a count above its total', () => {
  it('is refused when the total is known, with one sentence naming both', () => {
    const problem = checkValue(countQuestion, 12, framework, answers(10, undefined));
    expect(problem).toEqual({ kind: 'count', total: 10, of: 'K-01n' });
    expect(describeValueProblem(problem!, 12, nl)).toBe('antwoord 12 is meer dan het totaal 10 (vraag K-01n)');
    expect(checkValue(countQuestion, 10, framework, answers(10, undefined))).toBeUndefined();
    expect(checkValue(countQuestion, 12, framework)).toBeUndefined(); // no answers given: nothing to hold it to
  });

  it('is refused by the interview engine, which asks again', async () => {
    const steps: Step[] = [
      { kind: 'answer', value: 'goed' },
      { kind: 'answer', value: 10 },
      { kind: 'answer', value: 12 },
      { kind: 'answer', value: 7 },
    ];
    const seen: string[] = [];
    const prompter: Prompter = {
      criterion: () => undefined,
      ask: async (view) => {
        seen.push(`${view.place.question.id}${view.countTotal === undefined ? '' : ` van ${view.countTotal}`}`);
        return steps.shift()!;
      },
      details: async () => ({}),
      invalid: (_view, problem) => void seen.push(`!${problem.kind}`),
    };
    const session = makeSession({ frameworkId: 'telkader', answers: {} });
    await runInterview({ framework, session, plan: selectQuestions(framework, {}), prompter, save: () => undefined, now: () => at });
    expect(seen).toEqual(['K-01a', 'K-01n', 'K-01c van 10', '!count', 'K-01c van 10']);
    expect(session.answers['K-01c']!.value).toBe(7);
  });

  it('is a finding of kader check at the answer, on a bundled framework', () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, 'examples', 'voorbeeld-tsd-lokaal-netwerk.yaml'), 'utf8');
    const total = Number(/^ {2}TSD-04n: \{ value: (\d+),/m.exec(text)![1]);
    writeFileSync(join(dir, 's.yaml'), text.replace(/^( {2}TSD-04f: \{ value: )\d+,/m, `$1${total + 1},`));
    const result = kader(['check', 's.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^ +\\d+:21 +fout +antwoord ${total + 1} is meer dan het totaal ${total} \\(vraag TSD-04n\\) +answer-value$`, 'm'));
  });

  it('has a whole-number answer schema', () => {
    type Prop = { properties: { value: { type: string; minimum?: number } } };
    const schema = JSON.parse(kader(['schema', 'answers', 'tsd-lokaal-netwerk']).stdout) as { properties: Record<string, Prop> };
    expect(schema.properties['TSD-04f']!.properties.value).toEqual({ type: 'integer', minimum: 0 });
    expect(schema.properties['TSD-04n']!.properties.value).toEqual({ type: 'number', minimum: 0 });
  });
});

describe('kader show --format md', () => {
  it('prints the share per level under a count, and what each level looks like under a described scale', () => {
    const tsd = kader(['show', 'tsd-lokaal-netwerk', '--format', 'md']).stdout.split('\n');
    const at = tsd.findIndex((l) => l.startsWith('- `TSD-04f` '));
    expect(tsd.slice(at + 1, at + 4)).toEqual(['  - Goed: ≥ 90 %', '  - Voldoende: ≥ 60 %', '  - Onvoldoende: < 60 %']);
    const vv = kader(['show', 'veiligheid-voorop', '--format', 'md']).stdout.split('\n');
    const q = vv.findIndex((l) => l.startsWith('- `VV-D-01a` '));
    expect(vv[q + 1]).toMatch(/^ {2}- 4 - Geborgd en geëvalueerd in de keten: Na elke crisis met meer partners /);
    expect(vv[q + 4]).toMatch(/^ {2}- 1 - Ad hoc: /);
  });
});

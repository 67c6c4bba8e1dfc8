import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../src/framework/types.js';
import { validateFrameworkText } from '../src/framework/validate.js';
import { messages } from '../src/i18n/index.js';
import { buildReport } from '../src/report/model.js';
import { escapeMarkdown, renderReport } from '../src/report/render.js';
import { parseSessionText } from '../src/session/check.js';
import type { Session } from '../src/session/types.js';
import { FIXTURES, kader, ROOT, tempDir } from './helpers.js';

const nl = messages('nl');
const framework = validateFrameworkText('valid.yaml', readFileSync(join(FIXTURES, 'frameworks', 'valid.yaml'), 'utf8'), nl).framework as Framework;
const base = parseSessionText('s', readFileSync(join(FIXTURES, 'sessions', 'complete.yaml'), 'utf8'), nl).session as Session;
const words = { yes: 'ja', no: 'nee', special: nl.interview.special };

const EVIL = '<img src=x onerror=alert(1)> [klik](javascript:alert(1)) | **vet** <script>alert(2)</script>\n# kop';

function evilSession(): Session {
  const s = structuredClone(base);
  s.answers['TK-T1-01a']!.note = EVIL;
  s.context.gemeente = 'Gemeente <b>X</b>';
  s.actions = [{ id: 'A1', criterion: 'TK-T1-01', what: EVIL, owner: 'team|leider', due: '2027-01-01', priority: 'hoog', indicator: '[x](javascript:y)', status: 'open' }];
  return s;
}

describe('report model', () => {
  it('puts unmet critical criteria first and states scores, findings and evidence', () => {
    const model = buildReport({ framework, session: base, words });
    expect(model.summary).toMatchObject({ percent: 50, tally: { partly: 2, meets: 0 } });
    const points = model.improvements.flatMap((g) => g.criteria);
    expect(points.map((c) => [c.rank, c.id, c.critical])).toEqual([
      [1, 'TK-T1-01', true],
      [2, 'TK-T2-01', false],
    ]);
    expect(points[0]).toMatchObject({
      outcome: 'partly',
      percent: 50,
      evidenceSeen: ['Werkinstructie'],
      evidenceMissing: [],
      findings: [
        { questionId: 'TK-T1-01a', answer: 'Voldoet gedeeltelijk', note: 'Werkinstructie is er, wordt niet altijd gebruikt' },
        { questionId: 'TK-T1-01b', answer: 'Tijd', note: null },
        { questionId: 'TK-T1-01c', answer: 'Vooral bij drukte', note: null },
      ],
    });
    expect(model.summary.critical).toEqual([{ id: 'TK-T1-01', title: 'Veiligheid wordt bij de start beoordeeld', theme: 'T1', critical: true, outcome: 'partly' }]);
  });

  it('compares with a baseline: better, same, worse, and last time’s actions with their status now', () => {
    const before = structuredClone(base);
    before.answers['TK-T1-01a']!.value = 'voldoet-niet';
    before.answers['TK-T2-01a']!.value = 'voldoet';
    before.actions = [{ id: 'A1', criterion: 'TK-T1-01', what: 'x', owner: 'y', due: '2026-06-01', priority: 'hoog', indicator: 'z', status: 'open' }];
    const now = structuredClone(base);
    now.actions = [{ ...before.actions[0]!, status: 'gereed' }];
    const model = buildReport({ framework, session: now, baseline: before, words });
    expect(model.baseline?.changes.map((c) => [c.id, c.before.percent, c.after.percent, c.change])).toEqual([
      ['TK-T1-01', 0, 50, 'better'],
      ['TK-T2-01', 100, 50, 'worse'],
    ]);
    expect(model.baseline?.actions).toEqual([{ ...before.actions[0], statusNow: 'gereed' }]);
    expect(buildReport({ framework, session: now, baseline: now, words }).baseline?.tally).toMatchObject({ same: 2, better: 0, worse: 0 });
  });
});

describe('report rendering is safe with hostile text', () => {
  const model = buildReport({ framework, session: evilSession(), words });

  it('HTML: escapes every user text, so no tag or script from a note survives', () => {
    const html = renderReport(model, 'html', { lang: 'nl', msgs: nl, version: '0' });
    expect(html).not.toMatch(/<img|<script|<b>X/);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('Gemeente &lt;b&gt;X&lt;/b&gt;');
    expect(html).not.toContain('href="javascript');
  });

  it('Markdown: no HTML, no links, no table breakage, no headings from user text', () => {
    const md = renderReport(model, 'md', { lang: 'nl', msgs: nl, version: '0' });
    // A link needs an unescaped ](: the escaped \] cannot close a link text.
    expect(md).not.toMatch(/<img|<script|(?<!\\)\]\(javascript/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\[klik\\](javascript:alert(1)) \\| \\*\\*vet\\*\\*');
    expect(md).toContain('| team\\|leider |');
    expect(escapeMarkdown('regel\n# kop\n- punt\n1. een')).toBe('regel\n\\# kop\n\\- punt\n1\\. een');
    // Every table row keeps its column count: a | in user text cannot add a cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('| A1 '))) expect(line.split(/(?<!\\)\|/).length).toBe(10);
  });

  it('a custom template gets the model but cannot reach prototypes or process', () => {
    const template = '{{report.context.gemeente}}|{{report.constructor.name}}|{{report.__proto__}}|{{lookup report "constructor"}}|{{t.title}}';
    const out = renderReport(model, 'html', { lang: 'nl', msgs: nl, version: '0', templateText: template });
    expect(out).toBe('Gemeente &lt;b&gt;X&lt;/b&gt;||||Verbeterplan Gemeente &lt;b&gt;X&lt;/b&gt;');
  });
});

describe('kader report (built binary)', () => {
  const session = 'test/fixtures/sessions/complete.yaml';
  const fw = ['--framework', 'test/fixtures/frameworks/valid.yaml'];

  it('prints Markdown by default and writes HTML and JSON with --out', () => {
    const md = kader(['report', session, ...fw]);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('# Verbeterplan Testdorp');
    expect(md.stdout).toContain('#### 1. TK-T1-01 Veiligheid wordt bij de start beoordeeld (kritiek)');
    const dir = tempDir();
    expect(kader(['report', session, ...fw, '--format', 'html', '-o', join(dir, 'r.html')]).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    const json = JSON.parse(kader(['report', session, ...fw, '--format', 'json']).stdout);
    expect(json).toMatchObject({ kader: 1, kind: 'report', context: { gemeente: 'Testdorp' } });
    expect(kader(['report', session, ...fw, '--lang', 'en']).stdout.split('\n')[0]).toBe('# Improvement plan Testdorp');
  });

  it('PDF: needs -o, and says how to get Chromium when there is none (never downloads one)', () => {
    expect(kader(['report', session, ...fw, '--format', 'pdf'])).toMatchObject({ code: 2, stderr: 'kader: een PDF gaat naar een bestand: geef -o verbeterplan.pdf\n' });
    const dir = tempDir();
    const result = kader(['report', session, ...fw, '--format', 'pdf', '-o', join(dir, 'p.pdf')], { env: { CHROME_PATH: join(dir, 'geen-chromium') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kader: voor PDF is Chromium nodig en die is niet gevonden\. Installeer het \(Debian\/Ubuntu: apt-get install chromium; Windows en macOS: Google Chrome of Microsoft Edge, op de gewone plek\) of wijs het aan met CHROME_PATH/);
  });

  it('takes a template, and refuses to write over its own session', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.hbs'), '{{report.context.gemeente}}: {{report.summary.percent}}%\n');
    expect(kader(['report', session, ...fw, '--template', join(dir, 't.hbs')]).stdout).toBe('Testdorp: 50%\n');
    writeFileSync(join(dir, 'kapot.hbs'), '{{#each}}');
    const broken = kader(['report', session, ...fw, '--template', join(dir, 'kapot.hbs')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^kader: sjabloon .*kapot\.hbs klopt niet: /);
    expect(kader(['report', session, ...fw, '-o', session])).toMatchObject({ code: 2, stderr: `kader: ${session} is een sessie; kader schrijft daar geen uitvoer overheen. Kies een andere naam\n` });
  });
});

describe('examples/', () => {
  it('match what the code produces (regenerate with npm run examples)', async () => {
    // @ts-expect-error: a plain ES module script without types
    const { generateExamples } = (await import('../scripts/examples.mjs')) as { generateExamples: () => Record<string, string> };
    const files = generateExamples();
    expect(Object.keys(files).sort()).toEqual([
      'examples/regio-overzicht.html',
      'examples/regio-overzicht.md',
      'examples/regio/modelstad.yaml',
      'examples/regio/oefenhaven.yaml',
      'examples/regio/proefdorp.yaml',
      'examples/regio/schetswoude.yaml',
      'examples/regio/voorbeeldgemeente.yaml',
      'examples/verbeterplan-voorbeeldgemeente.html',
      'examples/verbeterplan-voorbeeldgemeente.md',
      'examples/voorbeeld-clientperspectief.yaml',
      'examples/voorbeeld-meldcode-en-radarfunctie.yaml',
      'examples/voorbeeld-samenwerkingsafspraken.yaml',
      'examples/voorbeeld-tsd-lokaal-netwerk.yaml',
      'examples/voorbeeld-veilig-thuis.yaml',
      'examples/voorbeeld-veiligheid-voorop.yaml',
      'examples/voorbeeldgemeente-2025.yaml',
      'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml',
    ]);
    for (const [path, content] of Object.entries(files)) expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
  });

  it('hold a complete session for every bundled framework that kader check accepts', () => {
    const sessions = readdirSync(join(ROOT, 'frameworks')).map((f) => `examples/voorbeeld-${f.replace(/\.yaml$/, '')}.yaml`);
    const own = sessions.map((s) => (s.endsWith('-werken-aan-veiligheid.yaml') ? 'examples/voorbeeldgemeente-werken-aan-veiligheid.yaml' : s));
    const result = kader(['check', ...own], { cwd: ROOT });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const s of own) expect(readFileSync(join(ROOT, s), 'utf8'), s).toMatch(/^status: complete$/m);
  });
});

describe('precompiled report templates (dist/templates)', () => {
  it('render exactly what compiling templates/*.hbs renders', () => {
    const model = buildReport({ framework, session: evilSession(), words });
    for (const format of ['md', 'html'] as const) {
      const source = readFileSync(join(ROOT, 'templates', `report.${format}.hbs`), 'utf8');
      const compiled = renderReport(model, format, { lang: 'nl', msgs: nl, version: '0', templateText: source });
      expect(renderReport(model, format, { lang: 'nl', msgs: nl, version: '0' })).toBe(compiled);
    }
  });
});

// Inputs for the benchmark: one large framework and many sessions against it.
// Deterministic (a seeded generator), so runs compare like with like.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

export function largeFramework({ themes = 5, criteria = 6, questions = 4 } = {}) {
  const framework = {
    kader: 1,
    kind: 'framework',
    id: 'bench-groot',
    version: '1.0',
    title: 'Groot benchmarkkader',
    publisher: 'kader-bench',
    adopted: '2026-01-01',
    source: 'https://example.org/bench',
    language: 'nl',
    audiences: [{ id: 'lokaal-team', label: 'Lokaal team' }, { id: 'gemeente', label: 'Gemeente' }],
    scales: [{ id: 'voldoet', label: 'Voldoet', levels: [{ value: 'voldoet', label: 'Voldoet', score: 1 }, { value: 'deels', label: 'Deels', score: 0.5 }, { value: 'voldoet-niet', label: 'Voldoet niet', score: 0 }], allow: ['nvt', 'onbekend'] }],
    thresholds: { meets: 0.75, partly: 0.4 },
    themes: [],
  };
  for (let t = 1; t <= themes; t++) {
    const theme = { id: `T${t}`, title: `Thema ${t}`, description: `Beschrijving van thema ${t}.`, criteria: [] };
    for (let c = 1; c <= criteria; c++) {
      const id = `B-${t}-${String(c).padStart(2, '0')}`;
      const qs = [];
      for (let q = 0; q < questions; q++) {
        const qid = `${id}${'abcdefgh'[q]}`;
        if (q === 0) qs.push({ id: qid, text: `Vraag ${qid}?`, type: 'scale', scale: 'voldoet' });
        else if (q === 1) qs.push({ id: qid, text: `Wat ontbreekt bij ${id}?`, type: 'multi', choices: [{ value: 'tijd', label: 'Tijd' }, { value: 'kennis', label: 'Kennis' }], when: { question: `${id}a`, in: ['deels', 'voldoet-niet'] } });
        else if (q === 2) qs.push({ id: qid, text: `Percentage bij ${id}?`, type: 'number', min: 0, max: 100, required: false });
        else qs.push({ id: qid, text: `Toelichting bij ${id}`, type: 'text', required: false, when: { question: `${id}a`, answered: true } });
      }
      theme.criteria.push({
        id,
        title: `Criterium ${id}`,
        description: `Hoe het eruitziet als ${id} goed is geregeld.`,
        guidance: 'Vraag naar een recente casus.',
        probes: ['Hoe gaat dat?', 'Wie doet dat?'],
        evidence: ['Werkinstructie', 'Dossiers'],
        weight: 1 + (c % 2),
        critical: c === 1,
        audience: c % 2 ? 'lokaal-team' : ['gemeente', 'lokaal-team'],
        references: [{ source: 'Benchmarkbron', section: `${t}.${c}` }],
        improvements: ['Leg de werkwijze vast.'],
        questions: qs,
      });
    }
    framework.themes.push(theme);
  }
  return framework;
}

export function session(framework, digest, n) {
  const answers = {};
  for (const theme of framework.themes) {
    for (const criterion of theme.criteria) {
      const level = pick(['voldoet', 'deels', 'voldoet-niet', 'nvt']);
      answers[criterion.questions[0].id] = { value: level, respondent: 'teamleider', at: '2026-11-20T10:00:00Z' };
      if (level === 'deels' || level === 'voldoet-niet') answers[criterion.questions[1].id] = { value: [pick(['tijd', 'kennis'])], at: '2026-11-20T10:00:00Z' };
      answers[criterion.questions[2].id] = { value: Math.floor(random() * 100), at: '2026-11-20T10:00:00Z' };
    }
  }
  return {
    kader: 1,
    kind: 'session',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    framework: { id: framework.id, version: framework.version, digest },
    context: { gemeente: `Gemeente ${n}`, date: '2026-11-20', interviewers: ['inspecteur'], respondents: [{ role: 'teamleider' }] },
    status: 'complete',
    answers,
    actions: [],
  };
}

/**
 * Dates quoted, as kader itself writes them: a YAML 1.1 reader (js-yaml in ajv-cli) would turn a
 * plain 2026-11-20 into a Date and the peers would report every file invalid, doing other work.
 */
const quoteDates = (text) => text.replace(/: (\d{4}-\d{2}-\d{2}(T[\d:]+Z)?)$/gm, ': "$1"');

const sessionText = (framework, digest, n) =>
  `# yaml-language-server: $schema=../../../schemas/session.schema.json\n${quoteDates(stringify(session(framework, digest, n), { lineWidth: 0 }))}`;

/**
 * The framework (groot.yaml), the same with one comment added (gewijzigd.yaml: every session
 * then has a drift warning) and `sessions` sessions in sessies/. `incomplete` sessions with
 * their first answer removed go to onaf/ (each gets an "incomplete" error).
 */
export function generate(dir, { sessions = 1000, incomplete = 0 } = {}) {
  // Only what this makes: the large batches (generateBatch) stay for the next run.
  for (const made of ['sessies', 'onaf']) rmSync(join(dir, made), { recursive: true, force: true });
  mkdirSync(join(dir, 'sessies'), { recursive: true });
  const framework = largeFramework();
  const text = `# yaml-language-server: $schema=../../schemas/framework.schema.json\n${quoteDates(stringify(framework, { lineWidth: 0 }))}`;
  writeFileSync(join(dir, 'groot.yaml'), text);
  writeFileSync(join(dir, 'gewijzigd.yaml'), `${text}# tweak\n`);
  const digest = `sha256-${createHash('sha256').update(text).digest('hex')}`;
  for (let n = 1; n <= sessions; n++) {
    writeFileSync(join(dir, 'sessies', `sessie-${String(n).padStart(4, '0')}.yaml`), sessionText(framework, digest, n));
  }
  if (incomplete > 0) mkdirSync(join(dir, 'onaf'));
  for (let n = 1; n <= incomplete; n++) {
    const text = sessionText(framework, digest, n).replace(/^  B-1-01a:\n(    .*\n)+/m, '');
    writeFileSync(join(dir, 'onaf', `sessie-${String(n).padStart(4, '0')}.yaml`), text);
  }
  return { frameworkPath: join(dir, 'groot.yaml'), driftPath: join(dir, 'gewijzigd.yaml'), lines: text.split('\n').length };
}

/**
 * The text `sessionText` makes, written directly: stringify takes ~4 ms a session, too slow for
 * 50,000. generateBatch checks the two agree on the first sessions before it writes any.
 */
function directText(framework, digest, n) {
  const s = session(framework, digest, n);
  const out = ['# yaml-language-server: $schema=../../../schemas/session.schema.json', 'kader: 1', 'kind: session', `id: ${s.id}`, 'framework:', `  id: ${s.framework.id}`, `  version: "${s.framework.version}"`, `  digest: ${digest}`,
    'context:', `  gemeente: ${s.context.gemeente}`, `  date: "${s.context.date}"`, '  interviewers:', '    - inspecteur', '  respondents:', '    - role: teamleider', 'status: complete', 'answers:'];
  for (const [id, answer] of Object.entries(s.answers)) {
    out.push(`  ${id}:`);
    if (Array.isArray(answer.value)) out.push('    value:', ...answer.value.map((v) => `      - ${v}`));
    else out.push(`    value: ${answer.value}`);
    if (answer.respondent) out.push(`    respondent: ${answer.respondent}`);
    out.push(`    at: "${answer.at}"`);
  }
  out.push('actions: []', '');
  return out.join('\n');
}

/**
 * `count` sessions for the large scenarios, in two folders of half each (a/ and b/), so that
 * one process can take the whole folder and two processes a half each. The text is made once
 * per session number and reused between sizes.
 */
export function generateBatch(dir, frameworkPath, count) {
  const target = join(dir, `n${count}`);
  const framework = largeFramework();
  const digest = `sha256-${createHash('sha256').update(readFileSync(frameworkPath)).digest('hex')}`;
  // Made before for the same framework: reused (50,000 files take a while to write).
  if (existsSync(join(target, 'klaar')) && readFileSync(join(target, 'klaar'), 'utf8') === digest) return target;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'a'), { recursive: true });
  mkdirSync(join(target, 'b'));
  for (let n = 1; n <= 20; n++) {
    seed = n;
    const slow = sessionText(framework, digest, n);
    seed = n;
    if (directText(framework, digest, n) !== slow) throw new Error(`bench/generate.mjs: directText differs from stringify for session ${n}`);
  }
  seed = 7;
  for (let n = 1; n <= count; n++) {
    writeFileSync(join(target, n <= count / 2 ? 'a' : 'b', `sessie-${String(n).padStart(5, '0')}.yaml`), directText(framework, digest, n));
  }
  writeFileSync(join(target, 'klaar'), digest);
  return target;
}

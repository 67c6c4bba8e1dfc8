// Regenerate examples/ from the code: two measurements of a fictitious gemeente (sessions),
// and the verbeterplan of the latest one against the first, as Markdown and HTML; and a
// fictitious region of five gemeenten (examples/regio/) with its overview (kader aggregate).
// And the questionnaire (kader form) as sent to Voorbeeldgemeente, and as it came back filled in.
// Deterministic (fixed ids and times), so test/report.test.ts and test/form.test.ts can compare byte for byte.
// Run after a build: npm run examples
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { validateFrameworkText } from '../dist/framework/validate.js';
import { messages } from '../dist/i18n/index.js';
import { activeQuestions, settle } from '../dist/session/state.js';
import { questionsOf } from '../dist/framework/types.js';
import { buildAggregate, measure } from '../dist/report/aggregate.js';
import { buildReport } from '../dist/report/model.js';
import { renderAggregate, renderReport } from '../dist/report/render.js';
import { frameworkDigest } from '../dist/framework/digest.js';
import { SessionFile, sessionModeline } from '../dist/session/file.js';
import { buildFormModel } from '../dist/form/model.js';
import { writeForm } from '../dist/form/write.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const msgs = messages('nl');
const FRAMEWORK = join(root, 'frameworks', 'werken-aan-veiligheid.yaml');
/** A new session file whose $schema line points at the repository's schemas/, as kader interview writes it. */
const newSession = (path, session) => SessionFile.create(path, session, msgs, sessionModeline(path, join(root, 'schemas', 'session.schema.json')));

/** One step worse on the voldoet scale: how the gemeente stood a year before. */
const WORSE = { voldoet: 'deels', deels: 'voldoet-niet', 'voldoet-niet': 'voldoet-niet' };
const BETTER = { 'voldoet-niet': 'deels', deels: 'voldoet', voldoet: 'voldoet' };

/** The other gemeenten of the fictitious region: names no real gemeente has. */
const REGION = ['Proefdorp', 'Modelstad', 'Oefenhaven', 'Schetswoude'];

function makeSession(framework, digest, { id, date, answers, actions, gemeente = 'Voorbeeldgemeente', team = 'Sociaal wijkteam Centrum' }) {
  const at = `${date}T10:00:00Z`;
  const session = {
    kader: 1,
    kind: 'session',
    id,
    framework: { id: framework.id, version: framework.version, digest },
    context: {
      gemeente,
      team,
      regio: 'Regio Voorbeeld',
      date,
      interviewers: ['beleidsmedewerker veiligheid'],
      respondents: [{ role: 'teamleider' }, { role: 'aandachtsfunctionaris' }],
    },
    status: 'in-progress',
    answers: Object.fromEntries(Object.entries(answers).map(([q, value]) => [q, { value, respondent: 'teamleider', at }])),
    actions,
  };
  settle(framework, session);
  return session;
}

/** Answer follow-ups that the worse answers open up, so the earlier measurement is complete too. */
function fillFollowUps(framework, answers) {
  const filled = { ...answers };
  for (const { question } of questionsOf(framework)) {
    if (filled[question.id] !== undefined || question.required === false) continue;
    if (!activeQuestions(framework, Object.fromEntries(Object.entries(filled).map(([q, value]) => [q, { value, at: '' }]))).has(question.id)) continue;
    if (question.type === 'multi') filled[question.id] = [question.choices[0].value];
    else if (question.type === 'choice') filled[question.id] = question.choices[0].value;
    else if (question.type === 'boolean') filled[question.id] = false;
    else if (question.type === 'number') filled[question.id] = question.min ?? 0;
    else if (question.type === 'date') filled[question.id] = '2025-01-01';
    else filled[question.id] = 'Nog niet besproken in het team.';
  }
  return filled;
}

export function generateExamples() {
  const frameworkText = readFileSync(FRAMEWORK, 'utf8');
  const framework = validateFrameworkText('werken-aan-veiligheid.yaml', frameworkText, msgs).framework;
  const digest = frameworkDigest(readFileSync(FRAMEWORK));
  const answers = parse(readFileSync(join(root, 'examples', 'voorbeeld-antwoorden.yaml'), 'utf8'));
  const { actions } = parse(readFileSync(join(root, 'examples', 'voorbeeld-acties.yaml'), 'utf8'));
  const earlier = fillFollowUps(framework, Object.fromEntries(Object.entries(answers).map(([q, v]) => [q, WORSE[v] ?? v])));

  const baseline = makeSession(framework, digest, {
    id: '6f1e2a4c-0000-4000-8000-000000002025',
    date: '2025-11-18',
    answers: earlier,
    actions: [{ ...actions[1], status: 'open', due: '2026-06-01' }],
  });
  const latest = makeSession(framework, digest, { id: '6f1e2a4c-0000-4000-8000-000000002026', date: '2026-11-20', answers, actions });
  const files = {};
  const sessionPath = (name) => join(root, 'examples', name);
  for (const [name, session] of [
    ['voorbeeldgemeente-2025.yaml', baseline],
    ['voorbeeldgemeente-werken-aan-veiligheid.yaml', latest],
  ]) {
    files[`examples/${name}`] = newSession(sessionPath(name), session).text();
  }
  const model = buildReport({
    framework,
    session: latest,
    digest,
    baseline,
    words: { yes: msgs.report.yes, no: msgs.report.no, special: msgs.interview.special },
  });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  for (const format of ['md', 'html']) {
    files[`examples/verbeterplan-voorbeeldgemeente.${format}`] = renderReport(model, format, { lang: 'nl', msgs, version });
  }

  // The region: Voorbeeldgemeente and four others whose answers differ from it by a fixed
  // pattern (a step better or worse per question); Schetswoude has not finished its zelfscan.
  const region = [['voorbeeldgemeente', latest]];
  REGION.forEach((gemeente, k) => {
    const shifted = Object.fromEntries(
      Object.entries(answers).map(([q, v], i) => [q, [WORSE, BETTER, WORSE][(i * 7 + k * 3) % 5]?.[v] ?? v]),
    );
    const own = fillFollowUps(framework, shifted);
    if (gemeente === 'Schetswoude') for (const q of Object.keys(own)) if (q.startsWith('WAV-M')) delete own[q];
    const id = `6f1e2a4c-0000-4000-8000-00000000010${k}`;
    region.push([gemeente.toLowerCase(), makeSession(framework, digest, { id, date: '2026-11-20', answers: own, actions: [], gemeente, team: 'Lokaal team' })]);
  });
  for (const [name, session] of region) {
    files[`examples/regio/${name}.yaml`] = newSession(join(root, 'examples', 'regio', `${name}.yaml`), session).text();
  }
  const overview = buildAggregate(
    framework,
    region.map(([name, session]) => measure(framework, { file: `examples/regio/${name}.yaml`, session })),
  );
  for (const format of ['md', 'html']) files[`examples/regio-overzicht.${format}`] = renderAggregate(overview, format, { lang: 'nl', msgs, version });

  // One fictitious session per other framework, so that each bundled framework has an example
  // that kader check accepts. Answers follow a fixed pattern over the scale levels.
  for (const [name, k] of OTHERS) {
    const path = join(root, 'frameworks', `${name}.yaml`);
    const other = validateFrameworkText(`${name}.yaml`, readFileSync(path, 'utf8'), msgs).framework;
    const own = patternAnswers(other, k);
    const session = makeSession(other, frameworkDigest(readFileSync(path)), {
      id: `6f1e2a4c-0000-4000-8000-00000000020${k}`,
      date: '2026-11-20',
      answers: own,
      actions: [],
      team: name === 'veilig-thuis' ? 'Veilig Thuis Regio Voorbeeld' : 'Sociaal wijkteam Centrum',
    });
    files[`examples/voorbeeld-${name}.yaml`] = newSession(join(root, 'examples', `voorbeeld-${name}.yaml`), session).text();
  }
  return files;
}

/** The bundled frameworks besides werken-aan-veiligheid, each with a fixed seed for its pattern. */
const OTHERS = [['meldcode-en-radarfunctie', 1], ['clientperspectief', 2], ['veilig-thuis', 3], ['tsd-lokaal-netwerk', 4], ['veiligheid-voorop', 5], ['samenwerkingsafspraken', 6]];

/** Answer every asked question: scale levels by a fixed pattern, the other types with a plain value. */
function patternAnswers(framework, k) {
  const answers = {};
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  let i = 0;
  for (const { question } of questionsOf(framework)) {
    const asked = activeQuestions(framework, Object.fromEntries(Object.entries(answers).map(([q, value]) => [q, { value, at: '' }])));
    if (!asked.has(question.id)) continue;
    i++;
    if (question.type === 'scale') {
      const levels = scales.get(question.scale).levels;
      answers[question.id] = levels[[0, 1, 0, 2, 1][(i + k) % 5] % levels.length].value;
    } else if (question.type === 'boolean') answers[question.id] = true;
    else if (question.type === 'choice') answers[question.id] = question.choices[(i + k) % question.choices.length].value;
    else if (question.type === 'multi') answers[question.id] = [question.choices[0].value];
    else if (question.type === 'number') answers[question.id] = Math.min(question.max ?? 10, question.count ? answers[question.count.of] ?? 0 : 10, 3 + ((i + k) % 4));
    else if (question.type === 'date') answers[question.id] = '2026-09-15';
    else if (question.required !== false) answers[question.id] = 'Besproken in het gesprek; zie de notities.';
  }
  return answers;
}

/**
 * The questionnaire sent to the wijkteam of Voorbeeldgemeente, and the one that came back: the
 * answers of the latest measurement, with team, role and date filled in. Written by kader's own
 * writer (a test fills forms with another library); the workbook's date is fixed.
 */
export async function generateFormExamples() {
  const frameworkText = readFileSync(FRAMEWORK, 'utf8');
  const framework = validateFrameworkText('werken-aan-veiligheid.yaml', frameworkText, msgs).framework;
  const digest = frameworkDigest(readFileSync(FRAMEWORK));
  const created = new Date('2026-11-16T09:00:00Z');
  const base = { digest, lang: 'nl', gemeente: 'Voorbeeldgemeente', respondent: 'wijkteammedewerker' };
  const sent = buildFormModel(framework, base, msgs);
  const latest = parse(readFileSync(join(root, 'examples', 'voorbeeldgemeente-werken-aan-veiligheid.yaml'), 'utf8'));
  const returned = buildFormModel(framework, { ...base, prefill: latest }, msgs);
  // The respondent's own details, and no "review round" line: this one came back, it was not sent filled.
  for (const field of returned.context) if (field.key === 'date') field.value = '2026-11-20';
  returned.cover.at(-1).text = msgs.form.noOthers;
  return {
    'examples/vragenlijst-voorbeeldgemeente.xlsx': await writeForm(sent, msgs, created),
    'examples/vragenlijst-voorbeeldgemeente-ingevuld.xlsx': await writeForm(returned, msgs, created),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, content] of Object.entries({ ...generateExamples(), ...(await generateFormExamples()) })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    console.log(`geschreven: ${path}`);
  }
}

// Child process for the kill test: walks a whole framework with a scripted prompter and the
// real session file code, printing "saved <id>" after each save returns. The parent kills it
// with SIGKILL at a random moment and checks the file on disk.
import { writeSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { validateFrameworkText } from '../../dist/framework/validate.js';
import { selectQuestions, runInterview } from '../../dist/interview/engine.js';
import { frameworkDigest } from '../../dist/framework/digest.js';
import { SessionFile } from '../../dist/session/file.js';
import { messages } from '../../dist/i18n/index.js';

const [frameworkPath, sessionPath] = process.argv.slice(2);
const msgs = messages('nl');
const text = readFileSync(frameworkPath, 'utf8');
const framework = validateFrameworkText(frameworkPath, text, msgs).framework;
const session = {
  kader: 1,
  kind: 'session',
  id: '00000000-0000-4000-8000-000000000001',
  framework: { id: framework.id, version: framework.version, digest: frameworkDigest(readFileSync(frameworkPath)) },
  context: { gemeente: 'Testdorp', date: '2026-11-23' },
  status: 'in-progress',
  answers: {},
  actions: [],
};
const file = SessionFile.create(sessionPath, session, msgs);
file.save(session, framework);
writeSync(1, 'started\n');

const pick = (q) => {
  switch (q.type) {
    case 'scale': return framework.scales.find((s) => s.id === q.scale).levels[1].value;
    case 'choice': return q.choices[0].value;
    case 'multi': return [q.choices[0].value];
    case 'boolean': return true;
    case 'number': return q.min ?? 1;
    case 'date': return '2025-01-01';
    default: return 'Een toelichting met "aanhalingstekens", dubbele punt: en #hekje.';
  }
};
const prompter = {
  criterion() {},
  async ask(view) {
    await new Promise((r) => setImmediate(r));
    return { kind: 'answer', value: pick(view.place.question) };
  },
  async details() {
    return { note: 'notitie: "met" tekens' };
  },
  invalid() {
    throw new Error('invalid value in the kill test script');
  },
};
await runInterview({
  framework,
  session,
  plan: selectQuestions(framework),
  prompter,
  now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  save(s) {
    file.save(s, framework);
    const last = Object.keys(s.answers).at(-1);
    writeSync(1, `saved ${last}\n`);
  },
});
writeSync(1, 'done\n');

// Interview step latency: answer → autosave (atomic write with fsync) → next prompt ready,
// for a session of about 300 questions. Run in-process with the real engine and session file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The engine's buildPlan is selectQuestions since #19.
import { runInterview, selectQuestions as buildPlan } from '../dist/interview/engine.js';
import { settle } from '../dist/session/state.js';
import { messages } from '../dist/i18n/index.js';
import { SessionFile } from '../dist/session/file.js';
import { largeFramework } from './generate.mjs';

export async function interviewStep() {
  const framework = largeFramework({ themes: 8, criteria: 10, questions: 4 }); // 320 questions
  const dir = mkdtempSync(join(tmpdir(), 'kader-bench-'));
  const session = {
    kader: 1, kind: 'session', id: '00000000-0000-4000-8000-000000000001',
    framework: { id: framework.id, version: framework.version, digest: `sha256-${'0'.repeat(64)}` },
    context: { gemeente: 'Bench', date: '2026-11-20' }, status: 'in-progress', answers: {}, actions: [],
  };
  const file = SessionFile.create(join(dir, 's.yaml'), session, messages('nl'));
  const steps = [];
  let mark = 0;
  const value = (q) => (q.type === 'scale' ? 'deels' : q.type === 'multi' ? ['tijd'] : q.type === 'number' ? 50 : 'toelichting');
  await runInterview({
    framework, session, plan: buildPlan(framework), now: () => '2026-11-20T10:00:00Z',
    save(s) { file.save(s, framework); },
    prompter: {
      criterion() {},
      async ask(view) { if (mark) steps.push(performance.now() - mark); return { kind: 'answer', value: value(view.place.question) }; },
      async details() { mark = performance.now(); return { note: 'notitie' }; },
      invalid() { throw new Error('invalid'); },
    },
  });
  rmSync(dir, { recursive: true, force: true });
  steps.sort((a, b) => a - b);
  const at = (p) => steps[Math.min(steps.length - 1, Math.floor((p / 100) * steps.length))];
  return { questions: buildPlan(framework).length, steps: steps.length, p50: at(50), p99: at(99), max: steps.at(-1) };
}

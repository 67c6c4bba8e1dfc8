/**
 * Fixture generator: sessions of several gemeenten for a framework, deterministic from a seed,
 * so tests of aggregate, merge, compare and migrate write their inputs instead of copying
 * hand-made files. Every generated session passes `kader check` unless asked otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { evaluateCondition } from '../../src/framework/condition.js';
import { indexOf, type Framework, type Question } from '../../src/framework/types.js';
import { validateFrameworkFile } from '../../src/framework/validate.js';
import { nl } from '../../src/i18n/nl.js';
import { frameworkDigest } from '../../src/framework/digest.js';
import type { Answer, Session, StoredValue } from '../../src/session/types.js';

export interface LoadedFramework {
  framework: Framework;
  digest: string;
}

export function loadFramework(path: string): LoadedFramework {
  const { framework } = validateFrameworkFile(path, path, nl);
  if (!framework) throw new Error(`${path} is not a valid framework`);
  return { framework, digest: frameworkDigest(readFileSync(path)) };
}

/** A small linear congruential generator: the same seed gives the same sessions everywhere. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

export interface GenerateOptions {
  gemeente: string;
  date?: string;
  seed?: number;
  /** Role of the respondent, stored in the context and on every answer. */
  respondent?: string;
  /** 0..1: how good this gemeente is; 1 answers the best level everywhere. */
  quality?: number;
  /** Leave this share (0..1) of the criteria unanswered: an incomplete session. */
  unanswered?: number;
  /** Fixed answers by question id (after the generated ones, so they win). */
  fixed?: Record<string, StoredValue>;
}

function valueFor(question: Question, framework: Framework, random: () => number, quality: number): StoredValue {
  switch (question.type) {
    case 'scale': {
      const levels = framework.scales.find((s) => s.id === question.scale)!.levels;
      // Levels run best → worst; a better gemeente lands nearer the top.
      const index = Math.min(levels.length - 1, Math.floor((1 - quality) * levels.length + (random() - 0.5) * 1.5));
      return levels[Math.max(0, index)]!.value;
    }
    case 'choice':
      return question.choices![Math.floor(random() * question.choices!.length)]!.value;
    case 'multi':
      return [question.choices![0]!.value];
    case 'boolean':
      return random() < quality;
    case 'number':
      return Math.round((question.min ?? 0) + random() * ((question.max ?? 100) - (question.min ?? 0)));
    case 'date':
      return '2025-06-01';
    default:
      return 'De werkwijze is beschreven en wordt gevolgd.';
  }
}

export function generateSession({ framework, digest }: LoadedFramework, options: GenerateOptions): Session {
  const random = seeded(options.seed ?? options.gemeente.length * 7919);
  const quality = options.quality ?? 0.6;
  const at = `${options.date ?? '2026-11-20'}T10:00:00Z`;
  const skipped = new Set(framework.themes.flatMap((t) => t.criteria).filter(() => random() < (options.unanswered ?? 0)).map((c) => c.id));
  const answers: Record<string, Answer> = {};
  for (const { question, criterion } of indexOf(framework).places) {
    if (skipped.has(criterion.id)) continue;
    if (question.when && !evaluateCondition(question.when, (id) => answers[id]?.value)) continue;
    const fixed = options.fixed?.[question.id];
    const total = question.count && answers[question.count.of]?.value;
    // A count follows the quality like a scale answer (all or none of the files in order), and
    // never exceeds its total; one draw either way keeps the seeded sequence of the rest.
    const value = fixed ?? (typeof total === 'number' ? (random() < quality ? total : 0) : valueFor(question, framework, random, quality));
    answers[question.id] = {
      value,
      ...(options.respondent && { respondent: options.respondent }),
      at,
    };
  }
  return {
    kader: 1,
    kind: 'session',
    id: `00000000-0000-4000-8000-${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
    framework: { id: framework.id, version: framework.version, digest },
    context: {
      gemeente: options.gemeente,
      date: options.date ?? '2026-11-20',
      interviewers: ['inspecteur TSD'],
      ...(options.respondent && { respondents: [{ role: options.respondent }] }),
    },
    status: skipped.size === 0 ? 'complete' : 'in-progress',
    answers,
    actions: [],
  };
}

/** Write a session as a user's file would be (quoted dates, so YAML 1.1 readers keep strings). */
export function writeSession(dir: string, name: string, session: Session): string {
  const path = join(dir, name);
  writeFileSync(path, stringify(session, { defaultStringType: 'PLAIN', lineWidth: 0 }).replace(/: (\d{4}-\d{2}-\d{2}(T[\d:]+Z)?)$/gm, ': "$1"'));
  return path;
}

/**
 * Three interviews of Testdorp on the test framework (test/fixtures/frameworks/valid.yaml),
 * with beleid, wijkteam and Veilig Thuis: they agree on everything but TK-T1-01a (wijkteam
 * and Veilig Thuis also agree on its follow-up). Returns the file names, in `dir`.
 */
export function threeInterviews(dir: string, frameworkPath: string): string[] {
  const loaded = loadFramework(frameworkPath);
  const same = { 'TK-T2-01a': 'voldoet', 'TK-T2-01c': true, 'TK-T2-01e': 'wethouder' };
  return [
    ['beleid', 'voldoet'],
    ['wijkteam', 'deels'],
    ['veilig-thuis', 'voldoet-niet'],
  ].map(([role, level]) => {
    writeSession(dir, `testdorp-${role}.yaml`, generateSession(loaded, { gemeente: 'Testdorp', respondent: role, seed: 1, fixed: { ...same, 'TK-T1-01a': level! } }));
    return `testdorp-${role}.yaml`;
  });
}

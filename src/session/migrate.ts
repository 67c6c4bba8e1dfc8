/**
 * Carry a session made on an earlier framework version forward, with the framework's own
 * `migrations:` steps (old id → new id, a split into several, or dropped on purpose). Pure:
 * returns a new session and an account of what moved; the caller decides what to write.
 */
import { indexOf, type Framework } from '../framework/types.js';
import { settle } from './state.js';
import type { Session } from './types.js';

export interface MigrationResult {
  session: Session;
  /** The versions whose steps were applied, oldest first. */
  steps: string[];
  /** Answers moved to another id (split answers count once per target). */
  moved: number;
  /** Ids dropped on purpose by a step (`old: []`). */
  dropped: string[];
  /** Answers to ids the framework no longer has and no step accounts for. */
  unmapped: string[];
  /** New ids that two old answers landed on; the first (in file order) is kept. */
  collisions: string[];
}

/** Whether the session's version is the framework's, can be migrated, or neither. */
export function migrationPath(framework: Framework, version: string): 'current' | 'migratable' | 'none' {
  if (version === framework.version) return 'current';
  return (framework.migrations ?? []).some((m) => m.from === version) ? 'migratable' : 'none';
}

function targetsOf(map: Record<string, string | string[]>, id: string): string[] {
  const to = Object.hasOwn(map, id) ? map[id]! : id;
  return Array.isArray(to) ? to : [to];
}

/** Rename the keys of a record through one step; the first value to reach a key wins. */
function renameKeys<T>(record: Record<string, T> | undefined, map: Record<string, string | string[]>, result: MigrationResult): Record<string, T> | undefined {
  if (!record) return undefined;
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(record)) {
    const targets = targetsOf(map, id);
    if (targets.length === 0) result.dropped.push(id);
    for (const target of targets) {
      if (Object.hasOwn(out, target)) {
        result.collisions.push(target);
        continue;
      }
      if (target !== id) result.moved++;
      out[target] = structuredClone(value);
    }
  }
  return out;
}

/**
 * Apply every step from the session's version onwards. Only answers are counted in `moved`,
 * `dropped` and `unmapped`; judgements, perspectives and actions follow the same ids.
 */
export function migrateSession(framework: Framework, session: Session, digest: string): MigrationResult {
  const steps = framework.migrations ?? [];
  const start = steps.findIndex((m) => m.from === session.framework.version);
  const result: MigrationResult = { session: structuredClone(session), steps: [], moved: 0, dropped: [], unmapped: [], collisions: [] };
  if (start < 0) return result;
  const migrated = result.session;
  for (const step of steps.slice(start)) {
    result.steps.push(step.from);
    migrated.answers = renameKeys(migrated.answers, step.ids, result)!;
    // The rest follows the same ids, but is not counted: the account is about answers.
    const quiet: MigrationResult = { ...result, moved: 0, dropped: [], collisions: [] };
    if (migrated.judgements) migrated.judgements = renameKeys(migrated.judgements, step.ids, quiet);
    if (migrated.perspectives) migrated.perspectives = renameKeys(migrated.perspectives, step.ids, quiet);
    for (const action of migrated.actions ?? []) {
      // An action belongs to one criterion: after a split it goes with the first part.
      const [first] = targetsOf(step.ids, action.criterion);
      if (first !== undefined) action.criterion = first;
    }
  }
  const { questions } = indexOf(framework);
  result.unmapped = Object.keys(migrated.answers).filter((id) => !questions.has(id));
  migrated.framework = { id: framework.id, version: framework.version, digest };
  // The new version may ask what the old one did not, or skip what it asked: a session that
  // was complete is not complete when a new required question has no answer yet.
  settle(framework, migrated);
  return result;
}

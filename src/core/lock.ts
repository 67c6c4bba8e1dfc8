/**
 * A lock file beside a file that several kader processes may write (a session): held across
 * read-check-write, so the "changed on disk?" check and the rename cannot interleave with
 * another writer's. Made with O_EXCL, which is atomic on local file systems.
 *
 * A lock whose process is gone (SIGKILL, power loss) or that is older than LOCK_STALE_MS is
 * stale and broken, so it never blocks the next run for long. Breaking is itself guarded by a
 * second O_EXCL file, so two processes that both find the same stale lock cannot remove a
 * fresh lock that a third one has just taken.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sleepSync } from './files.js';

/** Far longer than any save (milliseconds); a lock this old belongs to a hung or dead writer. */
export const LOCK_STALE_MS = 30_000;
/** How long a writer waits for another writer's save to finish before it gives up. */
export const LOCK_WAIT_MS = 5_000;

export class LockBusy extends Error {
  constructor(readonly holder: string) {
    super(`locked by ${holder}`);
    this.name = 'LockBusy';
  }
}

export const lockPathOf = (target: string): string => join(dirname(target), `.${basename(target)}.lock`);

/** Create `path` exclusively with `content`; false when it exists already. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const unlinkQuietly = (path: string): void => {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
};

/** Remove the lock if it still holds exactly the stale content seen; one breaker at a time. */
function breakStale(lock: string, seen: string): void {
  const breaker = `${lock}.break`;
  // A breaker is held for microseconds; one left by a killed breaker is removed after a while.
  if (ageMs(breaker) > LOCK_STALE_MS / 10) unlinkQuietly(breaker);
  if (!createExclusive(breaker, String(process.pid))) return;
  try {
    if (readOrUndefined(lock) === seen) unlinkQuietly(lock);
  } finally {
    unlinkQuietly(breaker);
  }
}

/**
 * Run `work` while holding the lock for `target`. Waits up to LOCK_WAIT_MS for a live holder;
 * then throws LockBusy naming the holder's process id.
 */
export function withFileLock<T>(target: string, work: () => T): T {
  const lock = lockPathOf(target);
  const mine = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (createExclusive(lock, mine)) break;
    const seen = readOrUndefined(lock);
    if (seen === undefined) continue; // released between our attempt and the read
    const pid = Number(seen.split(' ')[0]);
    // An empty lock is one being written this instant (or left by a writer killed just then).
    const stale = seen === '' ? ageMs(lock) > 1000 : !alive(pid) || ageMs(lock) > LOCK_STALE_MS;
    if (stale) {
      breakStale(lock, seen);
      continue;
    }
    if (Date.now() > deadline) throw new LockBusy(String(pid));
    sleepSync(5 + Math.floor(Math.random() * 20));
  }
  try {
    return work();
  } finally {
    // Only our own lock is removed: if it was broken as stale meanwhile, someone else holds it.
    if (readOrUndefined(lock) === mine) unlinkQuietly(lock);
  }
}

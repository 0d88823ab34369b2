/**
 * One run at a time per results folder. `<dir>/.lock` names its owner (pid, host, start time,
 * command). It appears atomically, fully written (a hard link to a finished temporary file), so a
 * reader never sees half a lock. A lock whose process is dead on this host — a run killed with
 * `kill -9`, a crash, a power cut — is stale and taken over; one a live process holds is an error
 * naming that process (exit code 2), or, with `waitMs`, is waited for.
 *
 * Taking over is race-free between two newcomers: each renames the stale lock to a private name
 * first, and only the one that moved the very lock it judged stale deletes it; a fresh lock moved
 * by mistake is put back.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CchError } from '@cch-lab/core';
import { isProcessAlive } from './process-alive.js';

/** The lock's file name inside the results folder. */
export const RUN_LOCK_FILE = '.lock';

/** What a lock file says about its owner. */
export interface RunLockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** The command line that took it, when known. */
  command?: string;
  /** Random, so an owner recognises its own lock. */
  token: string;
}

export interface RunLock {
  /** The folder the lock guards. */
  dir: string;
  /** The lock file. */
  file: string;
  /** Removes the lock if it is still this owner's (idempotent). The folder stays (a waiting run may be about to lock it). */
  release(): void;
}

export interface AcquireRunLockOptions {
  /** Recorded in the lock, so the error another run prints says what holds it. */
  command?: string;
  /** How long to wait for a live owner to finish before failing. Default 0: fail at once. */
  waitMs?: number;
  /** How often to look again while waiting. Default 200 ms. */
  pollMs?: number;
  /** The lock file's name in `dir`. Default RUN_LOCK_FILE. */
  fileName?: string;
}

/** A lock file younger than this that cannot be parsed is being written by hand (or by a fallback writer): look again. */
const UNREADABLE_GRACE_MS = 5_000;

/**
 * Takes the lock of `dir` (creating the folder).
 * @throws CchError 'EUSAGE' naming the live owner's pid when another run holds it (after `waitMs`).
 */
export async function acquireRunLock(dir: string, options: AcquireRunLockOptions = {}): Promise<RunLock> {
  const file = path.join(dir, options.fileName ?? RUN_LOCK_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CchError('EWRITE', `${dir}: cannot create the results folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      details: { file: dir },
      cause: error,
    });
  }
  const owner: RunLockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    ...(options.command !== undefined ? { command: options.command } : {}),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let spins = 0; // attempts that did not wait: bounded, so a lock that cannot be replaced is an error, not a hang
  for (;;) {
    if (++spins > 1_000) throw new CchError('EWRITE', `${file}: cannot take the lock (it keeps changing or cannot be replaced)`, { details: { file } });
    if (tryCreate(file, owner)) return handle(dir, file, owner.token);
    const holder = readOwner(file);
    if (holder === 'missing') continue; // released between our attempt and our look
    if (holder === 'unreadable') {
      if (ageMs(file) > UNREADABLE_GRACE_MS) takeOver(file, undefined);
      else {
        spins = 0;
        await sleep(50);
      }
      continue;
    }
    if (isStale(holder)) {
      takeOver(file, holder.token);
      continue;
    }
    if (Date.now() >= deadline) throw heldError(dir, file, holder);
    spins = 0;
    await sleep(options.pollMs ?? 200);
  }
}

/** Reads a lock file's owner. */
export function readRunLockOwner(file: string): RunLockOwner | undefined {
  const owner = readOwner(file);
  return typeof owner === 'string' ? undefined : owner;
}

function handle(dir: string, file: string, token: string): RunLock {
  let released = false;
  return {
    dir,
    file,
    release() {
      if (released) return;
      released = true;
      const holder = readOwner(file);
      if (typeof holder !== 'string' && holder.token === token) removeQuietly(file);
    },
  };
}

/** Creates the lock file with its full content, or returns false when one exists. */
function tryCreate(file: string, owner: RunLockOwner): boolean {
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  const tmp = path.join(path.dirname(file), `${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: exclusive create, then write (readers allow for a young unreadable lock).
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    removeQuietly(tmp);
  }
}

function readOwner(file: string): RunLockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<RunLockOwner>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string' || typeof value.host !== 'string') return 'unreadable';
    return value as RunLockOwner;
  } catch {
    return 'unreadable';
  }
}

/**
 * Dead on this host, or this very pid reused by this process (a container's pid 1 rerun after a
 * kill): a lock taken before this process started is not its own. A lock from another host (a
 * shared drive) cannot be checked, so it counts as live.
 */
function isStale(owner: RunLockOwner): boolean {
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return Date.parse(owner.startedAt) < Date.now() - process.uptime() * 1000 - 1_000;
  return !isProcessAlive(owner.pid);
}

/** Removes the lock judged stale (token `expected`; undefined: the unreadable one), and nothing else. */
function takeOver(file: string, expected: string | undefined): void {
  const aside = `${path.join(path.dirname(file), path.basename(file))}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else moved it first; look again
  }
  const moved = readOwner(aside);
  const same = typeof moved === 'string' ? expected === undefined : moved.token === expected;
  if (!same) {
    // A newcomer's fresh lock replaced the stale one before our rename: put it back unless yet another appeared.
    try {
      linkSync(aside, file);
    } catch {
      // A lock exists again; it wins.
    }
  }
  removeQuietly(aside);
}

function heldError(dir: string, file: string, holder: RunLockOwner): CchError {
  const where = holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
  return new CchError('EUSAGE', `another run holds ${dir} (${where}, since ${holder.startedAt}${holder.command ? `: ${holder.command}` : ''})`, {
    details: { file, received: String(holder.pid) },
    hint: `wait for it to finish or pass another --reports folder; if no such run is going, delete ${file}`,
  });
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

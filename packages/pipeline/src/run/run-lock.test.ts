import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from './process-alive.js';
import { removeOrphanTempFiles } from './orphan-temp-files.js';
import { RUN_LOCK_FILE, acquireRunLock, readRunLockOwner } from './run-lock.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-lock-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

function writeLock(dir: string, pid: number, token = 'feedfacefeedface'): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, RUN_LOCK_FILE), JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-01-01T00:00:00.000Z', command: 'cch run x.yaml', token }));
}

describe('pipeline/run/run-lock', () => {
  it('holds the folder with this pid, refuses a second owner naming it, and releases', async () => {
    const dir = path.join(tempDir(), 'synthetic');
    const lock = await acquireRunLock(dir, { command: 'cch run a.yaml' });
    expect(readRunLockOwner(lock.file)).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'cch run a.yaml' });
    await expect(acquireRunLock(dir)).rejects.toThrow(new RegExp(`another run holds .*synthetic \\(pid ${process.pid}, since .*: cch run a\\.yaml\\)`));
    await expect(acquireRunLock(dir)).rejects.toMatchObject({ code: 'EUSAGE' });
    writeFileSync(path.join(dir, 'results.json'), '{}');
    lock.release();
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    const again = await acquireRunLock(dir);
    again.release();
  });

  it('takes over the lock of a dead process (a run killed with kill -9)', async () => {
    const dir = tempDir();
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    writeLock(dir, pid);
    const lock = await acquireRunLock(dir);
    expect(readRunLockOwner(lock.file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock of this very pid written before this process started (a container rerun as pid 1)', async () => {
    const dir = tempDir();
    writeLock(dir, process.pid); // startedAt 2025-01-01, before this process
    const lock = await acquireRunLock(dir);
    expect(readRunLockOwner(lock.file)?.token).not.toBe('feedfacefeedface');
    lock.release();
  });

  it('waits for a live owner when asked, and gets the lock once it is released', async () => {
    const dir = tempDir();
    const first = await acquireRunLock(dir);
    setTimeout(() => first.release(), 150);
    const second = await acquireRunLock(dir, { waitMs: 5_000, pollMs: 20 });
    expect(readRunLockOwner(second.file)?.pid).toBe(process.pid);
    second.release();
  });

  it('lets exactly one of many simultaneous newcomers take over a stale lock', async () => {
    const dir = tempDir();
    writeLock(dir, deadPid());
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => acquireRunLock(dir)));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/another run holds/);
    (won[0] as PromiseFulfilledResult<{ release(): void }>).value.release();
    expect(readdirSync(dir).filter((f) => f.startsWith('.lock'))).toEqual([]);
  });

  it('removes the temporary files of dead writers only', () => {
    const dir = tempDir();
    const dead = `.abc.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.abc.json.${process.pid}.0123456789ab.tmp`;
    for (const f of [dead, live, 'abc.json']) writeFileSync(path.join(dir, f), '{"tr');
    expect(removeOrphanTempFiles(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([live, 'abc.json'].sort());
    expect(removeOrphanTempFiles(path.join(dir, 'missing'))).toBe(0);
  });
});

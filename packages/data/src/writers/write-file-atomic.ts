/**
 * Atomic file writes: the content goes to a temporary file in the target's directory, is flushed
 * to disk (fsync), and is renamed over the target. Readers see the old file or the new one, never a
 * half-written one; a failure (including one thrown while the content is being produced) removes
 * the temporary file and leaves any previous file untouched.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CchError } from '@cch-lab/core';

/** Content to write: one string / byte block, or chunks produced one at a time (so large files never sit in one string). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/**
 * Writes `content` to `file` atomically, creating missing parent directories. Strings are UTF-8.
 *
 * @throws CchError (code 'EWRITE', naming the file) when the directory cannot be created or the
 *   write, flush or rename fails; errors thrown by a chunk generator propagate unchanged. In every
 *   case the temporary file is removed and the previous `file` is left as it was.
 */
export function writeFileAtomic(file: string, content: FileContent): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(file, `cannot create the directory ${dir}`, error);
  }
  // Same directory as the target so the rename never crosses file systems; random so parallel writers never collide.
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let stage = 'open a temporary file in';
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    stage = 'write';
    const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    for (const chunk of chunks) writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    stage = 'flush';
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    stage = 'rename the temporary file onto';
    fs.renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tmp);
    if (error instanceof CchError || !isSystemError(error)) throw error;
    throw writeError(file, `cannot ${stage} ${stage === 'write' || stage === 'flush' ? 'the file' : 'the target'}`, error);
  }
  syncDirectory(dir);
}

/** UTF-8 text, written atomically (see writeFileAtomic). */
export function writeTextAtomic(file: string, text: string): void {
  writeFileAtomic(file, text);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) offset += fs.writeSync(fd, bytes, offset, bytes.byteLength - offset);
}

/** Makes the rename itself durable. Some platforms cannot open or fsync a directory; that only weakens durability, so it is ignored. */
function syncDirectory(dir: string): void {
  if (os.platform() === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Durability is best effort here; atomicity is already guaranteed by the rename.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already failing; the original error is the one to report.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // It may never have been created.
  }
}

/** Duck-typed: errors from node:fs may come from another realm (e.g. under jest), where instanceof Error fails. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}

function writeError(file: string, what: string, error: unknown): CchError {
  const code = isSystemError(error) ? error.code : undefined;
  return new CchError('EWRITE', `${file}: ${what} (${code ?? String(error)})`, {
    details: { file, received: code },
    hint: code === 'ENOSPC' ? 'free some disk space' : 'check that the directory is writable and the path is not a directory',
    cause: error,
  });
}

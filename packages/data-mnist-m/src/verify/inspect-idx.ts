/**
 * A non-throwing look at one IDX file for verifyMnist: header, shape and data length checked
 * against what the header promises, every problem with its byte offset (offsets count bytes of
 * the decompressed stream for .gz files). The wording follows data's readIdx, which loading uses.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '@cch-lab/data';
import { DIGIT_CLASSES } from '../types.js';
import type { IdxRole } from '../digits/mnist-idx-files.js';

/** One thing wrong with a file, and where. */
export interface MnistVerifyProblem {
  /** The file at fault (absolute); absent for folder-level problems. */
  file?: string;
  /** Byte offset of the problem (in the decompressed stream for .gz files). */
  offset?: number;
  message: string;
}

export interface IdxInspection {
  file: string;
  role: IdxRole;
  gzip: boolean;
  /** Size of the (decompressed) stream in bytes; undefined when a gzip stream cannot be read. */
  bytes?: number;
  magic?: number;
  /** The dimensions in the header, e.g. [60000, 28, 28]. */
  shape?: number[];
  /** Labels only: count per label value 0..9, when every label is in range. */
  classCounts?: number[];
  /** Labels only: smallest and largest label. */
  labelRange?: [number, number];
  problems: MnistVerifyProblem[];
}

const EXPECTED_MAGIC: Record<IdxRole, number> = { images: IDX_IMAGES_MAGIC, labels: IDX_LABELS_MAGIC };
const EXPECTED_DIMS: Record<IdxRole, number> = { images: 3, labels: 1 };

export function inspectIdx(file: string, role: IdxRole): IdxInspection {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    // A folder or an unreadable file under the expected name: a problem of the folder, not a crash.
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { file, role, gzip: false, problems: [{ file, message: `cannot read IDX file (${code})${code === 'EISDIR' ? ': it is a folder' : ''}` }] };
  }
  const gzip = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const out: IdxInspection = { file, role, gzip, problems: [] };
  const problem = (offset: number | undefined, message: string): IdxInspection => {
    out.problems.push({ file, offset, message });
    return out;
  };
  let bytes: Buffer = raw;
  if (gzip) {
    try {
      bytes = zlib.gunzipSync(raw);
    } catch (error) {
      return problem(raw.length, `corrupt or truncated gzip stream (${(error as Error).message}); the compressed file is ${raw.length} bytes — fetch it again`);
    }
  }
  out.bytes = bytes.length;
  if (bytes.length < 4) return problem(bytes.length, `truncated IDX file: the 4-byte magic number needs 4 bytes but the file has ${bytes.length}`);
  const magic = bytes.readUInt32BE(0);
  out.magic = magic;
  const expected = EXPECTED_MAGIC[role];
  if (magic !== expected) {
    const what = magic === EXPECTED_MAGIC[role === 'images' ? 'labels' : 'images'] ? ` (the magic of a ${role === 'images' ? 'label' : 'image'} file: are the two swapped?)` : '';
    return problem(0, `expected ${role === 'images' ? 'an image' : 'a label'} IDX file (magic ${expected}) but found magic ${magic} (0x${magic.toString(16).padStart(8, '0')})${what}`);
  }
  const ndims = EXPECTED_DIMS[role];
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) return problem(bytes.length, `truncated IDX file: a header of ${ndims} dimensions needs ${headerBytes} bytes but the file has ${bytes.length}`);
  const shape = Array.from({ length: ndims }, (_, k) => bytes.readUInt32BE(4 + 4 * k));
  out.shape = shape;
  const count = shape.reduce((a, b) => a * b, 1);
  const available = bytes.length - headerBytes;
  if (available < count) {
    return problem(
      bytes.length,
      `truncated IDX file: shape [${shape.join(', ')}] needs ${headerBytes + count} bytes but the file ends at byte offset ${bytes.length} (${headerBytes + count - bytes.length} bytes missing)`,
    );
  }
  if (available > count) {
    problem(headerBytes + count, `IDX file longer than its header says: shape [${shape.join(', ')}] ends at byte offset ${headerBytes + count} but the file has ${bytes.length} bytes`);
  }
  if (shape[0] === 0) problem(4, 'the header says the file holds no items');
  if (role === 'labels') {
    let min = 255;
    let max = 0;
    let firstBad = -1;
    let bad = 0;
    const counts = new Array<number>(DIGIT_CLASSES).fill(0);
    for (let i = 0; i < count; i++) {
      const v = bytes[headerBytes + i];
      if (v < min) min = v;
      if (v > max) max = v;
      if (v >= DIGIT_CLASSES) {
        bad++;
        if (firstBad < 0) firstBad = i;
      } else counts[v]++;
    }
    if (count > 0) out.labelRange = [min, max];
    if (bad > 0) problem(headerBytes + firstBad, `${bad} label(s) outside 0..9, the first ${bytes[headerBytes + firstBad]} (row ${firstBad + 1})`);
    else out.classCounts = counts;
    // loadMnistIdx refuses a single class (labels/check-classes.ts): say so here too.
    if (count > 0 && min === max) problem(headerBytes, `every one of the ${count} labels is ${min}; classification needs at least two classes`);
  }
  return out;
}

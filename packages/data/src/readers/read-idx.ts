/**
 * IDX files (LeCun's MNIST format, also Fashion-MNIST): big-endian header — two zero bytes, a type
 * byte, the number of dimensions, then one uint32 per dimension — followed by the values. MNIST's
 * images (magic 2051 = 0x00000803: ubyte, 3 dims) and labels (2049 = 0x00000801: ubyte, 1 dim) are
 * two cases of this generic header, so one parser reads both. Gzip is detected by its magic bytes.
 */
import zlib from 'node:zlib';
import { InvalidInputError } from '@cch-lab/core';
import { readInputFile } from './read-input-file.js';

/** Magic number of MNIST image files (ubyte, 3 dims). */
export const IDX_IMAGES_MAGIC = 2051;
/** Magic number of MNIST label files (ubyte, 1 dim). */
export const IDX_LABELS_MAGIC = 2049;

const IDX_TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

export interface IdxArray {
  /** The values in row-major order. */
  data: Uint8Array;
  /** One entry per dimension, e.g. [60000, 28, 28] for MNIST training images. */
  shape: number[];
  /** The 32-bit magic number: 2051 for images, 2049 for labels. */
  magic: number;
}

/**
 * Reads an IDX file, plain or gzip-compressed (detected by the bytes 1f 8b, not the name).
 * Only the unsigned-byte type (0x08) is read — every MNIST-style file uses it.
 *
 * @param source A path, or the file's bytes (then errors name it '<buffer>').
 * @throws DataNotFoundError for a missing path; InvalidInputError for a bad magic, another element
 *   type, a corrupt gzip stream, or a data block shorter (truncated) or longer than the header says.
 */
export function readIdx(source: string | Uint8Array): IdxArray {
  const file = typeof source === 'string' ? source : '<buffer>';
  let bytes: Uint8Array = typeof source === 'string' ? readInputFile(source, 'IDX') : source;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch (error) {
      throw new InvalidInputError(`corrupt or truncated gzip stream (${(error as Error).message})`, {
        details: { file },
        hint: 'the download was probably cut short; fetch the file again',
        cause: error,
      });
    }
  }
  if (bytes.length < 4) throw truncated(file, 'the 4-byte magic number', 4, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  const type = bytes[2];
  const ndims = bytes[3];
  if (bytes[0] !== 0 || bytes[1] !== 0 || !(type in IDX_TYPE_NAMES) || ndims === 0) {
    throw new InvalidInputError(`not an IDX file: magic number ${magic} (0x${magic.toString(16).padStart(8, '0')})`, {
      details: { file, received: String(magic) },
      hint: `MNIST images start with ${IDX_IMAGES_MAGIC}, labels with ${IDX_LABELS_MAGIC}`,
    });
  }
  if (type !== 0x08) {
    throw new InvalidInputError(`IDX element type 0x${type.toString(16)} (${IDX_TYPE_NAMES[type]}) is not supported; only unsigned byte (0x08) is read`, {
      details: { file, field: 'type', received: IDX_TYPE_NAMES[type] },
    });
  }
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) throw truncated(file, `a header of ${ndims} dimensions`, headerBytes, bytes.length);
  const shape: number[] = [];
  for (let k = 0; k < ndims; k++) shape.push(view.getUint32(4 + 4 * k, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const available = bytes.length - headerBytes;
  if (available < count) throw truncated(file, `shape [${shape.join(', ')}]`, headerBytes + count, bytes.length);
  if (available > count) {
    throw new InvalidInputError(`IDX file longer than its header says: shape [${shape.join(', ')}] needs ${count} data bytes but there are ${available}`, {
      details: { file, received: `${bytes.length} bytes` },
      hint: 'the file may be two files concatenated or a different format',
    });
  }
  return { data: bytes.slice(headerBytes), shape, magic };
}

function truncated(file: string, what: string, expected: number, received: number): InvalidInputError {
  return new InvalidInputError(`truncated IDX file: ${what} needs ${expected} bytes but the file has ${received}`, {
    details: { file, received: `${received} bytes` },
    hint: 'the download was probably cut short; fetch the file again',
  });
}

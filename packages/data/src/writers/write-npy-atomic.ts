/** Arrays as NumPy .npy files (format v1, C order, little-endian), written atomically. */
import os from 'node:os';
import { InvalidInputError } from '@cch-lab/core';
import { formatNpyHeader } from '../readers/npy-format.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Typed arrays writeNpyAtomic accepts. */
export type NpyWritable = Float32Array | Float64Array | Int32Array | Uint8Array;

/**
 * Writes `data` with shape `shape` as an .npy file numpy.load reads: Float32Array → <f4,
 * Float64Array → <f8, Int32Array → <i4, Uint8Array → |u1. Atomic (see writeFileAtomic).
 *
 * @param shape Dimensions whose product is data.length, e.g. [n, 28, 28, 3]; [] for a scalar.
 * @throws InvalidInputError for another array type or a shape that does not match the length;
 *   CchError 'EWRITE' for I/O failures.
 */
export function writeNpyAtomic(file: string, data: NpyWritable, shape: readonly number[]): void {
  const descr = descrOf(data);
  if (descr === undefined) {
    throw new InvalidInputError('writeNpyAtomic: data must be a Float32Array, Float64Array, Int32Array or Uint8Array', {
      details: { file, field: 'data', received: (data as object)?.constructor?.name ?? typeof data },
    });
  }
  if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new InvalidInputError('writeNpyAtomic: shape must be an array of non-negative integers', {
      details: { file, field: 'shape', received: JSON.stringify(shape) },
    });
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length) {
    throw new InvalidInputError(`writeNpyAtomic: shape [${shape.join(', ')}] holds ${size} values but data has ${data.length}`, {
      details: { file, field: 'shape', received: `[${shape.join(', ')}]` },
    });
  }
  writeFileAtomic(file, [formatNpyHeader(descr, shape), littleEndianBytes(data)]);
}

function descrOf(data: unknown): string | undefined {
  if (data instanceof Float32Array) return '<f4';
  if (data instanceof Float64Array) return '<f8';
  if (data instanceof Int32Array) return '<i4';
  if (data instanceof Uint8Array) return '|u1';
  return undefined;
}

function littleEndianBytes(data: NpyWritable): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (os.endianness() === 'LE' || data.BYTES_PER_ELEMENT === 1) return bytes;
  const swapped = bytes.slice();
  for (let i = 0; i < swapped.length; i += data.BYTES_PER_ELEMENT) swapped.subarray(i, i + data.BYTES_PER_ELEMENT).reverse();
  return swapped;
}

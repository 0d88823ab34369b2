/** NumPy .npy arrays, and their reading as a sample × feature matrix. */
import os from 'node:os';
import { InvalidInputError, Matrix } from '@cch-lab/core';
import type { DType } from '@cch-lab/core';
import { parseNpyHeader } from './npy-format.js';
import type { NpyData, NpyDtype } from './npy-format.js';
import { readInputFile } from './read-input-file.js';

export interface NpyArray {
  /** The values in C (row-major) order, in a fresh (aligned, unshared) typed array. */
  data: NpyData;
  shape: number[];
  /** The dtype in the file; int64 arrays come back as Int32Array (see readNpy). */
  dtype: NpyDtype;
}

/**
 * Reads an .npy array (format v1, v2 or v3, C order, little-endian): <f4 → Float32Array,
 * <f8 → Float64Array, <i4 → Int32Array, <i8 → Int32Array when every value fits in int32
 * (numpy's default integer type is int64; labels and indices always fit), |i1 → Int8Array,
 * |u1 and |b1 → Uint8Array.
 *
 * @param source A path, or the file's bytes (then errors name it '<buffer>').
 * @throws DataNotFoundError for a missing path; InvalidInputError for a bad header, Fortran order,
 *   a big-endian or unsupported dtype (named), int64 values outside int32, or a data block that is
 *   shorter or longer than the shape says.
 */
export function readNpy(source: string | Uint8Array): NpyArray {
  const file = typeof source === 'string' ? source : '<buffer>';
  const bytes = typeof source === 'string' ? readInputFile(source, '.npy') : source;
  const header = parseNpyHeader(bytes, file);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const expected = count * header.itemSize;
  const available = bytes.byteLength - header.dataOffset;
  if (available !== expected) {
    const what = available < expected ? 'truncated .npy file' : '.npy file longer than its shape';
    throw new InvalidInputError(`${what}: shape (${header.shape.join(', ')}) of ${header.descr} needs ${expected} data bytes but there are ${available}`, {
      details: { file, received: `${available} bytes` },
      hint: 'the file was cut short or overwritten; copy or save it again',
    });
  }
  // Copying gives an aligned buffer of its own, so the whole file's bytes can be released.
  const raw = new Uint8Array(expected);
  raw.set(bytes.subarray(header.dataOffset, header.dataOffset + expected));
  if (os.endianness() === 'BE' && header.itemSize > 1) swapBytes(raw, header.itemSize);
  return { data: toTypedArray(raw, header.dtype, file), shape: header.shape, dtype: header.dtype };
}

export interface NpyMatrixOptions {
  /** Element type of the matrix. Default 'float64'. */
  dtype?: DType;
}

export interface NpyMatrix {
  /** n × prod(rest): the first axis is samples, the others are flattened in C order. */
  matrix: Matrix;
  /** Shape of one row before flattening: [1] for a 1-d file, [d] for 2-d, e.g. [28, 28, 3] for 4-d images. */
  featureShape: number[];
  dtype: NpyDtype;
}

/**
 * An .npy file as a matrix: 1-d → n × 1, 2-d → n × d, k-d → n × (product of the other axes).
 *
 * @throws InvalidInputError as readNpy, and for a 0-d (scalar) array.
 */
export function readNpyMatrix(source: string | Uint8Array, options: NpyMatrixOptions = {}): NpyMatrix {
  const { data, shape, dtype } = readNpy(source);
  if (shape.length === 0) {
    throw new InvalidInputError('the .npy array is a scalar (shape ()); a matrix needs samples along the first axis', {
      details: { file: typeof source === 'string' ? source : '<buffer>', received: 'shape ()' },
    });
  }
  const rows = shape[0];
  const featureShape = shape.length === 1 ? [1] : shape.slice(1);
  const cols = featureShape.reduce((a, b) => a * b, 1);
  const wanted = options.dtype ?? 'float64';
  const values =
    wanted === 'float32'
      ? data instanceof Float32Array ? data : Float32Array.from(data)
      : data instanceof Float64Array ? data : Float64Array.from(data);
  return { matrix: new Matrix(values, rows, cols), featureShape, dtype };
}

function toTypedArray(raw: Uint8Array, dtype: NpyDtype, file: string): NpyData {
  switch (dtype) {
    case 'float32':
      return new Float32Array(raw.buffer);
    case 'float64':
      return new Float64Array(raw.buffer);
    case 'int32':
      return new Int32Array(raw.buffer);
    case 'int8':
      return new Int8Array(raw.buffer);
    case 'uint8':
    case 'bool':
      return raw;
    case 'int64': {
      const wide = new BigInt64Array(raw.buffer);
      const out = new Int32Array(wide.length);
      for (let i = 0; i < wide.length; i++) {
        const v = wide[i];
        if (v > 2147483647n || v < -2147483648n) {
          throw new InvalidInputError(`int64 value ${v} at flat index ${i} does not fit in int32`, {
            details: { file, field: 'dtype', received: String(v) },
            hint: "int64 arrays are read as int32; save larger values as float64 (a.astype('<f8'))",
          });
        }
        out[i] = Number(v);
      }
      return out;
    }
  }
}

function swapBytes(raw: Uint8Array, size: number): void {
  for (let i = 0; i < raw.length; i += size) raw.subarray(i, i + size).reverse();
}

/**
 * The NumPy .npy format (numpy.lib.format): magic "\x93NUMPY", version byte pair, a little-endian
 * header length (uint16 in v1, uint32 in v2/v3), a Python-literal header dict
 * {'descr', 'fortran_order', 'shape'} padded with spaces to a multiple of 64 bytes and ending in
 * '\n', then the raw array bytes. Shared by readNpy and writeNpyAtomic.
 */
import os from 'node:os';
import { InvalidInputError } from '@cch-lab/core';

/** Element types this package reads and writes, by their numpy name. */
export const NPY_DTYPES = ['float32', 'float64', 'int32', 'int64', 'int8', 'uint8', 'bool'] as const;
export type NpyDtype = (typeof NPY_DTYPES)[number];

/** The typed array each dtype is read into (int64 is narrowed to int32, see readNpy). */
export type NpyData = Float32Array | Float64Array | Int32Array | Int8Array | Uint8Array;

export const NPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);

/** descr (without the byte-order character) → dtype and item size in bytes. */
const DESCR: Record<string, { dtype: NpyDtype; itemSize: number }> = {
  f4: { dtype: 'float32', itemSize: 4 },
  f8: { dtype: 'float64', itemSize: 8 },
  i4: { dtype: 'int32', itemSize: 4 },
  i8: { dtype: 'int64', itemSize: 8 },
  i1: { dtype: 'int8', itemSize: 1 },
  u1: { dtype: 'uint8', itemSize: 1 },
  b1: { dtype: 'bool', itemSize: 1 },
};

export interface NpyHeader {
  dtype: NpyDtype;
  /** The descr string as written in the file, e.g. '<f4'. */
  descr: string;
  itemSize: number;
  shape: number[];
  /** Byte offset of the array data. */
  dataOffset: number;
}

/**
 * Parses and checks the header of an .npy file.
 *
 * @throws InvalidInputError for a bad magic, an unknown version, Fortran order, a big-endian or
 *   unsupported dtype, or a malformed dict.
 */
export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 10 || !buf.subarray(0, 6).equals(NPY_MAGIC)) {
    throw new InvalidInputError('not an .npy file (it does not start with \\x93NUMPY)', {
      details: { file, received: JSON.stringify(buf.subarray(0, 6).toString('latin1')) },
      hint: 'save arrays with numpy.save; .npz archives and pickles are not read',
    });
  }
  const major = buf[6];
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new InvalidInputError(`unsupported .npy format version ${major}.${buf[7]}; versions 1, 2 and 3 are read`, {
      details: { file, received: `${major}.${buf[7]}` },
    });
  }
  const start = major === 1 ? 10 : 12;
  if (buf.length < start) throw truncated(file, 'header', start, buf.length);
  const headerLength = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  if (buf.length < start + headerLength) throw truncated(file, 'header', start + headerLength, buf.length);
  const text = buf.subarray(start, start + headerLength).toString(major === 3 ? 'utf8' : 'latin1');

  const descrMatch = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text);
  const fortranMatch = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (descrMatch === null || fortranMatch === null || shapeMatch === null) {
    throw new InvalidInputError('the .npy header is not a plain {descr, fortran_order, shape} dict (structured dtypes are not read)', {
      details: { file, received: text.trim().slice(0, 200) },
    });
  }
  const descr = descrMatch[1];
  if (fortranMatch[1] === 'True') {
    throw new InvalidInputError('the array is stored in Fortran (column-major) order; only C order is read', {
      details: { file, received: 'fortran_order: True' },
      hint: 'save np.ascontiguousarray(a) instead',
    });
  }
  const shape = shapeMatch[1]
    .split(',')
    .map((s) => s.trim().replace(/L$/, ''))
    .filter((s) => s !== '')
    .map(Number);
  if (!shape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new InvalidInputError('the .npy shape is not a tuple of non-negative integers', {
      details: { file, received: `(${shapeMatch[1]})` },
    });
  }
  const order = descr[0];
  const kind = DESCR[descr.slice(1)];
  const littleOrNative = order === '<' || order === '|' || (order === '=' && os.endianness() === 'LE');
  if (kind === undefined || !(littleOrNative || kind.itemSize === 1)) {
    const bigEndian = order === '>' || (order === '=' && os.endianness() === 'BE');
    throw new InvalidInputError(
      bigEndian && kind !== undefined
        ? `big-endian dtype '${descr}' is not supported`
        : `dtype '${descr}' is not supported; readable: <f4, <f8, <i4, <i8, |i1, |u1, |b1`,
      {
        details: { file, field: 'dtype', received: descr },
        hint: bigEndian ? `re-save with a.astype('<${descr.slice(1)}')` : "convert first, e.g. a.astype('<f4') or a.astype('<i4')",
      },
    );
  }
  return { dtype: kind.dtype, descr, itemSize: kind.itemSize, shape, dataOffset: start + headerLength };
}

/** The header bytes (v1, or v2 when the dict is too long) for an array of `descr` and `shape`, padded to 64 bytes. */
export function formatNpyHeader(descr: string, shape: readonly number[]): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const v1 = dict.length + 64 <= 0xffff;
  const prefix = v1 ? 10 : 12;
  const padded = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const headerText = dict + ' '.repeat(padded - prefix - dict.length - 1) + '\n';
  const out = Buffer.alloc(prefix + headerText.length);
  NPY_MAGIC.copy(out, 0);
  out[6] = v1 ? 1 : 2;
  out[7] = 0;
  if (v1) out.writeUInt16LE(headerText.length, 8);
  else out.writeUInt32LE(headerText.length, 8);
  out.write(headerText, prefix, 'latin1');
  return out;
}

function truncated(file: string, what: string, expected: number, received: number): InvalidInputError {
  return new InvalidInputError(`truncated .npy file: the ${what} needs ${expected} bytes but the file has ${received}`, {
    details: { file, received: `${received} bytes` },
    hint: 'the file was cut short; copy or save it again',
  });
}

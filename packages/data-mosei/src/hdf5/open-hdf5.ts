/**
 * Opening an HDF5 file for reading with h5wasm, after checks of our own: h5wasm does not throw when
 * H5Fopen fails (it prints HDF5's error stack to stderr and hands back an invalid id), so the
 * signature and the superblock's end-of-file address are checked first, and the id after.
 */
import fs from 'node:fs';
import h5wasm from 'h5wasm/node';
import { InvalidInputError } from '@cch-lab/core';

/** The 8-byte HDF5 format signature (\x89HDF\r\n\x1a\n). */
export const HDF5_SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

export type H5File = InstanceType<typeof h5wasm.File>;
export type H5Group = InstanceType<typeof h5wasm.Group>;
export type H5Dataset = InstanceType<typeof h5wasm.Dataset>;

/** The wasm module, once openHdf5 has awaited it (readFloats reads through it to see H5Dread's status). */
let h5module: Awaited<typeof h5wasm.ready> | undefined;

/** The superblock as far as the checks need it. */
export interface Hdf5Superblock {
  /** Byte offset of the signature (0, or a user block of 512, 1024, … bytes). */
  offset: number;
  version: number;
  /** End-of-file address stored in the superblock, relative to the base address. */
  storedEof: number | undefined;
}

/**
 * Finds and reads the superblock of `file`.
 *
 * @throws InvalidInputError when the file has no HDF5 signature, or is shorter than the superblock says.
 */
export function checkHdf5File(file: string, what: string): Hdf5Superblock {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    for (let offset = 0; offset + 8 <= size; offset = offset === 0 ? 512 : offset * 2) {
      const head = Buffer.alloc(Math.min(64, size - offset));
      fs.readSync(fd, head, 0, head.length, offset);
      if (!head.subarray(0, 8).equals(HDF5_SIGNATURE)) continue;
      const block = parseSuperblock(head, offset);
      if (block.storedEof !== undefined && offset + block.storedEof > size) {
        throw new InvalidInputError(`truncated HDF5 file: the superblock says it ends at byte ${offset + block.storedEof} but it has ${size} bytes`, {
          details: { file, field: 'superblock', received: `${size} bytes` },
          hint: `the ${what} was cut short (an interrupted download or copy); fetch it again`,
        });
      }
      return block;
    }
  } finally {
    fs.closeSync(fd);
  }
  throw new InvalidInputError(`not an HDF5 file (no HDF5 signature); a ${what} is an HDF5 file`, {
    details: { file, field: 'signature', received: size === 0 ? 'an empty file' : `${size} bytes` },
    hint: `check that the file is the ${what} itself and not an error page or an archive`,
  });
}

function parseSuperblock(head: Buffer, offset: number): Hdf5Superblock {
  const version = head[8];
  // v0/v1: sizes at 13/14, addresses (base, free space, EOF, driver) after 24 (v0) or 28 (v1) bytes.
  // v2/v3: sizes at 9/10, addresses (base, extension, EOF, root) after 12 bytes.
  const sizeOfOffsets = version <= 1 ? head[13] : head[9];
  const start = version === 0 ? 24 : version === 1 ? 28 : 12;
  const eofAt = start + 2 * sizeOfOffsets; // the third address in both layouts
  if (version > 3 || ![2, 4, 8].includes(sizeOfOffsets) || eofAt + sizeOfOffsets > head.length) return { offset, version, storedEof: undefined };
  let eof = 0n;
  let undefinedAddress = true;
  for (let b = sizeOfOffsets - 1; b >= 0; b--) {
    const byte = head[eofAt + b];
    if (byte !== 0xff) undefinedAddress = false;
    eof = (eof << 8n) | BigInt(byte);
  }
  return { offset, version, storedEof: undefinedAddress ? undefined : Number(eof) };
}

/**
 * Opens `file` read-only after checkHdf5File; the caller closes it (try/finally).
 *
 * @param what What the file is, for messages ('computational sequence', 'arrays file').
 * @throws InvalidInputError when the file is not HDF5, is truncated, or HDF5 cannot open it.
 */
export async function openHdf5(file: string, what: string): Promise<H5File> {
  checkHdf5File(file, what);
  h5module = await h5wasm.ready;
  let h5: H5File;
  try {
    h5 = new h5wasm.File(file, 'r');
  } catch (cause) {
    throw corrupt(file, what, cause);
  }
  if (h5.file_id < 0n) throw corrupt(file, what, undefined);
  return h5;
}

/** A file HDF5 (h5wasm) cannot read past the superblock. */
export function corrupt(file: string, what: string, cause: unknown, group?: string): InvalidInputError {
  const reason = cause instanceof Error ? `: ${cause.message}` : '';
  return new InvalidInputError(`corrupt HDF5 file: it could not be read${group !== undefined ? ` at '${group}'` : ''}${reason}`, {
    details: { file, field: group ?? 'file', ...(group !== undefined ? { group } : {}) },
    hint: `the ${what} is damaged; fetch it again`,
    cause,
  });
}

/** The entity at `name` in `group` (null when absent), turning h5wasm failures into InvalidInputError. */
export function getEntity(group: H5Group, name: string, file: string, what: string): unknown {
  try {
    return group.get(name);
  } catch (cause) {
    throw corrupt(file, what, cause, `${group.path === '/' ? '' : group.path}/${name}`);
  }
}

/** Keys of `group`, turning h5wasm failures into InvalidInputError. */
export function groupKeys(group: H5Group, file: string, what: string): string[] {
  try {
    return group.keys();
  } catch (cause) {
    throw corrupt(file, what, cause, group.path);
  }
}

export function isGroup(entity: unknown): entity is H5Group {
  return entity instanceof h5wasm.Group;
}

export function isDataset(entity: unknown): entity is H5Dataset {
  return entity instanceof h5wasm.Dataset;
}

/** The values of a numeric dataset as float64 or float32 (other numeric types become float64). */
export function readFloats(ds: H5Dataset, file: string, what: string): Float32Array | Float64Array {
  let value: unknown;
  try {
    value = readNumericChecked(ds) ?? ds.value;
  } catch (cause) {
    throw corrupt(file, what, cause, ds.path);
  }
  if (value instanceof Float64Array || value instanceof Float32Array) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array)) {
    return Float64Array.from(value as unknown as ArrayLike<number>);
  }
  throw new InvalidInputError(`dataset '${ds.path}' is not numeric`, {
    details: { file, field: ds.path, group: ds.path, received: describeDtype(ds) },
    hint: `the ${what} must hold float features`,
  });
}

/**
 * A numeric dataset's values read through h5wasm's module with H5Dread's status checked; undefined
 * for other types (the caller falls back to `ds.value`). `ds.value` ignores the status: a chunk
 * that fails its filter (a damaged deflate stream) comes back as whatever was in the buffer —
 * garbage read as features, not an error.
 *
 * @throws Error when HDF5 could not read the data.
 */
function readNumericChecked(ds: H5Dataset): Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array | undefined {
  const module = h5module;
  if (module === undefined) return undefined;
  const meta = ds.metadata;
  const integer = meta.type === module.H5T_class_t.H5T_INTEGER.value;
  const float = meta.type === module.H5T_class_t.H5T_FLOAT.value;
  if (meta.vlen || !(integer ? [1, 2, 4, 8].includes(meta.size) : float && [4, 8].includes(meta.size))) return undefined;
  const nbytes = meta.size * meta.total_size;
  const ptr = nbytes > 0 ? module._malloc(nbytes) : 0;
  if (nbytes > 0 && ptr === 0) throw new Error(`could not allocate ${nbytes} bytes for the data`);
  let bytes: ArrayBuffer;
  try {
    if (nbytes > 0 && module.get_dataset_data(ds.file_id, ds.path, null, null, null, BigInt(ptr)) < 0) {
      throw new Error('HDF5 could not read the data (a damaged chunk: its compression filter failed)');
    }
    // The memory type is little-endian whatever the file's order (h5wasm converts on read).
    bytes = module.HEAPU8.slice(ptr, ptr + nbytes).buffer;
  } finally {
    if (ptr !== 0) module._free(ptr);
  }
  if (float) return meta.size === 8 ? new Float64Array(bytes) : new Float32Array(bytes);
  switch (meta.size) {
    case 1:
      return meta.signed ? new Int8Array(bytes) : new Uint8Array(bytes);
    case 2:
      return meta.signed ? new Int16Array(bytes) : new Uint16Array(bytes);
    case 4:
      return meta.signed ? new Int32Array(bytes) : new Uint32Array(bytes);
    default:
      return meta.signed ? new BigInt64Array(bytes) : new BigUint64Array(bytes);
  }
}

export function describeDtype(ds: H5Dataset): string {
  try {
    return JSON.stringify(ds.dtype);
  } catch {
    return 'unknown dtype';
  }
}

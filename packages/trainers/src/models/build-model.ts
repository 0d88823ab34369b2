/** Builds a Network from a model spec and the data's widths, with seeded initial weights. */
import type { Rng } from '@cch-lab/core';
import { cnn } from './cnn.js';
import { linear } from './linear.js';
import { mlp } from './mlp.js';
import { resolveModelSpec, type ModelSpec, type ResolvedModelSpec } from './model-spec.js';
import type { Network } from './network.js';
import type { NetworkShape } from './network-shape.js';

/**
 * Same spec, shape and seed → the same initial weights on every backend.
 * @throws UnknownMethodError / InvalidInputError for a bad spec (see resolveModelSpec, cnn).
 */
export function buildModel(spec: ModelSpec | ResolvedModelSpec, shape: NetworkShape, rng: Rng): Network {
  const resolved = resolveModelSpec(spec);
  switch (resolved.kind) {
    case 'linear':
      return linear(resolved, shape, rng);
    case 'mlp':
      return mlp(resolved, shape, rng);
    case 'cnn':
      return cnn(resolved, shape, rng);
  }
}

/**
 * Inverted dropout: in training, zero each unit with probability `rate` and scale the rest by
 * 1/(1 − rate); identity at inference. Each call takes a fresh seed from the context, so masks
 * differ between steps yet repeat exactly for the same run seed.
 */
import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

export function dropout(name: string, rate: number, shape: readonly number[]): Layer {
  return {
    name,
    type: 'dropout',
    trainable: [],
    state: [],
    outputShape: [...shape],
    op: { kind: 'dropout', rate },
    apply: (x, context) => (context.training && rate > 0 ? tf.dropout(x, rate, undefined, context.nextSeed()) : x),
  };
}

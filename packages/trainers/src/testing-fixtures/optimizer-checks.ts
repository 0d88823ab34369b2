/** Checks shared by the fused optimizers' tests (native resource twins, wasm CchAdamStep). */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer, OptimizerOptions } from '../optimizers.js';

/**
 * One Adam step (lr 0.1, g = [1, −1, 1]) on θ = [1, 2, 3] after a clone of θ was taken, as a
 * best-weights checkpoint does: returns the clone's values and θ's, rounded to 4 decimals
 * (expected: [1, 2, 3] and [0.9, 2.1, 2.9]).
 */
export function checkpointAcrossOneStep(make: (options: OptimizerOptions, variables: readonly tf.Variable[]) => Optimizer): { checkpoint: number[]; after: number[] } {
  const v = tf.variable(tf.tensor1d([1, 2, 3]));
  const checkpoint = tf.keep(v.clone());
  const optimizer = make({ name: 'adam', learningRate: 0.1 }, [v]);
  tf.tidy(() => optimizer.apply([tf.tensor1d([1, -1, 1])], 0.1));
  const out = { checkpoint: Array.from(checkpoint.dataSync()), after: Array.from(v.dataSync()).map((x) => Number(x.toFixed(4))) };
  optimizer.dispose();
  tf.dispose([v, checkpoint]);
  return out;
}

/** The benchmark's two architectures, as lean networks and as the equivalent Keras-style models. */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../models/model-spec.js';

export const BENCH_MODELS = ['mlp', 'cnn'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];

export interface BenchArchitecture {
  /** Columns of one input row. */
  inputWidth: number;
  /** Shape of one row for the CNN (HWC). */
  featureShape?: number[];
  spec: ModelSpec;
  /** The same network as a tf.LayersModel, for the model.fit baseline. */
  keras: () => tf.LayersModel;
  /** One-line description for tables. */
  description: string;
}

export const BENCH_ARCHITECTURES: Record<BenchModel, BenchArchitecture> = {
  mlp: {
    inputWidth: 784,
    spec: { kind: 'mlp', hidden: [256] },
    description: 'MLP 784-256-10',
    keras: () =>
      tf.sequential({
        layers: [
          tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
  },
  cnn: {
    inputWidth: 28 * 28 * 3,
    featureShape: [28, 28, 3],
    spec: { kind: 'cnn', filters: [8, 16], kernelSize: 3, poolSize: 2, padding: 'same' },
    description: 'CNN conv8(3×3)-pool-conv16(3×3)-pool-dense10, 28×28×3',
    keras: () =>
      tf.sequential({
        layers: [
          tf.layers.reshape({ inputShape: [28 * 28 * 3], targetShape: [28, 28, 3] }),
          tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10, activation: 'softmax' }),
        ],
      }),
  },
};

import * as tf from '@tensorflow/tfjs';
import { Matrix, createRng, testing } from '@cch-lab/core';
import { buildModel } from './models/build-model.js';
import { extractRepresentation, modelOutputs } from './representations.js';
import { useBackend } from './testing-fixtures/backends.js';

/** The same float32 arithmetic, batched or not. */
const F32 = { rtol: 1e-6, atol: 1e-6 };

describe('trainers/representations', () => {
  beforeAll(() => useBackend('wasm'));

  test('penultimate activations by default, any layer by name, equal across batch sizes', () => {
    const net = buildModel({ kind: 'mlp', hidden: [5, 3] }, { inputWidth: 4, outputUnits: 2 }, createRng(1));
    const x = new Matrix(Float32Array.from({ length: 7 * 4 }, (_, i) => Math.sin(i)), 7, 4);
    const h = extractRepresentation(net, x);
    expect([h.rows, h.cols]).toEqual([7, 3]);
    expect(Array.from(h.data).every((v) => v >= 0)).toBe(true); // after relu
    const hBatched = extractRepresentation(net, x, { batchSize: 2 });
    testing.expectArraysClose(hBatched.data, h.data, F32);
    const first = extractRepresentation(net, x, { layer: 'dense_1' });
    expect(first.cols).toBe(5);
    // By hand: hidden_2 = relu(dense_2(relu(dense_1(x)))) and the output is dense on it.
    const out = modelOutputs(net, x);
    const [w, b] = net.layers[net.layerIndex('output')].trainable.map((v) => v.dataSync());
    const manual = Array.from({ length: 7 * 2 }, (_, k) => {
      const [i, j] = [Math.floor(k / 2), k % 2];
      return b[j] + [0, 1, 2].reduce((s, c) => s + h.get(i, c) * w[c * 2 + j], 0);
    });
    testing.expectArraysClose(out.data, manual, F32);
    net.dispose();
  });

  test('no tensors are left behind; a wrong width is a typed error', () => {
    const net = buildModel({ kind: 'linear' }, { inputWidth: 3, outputUnits: 2 }, createRng(1));
    const before = tf.memory().numTensors;
    extractRepresentation(net, Matrix.zeros(5, 3, 'float32'));
    expect(tf.memory().numTensors).toBe(before);
    expect(() => extractRepresentation(net, Matrix.zeros(5, 4))).toThrow(/rows of 3 values but the input has 4/);
    expect(() => extractRepresentation(net, Matrix.zeros(5, 3), { layer: 'hidden_1' })).toThrow(/layers: output/);
    net.dispose();
  });
});

import * as tf from '@tensorflow/tfjs';
import { InvalidInputError, createRng } from '@cch-lab/core';
import { buildModel } from './build-model.js';
import { INFERENCE } from './layers/layer.js';
import { useBackend } from '../testing-fixtures/backends.js';

describe('trainers/models/build-model', () => {
  beforeAll(() => useBackend('cpu'));

  test('MLP: layer names, penultimate representation, parameter count', () => {
    const net = buildModel({ kind: 'mlp', hidden: [16, 8], dropout: 0.2, batchNorm: true }, { inputWidth: 5, outputUnits: 3 }, createRng(1));
    expect(net.layerNames()).toEqual([
      'dense_1', 'batchnorm_1', 'hidden_1', 'dropout_1',
      'dense_2', 'batchnorm_2', 'hidden_2', 'dropout_2',
      'output',
    ]);
    expect(net.representationLayer).toBe('hidden_2');
    // dense (5·16+16) + bn (2·16) + dense (16·8+8) + bn (2·8) + output (8·3+3)
    expect(net.parameterCount()).toBe(96 + 32 + 136 + 16 + 27);
    const shapes = tf.tidy(() => [net.apply(tf.ones([4, 5])).shape, net.apply(tf.ones([4, 5]), INFERENCE, 'hidden_1').shape]);
    expect(shapes).toEqual([[4, 3], [4, 16]]);
    net.dispose();
  });

  test('linear: the representation is the output; no bias when asked', () => {
    const net = buildModel({ kind: 'linear', bias: false }, { inputWidth: 4, outputUnits: 1 }, createRng(1));
    expect(net.layerNames()).toEqual(['output']);
    expect(net.representationLayer).toBe('output');
    expect(net.parameterCount()).toBe(4);
    net.dispose();
  });

  test('CNN: the benchmark architecture on 28×28×3 flattens 7·7·16 conv features', () => {
    const net = buildModel({ kind: 'cnn' }, { inputWidth: 28 * 28 * 3, featureShape: [28, 28, 3], outputUnits: 10 }, createRng(1));
    expect(net.layerNames()).toEqual(['image', 'conv_1', 'conv_act_1', 'pool_1', 'conv_2', 'conv_act_2', 'pool_2', 'flatten', 'output']);
    expect(net.layerOutputShape('flatten')).toEqual([784]);
    expect(net.representationLayer).toBe('flatten');
    const shape = tf.tidy(() => net.apply(tf.ones([2, 28 * 28 * 3])).shape);
    expect(shape).toEqual([2, 10]);
    net.dispose();
  });

  test('CNN: 32×32×3 images (the CIFAR-sized case) flatten 8·8·16 conv features', () => {
    const net = buildModel({ kind: 'cnn' }, { inputWidth: 32 * 32 * 3, featureShape: [32, 32, 3], outputUnits: 10 }, createRng(1));
    expect(net.layerOutputShape('pool_1')).toEqual([16, 16, 8]);
    expect(net.layerOutputShape('flatten')).toEqual([8 * 8 * 16]);
    const shapes = tf.tidy(() => [net.apply(tf.ones([2, 32 * 32 * 3])).shape, net.apply(tf.ones([2, 32 * 32 * 3]), INFERENCE, 'flatten').shape]);
    expect(shapes).toEqual([[2, 10], [2, 1024]]);
    net.dispose();
  });

  test('the same seed gives the same initial weights; another seed does not', () => {
    const spec = { kind: 'mlp' as const, hidden: [6] };
    const shape = { inputWidth: 4, outputUnits: 2 };
    const [a, b, c] = [1, 1, 2].map((seed) => buildModel(spec, shape, createRng(seed)));
    expect(a.readWeights()).toEqual(b.readWeights());
    expect(a.readWeights()[0]).not.toEqual(c.readWeights()[0]);
    [a, b, c].forEach((n) => n.dispose());
  });

  test('dropout is active only in training, with a seeded mask; batch norm updates running statistics in training', () => {
    const net = buildModel({ kind: 'mlp', hidden: [32], dropout: 0.5, batchNorm: true }, { inputWidth: 3, outputUnits: 2 }, createRng(3));
    const x = tf.tensor2d([[1, 2, 3], [4, 5, 6], [-1, 0, 2]]);
    const context = (seed: number) => ({ training: true, nextSeed: () => seed });
    const [eval1, eval2, train1, train1Again, train2] = tf.tidy(() => [
      net.apply(x, INFERENCE, 'dropout_1').dataSync(),
      net.apply(x, INFERENCE, 'dropout_1').dataSync(),
      net.apply(x, context(7), 'dropout_1').dataSync(),
      net.apply(x, context(7), 'dropout_1').dataSync(),
      net.apply(x, context(8), 'dropout_1').dataSync(),
    ]);
    expect(eval1).toEqual(eval2);
    expect(train1).toEqual(train1Again);
    expect(train1).not.toEqual(train2);
    expect(Array.from(train1).filter((v) => v === 0).length).toBeGreaterThan(0);
    const running = net.layers.find((l) => l.name === 'batchnorm_1')!.state[0].dataSync();
    expect(Array.from(running).some((v) => v !== 0)).toBe(true);
    x.dispose();
    net.dispose();
  });

  test('a CNN whose image shape does not match the input width is a typed error', () => {
    expect(() => buildModel({ kind: 'cnn' }, { inputWidth: 100, featureShape: [28, 28, 3], outputUnits: 10 }, createRng(1))).toThrow(InvalidInputError);
    expect(() => buildModel({ kind: 'cnn' }, { inputWidth: 100, outputUnits: 10 }, createRng(1))).toThrow(/featureShapes/);
    expect(() => buildModel({ kind: 'cnn', padding: 'valid', filters: [4, 4, 4] }, { inputWidth: 64, featureShape: [8, 8, 1], outputUnits: 2 }, createRng(1))).toThrow(/shrinks/);
  });

  test('representation by an unknown layer name lists the layers', () => {
    const net = buildModel({ kind: 'mlp', hidden: [4] }, { inputWidth: 2, outputUnits: 2 }, createRng(1));
    expect(() => tf.tidy(() => net.apply(tf.ones([1, 2]), INFERENCE, 'penultimate'))).toThrow(/dense_1, hidden_1, output/);
    net.dispose();
  });
});

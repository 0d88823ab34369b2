import { InvalidInputError, UnknownMethodError } from '@cch-lab/core';
import { resolveModelSpec } from './model-spec.js';

describe('trainers/models/model-spec', () => {
  test('defaults are filled in', () => {
    expect(resolveModelSpec({ kind: 'mlp' })).toEqual({ kind: 'mlp', hidden: [128], activation: 'relu', dropout: 0, batchNorm: false });
    expect(resolveModelSpec({ kind: 'cnn' })).toMatchObject({ filters: [8, 16], kernelSize: 3, poolSize: 2, padding: 'same', dense: [] });
    expect(resolveModelSpec({ kind: 'linear' })).toEqual({ kind: 'linear', bias: true });
  });
  test('unknown kinds and activations list the valid names', () => {
    expect(() => resolveModelSpec({ kind: 'transformer' })).toThrow(UnknownMethodError);
    expect(() => resolveModelSpec({ kind: 'transformer' })).toThrow(/linear, mlp, cnn/);
    expect(() => resolveModelSpec({ kind: 'mlp', activation: 'swish' })).toThrow(/relu, tanh/);
  });
  test('bad widths and rates name the field', () => {
    expect(() => resolveModelSpec({ kind: 'mlp', hidden: [64, 0] })).toThrow(InvalidInputError);
    expect(() => resolveModelSpec({ kind: 'mlp', hidden: [64, 0] })).toThrow(/model.hidden\[1\]/);
    expect(() => resolveModelSpec({ kind: 'mlp', dropout: 1 })).toThrow(/model.dropout/);
    expect(() => resolveModelSpec({ kind: 'cnn', imageShape: [28, 28] })).toThrow(/model.imageShape/);
    expect(() => resolveModelSpec(null)).toThrow(/one of linear, mlp, cnn/);
  });
});

import { InvalidInputError, UnknownMethodError } from '@cch-lab/core';
import { TRAIN_DEFAULTS, resolveTrainOptions } from './train-options.js';

describe('trainers/fit/train-options', () => {
  test('defaults are documented values and frozen', () => {
    const o = resolveTrainOptions();
    expect(o).toMatchObject({ epochs: 20, batchSize: 128, earlyStopping: null, classWeights: 'none', evalBatchSize: 1024, schedule: { name: 'constant' } });
    expect(o.optimizer).toMatchObject({ name: 'adam', learningRate: 1e-3 });
    expect(Object.isFrozen(TRAIN_DEFAULTS)).toBe(true);
  });
  test('the MFH benchmark settings are a plain configuration', () => {
    const o = resolveTrainOptions({ epochs: 1000, batchSize: 'full', optimizer: { name: 'sgd', learningRate: 0.1 } });
    expect(o).toMatchObject({ epochs: 1000, batchSize: 'full', optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0 } });
  });
  test('early stopping gets its defaults; bad values name the field', () => {
    expect(resolveTrainOptions({ earlyStopping: { patience: 5 } }).earlyStopping).toEqual({ patience: 5, monitor: 'val_loss', minDelta: 0, restoreBestWeights: true });
    expect(() => resolveTrainOptions({ earlyStopping: { patience: 5, monitor: 'loss' as 'val_loss' } })).toThrow(UnknownMethodError);
    expect(() => resolveTrainOptions({ epochs: 0 })).toThrow(/train.epochs/);
    expect(() => resolveTrainOptions({ batchSize: 12.5 })).toThrow(/train.batchSize/);
    expect(() => resolveTrainOptions({ classWeights: 'auto' as 'none' })).toThrow(InvalidInputError);
    expect(() => resolveTrainOptions({ classWeights: [1, -1] })).toThrow(/train.classWeights\[1\]/);
  });
});

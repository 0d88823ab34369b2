import { UnknownMethodError, testing } from '@cch-lab/core';
import { learningRateAt, resolveSchedule } from './schedules.js';

const EXACT = { atol: 1e-15 };

describe('trainers/schedules', () => {
  test('each schedule by hand', () => {
    expect(learningRateAt({ name: 'constant' }, 0.1, 7, 10)).toBe(0.1);
    testing.expectClose(learningRateAt(resolveSchedule({ name: 'step', stepSize: 3 }), 0.1, 7, 10), 0.1 * 0.01, EXACT);
    testing.expectClose(learningRateAt({ name: 'exponential', gamma: 0.5 }, 0.1, 3, 10), 0.0125, EXACT);
    testing.expectClose(learningRateAt({ name: 'cosine', minLearningRate: 0.01 }, 0.11, 5, 10), 0.06, EXACT);
    expect(learningRateAt({ name: 'cosine' }, 0.1, 0, 10)).toBe(0.1);
  });
  test('bad schedules are typed errors', () => {
    expect(() => resolveSchedule({ name: 'warmup' } as never)).toThrow(UnknownMethodError);
    expect(() => resolveSchedule({ name: 'step', stepSize: 0 })).toThrow(/schedule.stepSize/);
  });
});

import { median, timeEpoch } from './time-epoch.js';

/** A fake job whose steps "take" no time but record what was run. */
function recorder() {
  const runs: number[] = [];
  const disposed: number[] = [];
  const prepare = (steps: number) => ({ run: async () => void runs.push(steps), dispose: () => void disposed.push(steps) });
  return { runs, disposed, prepare };
}

describe('trainers/bench/time-epoch', () => {
  test('within budget: warm-up step, probe, an untimed warm-up epoch, then the timed epochs', async () => {
    const r = recorder();
    const timing = await timeEpoch(r.prepare, 10, 2, 60);
    expect(r.runs).toEqual([1, 3, 10, 10, 10]);
    expect(r.disposed).toEqual([1, 3, 10]);
    expect(timing.extrapolated).toBe(false);
    expect(timing.stepsTimed).toBe(20);
  });

  test('over budget: extrapolated from the probe, and says so', async () => {
    const r = recorder();
    const slow = (steps: number) => ({
      run: async () => {
        const until = performance.now() + 5 * steps;
        while (performance.now() < until) {
          // busy-wait 5 ms a step
        }
        r.runs.push(steps);
      },
      dispose: () => undefined,
    });
    const timing = await timeEpoch(slow, 1000, 1, 1);
    expect(r.runs).toEqual([1, 3]);
    expect(timing.extrapolated).toBe(true);
    expect(timing.stepsTimed).toBe(3);
    expect(timing.seconds).toBeGreaterThan(4); // ≈ 5 ms × 1000 steps
  });

  test('reports the median of the timed epochs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0.5])).toBe(0.5);
  });
});

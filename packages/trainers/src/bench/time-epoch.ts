/**
 * Times one training epoch of `totalSteps` steps, in steady state: a warm-up step (kernel setup,
 * operator caches), a short probe, then one untimed warm-up epoch (the first full epoch also pays
 * for growing the wasm heap: ~0.9 s against ~0.6 s for the MLP) and `epochs` timed ones (their
 * median reported, as the PyTorch reference does) — or, when the probe predicts that this exceeds
 * `budgetSeconds`, the probe's per-step time × totalSteps, flagged as extrapolated. Data
 * preparation (tensor uploads) is never timed.
 */
export interface EpochTiming {
  /** Seconds per epoch. */
  seconds: number;
  /** True when predicted from the probe instead of measured on whole epochs. */
  extrapolated: boolean;
  /** Steps actually timed. */
  stepsTimed: number;
}

/** Prepares the data for `steps` consecutive training steps; `run` trains them. */
export type PrepareSteps = (steps: number) => { run: () => Promise<void>; dispose: () => void };

export async function timeEpoch(
  prepare: PrepareSteps,
  totalSteps: number,
  epochs: number,
  budgetSeconds: number,
  probeSteps = 3,
): Promise<EpochTiming> {
  /** Seconds of each of `repeats` runs after `warmUps` untimed ones. */
  const timed = async (steps: number, repeats: number, warmUps: number): Promise<number[]> => {
    const job = prepare(steps);
    try {
      for (let r = 0; r < warmUps; r++) await job.run();
      const seconds: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const t = performance.now();
        await job.run();
        seconds.push((performance.now() - t) / 1000);
      }
      return seconds;
    } finally {
      job.dispose();
    }
  };
  const probe = Math.min(probeSteps, totalSteps);
  await timed(1, 0, 1);
  const perStep = (await timed(probe, 1, 0))[0] / probe;
  if (perStep * totalSteps * (epochs + 1) > budgetSeconds) {
    return { seconds: perStep * totalSteps, extrapolated: true, stepsTimed: probe };
  }
  return { seconds: median(await timed(totalSteps, epochs, 1)), extrapolated: false, stepsTimed: totalSteps * epochs };
}

/** The median (the PyTorch reference reports the median of its epochs too). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

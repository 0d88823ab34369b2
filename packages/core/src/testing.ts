/**
 * Numeric assertions for tests (exported as the `testing` namespace). They throw plain Errors so
 * they work under any runner, check shape and length before values, and name the first index
 * that differs. Every tolerance passed in should be a named constant with a reason at the caller.
 */

export interface Tolerance {
  /** Absolute tolerance. Default 0. */
  atol?: number;
  /** Relative tolerance (of |expected|). Default 0. */
  rtol?: number;
}

/** |actual − expected| ≤ atol + rtol·|expected|. NaN never passes; equal infinities do. */
export function expectClose(actual: number, expected: number, tolerance: Tolerance, label = 'value'): void {
  if (!isClose(actual, expected, tolerance)) {
    throw new Error(
      `${label}: expected ${expected} ± (atol ${tolerance.atol ?? 0}, rtol ${tolerance.rtol ?? 0}), received ${actual} (difference ${actual - expected})`,
    );
  }
}

export function expectArraysClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance,
  label = 'array',
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: length ${actual.length}, expected ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    if (!isClose(actual[i], expected[i], tolerance)) {
      throw new Error(
        `${label}: first difference at index ${i}: received ${actual[i]}, expected ${expected[i]} (atol ${tolerance.atol ?? 0}, rtol ${tolerance.rtol ?? 0})`,
      );
    }
  }
}

/** |estimate − truth| ≤ z·se: a Monte Carlo or estimator check stated in standard errors. */
export function expectWithinSe(estimate: number, truth: number, se: number, z = 3, label = 'estimate'): void {
  if (!(Math.abs(estimate - truth) <= z * se)) {
    throw new Error(
      `${label}: ${estimate} is ${((estimate - truth) / se).toFixed(2)} standard errors from ${truth} (se ${se}, allowed ${z})`,
    );
  }
}

/** Runs `fn` twice and fails when the second run leaves more live tensors than it found. */
export async function expectNoLeakedTensors(fn: () => unknown | Promise<unknown>, label = 'function'): Promise<void> {
  await fn();
  // Loaded here: the testing helpers ship in core's index, which must not load tfjs.
  const tf = await import('@tensorflow/tfjs');
  const before = tf.memory().numTensors;
  await fn();
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`${label}: leaked ${after - before} tensors (${before} → ${after})`);
}

function isClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return false;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  return Math.abs(actual - expected) <= (tolerance.atol ?? 0) + (tolerance.rtol ?? 0) * Math.abs(expected);
}

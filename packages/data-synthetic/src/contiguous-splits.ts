/** Splits for generated rows laid out train, then val, then test (i.i.d. rows: order is irrelevant). */
import type { Splits } from '@cch-lab/data';

/** Index arrays 0..nTrain−1, then nVal, then nTest rows; `val` only when nVal > 0. */
export function contiguousSplits(nTrain: number, nVal: number, nTest: number): Splits {
  const range = (start: number, count: number) => Int32Array.from({ length: count }, (_, i) => start + i);
  const splits: Splits = { train: range(0, nTrain), test: range(nTrain + nVal, nTest) };
  if (nVal > 0) splits.val = range(nTrain, nVal);
  return splits;
}

/** Mean absolute error and Pearson's r of predictions against targets (MOSEI reports both). */
import { InvalidInputError } from '@cch-lab/core';

function checkLengths(where: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new InvalidInputError(`${where}: ${yTrue.length} targets but ${yPred.length} predictions`, { details: { field: 'yPred', received: String(yPred.length) } });
  }
}

/** Mean absolute error, accumulated in float64 (NaN for no rows). */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths('meanAbsoluteError', yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i] - yPred[i]);
  return yTrue.length === 0 ? Number.NaN : sum / yTrue.length;
}

/** Pearson's correlation; null when either side is constant or there are fewer than two rows. */
export function pearsonR(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number | null {
  checkLengths('pearsonR', yTrue, yPred);
  const n = yTrue.length;
  if (n < 2) return null;
  let mt = 0;
  let mp = 0;
  for (let i = 0; i < n; i++) {
    mt += yTrue[i];
    mp += yPred[i];
  }
  mt /= n;
  mp /= n;
  let stp = 0;
  let stt = 0;
  let spp = 0;
  for (let i = 0; i < n; i++) {
    const a = yTrue[i] - mt;
    const b = yPred[i] - mp;
    stp += a * b;
    stt += a * a;
    spp += b * b;
  }
  return stt === 0 || spp === 0 ? null : Math.max(-1, Math.min(1, stp / Math.sqrt(stt * spp)));
}

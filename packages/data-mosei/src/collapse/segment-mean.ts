/**
 * The one collapse of a sequence to a vector: the plain mean over its frames (the SDK's example
 * `myavg`, numpy.average over time). The trainers have no sequence models, so every modality of a
 * segment becomes this mean. Non-finite values (COVAREP's −inf, NaN) count as 0, and are counted.
 */

// A module binding: under jest a global lookup in this loop costs ≈ 400 ns.
const { isFinite } = Number;

/**
 * Writes the mean of the chosen frame rows of a frames × dim block (row-major) to
 * out[outOffset … outOffset + dim), each non-finite value replaced by 0 first.
 *
 * @param rowIndices the frame rows to average; null averages all `frameRows`.
 * @returns how many values were non-finite.
 */
export function segmentMean(
  frames: ArrayLike<number>,
  rowIndices: ArrayLike<number> | null,
  frameRows: number,
  dim: number,
  out: Float32Array,
  outOffset: number,
): number {
  const count = rowIndices === null ? frameRows : rowIndices.length;
  const sum = new Float64Array(dim);
  let nonFinite = 0;
  for (let r = 0; r < count; r++) {
    const base = (rowIndices === null ? r : rowIndices[r]) * dim;
    for (let j = 0; j < dim; j++) {
      const v = frames[base + j];
      if (isFinite(v)) sum[j] += v;
      else nonFinite++;
    }
  }
  for (let j = 0; j < dim; j++) out[outOffset + j] = count > 0 ? sum[j] / count : 0;
  return nonFinite;
}
